import type { Job, Queue } from 'bullmq';
import type { Sql } from 'postgres';
import type { BaseLogger } from 'pino';
import { asService } from '../db-session.ts';
import { emailJobId, queueEmail } from '../email/send.job.ts';
import { JOBS, QUEUES, WEBHOOK_BACKOFF_TYPE, type QueueName } from '../queues.ts';
import { deliveryJobId } from '../webhooks/fan-out.ts';

export type DigestFrequency = 'hourly' | 'daily';

const PERIOD: Record<DigestFrequency, string> = { hourly: '1 hour', daily: '1 day' };

/** Repeatable jobs of the maintenance queue: scheduler id, cron pattern, job name and data. */
export const SCHEDULES = [
  { id: 'notification-digest-hourly', pattern: '0 * * * *', name: JOBS.notificationDigest, data: { frequency: 'hourly' } },
  { id: 'notification-digest-daily', pattern: '0 7 * * *', name: JOBS.notificationDigest, data: { frequency: 'daily' } },
  { id: 'side-effect-sweep', pattern: '*/5 * * * *', name: JOBS.sideEffectSweep, data: {} },
  { id: 'retention-sweep', pattern: '17 * * * *', name: JOBS.retentionSweep, data: {} },
  // Seconds field first: every 30 seconds.
  { id: 'sla-sweep', pattern: '*/30 * * * * *', name: JOBS.slaSweep, data: {} },
  { id: 'task-trash-purge', pattern: '30 3 * * *', name: JOBS.taskTrashPurge, data: {} },
  { id: 'recurring-tasks', pattern: '* * * * *', name: JOBS.recurringTasks, data: {} },
  { id: 'due-automations', pattern: '*/15 * * * *', name: JOBS.dueAutomations, data: {} },
] as const;

/** How long a task stays in the trash (restorable) before the purge deletes it. */
export const TASK_TRASH_RETENTION_DAYS = 30;

/** How long, in days, rows stay after they expired or were used (RETENTION_* settings). */
export interface RetentionDays {
  tokens: number;
  authEvents: number;
  outbox: number;
}

interface Deps {
  sql: Sql;
  queues: Record<QueueName, Queue>;
  log: Pick<BaseLogger, 'info' | 'warn' | 'debug'>;
  webhookAttempts: number;
  retentionDays: RetentionDays;
}

/**
 * notification-digest: for every member who asked for an hourly or daily email digest, one email
 * listing their unread notifications since their previous digest (or one period back). Each member
 * is handled in its own org-scoped transaction; the logged digest is the watermark, so a rerun of
 * the same period sends nothing new.
 */
export function digestProcessor(deps: Deps) {
  return async (job: Job<{ frequency: DigestFrequency }>): Promise<number> => {
    const frequency = job.data.frequency;
    if (!(frequency in PERIOD)) return 0;
    const recipients = await deps.sql`select org_id, user_id from app.digest_recipients(${frequency})`;
    let sent = 0;
    for (const { org_id: orgId, user_id: userId } of recipients as unknown as { org_id: string; user_id: string }[]) {
      const followUps = await asService(deps.sql, orgId, async (tx) => {
        const [contact] = await tx`select email from app.member_contact(${userId})`;
        if (!contact) return [];
        const [last] = await tx`
          select max(created_at) as at from email_log
           where template_key = 'notification.digest' and to_address = ${contact.email as string}`;
        const items = await tx`
          select title, created_at from notifications
           where user_id = ${userId} and read_at is null and archived_at is null
             and created_at > coalesce(${(last?.at as Date | null) ?? null}::timestamptz, now() - ${PERIOD[frequency]}::interval)
           order by created_at limit 50`;
        if (items.length === 0) return [];
        return queueEmail(tx, { id: null, org_id: orgId }, userId, 'notification.digest', {
          count: items.length,
          items: items.map((item) => `- ${item.title as string}`).join('\n'),
          frequency,
        });
      });
      for (const followUp of followUps) {
        await deps.queues[QUEUES.email].add(followUp.name, followUp.data, { jobId: followUp.jobId });
        sent += 1;
      }
    }
    deps.log.debug({ frequency, sent }, 'notification digests queued');
    return sent;
  };
}

/**
 * side-effect-sweep: re-enqueues webhook deliveries and emails whose job was lost (Redis restarted
 * without its data). Job ids are deterministic, so one that still exists is not duplicated.
 */
export function sweepProcessor(deps: Deps, graceSeconds = 300) {
  return async (): Promise<number> => {
    const overdue = (await deps.sql`
      select kind, id, org_id from app.overdue_side_effects(make_interval(secs => ${graceSeconds}))`) as unknown as {
      kind: string;
      id: string;
      /** Null for an account email (no org); webhook deliveries always have one. */
      org_id: string | null;
    }[];
    for (const row of overdue) {
      if (row.kind === 'email') {
        await deps.queues[QUEUES.email].add(JOBS.emailSend, { emailLogId: row.id, orgId: row.org_id }, { jobId: emailJobId(row.id) });
      } else {
        await deps.queues[QUEUES.webhooks].add(
          JOBS.webhookDelivery,
          { deliveryId: row.id, orgId: row.org_id },
          { jobId: deliveryJobId(row.id), attempts: deps.webhookAttempts, backoff: { type: WEBHOOK_BACKOFF_TYPE } },
        );
      }
    }
    if (overdue.length > 0) deps.log.info({ requeued: overdue.length }, 'overdue side effects enqueued again');
    return overdue.length;
  };
}

/**
 * retention-sweep: deletes expired and used tokens, security events and delivered outbox rows past
 * their retention (app.prune_expired, 0037). At most `batch` rows of each kind per run, so a large
 * backlog drains over a few hourly runs without one long transaction.
 */
export function retentionProcessor(deps: Deps, batch = 10_000) {
  return async (): Promise<Record<string, number>> => {
    const { tokens, authEvents, outbox } = deps.retentionDays;
    const rows = await deps.sql<{ kind: string; removed: string }[]>`
      select kind, removed from app.prune_expired(
        make_interval(days => ${tokens}), make_interval(days => ${authEvents}), make_interval(days => ${outbox}), ${batch})`;
    const removed = Object.fromEntries(rows.map((row) => [row.kind, Number(row.removed)]));
    if (rows.some((row) => Number(row.removed) > 0)) deps.log.info({ removed }, 'expired rows deleted');
    return removed;
  };
}

/** task-trash-purge: deletes, in every org, the tasks that have been in the trash longer than the retention. */
export function trashPurgeProcessor(deps: Pick<Deps, 'sql' | 'log'>, retentionDays = TASK_TRASH_RETENTION_DAYS) {
  return async (): Promise<number> => {
    const [row] = await deps.sql`select app.purge_trashed_tasks(make_interval(days => ${retentionDays})) as purged`;
    const purged = Number(row?.purged ?? 0);
    if (purged > 0) deps.log.info({ purged }, 'tasks purged from the trash');
    return purged;
  };
}
