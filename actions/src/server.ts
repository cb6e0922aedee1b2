import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';

const SHUTDOWN_GRACE_MS = 10_000;

const config = loadConfig();
const app = buildApp(config);

async function shutDown(signal: NodeJS.Signals): Promise<void> {
  app.log.info({ signal }, 'shutting down');
  const deadline = setTimeout(() => {
    app.log.error('graceful shutdown timed out');
    process.exit(1);
  }, SHUTDOWN_GRACE_MS).unref();
  await app.close();
  clearTimeout(deadline);
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    shutDown(signal).catch((error: unknown) => {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    });
  });
}

await app.listen({ host: config.ACTIONS_HOST, port: config.ACTIONS_PORT });
