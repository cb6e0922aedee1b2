import { hostname } from 'node:os';
import { Worker } from 'bullmq';
import { pino } from 'pino';
import { loadWorkerConfig } from './config.ts';
import { loggerOptions } from './logger.ts';
import { QUEUES } from './queues.ts';
import { createRedis } from './redis-connection.ts';

const config = loadWorkerConfig();
const log = pino(loggerOptions(config.LOG_LEVEL));

// The worker waits out Redis outages instead of failing jobs: BullMQ requires retries unlimited.
const connection = createRedis(config.REDIS_URL, { maxRetriesPerRequest: null }, log);

const maintenance = new Worker(
  QUEUES.maintenance,
  async (job) => {
    log.debug({ queue: QUEUES.maintenance, job: job.name, jobId: job.id }, 'maintenance job: nothing to do yet');
  },
  // The host name identifies this process's worker in CLIENT LIST for the health check.
  { connection, name: hostname() },
);
maintenance.on('error', (err) => log.error({ err }, 'worker error'));

async function shutDown(signal: NodeJS.Signals): Promise<void> {
  log.info({ signal }, 'worker shutting down');
  await maintenance.close();
  await connection.quit();
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    shutDown(signal).catch((error: unknown) => {
      log.error({ err: error }, 'worker shutdown failed');
      process.exit(1);
    });
  });
}

await maintenance.waitUntilReady();
log.info({ queues: Object.values(QUEUES) }, 'worker ready');
