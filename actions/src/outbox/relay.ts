import type { Queue } from 'bullmq';
import type { Sql } from 'postgres';
import type { BaseLogger } from 'pino';
import { JOBS, jobIdFor, type QueueName } from '../queues.ts';
import { queueForTopic } from './routing.ts';

export const OUTBOX_CHANNEL = 'workgrid_outbox';

/** Ids only: the job re-reads the event (and everything else) from the database. */
export interface OutboxJobData {
  eventId: string;
  orgId: string | null;
  topic: string;
}

export interface RelayOptions {
  sql: Sql;
  queues: Record<QueueName, Queue>;
  log: Pick<BaseLogger, 'info' | 'warn' | 'error' | 'debug'>;
  batchSize: number;
  leaseSeconds: number;
  pollIntervalMs: number;
  /** Start listening for NOTIFY (default true). Tests of the polling fallback turn it off. */
  listen?: boolean;
}

interface ClaimedEvent {
  id: string;
  org_id: string | null;
  topic: string;
  idempotency_key: string;
}

/**
 * Moves outbox rows into BullMQ. Claims due rows with FOR UPDATE SKIP LOCKED (app.outbox_claim),
 * so relays in several workers never claim the same row, and enqueues one job per row whose job id
 * is the row's idempotency key, so a row claimed again after a crash (its lease expired) is not
 * enqueued twice. A claim only hides a row for the lease: the row is done when its job marks it
 * delivered, in the transaction of its effects.
 */
export class OutboxRelay {
  private running = false;
  private again = false;
  private stopped = true;
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private current: Promise<void> = Promise.resolve();

  constructor(private readonly options: RelayOptions) {}

  async start(): Promise<void> {
    this.stopped = false;
    if (this.options.listen !== false) {
      const listener = await this.options.sql.listen(OUTBOX_CHANNEL, () => this.wake());
      this.unlisten = () => listener.unlisten();
    }
    this.timer = setInterval(() => this.wake(), this.options.pollIntervalMs);
    this.wake();
  }

  /** Stops claiming; resolves once the batch in progress has been enqueued. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.unlisten?.().catch(() => undefined);
    await this.current;
  }

  /** Claims and enqueues until nothing is due; concurrent wake-ups coalesce into one more pass. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.current = this.drain()
      .then(() => undefined)
      .catch((error: unknown) => this.options.log.warn({ err: error }, 'outbox relay pass failed; the poll retries'))
      .finally(() => {
        this.running = false;
        if (this.again && !this.stopped) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** One pass: claim batches until a short one. Returns how many events were enqueued. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      if (this.stopped && total > 0) break;
      const claimed = await this.claim();
      if (claimed.length > 0) await this.enqueue(claimed);
      total += claimed.length;
      if (claimed.length < this.options.batchSize) break;
    }
    if (total > 0) this.options.log.debug({ events: total }, 'outbox events enqueued');
    return total;
  }

  async claim(): Promise<ClaimedEvent[]> {
    const { sql, batchSize, leaseSeconds } = this.options;
    return (await sql`
      select id, org_id, topic, idempotency_key
        from app.outbox_claim(${batchSize}, make_interval(secs => ${leaseSeconds}))`) as unknown as ClaimedEvent[];
  }

  async enqueue(events: ClaimedEvent[]): Promise<void> {
    const byQueue = new Map<QueueName, ClaimedEvent[]>();
    for (const event of events) {
      const name = queueForTopic(event.topic);
      byQueue.set(name, [...(byQueue.get(name) ?? []), event]);
    }
    for (const [name, batch] of byQueue) {
      await this.options.queues[name].addBulk(
        batch.map((event) => ({
          name: JOBS.outboxEvent,
          data: { eventId: event.id, orgId: event.org_id, topic: event.topic } satisfies OutboxJobData,
          // The dead letter lives in the database (visible to admins, retried from there), so BullMQ
          // drops its copy: a retried event must be able to reuse its job id.
          opts: { jobId: jobIdFor(event.idempotency_key), removeOnFail: true },
        })),
      );
    }
  }
}
