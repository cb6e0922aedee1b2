import type { Sql } from 'postgres';
import { asService, type Tx } from '../db-session.ts';
import { guardedPost } from './http-post.ts';
import { webhookHeaders } from './signing.ts';

/** After this many consecutive failed deliveries a subscription is disabled. */
export const DISABLE_AFTER_FAILURES = 10;
/** Waits between attempts: 1 min, 5 min, 30 min, 2 h; after the last, the delivery is dead. */
export const DEFAULT_RETRY_DELAYS_MS = [60_000, 300_000, 1_800_000, 7_200_000] as const;

export interface DeliverySettings {
  allowPrivate: boolean;
  timeoutMs: number;
  retryDelaysMs: readonly number[];
}

export interface DeliveryOutcome {
  status: 'succeeded' | 'failed' | 'dead' | 'skipped';
  responseCode: number | null;
  error: string | null;
  attempts: number;
}

interface DeliveryRow {
  id: string;
  status: string;
  attempts: number;
  event_type: string;
  payload: unknown;
  subscription_id: string;
  url: string;
  enabled: boolean;
  secret: string | null;
}

async function loadDelivery(tx: Tx, deliveryId: string): Promise<DeliveryRow | undefined> {
  const [row] = (await tx`
    select d.id, d.status, d.attempts, d.event_type, d.payload, d.subscription_id, s.url, s.enabled, k.secret
      from webhook_deliveries d
      join webhook_subscriptions s on s.id = d.subscription_id
      left join app_private.webhook_secrets k on k.subscription_id = s.id
     where d.id = ${deliveryId}`) as unknown as DeliveryRow[];
  return row;
}

/**
 * One attempt of one delivery, as background work of the org: read it (under RLS), sign and POST
 * it outside any transaction, then record the outcome, the subscription's failure streak, and —
 * at the 10th consecutive failure — disable the subscription and emit webhook.disabled (for the
 * admins' notification) in the same transaction. `final` says whether a failure ends the retries.
 */
export async function attemptDelivery(
  sql: Sql,
  orgId: string,
  deliveryId: string,
  settings: DeliverySettings,
  options: { final?: boolean; countFailures?: boolean } = {},
): Promise<DeliveryOutcome> {
  const delivery = await asService(sql, orgId, (tx) => loadDelivery(tx, deliveryId));
  if (!delivery || delivery.status === 'succeeded' || delivery.status === 'dead') {
    return { status: 'skipped', responseCode: null, error: null, attempts: delivery?.attempts ?? 0 };
  }

  let responseCode: number | null = null;
  let responseBody: string | null = null;
  let error: string | null = null;
  if (!delivery.enabled) {
    error = 'The subscription is disabled.';
  } else if (!delivery.secret) {
    error = 'The subscription has no signing secret.';
  } else {
    const body = JSON.stringify(delivery.payload);
    try {
      const response = await guardedPost(delivery.url, body, { ...webhookHeaders(delivery.secret, body, delivery.event_type, delivery.id) }, settings);
      responseCode = response.status >= 100 && response.status <= 599 ? response.status : null;
      responseBody = response.body;
      if (response.status < 200 || response.status >= 300) error = `The receiver answered ${response.status}.`;
    } catch (failure) {
      error = (failure instanceof Error ? failure.message : String(failure)).slice(0, 2000);
    }
  }

  const attempts = delivery.attempts + 1;
  const succeeded = error === null;
  const dead = !succeeded && (options.final === true || !delivery.enabled || attempts > settings.retryDelaysMs.length);
  const status: DeliveryOutcome['status'] = succeeded ? 'succeeded' : dead ? 'dead' : 'failed';
  const nextDelay = settings.retryDelaysMs[attempts - 1];
  const nextAttemptAt = status === 'failed' && nextDelay !== undefined ? new Date(Date.now() + nextDelay) : null;

  await asService(sql, orgId, async (tx) => {
    await tx`
      update webhook_deliveries
         set status = ${status}, attempts = ${attempts}, last_attempt_at = now(), next_attempt_at = ${nextAttemptAt},
             response_code = ${responseCode}, response_body = ${responseBody}, error = ${error}
       where id = ${deliveryId}`;
    if (!delivery.enabled || options.countFailures === false) return;
    if (succeeded) {
      await tx`update webhook_subscriptions set consecutive_failures = 0 where id = ${delivery.subscription_id} and consecutive_failures <> 0`;
      return;
    }
    const [subscription] = await tx`
      update webhook_subscriptions set consecutive_failures = consecutive_failures + 1
       where id = ${delivery.subscription_id} returning consecutive_failures, enabled`;
    if (subscription && subscription.enabled && (subscription.consecutive_failures as number) >= DISABLE_AFTER_FAILURES) {
      const [disabled] = await tx`
        update webhook_subscriptions
           set enabled = false, disabled_at = now(),
               disabled_reason = ${`Disabled after ${DISABLE_AFTER_FAILURES} consecutive failed deliveries.`}
         where id = ${delivery.subscription_id} returning disabled_at`;
      await tx`
        select app.emit_event('webhook.disabled',
          ${tx.json({ subscription_id: delivery.subscription_id, url: delivery.url, consecutive_failures: DISABLE_AFTER_FAILURES })},
          ${`webhook.disabled:${delivery.subscription_id}:${(disabled!.disabled_at as Date).toISOString()}`})`;
    }
  });
  return { status, responseCode, error, attempts };
}

/** Thrown by the job so BullMQ schedules the next attempt. */
export class DeliveryFailedError extends Error {
  override name = 'DeliveryFailedError';
}
