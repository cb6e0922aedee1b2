import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from './config.ts';
import { notReady, serviceExited } from './fail.ts';
import { logsDir, repoRoot, runDir } from './paths.ts';
import { assertPortFree } from './ports.ts';
import { isAlive, ownProcess, spawnDetached, stopOwnProcess } from './processes.ts';
import { waitUntil } from './wait.ts';
import { startBuild } from './web-build.ts';

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
  /** A service that runs a build's output with node instead of its entry with tsx. */
  built?: {
    /** Absolute path of the script node runs. */
    script: string;
    /** Builds it when missing or stale; true when it built. */
    build: (say: (line: string) => void) => boolean;
    /** What its command line shows once running (the process may retitle itself). */
    processTitle: string;
  };
  /** Variables the service reads under other names, derived from WorkGrid's environment. */
  env?: (env: NodeJS.ProcessEnv) => Record<string, string>;
};

/** WorkGrid's own processes, in start order. */
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
  {
    kind: 'http',
    name: 'web',
    entry: 'apps/web/next.config.ts',
    // Next.js retitles its process `next-server (vX)`, which replaces the script path in its command line.
    built: { script: startBuild.serverScript, build: startBuild.ensure, processTitle: 'next-server' },
    portVariable: 'WEB_PORT',
    links: (base) => [['Web console', base]],
    // The standalone Next.js server reads PORT and HOSTNAME; its API routes pass /v1/graphql on to
    // the engine and /actions/auth/* to the actions service (apps/web/src/server/config.ts).
    env: (env) => ({
      PORT: env['WEB_PORT'] ?? '',
      HOSTNAME: '127.0.0.1',
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      ENGINE_URL: `http://127.0.0.1:${env['ENGINE_PORT'] ?? ''}`,
      ACTIONS_BASE_URL: `http://127.0.0.1:${env['ACTIONS_PORT'] ?? ''}`,
      // Browsers open subscriptions on the engine itself: the standalone server takes no websocket upgrade.
      GRAPHQL_WS_URL: `ws://127.0.0.1:${env['ENGINE_PORT'] ?? ''}/v1/graphql`,
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
  const entry = service.built?.script ?? join(repoRoot, service.entry);
  return {
    entry,
    /** What the service's own command line contains. */
    marker: service.built?.processTitle ?? entry,
    pidFile: join(runDir, `${service.name}.pid`),
    logFile: join(logsDir, `${service.name}.log`),
    supervisorPidFile: join(runDir, `${service.name}.supervisor.pid`),
    /** What the supervisor's command line contains: its entry, the service name and entry. */
    supervisorMarker: `${supervisorEntry} ${service.name} ${entry}`,
  };
}

/** The supervisor's pid, or the service's own when one runs unsupervised (started by an older npm start). */
function runningService(service: AppService): number | undefined {
  const { marker, pidFile, supervisorPidFile, supervisorMarker } = serviceFiles(service);
  return ownProcess(supervisorPidFile, supervisorMarker) ?? ownProcess(pidFile, marker);
}

/**
 * Starts the service under its supervisor, detached (unless it already runs), and waits until it is
 * ready. A built service is built first when its build is missing or stale, and restarted when it was
 * running the old one. A service that exits before it is ready fails the start, and its supervisor
 * is stopped.
 */
export async function startService(
  service: AppService,
  settings: Settings,
  env: NodeJS.ProcessEnv,
  say: (line: string) => void = () => undefined,
): Promise<'started' | 'running'> {
  const rebuilt = service.built?.build(say) ?? false;
  if (runningService(service) !== undefined) {
    if (!rebuilt) return 'running';
    await stopService(service);
  }
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
  const { marker, pidFile, supervisorPidFile, supervisorMarker } = serviceFiles(service);
  const supervised = await stopOwnProcess(supervisorPidFile, supervisorMarker, SUPERVISOR_STOP_TIMEOUT_MS);
  const unsupervised = await stopOwnProcess(pidFile, marker);
  return supervised || unsupervised;
}
