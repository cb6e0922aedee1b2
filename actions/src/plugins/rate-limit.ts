import fastifyRateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import { closeRedis, createRedis } from '../redis-connection.ts';

export interface RateLimitOptions {
  redisUrl: string;
}

/**
 * Registers @fastify/rate-limit with a Redis store shared by every replica. Routes opt in with
 * `config.rateLimit` (auth routes key by IP and by account). Limits fail closed: when Redis is
 * away a limited route answers 500 quickly instead of letting guesses through or hanging.
 */
export const rateLimit = fp<RateLimitOptions>(
  async (app, { redisUrl }) => {
    const redis = createRedis(
      redisUrl,
      { connectTimeout: 500, maxRetriesPerRequest: 1 },
      app.log,
    );
    app.addHook('onClose', async () => closeRedis(redis));
    await app.register(fastifyRateLimit, {
      global: false,
      redis,
      nameSpace: 'workgrid:rate-limit:',
      skipOnError: false,
    });
  },
  { name: 'rate-limit' },
);
