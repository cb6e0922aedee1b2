import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { closedPort, testConfig } from './support/config.ts';

const PROBLEM_JSON = /^application\/problem\+json/;

describe('errors, rate limits and logs', () => {
  const lines: string[] = [];
  const rateKey = randomUUID();
  let app: FastifyInstance;

  beforeAll(async () => {
    app = buildApp(testConfig({ LOG_LEVEL: 'info' }), { logStream: { write: (line: string) => lines.push(line) } });
    // Registered as a plugin so it loads after the app's plugins, as real routes do.
    app.register(async (scope) => {
      scope.get('/boom', async () => {
        throw new Error('connection to 10.0.0.7 refused for user admin');
      });
      scope.get('/refused', async () => {
        throw Object.assign(new Error('The title is too long.'), { statusCode: 422 });
      });
      scope.get(
        '/limited',
        { config: { rateLimit: { max: 2, timeWindow: '1 minute', keyGenerator: () => rateKey } } },
        async () => ({ ok: true }),
      );
    });
    await app.ready();
  });
  afterAll(() => app.close());

  const logged = (): Record<string, unknown>[] => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

  it('masks the message of a 5xx error and logs it instead', async () => {
    const response = await app.inject({ method: 'GET', url: '/boom', headers: { 'x-request-id': 'boom-1' } });
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.json()).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'The server could not complete the request.',
      request_id: 'boom-1',
    });
    expect(response.body).not.toContain('10.0.0.7');
    const entry = logged().find((line) => line.request_id === 'boom-1' && line.msg === 'request failed');
    expect(JSON.stringify(entry)).toContain('10.0.0.7');
  });

  it('passes a 4xx message through', async () => {
    const response = await app.inject({ method: 'GET', url: '/refused' });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ status: 422, detail: 'The title is too long.' });
  });

  it('counts requests in Redis and answers 429 problem+json past the limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await app.inject({ method: 'GET', url: '/limited' })).statusCode);
    expect(statuses).toEqual([200, 200, 429]);
    const refused = await app.inject({ method: 'GET', url: '/limited' });
    expect(refused.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });
  });

  it('writes JSON lines tagged with the request id, without headers, bodies or query strings', async () => {
    await app.inject({
      method: 'POST',
      url: '/nowhere?token=query-token-1',
      headers: { 'x-request-id': 'log-1', authorization: 'Bearer header-token-1', cookie: 'sid=cookie-1' },
      payload: { input: { password: 'body-password-1' } },
    });
    const entries = logged().filter((line) => line.request_id === 'log-1');
    expect(entries.map((line) => line.msg)).toContain('request completed');
    const text = JSON.stringify(entries);
    for (const secret of ['query-token-1', 'header-token-1', 'cookie-1', 'body-password-1']) {
      expect(text).not.toContain(secret);
    }
  });

  it('redacts secret headers and fields when code logs them explicitly', () => {
    app.log.info(
      {
        headers: { authorization: 'Bearer h1', 'x-hasura-admin-secret': 'h2', 'x-workgrid-actions-secret': 'h3' },
        body: { input: { object: { password: 'p1', token: 't1' } }, secret: 's1' },
      },
      'redaction probe',
    );
    const probe = logged().find((line) => line.msg === 'redaction probe');
    expect(probe).toMatchObject({
      headers: {
        authorization: '[redacted]',
        'x-hasura-admin-secret': '[redacted]',
        'x-workgrid-actions-secret': '[redacted]',
      },
      body: { input: { object: { password: '[redacted]', token: '[redacted]' } }, secret: '[redacted]' },
    });
  });
});

describe('rate limits with Redis unreachable', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = buildApp(testConfig({ REDIS_URL: `redis://127.0.0.1:${await closedPort()}` }));
    app.register(async (scope) => {
      scope.get('/limited', { config: { rateLimit: { max: 100, timeWindow: '1 minute' } } }, async () => ({ ok: true }));
    });
    await app.ready();
  });
  afterAll(() => app.close());

  it('fails closed and fast: a limited route answers 500 instead of waiting or letting the request through', async () => {
    const started = performance.now();
    const response = await app.inject({ method: 'GET', url: '/limited' });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
  });
});
