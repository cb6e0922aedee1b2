import type { CustomTypes, TypedName } from './actions-sdl.ts';
import type { Metadata } from './metadata.ts';
import type { InconsistentObject } from './model.ts';

/** An action, resolved against the environment: what the schema shows and the call needs. */
export interface ActionInfo {
  name: string;
  type: 'query' | 'mutation';
  /** Asynchronous (mutations only): the mutation answers an id, `name(id)` the stored result. */
  kind: 'synchronous' | 'asynchronous';
  description: string | undefined;
  arguments: TypedName[];
  outputType: string;
  handler: string;
  forwardClientHeaders: boolean;
  /** Configured headers, values resolved (`value` or `value_from_env`). */
  headers: [string, string][];
  timeoutMs: number;
  roles: Set<string>;
}

export interface ActionsModel {
  actions: ActionInfo[];
  customTypes: CustomTypes;
  inconsistencies: InconsistentObject[];
}

interface RawAction {
  name: string;
  comment?: string;
  definition?: {
    kind?: string;
    type?: string;
    handler?: string;
    forward_client_headers?: boolean;
    headers?: { name: string; value?: string; value_from_env?: string }[];
    timeout?: number;
    arguments?: TypedName[];
    output_type?: string;
    description?: string;
  };
  permissions?: { role: string }[];
}

const BUILT_IN = new Set(['Int', 'Float', 'String', 'Boolean', 'ID']);
/** Postgres scalars an action may use without declaring them (Hasura takes them from the source). */
export const PG_SCALARS = new Set(['uuid', 'timestamptz', 'timestamp', 'date', 'time', 'timetz', 'interval', 'jsonb', 'json', 'numeric', 'bigint', 'smallint', 'float8', 'bpchar', 'citext', 'bytea', 'inet']);
const DEFAULT_TIMEOUT_SECONDS = 30;

export const emptyCustomTypes = (): CustomTypes => ({ scalars: [], enums: [], input_objects: [], objects: [] });

/** The named type of a GraphQL type reference such as `[Foo!]!`. */
export function namedType(type: string): string {
  return type.replace(/[[\]!\s]/g, '');
}

/** `{{NAME}}` from the environment; undefined names are reported. */
function template(text: string, environment: Record<string, string | undefined>): { value: string; missing: string[] } {
  const missing: string[] = [];
  const value = text.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, name: string) => {
    const found = environment[name];
    if (found === undefined) missing.push(name);
    return found ?? '';
  });
  return { value, missing };
}

/** metadata.actions + custom_types → actions the schema may show; what does not resolve is inconsistent. */
export function buildActions(metadata: Metadata, environment: Record<string, string | undefined>): ActionsModel {
  const customTypes = { ...emptyCustomTypes(), ...(metadata.custom_types as Partial<CustomTypes> | undefined) };
  const known = new Set([...BUILT_IN, ...PG_SCALARS, ...customTypes.scalars.map((t) => t.name), ...customTypes.enums.map((t) => t.name)]);
  const inputs = new Set([...known, ...customTypes.input_objects.map((t) => t.name)]);
  const outputs = new Set([...known, ...customTypes.objects.map((t) => t.name)]);
  const actions: ActionInfo[] = [];
  const inconsistencies: InconsistentObject[] = [];
  for (const raw of (metadata.actions ?? []) as RawAction[]) {
    const definition = raw.definition ?? {};
    const problems: string[] = [];
    const kind = definition.kind ?? 'synchronous';
    if (kind !== 'synchronous' && kind !== 'asynchronous') problems.push(`action kind "${kind}" is not supported`);
    if (kind === 'asynchronous' && definition.type === 'query') problems.push('asynchronous actions can only be mutations');
    const handler = template(definition.handler ?? '', environment);
    for (const name of handler.missing) problems.push(`environment variable "${name}" not set`);
    if (!definition.handler) problems.push('the action has no handler');
    const headers: [string, string][] = [];
    for (const header of definition.headers ?? []) {
      const value = header.value_from_env === undefined ? header.value : environment[header.value_from_env];
      if (value === undefined) problems.push(`environment variable "${header.value_from_env ?? header.name}" not set`);
      else headers.push([header.name.toLowerCase(), value]);
    }
    const outputType = definition.output_type ?? '';
    if (!outputs.has(namedType(outputType))) problems.push(`the type: "${namedType(outputType)}" is not defined in custom types`);
    for (const argument of definition.arguments ?? []) {
      if (!inputs.has(namedType(argument.type))) problems.push(`the type: "${namedType(argument.type)}" is not defined in custom types or it is not a scalar/enum/input_object`);
    }
    if (problems.length > 0) {
      inconsistencies.push({ type: 'action', name: `action ${raw.name}`, reason: `Inconsistent object: in action "${raw.name}": ${problems.join('; ')}`, definition: raw });
      continue;
    }
    actions.push({
      name: raw.name,
      type: definition.type === 'query' ? 'query' : 'mutation',
      kind: kind === 'asynchronous' ? 'asynchronous' : 'synchronous',
      description: definition.description ?? raw.comment,
      arguments: definition.arguments ?? [],
      outputType,
      handler: handler.value,
      forwardClientHeaders: definition.forward_client_headers === true,
      headers,
      timeoutMs: (definition.timeout ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
      roles: new Set((raw.permissions ?? []).map((permission) => permission.role)),
    });
  }
  return { actions, customTypes, inconsistencies };
}
