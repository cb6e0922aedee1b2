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
  const catalogState: { cli: unknown; console: unknown } = { cli: {}, console: {} };
  app.post('/v1/metadata', async (request, reply) => {
    const fail = (error: HasuraError, status = error.httpStatus) =>
      reply
        .code(status)
        .type(JSON_TYPE)
        .send({ ...(error.internal !== undefined ? { internal: error.internal } : {}), path: error.path, error: error.message, code: error.code });
    try {
      const auth = await engine.authenticate(request.headers);
      if (!auth.admin || auth.role !== 'admin') return fail(new HasuraError('access-denied', 'restricted access : admin only', '$', undefined, 400));
      const parsed = parseJsonBody(request.body);
      if (!parsed.ok) return fail(parsed.error);
      const results: unknown[] = [];
      const calls = (parsed.value as { type?: unknown }).type === 'bulk' ? (((parsed.value as { args?: unknown }).args ?? []) as unknown[]) : [parsed.value];
      for (const call of calls) {
        const result = await run(call as MetadataCall);
        if (result.error) return fail(result.error);
        results.push(result.body);
      }
      return reply.type(JSON_TYPE).send((parsed.value as { type?: unknown }).type === 'bulk' ? results : results[0]);
    } catch (error) {
      if (error instanceof HasuraError) return fail(error);
      return fail(new HasuraError('unexpected', 'internal error', '$', undefined, 500));
    }
  });

  /** One metadata call: its answer body, or the error to send. */
  async function run(body: MetadataCall): Promise<{ body?: unknown; error?: HasuraError }> {
    const args = (body.args ?? {}) as Record<string, unknown>;
    switch (body.type) {
      case 'export_metadata':
        return { body: body.version === 2 ? { resource_version: 1, metadata: engine.exportMetadata() } : engine.exportMetadata() };
      case 'replace_metadata': {
        const metadata = isMetadata(args['metadata']) ? args['metadata'] : isMetadata(args) ? args : undefined;
        if (!metadata) return { error: new HasuraError('parse-failed', 'expected metadata with "sources"', '$.args') };
        const allow = args['allow_inconsistent_metadata'] === true;
        const inconsistencies = await engine.replaceMetadata(metadata, allow);
        if (inconsistencies.length > 0 && !allow) return { error: new HasuraError('unexpected', 'cannot continue due to inconsistent metadata', '$.args', inconsistencies) };
        return { body: 'metadata' in args ? { is_consistent: inconsistencies.length === 0, inconsistent_objects: inconsistencies } : { message: 'success' } };
      }
      case 'clear_metadata':
        await engine.replaceMetadata({ version: 3, sources: [] }, true);
        return { body: { message: 'success' } };
      case 'reload_metadata': {
        const inconsistencies = await engine.reloadMetadata();
        return { body: { message: 'success', is_consistent: inconsistencies.length === 0, ...(inconsistencies.length > 0 ? { inconsistent_objects: inconsistencies } : {}) } };
      }
      case 'get_inconsistent_metadata':
        return { body: { is_consistent: engine.inconsistencies.length === 0, inconsistent_objects: engine.inconsistencies } };
      case 'get_catalog_state':
        // The Hasura CLI keeps its own state here; this engine has none to keep.
        return { body: { id: '00000000-0000-0000-0000-000000000000', cli_state: catalogState.cli, console_state: catalogState.console } };
      case 'set_catalog_state':
        if (args['type'] === 'cli') catalogState.cli = args['state'] ?? {};
        else catalogState.console = args['state'] ?? {};
        return { body: { message: 'success' } };
      default:
        return { error: new HasuraError('not-supported', `metadata API "${String(body.type)}" is not supported by this engine`, '$.type') };
    }
  }
}

interface MetadataCall {
  type?: unknown;
  args?: unknown;
  version?: unknown;
}

