import { QUEUES, type QueueName } from '../queues.ts';

/**
 * Which queue carries an event's job. Topics with in-app effects go to notifications, mail-only
 * topics to email; every other topic (its effect is the webhook fan-out) to webhooks.
 */
const ROUTES: Record<string, QueueName> = {
  'comment.created': QUEUES.notifications,
  'invitation.created': QUEUES.email,
  'webhook.disabled': QUEUES.notifications,
};

export function queueForTopic(topic: string): QueueName {
  return ROUTES[topic] ?? QUEUES.webhooks;
}

/** The queues that run outbox-event jobs. */
export const EVENT_QUEUES: readonly QueueName[] = [QUEUES.notifications, QUEUES.email, QUEUES.webhooks];
