import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { closedPort, testConfig } from './support/config.ts';

const PROBLEM_JSON = /^application\/problem\+json/;

describe('health routes with Postgres and Redis up', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = buildApp(testConfig());
    await app.ready();
  });
  afterAll(() => app.close());

  it('answers liveness without touching a dependency', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('is ready when Postgres and Redis answer', async () => {
    const response = await app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up' } });
  });

  it('answers an unknown route with a 404 problem document', async () => {
    const response = await app.inject({ method: 'GET', url: '/nowhere?token=abc' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.json()).toMatchObject({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'No route for GET /nowhere.',
    });
  });

  it('echoes a well-formed incoming x-request-id and uses it in problem documents', async () => {
    const response = await app.inject({ method: 'GET', url: '/nowhere', headers: { 'x-request-id': 'edge-42.a' } });
    expect(response.headers['x-request-id']).toBe('edge-42.a');
    expect(response.json()).toMatchObject({ request_id: 'edge-42.a' });
  });

  it('replaces a missing or malformed x-request-id with a fresh UUID', async () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    const missing = await app.inject({ method: 'GET', url: '/healthz' });
    const malformed = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'a b\nc' } });
    expect(missing.headers['x-request-id']).toMatch(uuid);
    expect(malformed.headers['x-request-id']).toMatch(uuid);
  });
});

describe('readiness with Redis unreachable', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = buildApp(testConfig({ REDIS_URL: `redis://127.0.0.1:${await closedPort()}` }));
    await app.ready();
  });
  afterAll(() => app.close());

  it('stays live', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
  });

  it('answers 503 problem+json naming redis, and only redis', async () => {
    const response = await app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.json()).toMatchObject({
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      detail: 'Not ready: redis is down.',
      checks: { postgres: 'up', redis: 'down' },
    });
  });
});
