/** When a supervised service exits on its own: wait, then start it again. */
export const RESTART_POLICY = {
  /** The first restart after a stable run waits this long. */
  initialDelayMs: 1_000,
  /** Each quick exit doubles the wait, up to this cap (a crash loop costs little). */
  maxDelayMs: 30_000,
  /** A run at least this long counts as stable: the next restart waits initialDelayMs again. */
  stableAfterMs: 60_000,
} as const;

/** The wait before the next start, given the previous wait (none yet) and how long the run lasted. */
export function nextRestartDelay(previousDelayMs: number | undefined, uptimeMs: number, policy = RESTART_POLICY): number {
  if (previousDelayMs === undefined || uptimeMs >= policy.stableAfterMs) return policy.initialDelayMs;
  return Math.min(previousDelayMs * 2, policy.maxDelayMs);
}
