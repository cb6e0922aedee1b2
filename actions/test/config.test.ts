import { describe, expect, it } from 'vitest';
import { loadConfig, loadWorkerConfig } from '../src/config.ts';

const required = {
  APP_DATABASE_URL: 'postgres://workgrid_app:pw@127.0.0.1:55432/workgrid',
  REDIS_URL: 'redis://127.0.0.1:56379',
  ACTIONS_SECRET: 'a-long-enough-shared-secret',
};

describe('configuration', () => {
  it('binds to loopback on port 3100 unless told otherwise, and treats empty values as unset', () => {
    const config = loadConfig({ ...required, ACTIONS_HOST: '', LOG_LEVEL: '' });
    expect(config).toMatchObject({ ACTIONS_HOST: '127.0.0.1', ACTIONS_PORT: 3100, LOG_LEVEL: 'info' });
    expect(loadConfig({ ...required, ACTIONS_HOST: '0.0.0.0', ACTIONS_PORT: '8081' })).toMatchObject({
      ACTIONS_HOST: '0.0.0.0',
      ACTIONS_PORT: 8081,
    });
  });

  it('names every bad variable without echoing its value', () => {
    const attempt = () =>
      loadConfig({ APP_DATABASE_URL: 'mysql://x', REDIS_URL: required.REDIS_URL, ACTIONS_SECRET: 'short-s3cret' });
    expect(attempt).toThrow(/APP_DATABASE_URL/);
    expect(attempt).toThrow(/ACTIONS_SECRET/);
    expect(attempt).not.toThrow(/short-s3cret/);
  });

  it('asks the worker for neither the listener nor the actions secret, but for the secrets key', () => {
    const base = { APP_DATABASE_URL: required.APP_DATABASE_URL, REDIS_URL: required.REDIS_URL };
    expect(() => loadWorkerConfig(base)).toThrow(/SECRETS_KEY/);
    const config = loadWorkerConfig({ ...base, SECRETS_KEY: 'k'.repeat(32), PUBLIC_URL: 'https://work.example/' });
    expect(config).not.toHaveProperty('ACTIONS_SECRET');
    expect(config.PUBLIC_URL).toBe('https://work.example');
  });
});
