import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { fileStoreFromConfig, objectStoreFromConfig, type S3Settings } from '../src/storage/object-store.ts';

// One S3 module for the actions service and the worker: server-side calls go to S3_ENDPOINT, while
// presigned URLs (which browsers follow) name S3_PUBLIC_ENDPOINT when it is set.

const s3 = inject('s3');
const internal = `http://${s3.endPoint}:${s3.port}`;
const settings = (publicEndpoint?: string): S3Settings => ({
  S3_ENDPOINT: internal,
  S3_PUBLIC_ENDPOINT: publicEndpoint,
  S3_ACCESS_KEY: s3.accessKey,
  S3_SECRET_KEY: s3.secretKey,
  S3_BUCKET: s3.bucket,
  S3_REGION: s3.region,
});

describe('object storage', () => {
  it('stores through the internal endpoint and presigns for the public one', async () => {
    const key = `exports/${randomUUID()}.csv`;
    const files = fileStoreFromConfig(settings('https://files.example.test:9000'))!;
    const objects = objectStoreFromConfig(settings('https://files.example.test:9000'))!;
    await files.put(key, 'key,title\n', 'text/csv');
    expect(await objects.size(key)).toBe(10);
    expect(await files.link(key, 60)).toMatch(new RegExp(`^https://files\\.example\\.test:9000/${s3.bucket}/exports/`));
    expect(await objects.presignedPut(`tickets/${randomUUID()}`, 60)).toMatch(/^https:\/\/files\.example\.test:9000\//);
  });

  it('presigns for the internal endpoint when no public one is set, and follows the link', async () => {
    const key = `exports/${randomUUID()}.json`;
    const files = fileStoreFromConfig(settings())!;
    await files.put(key, '[]', 'application/json');
    const link = await files.link(key, 60);
    expect(link.startsWith(`${internal}/`)).toBe(true);
    expect(await (await fetch(link)).text()).toBe('[]');
  });

  it('is off without an endpoint or credentials', () => {
    expect(fileStoreFromConfig({ ...settings(), S3_ENDPOINT: undefined })).toBeUndefined();
    expect(objectStoreFromConfig({ ...settings(), S3_SECRET_KEY: undefined })).toBeUndefined();
  });
});
