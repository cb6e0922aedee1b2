import { Redis, type RedisOptions } from 'ioredis';
import type { BaseLogger } from 'pino';

/** An ioredis client that logs an outage once, not on every reconnect attempt, and its end. */
export function createRedis(url: string, options: RedisOptions, log: Pick<BaseLogger, 'warn' | 'info'>): Redis {
  const redis = new Redis(url, options);
  let healthy = true;
  redis.on('error', (err: Error) => {
    if (!healthy) return;
    healthy = false;
    log.warn({ err: { message: err.message } }, 'redis unavailable');
  });
  redis.on('ready', () => {
    if (healthy) return;
    healthy = true;
    log.info('redis available again');
  });
  return redis;
}

/** Quits politely when connected; drops the socket (and pending reconnects) otherwise. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'ready') {
    await redis.quit();
    return;
  }
  redis.disconnect();
}
