import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import type { Options, PostgresType } from 'postgres';
import { displayPath, UserFacingError } from './fail.ts';
import type { OsUser } from './os-user.ts';
import type { PostgresBinaries } from './postgres-binaries.ts';

const SUPERUSER = 'postgres';

export interface Cluster {
  binaries: PostgresBinaries;
  /** Folder holding data/, the socket folder and the server log; owned by `runAs` when set. */
  home: string;
  dataDir: string;
  socketDir: string;
  logFile: string;
  port: number;
  /** The OS user the server runs as (needed when we are root). */
  runAs: OsUser | undefined;
  /** Extra `-c name=value` server settings. */
  settings: Record<string, string>;
}

export interface ClusterSpec {
  binaries: PostgresBinaries;
  home: string;
  port: number;
  /** Defaults to postgres.log in `home`; must be writable by `runAs`. */
  logFile?: string;
  runAs: OsUser | undefined;
  settings?: Record<string, string>;
}

// Unix socket paths are limited to ~104 bytes; fall back to a short folder for deep checkouts.
const MAX_SOCKET_DIR_LENGTH = 80;

export function describeCluster({ binaries, home, port, logFile = join(home, 'postgres.log'), runAs, settings = {} }: ClusterSpec): Cluster {
  const preferredSocketDir = join(home, 'run');
  const socketDir =
    preferredSocketDir.length <= MAX_SOCKET_DIR_LENGTH
      ? preferredSocketDir
      : join(tmpdir(), `workgrid-${createHash('sha256').update(home).digest('hex').slice(0, 12)}`);
  return { binaries, home, dataDir: join(home, 'postgres'), socketDir, logFile, port, runAs, settings };
}

export function isRunning(cluster: Cluster): boolean {
  if (!existsSync(join(cluster.dataDir, 'PG_VERSION'))) return false;
  return pgCtl(cluster, ['status', '-D', cluster.dataDir]).status === 0;
}

/** Creates the cluster when its data folder is empty: local socket trusted, TCP needs a SCRAM password. */
export function initCluster(cluster: Cluster): boolean {
  for (const dir of [cluster.home, cluster.socketDir]) ownedDir(dir, cluster.runAs);
  const versionFile = join(cluster.dataDir, 'PG_VERSION');
  if (existsSync(versionFile)) {
    assertSameMajor(readFileSync(versionFile, 'utf8').trim(), cluster);
    return false;
  }
  ownedDir(cluster.dataDir, cluster.runAs);
  const result = runAsOwner(cluster, cluster.binaries.initdb, [
    '-D', cluster.dataDir, '-U', SUPERUSER, '-E', 'UTF8', '--locale=C',
    '--auth-local=trust', '--auth-host=scram-sha-256', '--no-instructions',
  ]);
  if (result.status !== 0) {
    throw new UserFacingError(`initdb failed for ${displayPath(cluster.dataDir)}: ${lastLine(result)}.`);
  }
  return true;
}

export function startCluster(cluster: Cluster): void {
  const options = [
    '-c listen_addresses=127.0.0.1',
    `-p ${cluster.port}`,
    `-k ${shellQuote(cluster.socketDir)}`,
    ...Object.entries(cluster.settings).map(([name, value]) => `-c ${name}=${shellQuote(value)}`),
  ].join(' ');
  const result = pgCtl(cluster, ['start', '-D', cluster.dataDir, '-l', cluster.logFile, '-w', '-t', '60', '-s', '-o', options]);
  if (result.status !== 0) {
    throw new UserFacingError(`PostgreSQL did not start: see ${displayPath(cluster.logFile)} for the reason.`);
  }
}

export function stopCluster(cluster: Cluster): boolean {
  if (!isRunning(cluster)) return false;
  const result = pgCtl(cluster, ['stop', '-D', cluster.dataDir, '-m', 'fast', '-w', '-t', '60', '-s']);
  if (result.status !== 0) throw new UserFacingError(`PostgreSQL did not stop: ${lastLine(result)}.`);
  return true;
}

/** Connection options for the superuser over the trusted local socket (no password needed). */
export function socketConnection(cluster: Cluster): Options<Record<string, PostgresType>> {
  return { host: cluster.socketDir, port: cluster.port, user: SUPERUSER, database: 'postgres' };
}

export function superuserUrl(cluster: Cluster, password: string): string {
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${cluster.port}/postgres`;
}

function pgCtl(cluster: Cluster, args: string[]): SpawnSyncReturns<string> {
  return runAsOwner(cluster, cluster.binaries.pgCtl, args);
}

function runAsOwner(cluster: Cluster, command: string, args: string[]): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    // The server user may not be able to enter our working directory.
    cwd: cluster.home,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'], LC_ALL: 'C', ...(cluster.runAs ? { HOME: cluster.home } : {}) },
    ...(cluster.runAs ? { uid: cluster.runAs.uid, gid: cluster.runAs.gid } : {}),
  });
}

function assertSameMajor(clusterMajor: string, cluster: Cluster): void {
  const binariesMajor = cluster.binaries.version.split('.')[0];
  if (clusterMajor === binariesMajor) return;
  throw new UserFacingError(
    `The cluster in ${displayPath(cluster.dataDir)} was created by PostgreSQL ${clusterMajor} but PostgreSQL ${cluster.binaries.version} (${cluster.binaries.flavor}) was selected: set WORKGRID_POSTGRES to the other kind, or run npm stop and delete that folder to start over.`,
  );
}

function ownedDir(dir: string, owner: OsUser | undefined): void {
  // Parents get the default mode so the server user can traverse them.
  mkdirSync(dirname(dir), { recursive: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (owner) chownSync(dir, owner.uid, owner.gid);
  chmodSync(dir, 0o700);
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

function lastLine(result: SpawnSyncReturns<string>): string {
  const lines = `${result.stderr ?? ''}\n${result.stdout ?? ''}`.trim().split('\n').filter(Boolean);
  return lines.at(-1) ?? `exit code ${String(result.status)}`;
}
