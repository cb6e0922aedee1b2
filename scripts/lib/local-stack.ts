import { existsSync, lstatSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalConfig } from './config.ts';
import { ensureSystemUser } from './os-user.ts';
import { dataDir, isRoot, logsDir, postgresHome, repoRoot, runDir } from './paths.ts';
import { findPostgresBinaries, preferredFlavor } from './postgres-binaries.ts';
import { describeCluster, type Cluster } from './postgres-cluster.ts';
import type { RedisInstance } from './redis-server.ts';
import { s3ConnectionFromEndpoint, type S3Connection } from './s3-store.ts';

/** The servers `npm start` runs for this checkout, and where each keeps its state. */

export async function localPostgres(config: LocalConfig): Promise<Cluster> {
  const root = isRoot();
  const binaries = await findPostgresBinaries(preferredFlavor(), root);
  const home = postgresHome();
  return describeCluster({
    binaries,
    home,
    port: config.settings.POSTGRES_PORT,
    logFile: root ? join(home, 'postgres.log') : join(logsDir, 'postgres.log'),
    runAs: root ? ensureSystemUser('postgres') : undefined,
  });
}

/** As root the cluster lives outside the checkout; link it so .data/ still shows everything. */
export function linkIntoDataDir(cluster: Cluster): void {
  if (cluster.home === dataDir) return;
  // Names the checkout a folder under /var/lib/workgrid belongs to, for whoever cleans up later.
  writeFileSync(join(cluster.home, 'checkout'), `${repoRoot}\n`);
  mkdirSync(logsDir, { recursive: true });
  link(cluster.dataDir, join(dataDir, 'postgres'));
  link(cluster.logFile, join(logsDir, 'postgres.log'));
}

/** Points `path` at `target`, replacing an older link but never a real file or folder. */
function link(target: string, path: string): void {
  if (isSymlink(path)) rmSync(path);
  else if (existsSync(path)) return;
  symlinkSync(target, path);
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

export function localRedis(config: LocalConfig): RedisInstance {
  return {
    port: config.settings.REDIS_PORT,
    dir: join(dataDir, 'redis'),
    pidFile: join(runDir, 'redis.pid'),
    logFile: join(logsDir, 'redis.log'),
    persistent: true,
  };
}

export const s3StoreProcess = {
  entry: join(repoRoot, 'scripts', 's3-store.ts'),
  pidFile: join(runDir, 's3.pid'),
  logFile: join(logsDir, 's3.log'),
};

export function localS3(config: LocalConfig): S3Connection {
  const { S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY, S3_BUCKET, S3_REGION } = config.settings;
  return s3ConnectionFromEndpoint(S3_ENDPOINT, { accessKey: S3_ACCESS_KEY, secretKey: S3_SECRET_KEY, bucket: S3_BUCKET, region: S3_REGION });
}
