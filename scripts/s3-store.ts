import { join } from 'node:path';
import { loadConfig } from './lib/config.ts';
import { runMain } from './lib/fail.ts';
import { dataDir } from './lib/paths.ts';
import { runS3Store } from './lib/s3-store.ts';

// The local S3-compatible store for `npm start` (started detached by start.ts; MinIO in compose).
runMain(async () => {
  const { settings } = loadConfig();
  const close = await runS3Store({
    port: settings.S3_PORT,
    directory: join(dataDir, 's3'),
    bucket: settings.S3_BUCKET,
    accessKey: settings.S3_ACCESS_KEY,
    secretKey: settings.S3_SECRET_KEY,
  });
  console.log(`S3 store listening on 127.0.0.1:${settings.S3_PORT}, bucket ${settings.S3_BUCKET}`);
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => resolve());
  });
  await close();
});
