import { z } from 'zod';
import type { Tx } from '../db-session.ts';
import { satisfactionToken } from '../desk/satisfaction-token.ts';
import { queueEmail } from '../email/send.job.ts';
import { outboxTokenContext } from '../identity/emails.ts';
import type { SecretBox } from '../identity/secrets.ts';
import { notifyMembers } from './notify.ts';
import { PermanentError, type EffectHandler, type FollowUp, type OutboxEvent } from './effects.ts';

export const TICKET_REPLY_EVENT_TYPE = 'ticket.reply';
export const TICKET_NOTE_EVENT_TYPE = 'ticket.note';
export const TICKET_REPLY_TEMPLATE = 'ticket.reply';

const messagePayload = z.object({
  message_id: z.guid(),
  ticket_id: z.guid(),
  visibility: z.enum(['public', 'internal']),
  author_id: z.guid().nullable(),
  from_desk: z.boolean(),
});

interface TicketMessage {
  number: string;
  subject: string;
  requester_id: string;
  visibility: 'public' | 'internal';
  body: string;
}

/** Members of a ticket's desk or public audience (app.ticket_audience). */
async function audience(tx: Tx, ticketId: string, which: 'desk' | 'public'): Promise<string[]> {
  const [row] = await tx`select app.ticket_audience(${ticketId}, ${which}) as ids`;
  return (row?.ids ?? []) as string[];
}

interface TicketNotice {
  eventType: string;
  title: string;
  ticketId: string;
  /** The message the notice is about: only those who may read it are told. */
  messageId?: string;
  actorId: string | null;
  data: Record<string, unknown>;
}

/** A ticket's notice through the shared notifyMembers (in-app, and email for those who asked). */
function notifyTicket(tx: Tx, event: OutboxEvent, userIds: string[], notice: TicketNotice, emailedOtherwise: string[] = []): Promise<FollowUp[]> {
  return notifyMembers(tx, event, userIds, {
    eventType: notice.eventType,
    title: notice.title,
    url: `/tickets/${notice.ticketId}`,
    entityType: 'ticket',
    entityId: notice.ticketId,
    ...(notice.messageId ? { detail: { type: 'ticket_message', id: notice.messageId } } : {}),
    actorId: notice.actorId,
    data: notice.data,
  }, { emailedOtherwise });
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

  const notice = (eventType: string, title: string): TicketNotice =>
    ({ eventType, title, ticketId: ticket_id, messageId: message_id, actorId: author_id, data });

  if (message.visibility === 'internal') {
    return notifyTicket(tx, event, await audience(tx, ticket_id, 'desk'), notice(TICKET_NOTE_EVENT_TYPE, `Internal note on #${message.number}`));
  }
  const replyNotice = notice(TICKET_REPLY_EVENT_TYPE, `New reply on #${message.number}`);
  if (!from_desk) return notifyTicket(tx, event, await audience(tx, ticket_id, 'desk'), replyNotice);
  // The requester gets the reply itself by email below, not a notification email about it.
  const followUps = await notifyTicket(tx, event, await audience(tx, ticket_id, 'public'), replyNotice, [message.requester_id]);
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
  ticket_id: z.guid(),
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
  return notifyTicket(tx, event, (row?.ids ?? []) as string[], { eventType, title, ticketId: ticket_id, actorId: null, data: { target, kind, due_at } });
};

export const TICKET_SATISFACTION_TEMPLATE = 'ticket.satisfaction';
/** The console page that shows the rating form (the signed token goes in `?token=`). */
export const SATISFACTION_PATH = '/satisfaction';

const statusPayload = z.object({ ticket_id: z.guid(), from: z.string(), to: z.string() });

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
