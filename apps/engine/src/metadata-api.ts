import type { FastifyInstance } from 'fastify';
import { parseJsonBody } from './app.ts';
import type { Engine } from './engine.ts';
import { HasuraError } from './errors.ts';
import type { Metadata } from './metadata.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

function isMetadata(value: unknown): value is Metadata {
  return value !== null && typeof value === 'object' && Array.isArray((value as { sources?: unknown }).sources);
}

/** `POST /v1/metadata`: the subset the CLI's `metadata export/apply/reload/ic list` needs; admin only. */
export function metadataRoutes(app: FastifyInstance, engine: Engine): void {
  app.post('/v1/metadata', async (request, reply) => {
    const fail = (error: HasuraError, status = error.httpStatus) => reply.code(status).type(JSON_TYPE).send({ path: error.path, error: error.message, code: error.code });
    try {
      const auth = await engine.authenticate(request.headers);
      if (!auth.admin || auth.role !== 'admin') return fail(new HasuraError('access-denied', 'restricted access : admin only', '$', undefined, 400));
      const parsed = parseJsonBody(request.body);
      if (!parsed.ok) return fail(parsed.error);
      const body = parsed.value as { type?: unknown; args?: unknown; version?: unknown };
      const args = (body.args ?? {}) as Record<string, unknown>;
      switch (body.type) {
        case 'export_metadata':
          if (body.version === 2) return reply.type(JSON_TYPE).send({ resource_version: 1, metadata: engine.exportMetadata() });
          return reply.type(JSON_TYPE).send(engine.exportMetadata());
        case 'replace_metadata': {
          const metadata = isMetadata(args['metadata']) ? args['metadata'] : isMetadata(args) ? args : undefined;
          if (!metadata) return fail(new HasuraError('parse-failed', 'expected metadata with "sources"', '$.args'));
          const allow = args['allow_inconsistent_metadata'] === true;
          const inconsistencies = await engine.replaceMetadata(metadata, allow);
          if (inconsistencies.length > 0 && !allow) {
            return reply.code(400).type(JSON_TYPE).send({ path: '$.args', error: 'cannot continue due to inconsistent metadata', code: 'unexpected', internal: inconsistencies });
          }
          if ('metadata' in args) return reply.type(JSON_TYPE).send({ is_consistent: inconsistencies.length === 0, inconsistent_objects: inconsistencies });
          return reply.type(JSON_TYPE).send({ message: 'success' });
        }
        case 'reload_metadata': {
          const inconsistencies = await engine.reloadMetadata();
          return reply.type(JSON_TYPE).send({ message: 'success', is_consistent: inconsistencies.length === 0, ...(inconsistencies.length > 0 ? { inconsistent_objects: inconsistencies } : {}) });
        }
        case 'get_inconsistent_metadata':
          return reply.type(JSON_TYPE).send({ is_consistent: engine.inconsistencies.length === 0, inconsistent_objects: engine.inconsistencies });
        default:
          return fail(new HasuraError('not-supported', `metadata API "${String(body.type)}" is not supported by this engine`, '$.type'));
      }
    } catch (error) {
      if (error instanceof HasuraError) return fail(error);
      return fail(new HasuraError('unexpected', 'internal error', '$', undefined, 500));
    }
  });
}
