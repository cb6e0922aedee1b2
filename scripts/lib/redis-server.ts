import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Redis } from 'ioredis';
import { notReady, UserFacingError } from './fail.ts';
import { isRoot } from './paths.ts';
import { ownProcess, stopOwnProcess } from './processes.ts';
import { waitUntil } from './wait.ts';

export interface RedisInstance {
  port: number;
  dir: string;
  pidFile: string;
  logFile: string;
  /** Append-only file on (npm start) or no persistence at all (tests). */
  persistent: boolean;
}

const INSTALL_HINT =
  'redis-server is not installed: install Redis 7 (apt-get install -y redis-server, or brew install redis) or set REDIS_URL to a server you run.';

/** Makes sure `redis-server` is on PATH, installing Debian's package when we are root. */
export function ensureRedisInstalled(log: (line: string) => void): void {
  if (commandWorks('redis-server', ['--version'])) return;
  if (!isRoot() || !commandWorks('apt-get', ['--version'])) throw new UserFacingError(INSTALL_HINT);
  log('Installing redis-server with apt-get (it is not on PATH)…');
  const install = (): boolean => aptGet(['install', '-y', '-qq', 'redis-server']);
  if (!install() && !(aptGet(['update', '-qq']) && install())) throw new UserFacingError(INSTALL_HINT);
}

const MARKER = 'redis-server';

export function runningRedis(instance: RedisInstance): number | undefined {
  return ownProcess(instance.pidFile, MARKER);
}

export async function startRedis(instance: RedisInstance): Promise<void> {
  for (const path of [instance.dir, dirname(instance.pidFile), dirname(instance.logFile)]) mkdirSync(path, { recursive: true });
  const result = spawnSync('redis-server', [
    '--port', String(instance.port),
    '--bind', '127.0.0.1',
    '--daemonize', 'yes',
    '--pidfile', instance.pidFile,
    '--logfile', instance.logFile,
    '--dir', instance.dir,
    '--save', '',
    '--appendonly', instance.persistent ? 'yes' : 'no',
    '--maxmemory-policy', 'noeviction',
  ], { encoding: 'utf8' });
  if (result.status !== 0) throw new UserFacingError(`redis-server did not start: ${result.stderr.trim() || result.stdout.trim()}.`);
  await waitForRedis(`redis://127.0.0.1:${instance.port}`, instance.logFile);
}

export function stopRedis(instance: RedisInstance): Promise<boolean> {
  return stopOwnProcess(instance.pidFile, MARKER);
}

export async function waitForRedis(url: string, logFile?: string): Promise<void> {
  const { host } = new URL(url);
  await waitUntil(() => pingRedis(url), { timeoutMs: 15_000, timeoutError: () => notReady(`Redis server at ${host}`, logFile) });
}

async function pingRedis(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } finally {
    client.disconnect();
  }
}

function commandWorks(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

function aptGet(args: string[]): boolean {
  return spawnSync('apt-get', args, { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
}
