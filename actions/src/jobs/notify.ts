import type { Tx } from '../db-session.ts';
import { queueEmail } from '../email/send.job.ts';
import type { FollowUp, OutboxEvent } from './effects.ts';
import { wantsEmailNow, wantsInApp } from './preferences.ts';

/** The event a notice comes from; id is null for scheduled sweeps (no outbox event). */
export type NoticeSource = Pick<OutboxEvent, 'org_id'> & { id: string | null };

export interface Notice {
  eventType: string;
  title: string;
  /** Path in the console the notification links to. */
  url: string;
  entityType: string;
  entityId: string;
  /** A part of the entity the notice is about (a comment, a message): only its readers are told. */
  detail?: { type: string; id: string };
  actorId: string | null;
  data: Record<string, unknown>;
}

/**
 * In an event's transaction: an in-app notification for every recipient who wants one, and the
 * emails of those who asked for them (returned as follow-up jobs). The actor is never notified of
 * their own doing; only recipients who may read the entity (and its detail) right now are told, so a
 * notice never reveals what a recipient cannot see (and one who left the org since is skipped).
 */
export async function notifyMembers(
  tx: Tx,
  event: NoticeSource,
  recipients: string[],
  notice: Notice,
  /** Recipients the caller emails the thing itself: no notification email for them. */
  { emailedOtherwise = [] }: { emailedOtherwise?: string[] } = {},
): Promise<FollowUp[]> {
  const candidates = [...new Set(recipients)].filter((id) => id !== notice.actorId);
  if (candidates.length === 0) return [];
  const audience = await readersOf(tx, candidates, notice);
  if (audience.length === 0) return [];
  const inApp = await wantsInApp(tx, audience, notice.eventType);
  const emailed = await wantsEmailNow(tx, audience, notice.eventType);
  const followUps: FollowUp[] = [];
  for (const userId of audience.filter((id) => emailed.has(id) && !emailedOtherwise.includes(id))) {
    followUps.push(...(await queueEmail(tx, event, userId, 'notification', { title: notice.title, body: '', url: notice.url })));
  }
  for (const userId of audience.filter((id) => inApp.has(id))) {
    await tx
      .savepoint(async (sp) => {
        await sp`
          insert into notifications (org_id, user_id, event_type, title, data, entity_type, entity_id, actor_id)
          values (${event.org_id}, ${userId}, ${notice.eventType}, ${notice.title},
                  ${sp.json({ ...notice.data, event_id: event.id } as Parameters<typeof sp.json>[0])},
                  ${notice.entityType}, ${notice.entityId}, ${notice.actorId})`;
      })
      .catch((error: unknown) => {
        if ((error as { code?: string }).code !== '23503') throw error;
      });
  }
  return followUps;
}

async function readersOf(tx: Tx, candidates: string[], notice: Notice): Promise<string[]> {
  const [row] = await tx`
    select app.readers_of(${candidates}::uuid[], ${notice.entityType}, ${notice.entityId},
                          ${notice.detail?.type ?? null}, ${notice.detail?.id ?? null}) as ids`;
  return (row?.ids ?? []) as string[];
}
