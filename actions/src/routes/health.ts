import type { FastifyPluginAsync } from 'fastify';
import { sendProblem } from '../problem.ts';

const PROBE_TIMEOUT_MS = 2000;

const okSchema = {
  type: 'object',
  required: ['status'],
  properties: { status: { const: 'ok' } },
} as const;

const readySchema = {
  type: 'object',
  required: ['status', 'checks'],
  properties: {
    status: { const: 'ok' },
    checks: {
      type: 'object',
      properties: { postgres: { enum: ['up', 'down'] }, redis: { enum: ['up', 'down'] } },
    },
  },
} as const;

async function probe(check: () => PromiseLike<unknown>): Promise<Error | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  } finally {
    clearTimeout(timer);
  }
}

/** Liveness (no I/O) and readiness (Postgres and Redis answer). Not behind the actions secret. */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/healthz', { schema: { response: { 200: okSchema } } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { response: { 200: readySchema } } }, async (request, reply) => {
    const dependencies = { postgres: () => app.sql`select 1`, redis: () => app.redis.ping() };
    const results = await Promise.all(
      Object.entries(dependencies).map(async ([name, check]) => ({ name, error: await probe(check) })),
    );
    const checks = Object.fromEntries(results.map(({ name, error }) => [name, error ? 'down' : 'up']));
    const down = results.filter(({ error }) => error !== undefined);
    if (down.length === 0) return { status: 'ok', checks };

    request.log.warn(
      { checks, errors: Object.fromEntries(down.map(({ name, error }) => [name, error?.message])) },
      'not ready',
    );
    const names = down.map(({ name }) => name);
    const detail = `Not ready: ${names.join(' and ')} ${names.length > 1 ? 'are' : 'is'} down.`;
    return sendProblem(request, reply, 503, detail, { checks });
  });
};
