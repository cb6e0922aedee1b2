import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { mergeActionsSdl, parseActionsSdl } from './actions-sdl.ts';

/** Hasura's exported metadata (version 3), as the server sees it once `!include`s are inlined. */
export interface Metadata {
  version: 3;
  sources: SourceMetadata[];
  actions?: unknown[];
  custom_types?: Record<string, unknown>;
  cron_triggers?: unknown[];
  inherited_roles?: unknown[];
  [key: string]: unknown;
}

export interface QualifiedTable {
  schema: string;
  name: string;
}

/** Hasura's `<<>` of a qualified name in messages: `"name"` in schema public, else `"schema.name"`. */
export function quoted(name: QualifiedTable): string {
  return `"${name.schema === 'public' ? name.name : `${name.schema}.${name.name}`}"`;
}

export interface SourceMetadata {
  name: string;
  kind: string;
  configuration?: unknown;
  tables: TableMetadata[];
  functions?: unknown[];
}

export type BoolExpJson = Record<string, unknown>;

export interface SelectPermission {
  columns: string[] | '*';
  filter?: BoolExpJson;
  limit?: number;
  allow_aggregations?: boolean;
  query_root_fields?: string[];
  subscription_root_fields?: string[];
  computed_fields?: string[];
}

export interface InsertPermission {
  check?: BoolExpJson;
  set?: Record<string, unknown>;
  columns?: string[] | '*';
  backend_only?: boolean;
}

export interface UpdatePermission {
  columns: string[] | '*';
  filter?: BoolExpJson;
  check?: BoolExpJson | null;
  set?: Record<string, unknown>;
  backend_only?: boolean;
}

export interface DeletePermission {
  filter?: BoolExpJson;
  backend_only?: boolean;
}

export interface RolePermission<P> {
  role: string;
  permission: P;
  comment?: string;
}

export interface RelationshipMetadata {
  name: string;
  using: {
    foreign_key_constraint_on?: string | string[] | { table: QualifiedTable | string; column?: string; columns?: string[] };
    manual_configuration?: { remote_table: QualifiedTable | string; column_mapping: Record<string, string>; insertion_order?: string };
  };
  comment?: string;
}

export interface TableMetadata {
  table: QualifiedTable;
  is_enum?: boolean;
  configuration?: {
    custom_name?: string;
    custom_root_fields?: Record<string, string | { name?: string; comment?: string } | null>;
    column_config?: Record<string, { custom_name?: string; comment?: string }>;
    custom_column_names?: Record<string, string>;
  };
  object_relationships?: RelationshipMetadata[];
  array_relationships?: RelationshipMetadata[];
  computed_fields?: unknown[];
  select_permissions?: RolePermission<SelectPermission>[];
  insert_permissions?: RolePermission<InsertPermission>[];
  update_permissions?: RolePermission<UpdatePermission>[];
  delete_permissions?: RolePermission<DeletePermission>[];
  event_triggers?: unknown[];
}

const INCLUDE = '!include ';

/** Parses a YAML file and inlines every `"!include path"` string, relative to the including file. */
function loadYaml(file: string, seen: Set<string> = new Set()): unknown {
  const absolute = resolve(file);
  if (seen.has(absolute)) throw new Error(`circular !include of ${absolute}`);
  const next = new Set(seen).add(absolute);
  const document: unknown = parse(readFileSync(absolute, 'utf8'));
  const inline = (value: unknown): unknown => {
    if (typeof value === 'string' && value.startsWith(INCLUDE)) {
      return loadYaml(join(dirname(absolute), value.slice(INCLUDE.length).trim()), next);
    }
    if (Array.isArray(value)) return value.map(inline);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, inline(item)]));
    }
    return value;
  };
  return inline(document);
}

function optionalYaml(directory: string, file: string): unknown {
  const path = join(directory, file);
  return existsSync(path) ? loadYaml(path) : undefined;
}

/** Loads a Hasura CLI config-v3 metadata directory into one metadata object. */
export function loadMetadataDirectory(directory: string): Metadata {
  const version = optionalYaml(directory, 'version.yaml') as { version?: number } | undefined;
  if (version && version.version !== 3) throw new Error(`unsupported metadata version ${String(version.version)} (expected 3)`);
  const databases = (optionalYaml(directory, join('databases', 'databases.yaml')) ?? []) as SourceMetadata[];
  const actions = optionalYaml(directory, 'actions.yaml') as { actions?: unknown[]; custom_types?: Record<string, unknown> } | undefined;
  const metadata: Metadata = {
    version: 3,
    sources: databases.map((source) => ({ ...source, tables: source.tables ?? [], functions: source.functions ?? [] })),
  };
  const sdlPath = join(directory, 'actions.graphql');
  if (actions?.actions && actions.actions.length > 0 && existsSync(sdlPath)) {
    const merged = mergeActionsSdl(actions.actions, actions.custom_types, parseActionsSdl(readFileSync(sdlPath, 'utf8')));
    metadata.actions = merged.actions;
    metadata.custom_types = { ...merged.custom_types };
  } else {
    if (actions?.actions && actions.actions.length > 0) metadata.actions = actions.actions;
    if (actions?.custom_types) metadata.custom_types = actions.custom_types;
  }
  const extras: [string, string][] = [
    ['cron_triggers', 'cron_triggers.yaml'],
    ['inherited_roles', 'inherited_roles.yaml'],
    ['query_collections', 'query_collections.yaml'],
    ['allowlist', 'allow_list.yaml'],
    ['remote_schemas', 'remote_schemas.yaml'],
    ['rest_endpoints', 'rest_endpoints.yaml'],
  ];
  for (const [key, file] of extras) {
    const value = optionalYaml(directory, file);
    if (Array.isArray(value) && value.length > 0) metadata[key] = value;
  }
  return metadata;
}

export function qualifiedTable(value: QualifiedTable | string): QualifiedTable {
  return typeof value === 'string' ? { schema: 'public', name: value } : { schema: value.schema ?? 'public', name: value.name };
}

export function tableKey(table: QualifiedTable): string {
  return `${table.schema}.${table.name}`;
}
