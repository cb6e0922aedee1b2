import { Client } from 'minio';
import type { Config } from '../config.ts';

/** The S3 operations the attachment actions need (MinIO in compose, the local store otherwise). */
export interface ObjectStore {
  presignedPut(key: string, expirySeconds: number): Promise<string>;
  presignedGet(key: string, expirySeconds: number, downloadName: string, contentType: string): Promise<string>;
  /** Size of the stored object, or undefined when nothing was uploaded under the key. */
  size(key: string): Promise<number | undefined>;
  /** The first `length` bytes (fewer when the object is shorter). */
  head(key: string, length: number): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

export function objectStoreFromConfig(config: Config): ObjectStore | undefined {
  if (!config.S3_ENDPOINT || !config.S3_ACCESS_KEY || !config.S3_SECRET_KEY) return undefined;
  const url = new URL(config.S3_ENDPOINT);
  const client = new Client({
    endPoint: url.hostname,
    port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
    useSSL: url.protocol === 'https:',
    accessKey: config.S3_ACCESS_KEY,
    secretKey: config.S3_SECRET_KEY,
    region: config.S3_REGION,
    pathStyle: true,
  });
  const bucket = config.S3_BUCKET;
  return {
    presignedPut: (key, expiry) => client.presignedPutObject(bucket, key, expiry),
    presignedGet: (key, expiry, downloadName, contentType) =>
      client.presignedGetObject(bucket, key, expiry, {
        'response-content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(downloadName)}`,
        'response-content-type': contentType,
      }),
    size: async (key) => {
      try {
        return (await client.statObject(bucket, key)).size;
      } catch (error) {
        if ((error as { code?: string }).code === 'NotFound' || (error as { code?: string }).code === 'NoSuchKey') return undefined;
        throw error;
      }
    },
    head: async (key, length) => {
      const stream = await client.getPartialObject(bucket, key, 0, length);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).subarray(0, length);
    },
    remove: (key) => client.removeObject(bucket, key),
  };
}
