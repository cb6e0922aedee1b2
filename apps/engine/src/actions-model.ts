import type { CustomTypes, TypedName } from './actions-sdl.ts';
import { qualifiedTable, tableKey, type Metadata, type QualifiedTable } from './metadata.ts';
import type { InconsistentObject, RelationshipInfo, TableInfo } from './model.ts';

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

/**
 * Relationships of custom object types to tables, by type name then field name: a relationship's
 * mapping pairs an output field (the "local" side) with a column of the target table.
 */
export type ActionRelationships = Map<string, Map<string, RelationshipInfo>>;

export interface ActionsModel {
  actions: ActionInfo[];
  customTypes: CustomTypes;
  relationships: ActionRelationships;
  inconsistencies: InconsistentObject[];
}

interface RawRelationship {
  name?: string;
  type?: string;
  source?: string;
  remote_table?: QualifiedTable | string;
  field_mapping?: Record<string, string>;
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

/** One custom type relationship resolved against the tracked tables, or why it does not resolve. */
function resolveRelationship(object: CustomTypes['objects'][number], objectNames: Set<string>, raw: RawRelationship, source: string, tables: Map<string, TableInfo>): RelationshipInfo | string {
  const name = raw.name ?? '';
  if (!/^[_A-Za-z][_0-9A-Za-z]*$/.test(name)) return `"${name}" is not a valid relationship name`;
  if (object.fields.some((field) => field.name === name)) return `relationship "${name}" conflicts with a field of the same name`;
  if (raw.type !== 'object' && raw.type !== 'array') return `relationship "${name}": type must be "object" or "array"`;
  if ((raw.source ?? 'default') !== source) return `relationship "${name}": source "${raw.source ?? ''}" is not defined`;
  if (!raw.remote_table) return `relationship "${name}" has no remote_table`;
  const remote = qualifiedTable(raw.remote_table);
  const target = tables.get(tableKey(remote));
  if (!target) return `relationship "${name}": table "${remote.name}" is not tracked`;
  const mapping = Object.entries(raw.field_mapping ?? {});
  if (mapping.length === 0) return `relationship "${name}" has an empty field_mapping`;
  for (const [field, column] of mapping) {
    const declared = object.fields.find((candidate) => candidate.name === field);
    if (!declared) return `relationship "${name}": field "${field}" does not exist in type "${object.name}"`;
    if (declared.type.includes('[') || objectNames.has(namedType(declared.type))) return `relationship "${name}": field "${field}" is not a scalar`;
    if (!target.columnsByName.has(column)) return `relationship "${name}": column "${column}" does not exist in table "${target.name}"`;
  }
  return { name, kind: raw.type, target: target.key, mapping };
}

/** The relationships of the custom object types; the ones that do not resolve are inconsistent. */
function buildRelationships(customTypes: CustomTypes, source: string, tables: Map<string, TableInfo>, inconsistencies: InconsistentObject[]): ActionRelationships {
  const relationships: ActionRelationships = new Map();
  const objectNames = new Set(customTypes.objects.map((object) => object.name));
  for (const object of customTypes.objects) {
    const resolved = new Map<string, RelationshipInfo>();
    for (const raw of (object.relationships ?? []) as RawRelationship[]) {
      const relationship = resolveRelationship(object, objectNames, raw, source, tables);
      if (typeof relationship === 'string') inconsistencies.push({ type: 'custom_types', name: `custom_types ${object.name}`, reason: `Inconsistent object: in object type "${object.name}": ${relationship}`, definition: raw });
      else resolved.set(relationship.name, relationship);
    }
    if (resolved.size > 0) relationships.set(object.name, resolved);
  }
  return relationships;
}

/**
 * metadata.actions + custom_types → actions the schema may show, and the custom types' relationships
 * to `tables`; what does not resolve is inconsistent.
 */
export function buildActions(metadata: Metadata, environment: Record<string, string | undefined>, tables: Map<string, TableInfo> = new Map()): ActionsModel {
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
  const relationships = buildRelationships(customTypes, metadata.sources[0]?.name ?? 'default', tables, inconsistencies);
  return { actions, customTypes, relationships, inconsistencies };
}
