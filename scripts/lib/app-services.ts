import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from './config.ts';
import { serviceExited, notReady } from './fail.ts';
import { logsDir, repoRoot, runDir } from './paths.ts';
import { assertPortFree } from './ports.ts';
import { isAlive, ownProcess, spawnDetached, stopOwnProcess } from './processes.ts';
import { waitUntil } from './wait.ts';

type PortVariable = 'ACTIONS_PORT' | 'ENGINE_PORT' | 'WEB_PORT';

export interface AppService {
  name: string;
  /** Repo-relative TypeScript entry point; the service is started only once it exists. */
  entry: string;
  portVariable: PortVariable;
  /** Banner lines: label and URL. */
  links: (baseUrl: string) => [string, string][];
  /** Variables the service reads under other names, derived from WorkGrid's environment. */
  env?: (env: NodeJS.ProcessEnv) => Record<string, string>;
}

/** WorkGrid's own processes, in start order; engine, worker and web become one entry each. */
export const appServices: AppService[] = [
  { name: 'actions', entry: 'actions/src/server.ts', portVariable: 'ACTIONS_PORT', links: (base) => [['Actions', base]] },
  {
    name: 'engine',
    entry: 'apps/engine/src/server.ts',
    portVariable: 'ENGINE_PORT',
    links: (base) => [
      ['GraphQL', `${base}/v1/graphql`],
      ['GraphQL console', `${base}/console (admin secret: HASURA_GRAPHQL_ADMIN_SECRET in .env)`],
    ],
    // The engine reads Hasura's variable names; WorkGrid's .env names map onto them here.
    env: (env) => ({
      HASURA_GRAPHQL_DATABASE_URL: env['ENGINE_DATABASE_URL'] ?? '',
      HASURA_GRAPHQL_SERVER_PORT: env['ENGINE_PORT'] ?? '',
      HASURA_GRAPHQL_METADATA_DIR: join(repoRoot, 'hasura', 'metadata'),
      HASURA_GRAPHQL_UNAUTHORIZED_ROLE: env['HASURA_GRAPHQL_UNAUTHORIZED_ROLE'] ?? 'anonymous',
      // The embedded engine serves the GraphiQL console; .env's HASURA_GRAPHQL_ENABLE_CONSOLE is for compose's Hasura.
      HASURA_GRAPHQL_ENABLE_CONSOLE: 'true',
    }),
  },
];

export function presentServices(): AppService[] {
  return appServices.filter((service) => existsSync(join(repoRoot, service.entry)));
}

function serviceFiles(service: AppService): { entry: string; pidFile: string; logFile: string } {
  return {
    entry: join(repoRoot, service.entry),
    pidFile: join(runDir, `${service.name}.pid`),
    logFile: join(logsDir, `${service.name}.log`),
  };
}

function runningService(service: AppService): number | undefined {
  const { entry, pidFile } = serviceFiles(service);
  return ownProcess(pidFile, entry);
}

/** Starts the service detached (unless it already runs) and waits for its /healthz. */
export async function startService(service: AppService, settings: Settings, env: NodeJS.ProcessEnv): Promise<'started' | 'running'> {
  const port = settings[service.portVariable];
  if (runningService(service) !== undefined) return 'running';
  await assertPortFree(port, service.portVariable);
  const { entry, pidFile, logFile } = serviceFiles(service);
  const serviceEnv = { ...env, ...(service.env?.(env) ?? {}) };
  const pid = spawnDetached({ command: process.execPath, args: ['--import', 'tsx', entry], cwd: repoRoot, env: serviceEnv, logFile, pidFile });
  await waitUntil(
    async () => (await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1_000) })).ok,
    {
      timeoutMs: 30_000,
      intervalMs: 200,
      timeoutError: () => notReady(`${service.name} service`, logFile),
      abort: () => (isAlive(pid) ? undefined : serviceExited(`${service.name} service`, logFile)),
    },
  );
  return 'started';
}

export function stopService(service: AppService): Promise<boolean> {
  const { entry, pidFile } = serviceFiles(service);
  return stopOwnProcess(pidFile, entry);
}
