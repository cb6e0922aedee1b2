import { existsSync, readFileSync } from 'node:fs';
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
  /**
   * How start knows it is up: `http` polls /healthz on the port; `log` (a process that serves no
   * HTTP, like the worker) waits for `readyMessage` in its log, and its port and links are unused.
   */
  readiness?: { kind: 'http' } | { kind: 'log'; readyMessage: string };
}

/** WorkGrid's own processes, in start order; engine, worker and web become one entry each. */
export const appServices: AppService[] = [
  { name: 'actions', entry: 'actions/src/server.ts', portVariable: 'ACTIONS_PORT', links: (base) => [['Actions', base]] },
  {
    name: 'worker',
    entry: 'actions/src/worker.ts',
    // Unused: the worker listens on no port and shows no banner link.
    portVariable: 'ACTIONS_PORT',
    links: () => [],
    readiness: { kind: 'log', readyMessage: '"msg":"worker ready"' },
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
  const readiness = service.readiness ?? { kind: 'http' };
  if (readiness.kind === 'http') await assertPortFree(port, service.portVariable);
  const { entry, pidFile, logFile } = serviceFiles(service);
  const logStart = existsSync(logFile) ? readFileSync(logFile, 'utf8').length : 0;
  const pid = spawnDetached({ command: process.execPath, args: ['--import', 'tsx', entry], cwd: repoRoot, env, logFile, pidFile });
  if (readiness.kind === 'log') {
    await waitUntil(async () => existsSync(logFile) && readFileSync(logFile, 'utf8').slice(logStart).includes(readiness.readyMessage), {
      timeoutMs: 30_000,
      intervalMs: 200,
      timeoutError: () => notReady(`${service.name} service`, logFile),
      abort: () => (isAlive(pid) ? undefined : serviceExited(`${service.name} service`, logFile)),
    });
    return 'started';
  }
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
