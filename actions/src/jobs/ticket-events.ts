import { z } from 'zod';
import type { Tx } from '../db-session.ts';
import { satisfactionToken } from '../desk/satisfaction-token.ts';
import { queueEmail } from '../email/send.job.ts';
import { outboxTokenContext } from '../identity/emails.ts';
import type { SecretBox } from '../identity/secrets.ts';
import { wantsInApp } from './preferences.ts';
import { PermanentError, type EffectHandler, type FollowUp, type OutboxEvent } from './effects.ts';

export const TICKET_REPLY_EVENT_TYPE = 'ticket.reply';
export const TICKET_NOTE_EVENT_TYPE = 'ticket.note';
export const TICKET_REPLY_TEMPLATE = 'ticket.reply';

const messagePayload = z.object({
  message_id: z.uuid(),
  ticket_id: z.uuid(),
  visibility: z.enum(['public', 'internal']),
  author_id: z.uuid().nullable(),
  from_desk: z.boolean(),
});

interface TicketMessage {
  number: string;
  subject: string;
  requester_id: string;
  visibility: 'public' | 'internal';
  body: string;
}

/** Members of a ticket's desk or public audience (app.ticket_audience), without the author. */
async function audience(tx: Tx, ticketId: string, which: 'desk' | 'public', authorId: string | null): Promise<string[]> {
  const [row] = await tx`select app.ticket_audience(${ticketId}, ${which}) as ids`;
  return ((row?.ids ?? []) as string[]).filter((id) => id !== authorId);
}

async function notifyInApp(tx: Tx, event: OutboxEvent, userIds: string[], eventType: string, title: string, ticketId: string, data: object): Promise<void> {
  const wanted = await wantsInApp(tx, userIds, eventType);
  for (const userId of userIds.filter((id) => wanted.has(id))) {
    await tx`
      insert into notifications (org_id, user_id, event_type, title, data, entity_type, entity_id)
      values (${event.org_id}, ${userId}, ${eventType}, ${title}, ${tx.json({ ...data, event_id: event.id })}, 'ticket', ${ticketId})`;
  }
}

/** Requesters get desk replies by email unless they turned ticket.reply email off (or muted it). */
async function emailOptedOut(tx: Tx, userId: string): Promise<boolean> {
  const [row] = await tx`
    select true as out from notification_preferences
     where user_id = ${userId} and channel = 'email' and event_type = ${TICKET_REPLY_EVENT_TYPE}
       and (not enabled or coalesce(muted_until > now(), false))`;
  return row !== undefined;
}

/**
 * ticket.message_created. An internal note reaches the desk audience only, with no text. A public
 * desk reply is emailed to the requester (its text, read back as a public message) and announced
 * in-app to the public audience; a requester's reply is announced to the desk audience.
 */
export const ticketMessageCreated: EffectHandler = async (tx, event) => {
  const parsed = messagePayload.safeParse(event.payload);
  if (!parsed.success) throw new PermanentError(`ticket.message_created payload: ${parsed.error.message}`);
  const { message_id, ticket_id, author_id, from_desk } = parsed.data;
  const [message] = (await tx`
    select t.number::text as number, t.subject, t.requester_id, m.visibility, m.body
      from ticket_messages m join tickets t on t.id = m.ticket_id
     where m.id = ${message_id} and t.id = ${ticket_id}`) as unknown as TicketMessage[];
  if (!message) return [];
  const data = { message_id, number: Number(message.number) };

  if (message.visibility === 'internal') {
    await notifyInApp(tx, event, await audience(tx, ticket_id, 'desk', author_id), TICKET_NOTE_EVENT_TYPE, `Internal note on #${message.number}`, ticket_id, data);
    return [];
  }
  if (!from_desk) {
    await notifyInApp(tx, event, await audience(tx, ticket_id, 'desk', author_id), TICKET_REPLY_EVENT_TYPE, `New reply on #${message.number}`, ticket_id, data);
    return [];
  }
  await notifyInApp(tx, event, await audience(tx, ticket_id, 'public', author_id), TICKET_REPLY_EVENT_TYPE, `New reply on #${message.number}`, ticket_id, data);
  const followUps: FollowUp[] = [];
  if (message.requester_id !== author_id && !(await emailOptedOut(tx, message.requester_id))) {
    followUps.push(...(await queueEmail(tx, event, message.requester_id, TICKET_REPLY_TEMPLATE, {
      number: message.number,
      subject: message.subject,
      body: message.body,
      url: `/tickets/${ticket_id}`,
    })));
  }
  return followUps;
};

const slaPayload = z.object({
  ticket_id: z.uuid(),
  target: z.enum(['first_response', 'resolution']),
  kind: z.enum(['warning', 'breach']),
  due_at: z.string(),
  notify_managers: z.boolean(),
});

const TARGET_NAMES = { first_response: 'first response', resolution: 'resolution' } as const;

/**
 * sla.warning / sla.breached: in-app notifications to the assignee and, when an escalation rule of
 * the policy says so, to the org's managers and the leads of the ticket's queue.
 */
export const slaEvent: EffectHandler = async (tx, event) => {
  const parsed = slaPayload.safeParse(event.payload);
  if (!parsed.success) throw new PermanentError(`${event.topic} payload: ${parsed.error.message}`);
  const { ticket_id, target, kind, due_at, notify_managers } = parsed.data;
  const [ticket] = await tx`select number::text as number from tickets where id = ${ticket_id}`;
  if (!ticket) return [];
  const [row] = await tx`select app.sla_event_recipients(${ticket_id}, ${notify_managers}) as ids`;
  const eventType = kind === 'warning' ? 'ticket.sla_warning' : 'ticket.sla_breached';
  const title = kind === 'warning'
    ? `The ${TARGET_NAMES[target]} of #${ticket.number as string} is due soon`
    : `The ${TARGET_NAMES[target]} of #${ticket.number as string} is overdue`;
  await notifyInApp(tx, event, (row?.ids ?? []) as string[], eventType, title, ticket_id, { target, kind, due_at });
  return [];
};

export const TICKET_SATISFACTION_TEMPLATE = 'ticket.satisfaction';
/** The console page that shows the rating form (the signed token goes in `?token=`). */
export const SATISFACTION_PATH = '/satisfaction';

const statusPayload = z.object({ ticket_id: z.uuid(), from: z.string(), to: z.string() });

/**
 * ticket.status_changed: on resolution, the requester is emailed a rating request whose link carries
 * a signed token (desk/satisfaction-token.ts), sealed in the email log like every emailed token.
 */
export function ticketSatisfactionHandlers(box: SecretBox): Record<string, EffectHandler> {
  return {
    'ticket.status_changed': async (tx, event) => {
      const parsed = statusPayload.safeParse(event.payload);
      if (!parsed.success) throw new PermanentError(`ticket.status_changed payload: ${parsed.error.message}`);
      if (parsed.data.to !== 'resolved') return [];
      const [ticket] = await tx`select number::text as number, subject, requester_id from tickets where id = ${parsed.data.ticket_id}`;
      if (!ticket) return [];
      const token = satisfactionToken(box, parsed.data.ticket_id);
      return queueEmail(tx, event, ticket.requester_id as string, TICKET_SATISFACTION_TEMPLATE, {
        number: ticket.number as string,
        subject: ticket.subject as string,
        links: { url: { path: SATISFACTION_PATH, token_sealed: box.seal(token, outboxTokenContext(event.topic)), topic: event.topic } },
      });
    },
  };
}
