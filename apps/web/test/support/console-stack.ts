import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { TEST_ACTIONS_SECRET } from '../../../../actions/test/support/config.ts';
import { startService, type TestService } from '../../../../actions/test/support/identity.ts';
import { startEngine, type TestEngine } from '../../../engine/test/support/harness.ts';
import { loadMetadataDirectory } from '../../../engine/src/metadata.ts';
import { freePort } from '../../../../scripts/lib/ports.ts';
import { webBuild } from '../../../../scripts/lib/web-build.ts';

// Its own build folder: a test run never swaps the files under a console npm start is serving.
const testBuild = webBuild('.next-test');
const METADATA_DIR = fileURLToPath(new URL('../../../../hasura/metadata', import.meta.url));

/** Debian's Chromium (apt-get install -y chromium); playwright-core downloads no browser. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export interface ConsoleStack {
  /** The console's origin; its /v1/graphql and /actions/auth/* lead to the engine and actions below. */
  baseUrl: string;
  service: TestService;
  engine: TestEngine;
  browser: Browser;
  close: () => Promise<void>;
}

/**
 * The console as it runs under npm start: its standalone build (built when missing or stale), in
 * front of the real actions service and GraphQL engine on the test database, driven by Chromium.
 */
export async function startConsoleStack(): Promise<ConsoleStack> {
  testBuild.ensure(() => undefined);
  // Webhooks in the tests go to a receiver on loopback.
  const service = await startService({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
  const actionsUrl = await service.app.listen({ port: 0, host: '127.0.0.1' });
  const engine = await startEngine(loadMetadataDirectory(METADATA_DIR), {
    jwtSecret: JSON.stringify({ jwk_url: `${actionsUrl}/.well-known/jwks.json`, audience: service.config.JWT_AUDIENCE, issuer: service.config.JWT_ISSUER }),
    environment: { ACTIONS_BASE_URL: actionsUrl, ACTIONS_SECRET: TEST_ACTIONS_SECRET },
  });
  const engineUrl = await engine.app.listen({ port: 0, host: '127.0.0.1' });
  const port = await freePort();
  const server = spawn(process.execPath, [testBuild.serverScript], {
    cwd: join(testBuild.serverScript, '..'),
    env: { ...process.env, PORT: String(port), HOSTNAME: '127.0.0.1', NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ENGINE_URL: engineUrl,
      ACTIONS_BASE_URL: actionsUrl,
      GRAPHQL_WS_URL: `${engineUrl.replace(/^http/, 'ws')}/v1/graphql`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  server.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await waitForHealth(baseUrl, server, output).then(() =>
    chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    }),
  );
  return {
    baseUrl,
    service,
    engine,
    browser,
    close: async () => {
      await browser.close();
      server.kill('SIGTERM');
      await engine.close();
      await service.app.close();
    },
  };
}

async function waitForHealth(baseUrl: string, server: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the console exited: ${output.join('')}`);
    const ok = await fetch(`${baseUrl}/healthz`).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the console did not become ready: ${output.join('')}`);
}
