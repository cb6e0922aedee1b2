import type { FastifyInstance } from 'fastify';
import { parseJsonBody } from './app.ts';
import type { Engine } from './engine.ts';
import { HasuraError } from './errors.ts';
import type { MetadataArgs, MetadataChange } from './metadata-args.ts';
import { COMPUTED_FIELD_CHANGES } from './metadata-computed-fields.ts';
import { FUNCTION_CHANGES } from './metadata-functions.ts';
import { withoutInconsistencies } from './metadata-inconsistent.ts';
import { PERMISSION_CHANGES } from './metadata-permissions.ts';
import { RELATIONSHIP_CHANGES } from './metadata-relationships.ts';
import { TABLE_CHANGES } from './metadata-tables.ts';
import type { Metadata } from './metadata.ts';
import type { InconsistentObject } from './model.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

/** The fine-grained calls the console and CLI send: each a change of the metadata object. */
const CHANGES: Record<string, MetadataChange> = { ...TABLE_CHANGES, ...RELATIONSHIP_CHANGES, ...PERMISSION_CHANGES, ...FUNCTION_CHANGES, ...COMPUTED_FIELD_CHANGES };

function isMetadata(value: unknown): value is Metadata {
  return value !== null && typeof value === 'object' && Array.isArray((value as { sources?: unknown }).sources);
}

interface MetadataCall {
  type?: unknown;
  args?: unknown;
  version?: unknown;
  resource_version?: unknown;
}

/** One call's answer body, or the error to send. */
type Outcome = { body: unknown; error?: undefined } | { error: HasuraError; body?: undefined };

function errorJson(error: HasuraError): Record<string, unknown> {
  return { ...(error.internal !== undefined ? { internal: error.internal } : {}), path: error.path, error: error.message, code: error.code };
}

/**
 * `POST /v1/metadata`, admin only: export/replace/clear/reload, inconsistency handling, `bulk`, and the
 * fine-grained calls of the console and CLI. Every change takes effect at once and is stored in the
 * catalog; a call carrying a stale `resource_version` is refused (409) with nothing changed.
 */
export function metadataRoutes(app: FastifyInstance, engine: Engine): void {
  const catalogState: { cli: unknown; console: unknown } = { cli: {}, console: {} };
  app.post('/v1/metadata', async (request, reply) => {
    const fail = (error: HasuraError) => reply.code(error.httpStatus).type(JSON_TYPE).send(errorJson(error));
    try {
      const auth = await engine.authenticate(request.headers);
      if (!auth.admin || auth.role !== 'admin') return await fail(new HasuraError('access-denied', 'restricted access : admin only', '$', undefined, 400));
      const parsed = parseJsonBody(request.body);
      if (!parsed.ok) return await fail(parsed.error);
      const body = (parsed.value ?? {}) as MetadataCall;
      const version = body.resource_version;
      if (version !== undefined && !Number.isInteger(version)) return await fail(new HasuraError('parse-failed', 'parsing Int failed', '$.resource_version'));
      const expected = { resourceVersion: version as number | undefined };
      if (body.type === 'bulk' || body.type === 'bulk_keep_going') {
        const outcome = await runBulk(Array.isArray(body.args) ? (body.args as MetadataCall[]) : [], expected, body.type === 'bulk_keep_going');
        return await (outcome.error ? fail(outcome.error) : reply.type(JSON_TYPE).send(outcome.body));
      }
      const outcome = await run(body, expected);
      return await (outcome.error ? fail(outcome.error) : reply.type(JSON_TYPE).send(outcome.body));
    } catch (error) {
      return fail(error instanceof HasuraError ? error : new HasuraError('unexpected', 'internal error', '$', undefined, 500));
    }
  });

  /**
   * `bulk` runs its calls in order and, when one fails, restores the metadata it started from and
   * answers that error; `bulk_keep_going` answers every call's result or error.
   */
  async function runBulk(calls: MetadataCall[], expected: { resourceVersion?: number }, keepGoing: boolean): Promise<Outcome> {
    const before = engine.exportMetadata();
    const changed = { any: false };
    const results: unknown[] = [];
    for (const [index, call] of calls.entries()) {
      const outcome = await run(call, expected, changed).catch((error: unknown): Outcome => {
        if (error instanceof HasuraError) return { error };
        throw error;
      });
      if (outcome.error && keepGoing) results.push(errorJson(outcome.error));
      else if (outcome.error) {
        if (changed.any) await engine.replaceMetadata(before, true, {});
        const { code, message, path, internal, httpStatus } = outcome.error;
        return { error: new HasuraError(code, message, path.replace(/^\$/, `$.args[${index}]`), internal, httpStatus) };
      } else results.push(outcome.body);
    }
    return { body: results };
  }

  /** Applies and stores `metadata`; the first write of a request checks its `resource_version`. */
  async function commit(metadata: Metadata, allow: boolean | ((found: InconsistentObject[]) => boolean), expected: { resourceVersion?: number }, changed?: { any: boolean }): Promise<InconsistentObject[]> {
    const persist = { resourceVersion: expected.resourceVersion };
    const inconsistencies = await engine.replaceMetadata(metadata, allow, persist);
    const applied = inconsistencies.length === 0 || (typeof allow === 'function' ? allow(inconsistencies) : allow);
    if (applied) {
      delete expected.resourceVersion;
      if (changed) changed.any = true;
    }
    return inconsistencies;
  }

  /** A fine-grained change: refused when it makes objects inconsistent that were not before. */
  async function change(apply: MetadataChange, args: MetadataArgs, expected: { resourceVersion?: number }, changed?: { any: boolean }): Promise<Outcome> {
    let next: Metadata;
    try {
      next = apply(engine.exportMetadata(), args);
    } catch (error) {
      if (error instanceof HasuraError) return { error };
      throw error;
    }
    const known = new Set(engine.inconsistencies.map((item) => item.name));
    const fresh = (found: InconsistentObject[]) => found.filter((item) => !known.has(item.name));
    const inconsistencies = fresh(await commit(next, (found) => fresh(found).length === 0, expected, changed));
    if (inconsistencies.length === 0) return { body: { message: 'success' } };
    return { error: new HasuraError('invalid-configuration', inconsistencies.map((item) => item.reason).join(', '), '$.args', inconsistencies) };
  }

  async function run(body: MetadataCall, expected: { resourceVersion?: number }, changed?: { any: boolean }): Promise<Outcome> {
    const args = (body.args ?? {}) as MetadataArgs;
    if (typeof body.type === 'string' && CHANGES[body.type]) return change(CHANGES[body.type] as MetadataChange, args, expected, changed);
    switch (body.type) {
      case 'export_metadata':
        return { body: body.version === 2 ? { resource_version: engine.resourceVersion, metadata: engine.exportMetadata() } : engine.exportMetadata() };
      case 'replace_metadata': {
        const metadata = isMetadata(args['metadata']) ? args['metadata'] : isMetadata(args) ? args : undefined;
        if (!metadata) return { error: new HasuraError('parse-failed', 'expected metadata with "sources"', '$.args') };
        const allow = args['allow_inconsistent_metadata'] === true;
        const inconsistencies = await commit(metadata, allow, expected, changed);
        if (inconsistencies.length > 0 && !allow) return { error: new HasuraError('unexpected', 'cannot continue due to inconsistent metadata', '$.args', inconsistencies) };
        return { body: 'metadata' in args ? { is_consistent: inconsistencies.length === 0, inconsistent_objects: inconsistencies } : { message: 'success' } };
      }
      case 'clear_metadata':
        await commit({ version: 3, sources: [] }, true, expected, changed);
        return { body: { message: 'success' } };
      case 'drop_inconsistent_metadata':
        await commit(withoutInconsistencies(engine.exportMetadata(), engine.inconsistencies), true, expected, changed);
        return { body: { message: 'success' } };
      case 'reload_metadata': {
        const inconsistencies = await engine.reloadMetadata();
        return { body: { message: 'success', is_consistent: inconsistencies.length === 0, ...(inconsistencies.length > 0 ? { inconsistent_objects: inconsistencies } : {}) } };
      }
      case 'get_inconsistent_metadata':
        return { body: { is_consistent: engine.inconsistencies.length === 0, inconsistent_objects: engine.inconsistencies } };
      case 'get_catalog_state':
        // The Hasura CLI keeps its own state here; this engine keeps it for the process only.
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
