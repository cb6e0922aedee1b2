import { Client } from 'minio';
import type { WorkerConfig } from './config.ts';

/** Where the worker writes files people download (exports, error reports), with expiring links. */
export interface FileStore {
  put(key: string, body: string, contentType: string): Promise<void>;
  /** A GET link for key that stops working after seconds. */
  link(key: string, seconds: number): Promise<string>;
}

/** An S3 (MinIO, or the local store) bucket from the worker's settings; undefined when S3 is not configured. */
export function fileStoreFromConfig(config: WorkerConfig): FileStore | undefined {
  if (!config.S3_ENDPOINT || !config.S3_ACCESS_KEY || !config.S3_SECRET_KEY) return undefined;
  const url = new URL(config.S3_ENDPOINT);
  const useSSL = url.protocol === 'https:';
  const client = new Client({
    endPoint: url.hostname,
    port: url.port ? Number(url.port) : useSSL ? 443 : 80,
    useSSL,
    accessKey: config.S3_ACCESS_KEY,
    secretKey: config.S3_SECRET_KEY,
    region: config.S3_REGION,
  });
  const bucket = config.S3_BUCKET;
  return {
    put: async (key, body, contentType) => {
      await client.putObject(bucket, key, Buffer.from(body, 'utf8'), undefined, { 'Content-Type': contentType });
    },
    link: (key, seconds) => client.presignedGetObject(bucket, key, seconds),
  };
}
