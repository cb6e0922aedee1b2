import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import { closeRedis, createRedis } from '../redis-connection.ts';

declare module 'fastify' {
  interface FastifyInstance {
    redis: Redis;
  }
}

export interface RedisOptions {
  url: string;
}

/** General-purpose client (queue producers, caches): a command fails after one reconnect attempt. */
export const redisClient = fp<RedisOptions>(
  async (app, { url }) => {
    const redis = createRedis(url, { connectTimeout: 2000, maxRetriesPerRequest: 1 }, app.log);
    app.decorate('redis', redis);
    app.addHook('onClose', async () => closeRedis(redis));
  },
  { name: 'redis' },
);
