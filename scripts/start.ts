import { chmodSync, mkdirSync } from 'node:fs';
import { presentServices, serviceLinks, startService } from './lib/app-services.ts';
import { readDemoLogins, renderBanner } from './lib/banner.ts';
import { envPath, examplePath, loadConfig, type LocalConfig } from './lib/config.ts';
import { migrate, provisionDatabase, seed, setSuperuserPassword } from './lib/database-setup.ts';
import { ensureEnvFile } from './lib/env-file.ts';
import { runMain, serviceExited } from './lib/fail.ts';
import { linkIntoDataDir, localPostgres, localRedis, localS3, s3StoreProcess } from './lib/local-stack.ts';
import { logsDir, repoRoot, runDir } from './lib/paths.ts';
import { assertPortFree } from './lib/ports.ts';
import { initCluster, isRunning, socketConnection, startCluster } from './lib/postgres-cluster.ts';
import { isAlive, ownProcess, spawnDetached } from './lib/processes.ts';
import { ensureRedisInstalled, runningRedis, startRedis, waitForRedis } from './lib/redis-server.ts';
import { waitForBucket } from './lib/s3-store.ts';

const say = (line: string): void => console.log(line);

runMain(async () => {
  const envFile = await ensureEnvFile({ envPath, examplePath });
  if (envFile.created) say('Created .env with fresh random secrets (mode 0600).');
  if (envFile.added.length > 0) say(`Added to .env: ${envFile.added.join(', ')}.`);
  const config = loadConfig();
  for (const dir of [runDir, logsDir]) mkdirSync(dir, { recursive: true });

  await startPostgres(config);
  await startRedisServer(config);
  await startS3Store(config);

  const applied = await migrate(config.settings.DATABASE_URL);
  say(applied.length > 0 ? `✓ Migrations applied: ${applied.length}` : '✓ Migrations up to date');
  const seeds = await seed(config.settings.DATABASE_URL);
  if (seeds.length > 0) say(`✓ Seeds loaded: ${seeds.length}`);

  mkdirSync(config.jwtKeysDir, { recursive: true, mode: 0o700 });
  chmodSync(config.jwtKeysDir, 0o700);

  const env = { ...process.env, ...config.variables };
  for (const service of presentServices()) {
    const outcome = await startService(service, config.settings, env, say);
    say(`✓ ${service.name} service ${outcome === 'started' ? 'started' : 'already running'}`);
  }
  say(renderBanner({ links: bannerLinks(config), demo: readDemoLogins() }));
});

async function startPostgres(config: LocalConfig): Promise<void> {
  const { POSTGRES_PORT, POSTGRES_SUPERUSER_PASSWORD, DATABASE_URL, ENGINE_DATABASE_URL, APP_DATABASE_URL } = config.settings;
  if (config.external.postgres) {
    say('✓ PostgreSQL: using DATABASE_URL from the environment (roles and database are yours to provision)');
    return;
  }
  const cluster = await localPostgres(config);
  const created = initCluster(cluster);
  linkIntoDataDir(cluster);
  const running = isRunning(cluster);
  if (!running) {
    await assertPortFree(POSTGRES_PORT, 'POSTGRES_PORT');
    startCluster(cluster);
  }
  const admin = socketConnection(cluster);
  await setSuperuserPassword(admin, POSTGRES_SUPERUSER_PASSWORD);
  await provisionDatabase(admin, { ownerUrl: DATABASE_URL, engineUrl: ENGINE_DATABASE_URL, appUrl: APP_DATABASE_URL });
  const { flavor, version } = cluster.binaries;
  say(`✓ PostgreSQL ${version} (${flavor}) ${running ? 'already running' : created ? 'created and started' : 'started'}`);
}

async function startRedisServer(config: LocalConfig): Promise<void> {
  if (config.external.redis) {
    await waitForRedis(config.settings.REDIS_URL);
    say('✓ Redis: using REDIS_URL from the environment');
    return;
  }
  const instance = localRedis(config);
  if (runningRedis(instance) !== undefined) {
    say('✓ Redis already running');
    return;
  }
  ensureRedisInstalled(say);
  await assertPortFree(instance.port, 'REDIS_PORT');
  await startRedis(instance);
  say('✓ Redis started');
}

async function startS3Store(config: LocalConfig): Promise<void> {
  const connection = localS3(config);
  const { entry, pidFile, logFile } = s3StoreProcess;
  if (ownProcess(pidFile, entry) !== undefined) {
    say('✓ S3 store already running');
    return;
  }
  await assertPortFree(config.settings.S3_PORT, 'S3_PORT');
  const env = { ...process.env, ...config.variables };
  const pid = spawnDetached({ command: process.execPath, args: ['--import', 'tsx', entry], cwd: repoRoot, env, logFile, pidFile });
  await waitForBucket(connection, { logFile, abort: () => (isAlive(pid) ? undefined : serviceExited('S3 store', logFile)) });
  say('✓ S3 store started');
}

function bannerLinks(config: LocalConfig): [string, string][] {
  const { settings } = config;
  return [
    ...serviceLinks(settings),
    ['S3 store', `${settings.S3_ENDPOINT.replace(/\/$/, '')} (bucket ${settings.S3_BUCKET})`],
    ['PostgreSQL', withoutPassword(settings.DATABASE_URL)],
    ['Redis', withoutPassword(settings.REDIS_URL)],
  ];
}

function withoutPassword(url: string): string {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString();
}
