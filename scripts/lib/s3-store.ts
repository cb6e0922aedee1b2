import { createRequire } from 'node:module';
import { Client } from 'minio';
import S3rver from 's3rver';
import { notReady } from './fail.ts';
import { waitUntil } from './wait.ts';

export interface S3Connection {
  endPoint: string;
  port: number;
  useSSL: false;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region: string;
}

export interface S3StoreOptions {
  port: number;
  directory: string;
  bucket: string;
  accessKey: string;
  secretKey: string;
}

interface S3rverAccount {
  createKeyPair(accessKeyId: string, secretAccessKey: string): void;
}

/**
 * Runs s3rver in this process. It checks the access key id but does NOT verify SigV4 signatures:
 * a loopback-only development store, never a security boundary (compose uses MinIO).
 */
export async function runS3Store({ port, directory, bucket, accessKey, secretKey }: S3StoreOptions): Promise<() => Promise<void>> {
  const require = createRequire(import.meta.url);
  const { DUMMY_ACCOUNT } = require('s3rver/lib/models/account.js') as { DUMMY_ACCOUNT: S3rverAccount };
  DUMMY_ACCOUNT.createKeyPair(accessKey, secretKey);
  const server = new S3rver({ address: '127.0.0.1', port, directory, silent: true, configureBuckets: [{ name: bucket, configs: [] }] });
  await server.run();
  return () => server.close();
}

export function s3Client(connection: S3Connection): Client {
  const { endPoint, port, useSSL, accessKey, secretKey, region } = connection;
  return new Client({ endPoint, port, useSSL, accessKey, secretKey, region, pathStyle: true });
}

export function s3ConnectionFromEndpoint(endpoint: string, fields: Omit<S3Connection, 'endPoint' | 'port' | 'useSSL'>): S3Connection {
  const url = new URL(endpoint);
  return { endPoint: url.hostname, port: Number(url.port || 80), useSSL: false, ...fields };
}

/** Waits until the store answers and the bucket exists. */
export async function waitForBucket(connection: S3Connection, options: { logFile?: string; abort?: () => Error | undefined } = {}): Promise<void> {
  const client = s3Client(connection);
  await waitUntil(() => client.bucketExists(connection.bucket), {
    timeoutMs: 15_000,
    timeoutError: () => notReady('S3 store', options.logFile),
    abort: options.abort,
  });
}
