import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { dropDatabase, migrate, provisionDatabase, setSuperuserPassword } from '../lib/database-setup.ts';
import { randomSecret } from '../lib/env-file.ts';
import { ensureSystemUser } from '../lib/os-user.ts';
import { dataDir, isRoot, postgresHome } from '../lib/paths.ts';
import { freePort } from '../lib/ports.ts';
import { findPostgresBinaries, preferredFlavor } from '../lib/postgres-binaries.ts';
import { describeCluster, initCluster, isRunning, socketConnection, startCluster, stopCluster, superuserUrl, type Cluster } from '../lib/postgres-cluster.ts';
import { isAlive } from '../lib/processes.ts';
import { ensureRedisInstalled, startRedis, stopRedis, type RedisInstance } from '../lib/redis-server.ts';
import { runS3Store, type S3Connection } from '../lib/s3-store.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser on the migrated test database (bypasses RLS: arrange data, then switch role). */
    superuserUrl: string;
    /** workgrid_owner (BYPASSRLS, owns the schema). */
    ownerUrl: string;
    /** workgrid_engine (NOBYPASSRLS). */
    engineUrl: string;
    /** workgrid_app (NOBYPASSRLS). */
    appUrl: string;
    redisUrl: string;
    s3: S3Connection;
  }
}

const TEST_DATABASE = 'workgrid_test';
const RUN_PREFIX = 'test-run-';
// Throwaway clusters trade durability for speed.
const FAST_SETTINGS = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };

type Cleanup = () => Promise<void> | void;

export interface SetupOptions {
  /** Extra server settings for the throwaway cluster (e.g. `shared_preload_libraries`); ignored with DATABASE_URL. */
  postgresSettings?: Record<string, string>;
}

/** Starts one Postgres, Redis and S3 store for the whole run; returns the teardown. */
export async function setup(project: TestProject, options: SetupOptions = {}): Promise<() => Promise<void>> {
  const runName = `${RUN_PREFIX}${process.pid}`;
  const workDir = join(dataDir, runName);
  const cleanups: Cleanup[] = [() => rmSync(workDir, { recursive: true, force: true })];
  const teardown = async (): Promise<void> => {
    const failures: unknown[] = [];
    for (const cleanup of cleanups.reverse()) await Promise.resolve().then(cleanup).catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw failures[0];
  };
  try {
    await removeStaleRuns();
    const redis: RedisInstance = {
      port: await freePort(),
      dir: join(workDir, 'redis'),
      pidFile: join(workDir, 'redis.pid'),
      logFile: join(workDir, 'redis.log'),
      persistent: false,
    };
    ensureRedisInstalled((line) => console.log(line));
    await startRedis(redis);
    cleanups.push(() => stopRedis(redis).then(() => undefined));

    const s3 = await startS3(join(workDir, 's3'), cleanups);
    const superuser = await startPostgres(join(postgresHome(), runName), cleanups, options.postgresSettings ?? {});
    const urls = await createTestDatabase(superuser);
    cleanups.push(() => dropDatabase(superuser, TEST_DATABASE));
    await migrate(urls.ownerUrl);

    project.provide('superuserUrl', urls.superuserUrl);
    project.provide('ownerUrl', urls.ownerUrl);
    project.provide('engineUrl', urls.engineUrl);
    project.provide('appUrl', urls.appUrl);
    project.provide('redisUrl', `redis://127.0.0.1:${redis.port}`);
    project.provide('s3', s3);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}

async function startS3(directory: string, cleanups: Cleanup[]): Promise<S3Connection> {
  const s3: S3Connection = {
    endPoint: '127.0.0.1',
    port: await freePort(),
    useSSL: false,
    accessKey: randomSecret(),
    secretKey: randomSecret(),
    bucket: 'workgrid-test',
    region: 'us-east-1',
  };
  cleanups.push(await runS3Store({ ...s3, directory }));
  return s3;
}

/** A fresh cluster, or the server DATABASE_URL names (a superuser URL) when it is set. */
async function startPostgres(home: string, cleanups: Cleanup[], settings: Record<string, string>): Promise<string> {
  const external = process.env['DATABASE_URL'];
  if (external) return external;
  const cluster = await testCluster(home, await freePort(), settings);
  cleanups.push(() => {
    stopCluster(cluster);
    rmSync(home, { recursive: true, force: true });
  });
  initCluster(cluster);
  startCluster(cluster);
  const password = randomSecret();
  await setSuperuserPassword(socketConnection(cluster), password);
  return superuserUrl(cluster, password);
}

async function testCluster(home: string, port: number, settings: Record<string, string> = {}): Promise<Cluster> {
  const binaries = await findPostgresBinaries(preferredFlavor(), isRoot());
  return describeCluster({ binaries, home, port, runAs: isRoot() ? ensureSystemUser('postgres') : undefined, settings: { ...FAST_SETTINGS, ...settings } });
}

interface TestUrls {
  superuserUrl: string;
  ownerUrl: string;
  engineUrl: string;
  appUrl: string;
}

/** workgrid_test from scratch, and fresh passwords for the three roles on that server. */
async function createTestDatabase(superuser: string): Promise<TestUrls> {
  const onTestDatabase = (role?: string): string => {
    const url = new URL(superuser);
    if (role) {
      url.username = role;
      url.password = randomSecret();
    }
    url.pathname = `/${TEST_DATABASE}`;
    return url.toString();
  };
  const urls = {
    superuserUrl: onTestDatabase(),
    ownerUrl: onTestDatabase('workgrid_owner'),
    engineUrl: onTestDatabase('workgrid_engine'),
    appUrl: onTestDatabase('workgrid_app'),
  };
  await dropDatabase(superuser, TEST_DATABASE);
  await provisionDatabase(superuser, urls);
  return urls;
}

/** Clusters and Redis servers left by runs that were killed before their teardown. */
async function removeStaleRuns(): Promise<void> {
  for (const parent of new Set([dataDir, postgresHome()])) {
    if (!existsSync(parent)) continue;
    for (const name of readdirSync(parent)) {
      const pid = Number(name.slice(RUN_PREFIX.length));
      if (!name.startsWith(RUN_PREFIX) || !Number.isInteger(pid) || isAlive(pid)) continue;
      const home = join(parent, name);
      const cluster = await testCluster(home, 0);
      if (isRunning(cluster)) stopCluster(cluster);
      await stopRedis({ port: 0, dir: home, pidFile: join(home, 'redis.pid'), logFile: '', persistent: false });
      rmSync(home, { recursive: true, force: true });
    }
  }
}
