import { hostname } from 'node:os';
import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import postgres, { type Sql } from 'postgres';
import type { BaseLogger } from 'pino';
import { backoffDelay, type BackoffSettings } from './backoff.ts';
import type { WorkerConfig } from './config.ts';
import { SecretBox } from './identity/secrets.ts';
import { identityEmailHandlers } from './jobs/identity-emails.ts';
import { EFFECT_HANDLERS, outboxEventProcessor } from './jobs/outbox-event.ts';
import type { EffectHandler } from './jobs/effects.ts';
import { OutboxRelay } from './outbox/relay.ts';
import { BACKOFF_TYPE, defaultJobOptions, JOBS, QUEUES, WEBHOOK_BACKOFF_TYPE, type QueueName } from './queues.ts';
import { webhookDeliveryProcessor } from './webhooks/delivery.job.ts';
import { emailSendProcessor } from './email/send.job.ts';
import { providerFromConfig, type EmailProvider } from './email/providers.ts';
import { digestProcessor, retentionProcessor, SCHEDULES, sweepProcessor, trashPurgeProcessor } from './jobs/maintenance.ts';
import { slaSweepProcessor } from './jobs/sla-sweep.job.ts';
import { ticketSatisfactionHandlers } from './jobs/ticket-events.ts';
import { recurringTasksProcessor } from './jobs/recurring-tasks.ts';
import { dueAutomationsProcessor } from './jobs/automations.ts';
import { transferProcessors } from './jobs/task-export.ts';
import { fileStoreFromConfig } from './storage/object-store.ts';
import { closeRedis, createRedis } from './redis-connection.ts';

type Log = Pick<BaseLogger, 'info' | 'warn' | 'error' | 'debug'>;
type Processor = (job: Job) => Promise<unknown>;

export interface WorkerRuntime {
  sql: Sql;
  queues: Record<QueueName, Queue>;
  workers: Worker[];
  relay: OutboxRelay;
  /** Stops claiming, lets in-flight jobs finish (BullMQ returns unfinished ones on the next start), closes connections. */
  close: () => Promise<void>;
}

export interface RuntimeOptions {
  /** Effect handlers by topic, in place of EFFECT_HANDLERS (tests inject failing ones); the identity emails' are always added. */
  handlers?: Record<string, EffectHandler>;
  /** Extra processors by job name, per queue. */
  processors?: Partial<Record<QueueName, Record<string, Processor>>>;
  /** Test hook: start the relay without LISTEN (polling only). */
  listen?: boolean;
  /** Replace the email provider chosen by configuration (tests). */
  emailProvider?: EmailProvider;
  /** Register the repeatable maintenance jobs (default true). */
  schedules?: boolean;
  /** Test hook: a distinct BullMQ key prefix isolates one test's queues from another's. */
  prefix?: string;
}

/** Everything the worker process runs: queues, one BullMQ worker per queue, the outbox relay. */
export async function startWorkerRuntime(config: WorkerConfig, log: Log, options: RuntimeOptions = {}): Promise<WorkerRuntime> {
  const sql = postgres(config.APP_DATABASE_URL, {
    max: config.WORKER_CONCURRENCY + 2,
    connection: { application_name: 'workgrid-worker' },
    onnotice: () => {},
  });
  // The worker waits out Redis outages instead of failing jobs: BullMQ requires retries unlimited.
  const connection: Redis = createRedis(config.REDIS_URL, { maxRetriesPerRequest: null }, log);
  const prefix = options.prefix ?? 'bull';
  const backoff: BackoffSettings = { baseMs: config.JOB_BACKOFF_BASE_MS, maxMs: config.JOB_BACKOFF_MAX_MS };

  const queues = Object.fromEntries(
    Object.values(QUEUES).map((name) => [
      name,
      new Queue(name, { connection, prefix, defaultJobOptions: defaultJobOptions(config.JOB_MAX_ATTEMPTS) }),
    ]),
  ) as Record<QueueName, Queue>;
  for (const queue of Object.values(queues)) queue.on('error', (err) => log.warn({ err, queue: queue.name }, 'queue error'));

  const box = SecretBox.fromConfig(config.SECRETS_KEY);
  const outboxEvent = outboxEventProcessor({
    sql,
    queues,
    log,
    backoff,
    leaseSeconds: config.OUTBOX_LEASE_SECONDS,
    webhookAttempts: config.WEBHOOK_RETRY_DELAYS_MS.length + 1,
    handlers: { ...(options.handlers ?? EFFECT_HANDLERS), ...identityEmailHandlers(box), ...ticketSatisfactionHandlers(box) },
  });
  const webhookDelivery = webhookDeliveryProcessor({
    sql,
    settings: {
      allowPrivate: config.WEBHOOK_ALLOW_PRIVATE_TARGETS,
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      retryDelaysMs: config.WEBHOOK_RETRY_DELAYS_MS,
    },
  });
  const emailProvider = options.emailProvider ?? providerFromConfig(config);
  const maintenanceDeps = {
    sql,
    queues,
    log,
    webhookAttempts: config.WEBHOOK_RETRY_DELAYS_MS.length + 1,
    retentionDays: { tokens: config.RETENTION_TOKEN_DAYS, authEvents: config.RETENTION_AUTH_EVENT_DAYS, outbox: config.RETENTION_OUTBOX_DAYS },
  };
  const emailSend = emailSendProcessor({
    sql,
    provider: emailProvider,
    from: config.EMAIL_FROM,
    links: { box, publicUrl: config.PUBLIC_URL },
  });
  const builtIn: Partial<Record<QueueName, Record<string, Processor>>> = {
    [QUEUES.webhooks]: { [JOBS.webhookDelivery]: webhookDelivery as Processor },
    [QUEUES.email]: { [JOBS.emailSend]: emailSend as Processor },
    [QUEUES.maintenance]: {
      [JOBS.notificationDigest]: digestProcessor(maintenanceDeps) as Processor,
      [JOBS.sideEffectSweep]: sweepProcessor(maintenanceDeps) as Processor,
      [JOBS.retentionSweep]: retentionProcessor(maintenanceDeps) as Processor,
      [JOBS.slaSweep]: slaSweepProcessor(maintenanceDeps) as Processor,
      [JOBS.taskTrashPurge]: trashPurgeProcessor(maintenanceDeps) as Processor,
      [JOBS.recurringTasks]: recurringTasksProcessor(maintenanceDeps) as Processor,
      [JOBS.dueAutomations]: dueAutomationsProcessor(maintenanceDeps) as Processor,
      ...(transferProcessors(sql, { store: fileStoreFromConfig(config), linkSeconds: config.DOWNLOAD_LINK_SECONDS }) as Record<string, Processor>),
    },
  };

  const workers = Object.values(QUEUES).map((name) => {
    const processors: Record<string, Processor> = { [JOBS.outboxEvent]: outboxEvent, ...builtIn[name], ...options.processors?.[name] };
    const worker = new Worker(
      name,
      async (job) => {
        const processor = processors[job.name];
        if (!processor) throw new Error(`no processor for job ${job.name} on queue ${name}`);
        return processor(job);
      },
      {
        connection,
        prefix,
        concurrency: config.WORKER_CONCURRENCY,
        lockDuration: config.WORKER_LOCK_DURATION_MS,
        stalledInterval: config.WORKER_LOCK_DURATION_MS,
        // The host name identifies this process's workers in CLIENT LIST for the health check.
        name: hostname(),
        settings: {
          backoffStrategy: (attemptsMade: number, type?: string) => {
            if (type === WEBHOOK_BACKOFF_TYPE) {
              const delays = config.WEBHOOK_RETRY_DELAYS_MS;
              return delays[Math.min(attemptsMade, delays.length) - 1] ?? backoff.baseMs;
            }
            return type === BACKOFF_TYPE ? backoffDelay(attemptsMade, backoff) : backoff.baseMs;
          },
        },
      },
    );
    worker.on('error', (err) => log.error({ err, queue: name }, 'worker error'));
    return worker;
  });

  const relay = new OutboxRelay({
    sql,
    queues,
    log,
    batchSize: config.OUTBOX_BATCH_SIZE,
    leaseSeconds: config.OUTBOX_LEASE_SECONDS,
    pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
    ...(options.listen === undefined ? {} : { listen: options.listen }),
  });

  await Promise.all(workers.map((worker) => worker.waitUntilReady()));
  if (options.schedules !== false) {
    // Job schedulers are keyed by id in Redis: every worker process upserts the same ones.
    for (const schedule of SCHEDULES) {
      await queues[QUEUES.maintenance].upsertJobScheduler(schedule.id, { pattern: schedule.pattern }, { name: schedule.name, data: schedule.data });
    }
  }
  await relay.start();

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await relay.stop();
      await Promise.all(workers.map((worker) => worker.close()));
      await Promise.all(Object.values(queues).map((queue) => queue.close()));
      await emailProvider.close?.();
      await sql.end({ timeout: 5 });
      await closeRedis(connection);
    })();
    return closing;
  };
  return { sql, queues, workers, relay, close };
}
