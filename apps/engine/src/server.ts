#!/usr/bin/env -S node --import tsx
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { Engine } from './engine.ts';

/** Starts the engine from Hasura's environment variables and shuts down gracefully. */
async function main(): Promise<void> {
  const config = loadConfig();
  const engine = new Engine(config);
  const inconsistencies = await engine.start();
  if (inconsistencies.length > 0 && !config.allowInconsistentMetadata) {
    for (const item of inconsistencies) console.error(`inconsistent metadata: ${item.name}: ${item.reason}`);
    console.error('Refusing to start: fix the metadata or the database, or set HASURA_GRAPHQL_ALLOW_INCONSISTENT_METADATA=true.');
    await engine.close();
    process.exit(1);
  }
  const app = buildApp(engine);
  await app.listen({ port: config.port, host: config.host });
  console.log(JSON.stringify({ level: 'info', msg: 'engine listening', url: `http://${config.host}:${config.port}/v1/graphql` }));
  const stop = async (): Promise<void> => {
    await app.close();
    await engine.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
