import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { ACTIONS_SECRET_HEADER, actionsSecret } from '../src/plugins/actions-secret.ts';
import { problemDetails } from '../src/plugins/problem-details.ts';
import { TEST_ACTIONS_SECRET, testConfig } from './support/config.ts';

const PROBLEM_JSON = /^application\/problem\+json/;

describe('the actions secret guard', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify();
    await app.register(problemDetails);
    await app.register(
      async (scope) => {
        await scope.register(actionsSecret, { secret: TEST_ACTIONS_SECRET });
        scope.post('/sign_in', async () => ({ reached: true }));
      },
      { prefix: '/actions' },
    );
    app.get('/open', async () => ({ reached: true }));
    await app.ready();
  });
  afterAll(() => app.close());

  it('refuses a request without the header with a 401 problem document', async () => {
    const response = await app.inject({ method: 'POST', url: '/actions/sign_in', payload: { input: {} } });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.headers['www-authenticate']).toBeDefined();
    expect(response.json()).toMatchObject({
      status: 401,
      title: 'Unauthorized',
      detail: `Missing or invalid ${ACTIONS_SECRET_HEADER} header.`,
    });
  });

  it('refuses a wrong secret, including one that shares the right prefix', async () => {
    for (const wrong of ['nope', `${TEST_ACTIONS_SECRET}x`, TEST_ACTIONS_SECRET.slice(0, -1)]) {
      const response = await app.inject({
        method: 'POST',
        url: '/actions/sign_in',
        headers: { [ACTIONS_SECRET_HEADER]: wrong },
        payload: { input: {} },
      });
      expect(response.statusCode).toBe(401);
    }
  });

  it('lets the right secret through to the handler', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/actions/sign_in',
      headers: { [ACTIONS_SECRET_HEADER]: TEST_ACTIONS_SECRET },
      payload: { input: {} },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ reached: true });
  });

  it('leaves routes outside its scope alone', async () => {
    const response = await app.inject({ method: 'GET', url: '/open' });
    expect(response.statusCode).toBe(200);
  });
});

describe('the /actions scope of the service', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = buildApp(testConfig());
    await app.ready();
  });
  afterAll(() => app.close());

  it('refuses any /actions/* path without the secret, so action names cannot be probed', async () => {
    const response = await app.inject({ method: 'POST', url: '/actions/does_not_exist', payload: {} });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
  });

  it('routes a caller with the secret (here to a 404 problem document)', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/actions/does_not_exist',
      headers: { [ACTIONS_SECRET_HEADER]: TEST_ACTIONS_SECRET },
      payload: {},
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
  });

  it('does not guard the health routes', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
  });
});
