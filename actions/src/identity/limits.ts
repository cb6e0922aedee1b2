import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ActionError } from './action-error.ts';

export interface LimitSettings {
  maxFailures: number;
  lockoutSeconds: number;
  ipMaxAttempts: number;
  ipWindowSeconds: number;
}

const PREFIX = 'workgrid:auth:';
// Keys never hold an email address in the clear.
const accountKey = (account: string) =>
  `${PREFIX}fail:${createHash('sha256').update(account.trim().toLowerCase()).digest('hex')}`;

/**
 * Abuse limits kept in Redis (shared by every replica, failing closed when Redis is away): a budget
 * of attempts per IP address and window, and a per-account lockout after repeated failures. Both
 * are checked before any password hash is compared.
 */
export class AuthLimits {
  constructor(
    private readonly redis: Redis,
    private readonly settings: LimitSettings,
  ) {}

  /** Counts one attempt from ip for an action and refuses once the window's budget is spent. */
  async takeIpAttempt(ip: string, action: string): Promise<void> {
    const key = `${PREFIX}ip:${action}:${ip}`;
    const [[, count], [, ttl]] = (await this.redis.multi().incr(key).ttl(key).exec()) as [[null, number], [null, number]];
    if (ttl < 0) await this.redis.expire(key, this.settings.ipWindowSeconds);
    if (count > this.settings.ipMaxAttempts) {
      throw ActionError.tooMany('rate_limited', 'Too many attempts from this address. Try again later.', ttl > 0 ? ttl : this.settings.ipWindowSeconds);
    }
  }

  /** Refuses while the account is locked. */
  async assertNotLocked(account: string): Promise<void> {
    const key = accountKey(account);
    const [[, count], [, ttl]] = (await this.redis.multi().get(key).ttl(key).exec()) as [[null, string | null], [null, number]];
    if (Number(count ?? 0) >= this.settings.maxFailures) {
      throw ActionError.tooMany('account_locked', 'Too many failed attempts. Try again later.', Math.max(ttl, 1));
    }
  }

  /** Records a failure; the lockout period starts again with each one. */
  async recordFailure(account: string): Promise<void> {
    const key = accountKey(account);
    await this.redis.multi().incr(key).expire(key, this.settings.lockoutSeconds).exec();
  }

  /**
   * True at most once per `seconds` for a key (e.g. one reset email per account per minute), so
   * nobody can flood an inbox; callers skip the side effect silently, answering as usual.
   */
  async firstWithin(key: string, seconds: number): Promise<boolean> {
    const digest = createHash('sha256').update(key.trim().toLowerCase()).digest('hex');
    return (await this.redis.set(`${PREFIX}once:${digest}`, '1', 'EX', seconds, 'NX')) === 'OK';
  }

  async clearFailures(account: string): Promise<void> {
    await this.redis.del(accountKey(account));
  }
}
