import { existsSync } from 'node:fs';
import { appServices, stopService } from './lib/app-services.ts';
import { envPath, loadConfig } from './lib/config.ts';
import { runMain } from './lib/fail.ts';
import { localPostgres, localRedis, s3StoreProcess } from './lib/local-stack.ts';
import { stopCluster } from './lib/postgres-cluster.ts';
import { stopOwnProcess } from './lib/processes.ts';
import { stopRedis } from './lib/redis-server.ts';

// Stops only what `npm start` started: processes named in our pid files whose command line is still ours.
runMain(async () => {
  if (!existsSync(envPath)) {
    console.log('Nothing to stop: npm start has not run in this checkout.');
    return;
  }
  const config = loadConfig();
  const stopped: string[] = [];

  for (const service of [...appServices].reverse()) {
    if (await stopService(service)) stopped.push(`${service.name} service`);
  }
  if (await stopOwnProcess(s3StoreProcess.pidFile, s3StoreProcess.entry)) stopped.push('S3 store');
  if (await stopRedis(localRedis(config))) stopped.push('Redis');
  if (stopCluster(await localPostgres(config))) stopped.push('PostgreSQL');

  console.log(stopped.length > 0 ? `Stopped: ${stopped.join(', ')}.` : 'Nothing was running.');
});
