import type { Tx } from '../db-session.ts';

/** An outbox event as the job reads it back (under its lock). */
export interface OutboxEvent {
  id: string;
  org_id: string | null;
  topic: string;
  payload: Record<string, unknown>;
  idempotency_key: string;
  attempts: number;
}

/** Work to enqueue once the event's transaction has committed (sending email or webhooks). */
export interface FollowUp {
  queue: string;
  name: string;
  jobId: string;
  data: Record<string, unknown>;
  opts?: { attempts?: number; backoff?: { type: string } };
}

/**
 * The database effects of one event, run inside the event's transaction with the org's service
 * session (RLS applies). Throwing rolls everything back and the job is retried.
 */
export type EffectHandler = (tx: Tx, event: OutboxEvent) => Promise<FollowUp[]>;

/** An error that retrying cannot fix (a malformed payload): the event goes straight to dead. */
export class PermanentError extends Error {
  override name = 'PermanentError';
}
