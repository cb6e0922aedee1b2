import { pino } from 'pino';
import { loadWorkerConfig } from './config.ts';
import { loggerOptions } from './logger.ts';
import { QUEUES } from './queues.ts';
import { startWorkerRuntime } from './worker-runtime.ts';

const SHUTDOWN_GRACE_MS = 30_000;

const config = loadWorkerConfig();
const log = pino(loggerOptions(config.LOG_LEVEL));
const runtime = await startWorkerRuntime(config, log);

async function shutDown(signal: NodeJS.Signals): Promise<void> {
  log.info({ signal }, 'worker shutting down');
  // Past the grace period, exiting is safe: unfinished jobs return as stalled, claims as expired leases.
  const deadline = setTimeout(() => {
    log.error('graceful shutdown timed out');
    process.exit(1);
  }, SHUTDOWN_GRACE_MS).unref();
  await runtime.close();
  clearTimeout(deadline);
  log.info('worker stopped');
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    shutDown(signal).catch((error: unknown) => {
      log.error({ err: error }, 'worker shutdown failed');
      process.exit(1);
    });
  });
}

log.info({ queues: Object.values(QUEUES) }, 'worker ready');
