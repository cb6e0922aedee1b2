import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.ts';

export const TEST_ACTIONS_SECRET = 'test-actions-secret-0123456789';

// Signing keys of this test file's process: a fresh folder per built service, all removed at exit.
const keysRoot = mkdtempSync(join(tmpdir(), 'workgrid-test-keys-'));
afterAll(() => rmSync(keysRoot, { recursive: true, force: true }));

/** Settings for the test run's Postgres (as workgrid_app) and Redis, validated like production. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    APP_DATABASE_URL: inject('appUrl'),
    REDIS_URL: inject('redisUrl'),
    ACTIONS_SECRET: TEST_ACTIONS_SECRET,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    // Each test file signs with keys of its own, never the developer's.
    JWT_KEYS_DIR: mkdtempSync(join(keysRoot, 'keys-')),
    ...overrides,
  });
}

/** A loopback port with nothing listening on it. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}
