export interface BackoffSettings {
  baseMs: number;
  maxMs: number;
}

/** Upper bound of the wait before retry number `attemptsMade` (1 = after the first failure). */
export function backoffCeiling(attemptsMade: number, { baseMs, maxMs }: BackoffSettings): number {
  const exponent = Math.min(Math.max(attemptsMade - 1, 0), 30);
  return Math.min(maxMs, baseMs * 2 ** exponent);
}

/**
 * Capped exponential backoff with "equal jitter": half the ceiling fixed, half random, so retries
 * of many jobs that failed together (a provider outage) spread out instead of returning in step.
 */
export function backoffDelay(attemptsMade: number, settings: BackoffSettings, random: () => number = Math.random): number {
  const ceiling = backoffCeiling(attemptsMade, settings);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
