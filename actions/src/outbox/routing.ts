import { QUEUES, type QueueName } from '../queues.ts';

/**
 * Which queue carries an event's job. Topics with in-app effects go to notifications, mail-only
 * topics to email; every other topic (its effect is the webhook fan-out) to webhooks.
 */
const ROUTES: Record<string, QueueName> = {
  'comment.created': QUEUES.notifications,
  'invitation.created': QUEUES.email,
  'sla.breached': QUEUES.notifications,
  'sla.warning': QUEUES.notifications,
  'ticket.message_created': QUEUES.notifications,
  'ticket.status_changed': QUEUES.email,
  'webhook.disabled': QUEUES.notifications,
  'task.created': QUEUES.notifications,
  'task.assigned': QUEUES.notifications,
  'task.status_changed': QUEUES.notifications,
  'task.unblocked': QUEUES.notifications,
  'task_import.created': QUEUES.notifications,
  'task_import.confirmed': QUEUES.notifications,
  'task_export.requested': QUEUES.notifications,
};

export function queueForTopic(topic: string): QueueName {
  if (isIdentityTopic(topic)) return QUEUES.email;
  return ROUTES[topic] ?? QUEUES.webhooks;
}

/**
 * Identity emails (identity.*, actions/src/identity/emails.ts): their payloads carry sealed one-time
 * tokens and addresses, so they never fan out to webhooks.
 */
export function isIdentityTopic(topic: string): boolean {
  return topic.startsWith('identity.');
}

/** The queues that run outbox-event jobs. */
export const EVENT_QUEUES: readonly QueueName[] = [QUEUES.notifications, QUEUES.email, QUEUES.webhooks];
