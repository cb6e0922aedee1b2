// Container health check for the worker: exits 0 when this host's worker is registered with Redis.
import { hostname } from 'node:os';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { loadWorkerConfig } from './config.ts';
import { QUEUES } from './queues.ts';

const config = loadWorkerConfig();
// One attempt, no reconnects: a health check must answer, not wait for Redis to come back.
const connection = new Redis(config.REDIS_URL, { connectTimeout: 2000, retryStrategy: () => null });
const queue = new Queue(QUEUES.maintenance, { connection });
queue.on('error', () => {});

try {
  const workers = await queue.getWorkers();
  process.exitCode = workers.some((worker) => worker.rawname?.endsWith(`:w:${hostname()}`) === true) ? 0 : 1;
} catch {
  process.exitCode = 1;
} finally {
  await queue.close();
  connection.disconnect();
}
