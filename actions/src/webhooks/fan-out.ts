import { JOBS, QUEUES, WEBHOOK_BACKOFF_TYPE } from '../queues.ts';
import type { Tx } from '../db-session.ts';
import type { FollowUp, OutboxEvent } from '../jobs/effects.ts';
import { isIdentityTopic } from '../outbox/routing.ts';

/** BullMQ job id of a delivery (deterministic: enqueueing it twice runs it once). */
export const deliveryJobId = (deliveryId: string): string => `webhook-delivery.${deliveryId}`;

export interface DeliveryJobData {
  deliveryId: string;
  orgId: string;
}

/** The JSON body receivers get: the event's envelope around its payload. */
export function webhookBody(event: OutboxEvent): Record<string, unknown> {
  return { id: event.id, type: event.topic, org_id: event.org_id, created_at: new Date().toISOString(), data: event.payload };
}

/**
 * In the event's transaction: one delivery row per enabled subscription of the org that wants the
 * topic (or "*"). The (subscription, event) key makes it idempotent; the sends are follow-ups.
 */
export async function fanOutWebhooks(tx: Tx, event: OutboxEvent, attempts: number): Promise<FollowUp[]> {
  if (!event.org_id || isIdentityTopic(event.topic)) return [];
  const rows = await tx`
    insert into webhook_deliveries (org_id, subscription_id, event_id, event_type, payload)
    select s.org_id, s.id, ${event.id}, ${event.topic}, ${tx.json(webhookBody(event) as never)}
      from webhook_subscriptions s
     where s.enabled and s.event_types && array[${event.topic}, '*']::text[]
    on conflict (subscription_id, event_id) do nothing
    returning id`;
  return rows.map((row) => ({
    queue: QUEUES.webhooks,
    name: JOBS.webhookDelivery,
    jobId: deliveryJobId(row.id as string),
    data: { deliveryId: row.id as string, orgId: event.org_id! } satisfies DeliveryJobData as unknown as Record<string, unknown>,
    opts: { attempts, backoff: { type: WEBHOOK_BACKOFF_TYPE } },
  }));
}
