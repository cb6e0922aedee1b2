import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from './config.ts';
import { notReady, serviceExited } from './fail.ts';
import { logsDir, repoRoot, runDir } from './paths.ts';
import { assertPortFree } from './ports.ts';
import { isAlive, ownProcess, spawnDetached, stopOwnProcess } from './processes.ts';
import { waitUntil } from './wait.ts';

type PortVariable = 'ACTIONS_PORT' | 'ENGINE_PORT' | 'WEB_PORT';

/** A service reached over HTTP: start waits for its /healthz, the banner shows its links. */
interface HttpService {
  kind: 'http';
  portVariable: PortVariable;
  /** Banner lines: label and URL. */
  links: (baseUrl: string) => [string, string][];
}

/** A background process that serves no HTTP (the worker): start waits for a line in its log. */
interface BackgroundService {
  kind: 'background';
  readyMessage: string;
}

export type AppService = (HttpService | BackgroundService) & {
  name: string;
  /** Repo-relative TypeScript entry point; the service is started only once it exists. */
  entry: string;
  /** Variables the service reads under other names, derived from WorkGrid's environment. */
  env?: (env: NodeJS.ProcessEnv) => Record<string, string>;
};

/** WorkGrid's own processes, in start order; web becomes one more entry. */
export const appServices: AppService[] = [
  { kind: 'http', name: 'actions', entry: 'actions/src/server.ts', portVariable: 'ACTIONS_PORT', links: (base) => [['Actions', base]] },
  { kind: 'background', name: 'worker', entry: 'actions/src/worker.ts', readyMessage: '"msg":"worker ready"' },
  {
    kind: 'http',
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
      // Tokens are signed by the actions service (started before the engine), as in compose.
      HASURA_GRAPHQL_JWT_SECRET: JSON.stringify({
        jwk_url: `http://127.0.0.1:${env['ACTIONS_PORT'] ?? ''}/.well-known/jwks.json`,
        audience: env['JWT_AUDIENCE'] ?? '',
        issuer: env['JWT_ISSUER'] ?? '',
      }),
      // Action handlers: actions.yaml reads {{ACTIONS_BASE_URL}} and value_from_env ACTIONS_SECRET.
      ACTIONS_BASE_URL: `http://127.0.0.1:${env['ACTIONS_PORT'] ?? ''}`,
      ACTIONS_SECRET: env['ACTIONS_SECRET'] ?? '',
      // The embedded engine serves the GraphiQL console; .env's HASURA_GRAPHQL_ENABLE_CONSOLE is for compose's Hasura.
      HASURA_GRAPHQL_ENABLE_CONSOLE: 'true',
    }),
  },
];

export function presentServices(): AppService[] {
  return appServices.filter((service) => existsSync(join(repoRoot, service.entry)));
}

/** Banner lines of the HTTP services that exist. */
export function serviceLinks(settings: Settings): [string, string][] {
  return presentServices().flatMap((service) =>
    service.kind === 'http' ? service.links(`http://127.0.0.1:${settings[service.portVariable]}`) : [],
  );
}

/** Each service runs under scripts/supervise.ts, which starts it again when it exits on its own. */
const supervisorEntry = join(repoRoot, 'scripts', 'supervise.ts');
/** How long `npm stop` lets a supervisor stop its service (the worker may take 30 s to drain). */
const SUPERVISOR_STOP_TIMEOUT_MS = 40_000;

function serviceFiles(service: AppService) {
  const entry = join(repoRoot, service.entry);
  return {
    entry,
    pidFile: join(runDir, `${service.name}.pid`),
    logFile: join(logsDir, `${service.name}.log`),
    supervisorPidFile: join(runDir, `${service.name}.supervisor.pid`),
    /** What the supervisor's command line contains: its entry, the service name and entry. */
    supervisorMarker: `${supervisorEntry} ${service.name} ${entry}`,
  };
}

/** The supervisor's pid, or the service's own when one runs unsupervised (started by an older npm start). */
function runningService(service: AppService): number | undefined {
  const { entry, pidFile, supervisorPidFile, supervisorMarker } = serviceFiles(service);
  return ownProcess(supervisorPidFile, supervisorMarker) ?? ownProcess(pidFile, entry);
}

/**
 * Starts the service under its supervisor, detached (unless it already runs), and waits until it is
 * ready. A service that exits before it is ready fails the start, and its supervisor is stopped.
 */
export async function startService(service: AppService, settings: Settings, env: NodeJS.ProcessEnv): Promise<'started' | 'running'> {
  if (runningService(service) !== undefined) return 'running';
  if (service.kind === 'http') await assertPortFree(settings[service.portVariable], service.portVariable);
  const { entry, pidFile, logFile, supervisorPidFile } = serviceFiles(service);
  const logStart = existsSync(logFile) ? readFileSync(logFile, 'utf8').length : 0;
  const logSinceStart = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(logStart) : '');
  const serviceEnv = { ...env, ...(service.env?.(env) ?? {}) };
  const supervisor = spawnDetached({
    command: process.execPath,
    args: ['--import', 'tsx', supervisorEntry, service.name, entry, pidFile],
    cwd: repoRoot,
    env: serviceEnv,
    logFile,
    pidFile: supervisorPidFile,
  });
  const isReady =
    service.kind === 'http'
      ? async () => (await fetch(`http://127.0.0.1:${settings[service.portVariable]}/healthz`, { signal: AbortSignal.timeout(1_000) })).ok
      : async () => logSinceStart().includes(service.readyMessage);
  const exited = () => !isAlive(supervisor) || logSinceStart().includes('"msg":"service exited; restarting"');
  try {
    await waitUntil(isReady, {
      timeoutMs: 30_000,
      intervalMs: 200,
      timeoutError: () => notReady(`${service.name} service`, logFile),
      abort: () => (exited() ? serviceExited(`${service.name} service`, logFile) : undefined),
    });
  } catch (error) {
    await stopService(service);
    throw error;
  }
  return 'started';
}

/** Stops the supervisor (which stops its service and restarts nothing), then any service left over. */
export async function stopService(service: AppService): Promise<boolean> {
  const { entry, pidFile, supervisorPidFile, supervisorMarker } = serviceFiles(service);
  const supervised = await stopOwnProcess(supervisorPidFile, supervisorMarker, SUPERVISOR_STOP_TIMEOUT_MS);
  const unsupervised = await stopOwnProcess(pidFile, entry);
  return supervised || unsupervised;
}
