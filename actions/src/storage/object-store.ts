import { Client } from 'minio';

/** The S3 settings the actions service and the worker share (MinIO in compose, the local store otherwise). */
export interface S3Settings {
  /** Where the services reach S3 themselves. */
  S3_ENDPOINT?: string | undefined;
  /** Where browsers reach it: presigned URLs name this endpoint (S3_ENDPOINT when unset). */
  S3_PUBLIC_ENDPOINT?: string | undefined;
  S3_REGION: string;
  S3_BUCKET: string;
  S3_ACCESS_KEY?: string | undefined;
  S3_SECRET_KEY?: string | undefined;
}

/** The S3 operations the attachment actions need. */
export interface ObjectStore {
  presignedPut(key: string, expirySeconds: number): Promise<string>;
  presignedGet(key: string, expirySeconds: number, downloadName: string, contentType: string): Promise<string>;
  /** Size of the stored object, or undefined when nothing was uploaded under the key. */
  size(key: string): Promise<number | undefined>;
  /** The first `length` bytes (fewer when the object is shorter). */
  head(key: string, length: number): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

/** Where the worker writes files people download (exports, error reports), with expiring links. */
export interface FileStore {
  put(key: string, body: string, contentType: string): Promise<void>;
  /** A GET link for key that stops working after seconds. */
  link(key: string, seconds: number): Promise<string>;
}

interface Clients {
  /** Server-side calls. */
  internal: Client;
  /** Presigning only (a local computation: the region is set, so no request is made). */
  public: Client;
  bucket: string;
}

function clientsFromSettings(settings: S3Settings): Clients | undefined {
  const { S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY } = settings;
  if (!S3_ENDPOINT || !S3_ACCESS_KEY || !S3_SECRET_KEY) return undefined;
  const clientFor = (endpoint: string) => {
    const url = new URL(endpoint);
    return new Client({
      endPoint: url.hostname,
      port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
      useSSL: url.protocol === 'https:',
      accessKey: S3_ACCESS_KEY,
      secretKey: S3_SECRET_KEY,
      region: settings.S3_REGION,
      pathStyle: true,
    });
  };
  const internal = clientFor(S3_ENDPOINT);
  const publicClient = settings.S3_PUBLIC_ENDPOINT ? clientFor(settings.S3_PUBLIC_ENDPOINT) : internal;
  return { internal, public: publicClient, bucket: settings.S3_BUCKET };
}

/** The attachment store of the actions service; undefined when S3 is not configured. */
export function objectStoreFromConfig(settings: S3Settings): ObjectStore | undefined {
  const clients = clientsFromSettings(settings);
  if (!clients) return undefined;
  const { internal, bucket } = clients;
  return {
    presignedPut: (key, expiry) => clients.public.presignedPutObject(bucket, key, expiry),
    presignedGet: (key, expiry, downloadName, contentType) =>
      clients.public.presignedGetObject(bucket, key, expiry, {
        'response-content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(downloadName)}`,
        'response-content-type': contentType,
      }),
    size: async (key) => {
      try {
        return (await internal.statObject(bucket, key)).size;
      } catch (error) {
        if ((error as { code?: string }).code === 'NotFound' || (error as { code?: string }).code === 'NoSuchKey') return undefined;
        throw error;
      }
    },
    head: async (key, length) => {
      const stream = await internal.getPartialObject(bucket, key, 0, length);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).subarray(0, length);
    },
    remove: (key) => internal.removeObject(bucket, key),
  };
}

/** The worker's download store; undefined when S3 is not configured. */
export function fileStoreFromConfig(settings: S3Settings): FileStore | undefined {
  const clients = clientsFromSettings(settings);
  if (!clients) return undefined;
  const { internal, bucket } = clients;
  return {
    put: async (key, body, contentType) => {
      await internal.putObject(bucket, key, Buffer.from(body, 'utf8'), undefined, { 'Content-Type': contentType });
    },
    link: (key, seconds) => clients.public.presignedGetObject(bucket, key, seconds),
  };
}
