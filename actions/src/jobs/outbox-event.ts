import { UnrecoverableError, type Job, type Queue } from 'bullmq';
import type { Sql } from 'postgres';
import type { BaseLogger } from 'pino';
import { backoffCeiling, type BackoffSettings } from '../backoff.ts';
import { setSession } from '../db-session.ts';
import type { OutboxJobData } from '../outbox/relay.ts';
import { fanOutWebhooks } from '../webhooks/fan-out.ts';
import { isIdentityTopic } from '../outbox/routing.ts';
import { commentMentions } from './comment-mentions.ts';
import { slaEvent, ticketMessageCreated } from './ticket-events.ts';
import { taskAutomations } from './automations.ts';
import { taskExportRequested } from './task-export.ts';
import { taskImportConfirmed, taskImportValidate } from './task-import.ts';
import { taskAssigned, taskCommented, taskStatusChanged, taskUnblocked } from './task-notifications.ts';
import { webhookDisabled } from './webhook-disabled.ts';
import { PermanentError, type EffectHandler, type FollowUp, type OutboxEvent } from './effects.ts';

/** Database effects per topic. A topic without a handler only needs marking delivered. */
export const EFFECT_HANDLERS: Record<string, EffectHandler> = {
  'comment.created': allOf(commentMentions, taskCommented),
  'sla.breached': slaEvent,
  'sla.warning': slaEvent,
  'ticket.message_created': ticketMessageCreated,
  'webhook.disabled': webhookDisabled,
  'task.created': taskAutomations,
  'task.assigned': allOf(taskAssigned, taskAutomations),
  'task.status_changed': allOf(taskStatusChanged, taskAutomations),
  'task_import.created': taskImportValidate,
  'task_import.confirmed': taskImportConfirmed,
  'task_export.requested': taskExportRequested,
  'task.unblocked': taskUnblocked,
};

/** Several handlers of one topic, run in turn in the event's transaction. */
function allOf(...handlers: EffectHandler[]): EffectHandler {
  return async (tx, event) => {
    const followUps: FollowUp[] = [];
    for (const handler of handlers) followUps.push(...(await handler(tx, event)));
    return followUps;
  };
}

/** An identity topic without a handler would be marked delivered with no email sent: refuse it. */
const identityTopicUnknown: EffectHandler = async (_tx, event) => {
  throw new PermanentError(`${event.topic}: no email is defined for this identity topic`);
};

export interface OutboxEventDeps {
  sql: Sql;
  queues: Record<string, Queue>;
  log: Pick<BaseLogger, 'info' | 'warn' | 'error' | 'debug'>;
  backoff: BackoffSettings;
  leaseSeconds: number;
  /** Effect handlers by topic (default EFFECT_HANDLERS; the runtime adds the identity emails). */
  handlers?: Record<string, EffectHandler>;
  /** Attempts of each webhook delivery job (the retry schedule's length plus one). */
  webhookAttempts?: number;
}

export type OutboxOutcome = 'delivered' | 'skipped';

/**
 * Processor of outbox-event jobs. In one transaction: lock the event (a concurrent run of the same
 * job waits here, then finds it delivered), act as the event's org (role service, so RLS applies),
 * run the topic's database effects, mark the event delivered. Effects and the delivered mark commit
 * together, so a crash at any point leaves either both or neither. Follow-up jobs (external sends)
 * are enqueued after the commit with deterministic ids.
 *
 * A failure records the attempt on the row (last_error, attempts); the last attempt, or a
 * PermanentError, makes the event a dead letter.
 */
export function outboxEventProcessor(deps: OutboxEventDeps) {
  const handlers = deps.handlers ?? EFFECT_HANDLERS;
  return async (job: Job<OutboxJobData>): Promise<OutboxOutcome> => {
    const { eventId } = job.data;
    let followUps: FollowUp[] | undefined;
    try {
      followUps = (await deps.sql.begin(async (tx) => {
        const [event] = (await tx`select * from app.outbox_lock(${eventId})`) as unknown as OutboxEvent[];
        if (!event) return undefined;
        // An org-less event (account emails) acts as the service with no org: RLS then opens only org-less email_log rows.
        await setSession(tx, event.org_id ? { 'x-hasura-role': 'service', 'x-hasura-org-id': event.org_id } : { 'x-hasura-role': 'service' });
        const handler = handlers[event.topic] ?? (isIdentityTopic(event.topic) ? identityTopicUnknown : undefined);
        const produced = [...(handler ? await handler(tx, event) : []), ...(await fanOutWebhooks(tx, event, deps.webhookAttempts ?? 5))];
        await tx`select app.outbox_mark_delivered(${eventId})`;
        return produced;
      })) as FollowUp[] | undefined;
    } catch (error) {
      await recordFailure(deps, job, error);
      throw error instanceof PermanentError ? new UnrecoverableError(error.message) : error;
    }
    if (followUps === undefined) return 'skipped';
    for (const followUp of followUps) {
      const queue = deps.queues[followUp.queue];
      if (!queue) throw new Error(`no queue ${followUp.queue}`);
      await queue.add(followUp.name, followUp.data, { jobId: followUp.jobId, ...followUp.opts });
    }
    return 'delivered';
  };
}

async function recordFailure(deps: OutboxEventDeps, job: Job<OutboxJobData>, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const attemptsMade = job.attemptsMade + 1;
  const last = error instanceof PermanentError || attemptsMade >= (job.opts.attempts ?? 1);
  const retryInMs = backoffCeiling(attemptsMade, deps.backoff);
  try {
    const [row] = await deps.sql`
      select app.outbox_mark_failed(
        ${job.data.eventId}, ${message},
        ${last ? null : new Date(Date.now() + retryInMs)}::timestamptz,
        make_interval(secs => ${deps.leaseSeconds})) as state`;
    const state = row?.state as string | null;
    const log = { eventId: job.data.eventId, topic: job.data.topic, attempt: attemptsMade, state, err: { message } };
    if (state === 'dead') deps.log.error(log, 'outbox event is a dead letter');
    else deps.log.warn(log, 'outbox event failed; will retry');
  } catch (recordError) {
    // The database itself is away: BullMQ still retries, and the row's lease brings it back anyway.
    deps.log.error({ eventId: job.data.eventId, err: recordError }, 'could not record an outbox failure');
  }
}
