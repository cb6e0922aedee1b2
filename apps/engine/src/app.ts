import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { consoleRoutes } from './console.ts';
import { Engine, ENGINE_VERSION, errorBody } from './engine.ts';
import { HasuraError } from './errors.ts';
import { metadataRoutes } from './metadata-api.ts';
import { websocketRoutes } from './ws-server.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === 'string' && header.length > 0 && header.length <= 200 ? header : randomUUID();
}

/** Parses a request body as JSON, or reports Hasura's invalid-json error. */
export function parseJsonBody(raw: unknown): { ok: true; value: unknown } | { ok: false; error: HasuraError } {
  const text = typeof raw === 'string' ? raw : Buffer.isBuffer(raw) ? raw.toString('utf8') : '';
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, error: new HasuraError('invalid-json', 'Error in $: Failed reading: not a valid json value', '$') };
  }
}

/** A testable Fastify instance around an engine that has been started. */
export function buildApp(engine: Engine): FastifyInstance {
  const app: FastifyInstance = Fastify({ bodyLimit: engine.config.bodyLimit, logger: false, genReqId: (request) => requestIdOf(request.headers['x-request-id']) });
  // Bodies stay text so malformed JSON gets Hasura's error instead of Fastify's.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // CORS as Hasura's default (HASURA_GRAPHQL_CORS_DOMAIN=*): any origin, credentials echoed per origin.
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (!origin) return;
    reply.header('access-control-allow-origin', origin);
    reply.header('access-control-allow-credentials', 'true');
    reply.header('vary', 'Origin');
    if (request.method === 'OPTIONS') {
      reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
      reply.header('access-control-allow-headers', request.headers['access-control-request-headers'] ?? 'content-type, authorization');
      reply.header('access-control-max-age', '1728000');
      return reply.code(204).send();
    }
  });

  app.setErrorHandler(async (error: { statusCode?: number; code?: string; message: string }, request, reply) => {
    const tooLarge = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE';
    const hasuraError = tooLarge ? new HasuraError('bad-request', 'request body too large', '$') : new HasuraError('unexpected', 'internal error', '$', undefined, 500);
    if (request.url.startsWith('/v1/graphql')) return reply.code(200).type(JSON_TYPE).send(errorBody(hasuraError, false, false));
    return reply.code(tooLarge ? 413 : 500).type(JSON_TYPE).send({ path: '$', error: hasuraError.message, code: hasuraError.code });
  });

  app.setNotFoundHandler(async (_request, reply) => reply.code(404).type(JSON_TYPE).send({ path: '$', error: 'resource does not exist', code: 'not-found' }));

  app.get('/healthz', async (_request, reply) => {
    try {
      await engine.sql`select 1`;
    } catch {
      return reply.code(500).type('text/plain').send('ERROR');
    }
    return reply.type('text/plain').send(engine.inconsistencies.length > 0 ? 'WARN: inconsistent objects in schema' : 'OK');
  });

  app.get('/v1/version', async (_request, reply) => reply.type(JSON_TYPE).send({ version: ENGINE_VERSION, server_type: 'workgrid-engine' }));

  const graphql = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const parsed = parseJsonBody(request.body);
    const body = parsed.ok ? await engine.handle(parsed.value, request.headers, request.id) : errorBody(parsed.error, false, false);
    reply.code(200).type(JSON_TYPE);
    if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? '')) && body.length > 1024) {
      return reply.header('content-encoding', 'gzip').header('vary', 'Accept-Encoding').send(gzipSync(body));
    }
    return reply.send(body);
  };
  app.post('/v1/graphql', graphql);
  app.post('/v1alpha1/graphql', graphql);

  metadataRoutes(app, engine);
  websocketRoutes(app, engine);
  if (engine.config.enableConsole) consoleRoutes(app);
  return app;
}
