import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitOptions {
  timeoutMs: number;
  /** The error to throw when time runs out. */
  timeoutError: () => Error;
  /** Checked between attempts; its error is thrown at once (e.g. the process we wait for died). */
  abort?: () => Error | undefined;
  intervalMs?: number;
}

/** Polls `probe` until it resolves true; a probe that throws counts as "not yet". */
export async function waitUntil(probe: () => Promise<boolean>, { timeoutMs, timeoutError, abort, intervalMs = 100 }: WaitOptions): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe().catch(() => false)) return;
    const aborted = abort?.();
    if (aborted) throw aborted;
    if (Date.now() >= deadline) throw timeoutError();
    await sleep(intervalMs);
  }
}
