import { z } from 'zod';
import type { Tx } from '../db-session.ts';
import { queueEmail } from '../email/send.job.ts';
import { PermanentError, type EffectHandler, type FollowUp } from './effects.ts';

export const MENTION_EVENT_TYPE = 'comment.mention';

const payloadSchema = z.object({
  comment_id: z.uuid(),
  entity_type: z.string(),
  entity_id: z.uuid(),
  author_id: z.uuid().nullable(),
  mentions: z.array(z.uuid()),
});

interface Preference {
  user_id: string;
  event_type: string;
  enabled: boolean;
  muted: boolean;
}

/**
 * Which of users want an in-app notification of eventType: a preference for the event type wins
 * over the "*" one; no preference means yes. Off or muted (muted_until in the future) means no.
 */
export async function wantsInApp(tx: Tx, userIds: string[], eventType: string): Promise<Set<string>> {
  const rows = (await tx`
    select user_id, event_type, enabled, coalesce(muted_until > now(), false) as muted
      from notification_preferences
     where user_id = any(${userIds}::uuid[]) and channel = 'in_app' and event_type in (${eventType}, '*')`) as unknown as Preference[];
  const wanted = new Set<string>();
  for (const userId of userIds) {
    const own = rows.filter((row) => row.user_id === userId);
    const preference = own.find((row) => row.event_type === eventType) ?? own.find((row) => row.event_type === '*');
    if (!preference || (preference.enabled && !preference.muted)) wanted.add(userId);
  }
  return wanted;
}

/**
 * Which of users asked for email about eventType: email is opt-in, by an enabled, unmuted
 * preference for the event type (or "*") with digest off (digests collect the rest).
 */
export async function wantsEmailNow(tx: Tx, userIds: string[], eventType: string): Promise<Set<string>> {
  const rows = (await tx`
    select user_id, event_type, enabled and digest = 'off' as enabled, coalesce(muted_until > now(), false) as muted
      from notification_preferences
     where user_id = any(${userIds}::uuid[]) and channel = 'email' and event_type in (${eventType}, '*')`) as unknown as Preference[];
  const wanted = new Set<string>();
  for (const userId of userIds) {
    const own = rows.filter((row) => row.user_id === userId);
    const preference = own.find((row) => row.event_type === eventType) ?? own.find((row) => row.event_type === '*');
    if (preference && preference.enabled && !preference.muted) wanted.add(userId);
  }
  return wanted;
}

/** comment.created: an in-app notification (and, when asked for, an email) for every mentioned member except the author. */
export const commentMentions: EffectHandler = async (tx, event) => {
  const parsed = payloadSchema.safeParse(event.payload);
  if (!parsed.success) throw new PermanentError(`comment.created payload: ${parsed.error.message}`);
  const { comment_id, entity_type, entity_id, author_id, mentions } = parsed.data;
  const recipients = [...new Set(mentions)].filter((id) => id !== author_id);
  if (recipients.length === 0) return [];

  const wanted = await wantsInApp(tx, recipients, MENTION_EVENT_TYPE);
  const emailed = await wantsEmailNow(tx, recipients, MENTION_EVENT_TYPE);
  const followUps: FollowUp[] = [];
  for (const userId of recipients.filter((id) => emailed.has(id))) {
    followUps.push(...(await queueEmail(tx, event, userId, 'notification', {
      title: 'You were mentioned in a comment',
      body: '',
      url: `/${entity_type}/${entity_id}#comment-${comment_id}`,
    })));
  }
  for (const userId of recipients.filter((id) => wanted.has(id))) {
    // A member who left since the comment was written has no membership row: skip them.
    await tx
      .savepoint(async (sp) => {
        await sp`
          insert into notifications (org_id, user_id, event_type, title, data, entity_type, entity_id, actor_id)
          values (${event.org_id}, ${userId}, ${MENTION_EVENT_TYPE}, 'You were mentioned in a comment',
                  ${sp.json({ comment_id, event_id: event.id })}, ${entity_type}, ${entity_id}, ${author_id})`;
      })
      .catch((error: unknown) => {
        if ((error as { code?: string }).code !== '23503') throw error;
      });
  }
  return followUps;
};
