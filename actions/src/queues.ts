import type { DefaultJobOptions } from 'bullmq';

/** BullMQ queue names: producers and the worker import these, never spell them. */
export const QUEUES = {
  email: 'email',
  notifications: 'notifications',
  webhooks: 'webhooks',
  maintenance: 'maintenance',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Job names within the queues. */
export const JOBS = {
  /** One outbox event: its database effects, then follow-up jobs. Job id = the idempotency key. */
  outboxEvent: 'outbox-event',
  notificationDigest: 'notification-digest',
  sideEffectSweep: 'side-effect-sweep',
  retentionSweep: 'retention-sweep',
  slaSweep: 'sla-sweep',
  webhookDelivery: 'webhook-delivery',
  emailSend: 'email-send',
  taskTrashPurge: 'task-trash-purge',
  recurringTasks: 'recurring-tasks',
  dueAutomations: 'due-automations',
  taskImport: 'task-import',
  taskExport: 'task-export',
} as const;

/** The custom backoff strategy's name (see backoff.ts), set on every job. */
export const BACKOFF_TYPE = 'workgrid';
/** Webhook deliveries follow their own schedule (1 min, 5 min, 30 min, 2 h). */
export const WEBHOOK_BACKOFF_TYPE = 'webhook';

/** Retention lives here only: completed jobs stay a day (dedupe window), failed ones a week. */
export const RETENTION = {
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
} as const;

export function defaultJobOptions(maxAttempts: number): DefaultJobOptions {
  return { attempts: maxAttempts, backoff: { type: BACKOFF_TYPE }, ...RETENTION };
}

/**
 * The BullMQ job id of an outbox event: its idempotency key, made safe for BullMQ (which refuses
 * ":" and integer ids). encodeURIComponent is injective, so distinct keys stay distinct.
 */
export function jobIdFor(idempotencyKey: string): string {
  const encoded = encodeURIComponent(idempotencyKey);
  return /^\d+$/.test(encoded) ? `k${encoded}` : encoded;
}
