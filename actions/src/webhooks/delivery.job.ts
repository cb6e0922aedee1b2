import type { Job } from 'bullmq';
import type { Sql } from 'postgres';
import { attemptDelivery, DeliveryFailedError, type DeliverySettings } from './deliver.ts';
import type { DeliveryJobData } from './fan-out.ts';

/**
 * Processor of webhook-delivery jobs: one signed POST per attempt. A failure throws so BullMQ waits
 * the next step of the schedule; the last attempt's failure marks the delivery dead instead.
 * At-least-once: a worker killed after the POST but before recording it sends again; receivers
 * dedupe on X-WorkGrid-Delivery.
 */
export function webhookDeliveryProcessor(deps: { sql: Sql; settings: DeliverySettings }) {
  return async (job: Job<DeliveryJobData>): Promise<string> => {
    const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await attemptDelivery(deps.sql, job.data.orgId, job.data.deliveryId, deps.settings, { final });
    if (outcome.status === 'failed') throw new DeliveryFailedError(outcome.error ?? 'delivery failed');
    return outcome.status;
  };
}
