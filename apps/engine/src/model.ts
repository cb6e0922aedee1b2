import type { PgCatalog, PgColumn, PgFunction, PgFunctionArg, PgTable } from './introspection.ts';
import {
  qualifiedTable,
  tableKey,
  type DeletePermission,
  type InsertPermission,
  type Metadata,
  type RelationshipMetadata,
  type SelectPermission,
  type TableMetadata,
  type UpdatePermission,
} from './metadata.ts';

export interface ColumnInfo {
  name: string;
  gqlName: string;
  pg: PgColumn;
  /** Set when the column references an enum table: its values become a GraphQL enum. */
  enumTable: string | undefined;
}

export interface RelationshipInfo {
  name: string;
  kind: 'object' | 'array';
  /** Key of the target table. */
  target: string;
  /** Pairs of (local column, remote column). */
  mapping: [string, string][];
}

/** A computed field: a function of the row (and optionally the session), scalar or table-returning. */
export interface ComputedFieldInfo {
  name: string;
  fn: PgFunction;
  tableArgument: string;
  sessionArgument: string | undefined;
  /** Arguments the client supplies through `args`. */
  inputs: PgFunctionArg[];
  /** Key of the returned table, for table-returning computed fields. */
  returnsTable: string | undefined;
}

/** A tracked SQL function exposed as a query root field returning rows of a table. */
export interface FunctionInfo {
  gqlName: string;
  fn: PgFunction;
  sessionArgument: string | undefined;
  inputs: PgFunctionArg[];
  returnsTable: string;
  /** `query` (default for stable/immutable functions) or `mutation` (volatile functions, or as configured). */
  exposedAs: 'query' | 'mutation';
  /** Roles given the function explicitly (required for mutation functions; query functions follow the table's select permission). */
  permissions: Set<string>;
}

export interface ResolvedSelect {
  computedFields?: Set<string>;
  columns: Set<string>;
  filter: Record<string, unknown>;
  limit: number | undefined;
  allowAggregations: boolean;
  queryRootFields: Set<string> | undefined;
  subscriptionRootFields?: Set<string> | undefined;
  /** Inherited roles: columns only some parents grant are shown where one of those parents admits the row. */
  columnFilters?: Map<string, Record<string, unknown>>;
}

export interface ResolvedInsert {
  columns: Set<string>;
  check: Record<string, unknown>;
  set: Record<string, unknown>;
  backendOnly: boolean;
}

export interface ResolvedUpdate {
  columns: Set<string>;
  filter: Record<string, unknown>;
  check: Record<string, unknown> | undefined;
  set: Record<string, unknown>;
  backendOnly: boolean;
}

export interface ResolvedDelete {
  filter: Record<string, unknown>;
  backendOnly: boolean;
}

export type RootFieldKind =
  | 'select'
  | 'select_by_pk'
  | 'select_aggregate'
  | 'select_stream'
  | 'insert'
  | 'insert_one'
  | 'update'
  | 'update_by_pk'
  | 'update_many'
  | 'delete'
  | 'delete_by_pk';

export interface TableInfo {
  key: string;
  schema: string;
  name: string;
  gqlName: string;
  pg: PgTable;
  columns: ColumnInfo[];
  columnsByName: Map<string, ColumnInfo>;
  columnsByGql: Map<string, ColumnInfo>;
  relationships: Map<string, RelationshipInfo>;
  computedFields: Map<string, ComputedFieldInfo>;
  rootFields: Record<RootFieldKind, string>;
  isEnum: boolean;
  enumValues: { value: string; comment: string | null }[];
  select: Map<string, ResolvedSelect>;
  insert: Map<string, ResolvedInsert>;
  update: Map<string, ResolvedUpdate>;
  delete: Map<string, ResolvedDelete>;
}

export interface InconsistentObject {
  type: string;
  name: string;
  reason: string;
  definition: unknown;
}

export interface Model {
  /** Inherited role → its parent roles (inherited_roles.yaml). */
  inheritedRoles: Map<string, string[]>;
  functions: FunctionInfo[];
  tables: Map<string, TableInfo>;
  roles: Set<string>;
  inconsistencies: InconsistentObject[];
}

const ROOT_DEFAULTS: Record<RootFieldKind, (base: string) => string> = {
  select: (t) => t,
  select_by_pk: (t) => `${t}_by_pk`,
  select_aggregate: (t) => `${t}_aggregate`,
  select_stream: (t) => `${t}_stream`,
  insert: (t) => `insert_${t}`,
  insert_one: (t) => `insert_${t}_one`,
  update: (t) => `update_${t}`,
  update_by_pk: (t) => `update_${t}_by_pk`,
  update_many: (t) => `update_${t}_many`,
  delete: (t) => `delete_${t}`,
  delete_by_pk: (t) => `delete_${t}_by_pk`,
};

/** Hasura folds `$and`/`$or`/`$not` into `_and`/`_or`/`_not`. */
function normaliseBoolExp(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const fold = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(fold);
    if (item === null || typeof item !== 'object') return item;
    return Object.fromEntries(Object.entries(item).map(([key, inner]) => [key.startsWith('$') ? `_${key.slice(1)}` : key, fold(inner)]));
  };
  return fold(value) as Record<string, unknown>;
}

/** Joins metadata with the catalog; what does not resolve becomes an inconsistent object, as in Hasura. */
export function buildModel(
  metadata: Metadata,
  catalog: PgCatalog,
  enumData: Map<string, { value: string; comment: string | null }[]>,
  pgFunctions: Map<string, PgFunction> = new Map(),
): Model {
  const tables = new Map<string, TableInfo>();
  const roles = new Set<string>();
  const inconsistencies: InconsistentObject[] = [];
  const source = metadata.sources[0];
  const sourceName = source?.name ?? 'default';
  const entries: TableMetadata[] = source?.tables ?? [];

  for (const entry of entries) {
    const qualified = qualifiedTable(entry.table);
    const key = tableKey(qualified);
    const pg = catalog.get(key);
    if (!pg) {
      inconsistencies.push({
        type: 'table',
        name: `table ${qualified.name} in source ${sourceName}`,
        reason: `Inconsistent object: no such table/view exists in source: "${qualified.schema === 'public' ? qualified.name : key}"`,
        definition: qualified,
      });
      continue;
    }
    const config = entry.configuration ?? {};
    const base = config.custom_name ?? (qualified.schema === 'public' ? qualified.name : `${qualified.schema}_${qualified.name}`);
    const columns: ColumnInfo[] = pg.columns.map((column) => {
      const custom = config.column_config?.[column.name]?.custom_name ?? config.custom_column_names?.[column.name];
      return { name: column.name, gqlName: custom ?? column.name, pg: column, enumTable: undefined };
    });
    const rootFields = Object.fromEntries(
      (Object.keys(ROOT_DEFAULTS) as RootFieldKind[]).map((kind) => {
        const custom = config.custom_root_fields?.[kind];
        const name = typeof custom === 'string' ? custom : custom?.name;
        return [kind, name ?? ROOT_DEFAULTS[kind](base)];
      }),
    ) as Record<RootFieldKind, string>;
    tables.set(key, {
      key,
      schema: qualified.schema,
      name: qualified.name,
      gqlName: base,
      pg,
      columns,
      columnsByName: new Map(columns.map((column) => [column.name, column])),
      columnsByGql: new Map(columns.map((column) => [column.gqlName, column])),
      relationships: new Map(),
      computedFields: new Map(),
      rootFields,
      isEnum: entry.is_enum === true,
      enumValues: enumData.get(key) ?? [],
      select: new Map(),
      insert: new Map(),
      update: new Map(),
      delete: new Map(),
    });
  }

  // Columns referencing an enum table take its GraphQL enum type.
  for (const table of tables.values()) {
    for (const fk of table.pg.foreignKeys) {
      const target = tables.get(tableKey({ schema: fk.refSchema, name: fk.refTable }));
      if (!target?.isEnum || fk.columns.length !== 1) continue;
      const column = table.columnsByName.get(fk.columns[0] ?? '');
      if (column) column.enumTable = target.key;
    }
  }

  for (const entry of entries) {
    const table = tables.get(tableKey(qualifiedTable(entry.table)));
    if (!table) continue;
    const addRelationship = (rel: RelationshipMetadata, kind: 'object' | 'array'): void => {
      const resolved = resolveRelationship(table, rel, kind, tables);
      if (typeof resolved === 'string') {
        inconsistencies.push({ type: `${kind}_relation`, name: `${kind}_relation ${rel.name} in table ${table.name} in source ${sourceName}`, reason: `Inconsistent object: ${resolved}`, definition: { table: { schema: table.schema, name: table.name }, ...rel } });
        return;
      }
      if (table.columnsByGql.has(rel.name)) {
        inconsistencies.push({ type: `${kind}_relation`, name: `${kind}_relation ${rel.name} in table ${table.name} in source ${sourceName}`, reason: `Inconsistent object: relationship "${rel.name}" conflicts with a column of the same name`, definition: rel });
        return;
      }
      table.relationships.set(rel.name, resolved);
    };
    for (const rel of entry.object_relationships ?? []) addRelationship(rel, 'object');
    for (const rel of entry.array_relationships ?? []) addRelationship(rel, 'array');

    for (const raw of (entry.computed_fields ?? []) as ComputedFieldMetadata[]) {
      const ref = qualifiedTable(raw.definition.function);
      const fn = pgFunctions.get(tableKey(ref));
      const problem = !fn
        ? `no such function exists: "${tableKey(ref)}"`
        : fn.args.length === 0
          ? `function "${fn.name}" takes no table argument`
          : fn.returnsSet && !fn.returnsTable
            ? `function "${fn.name}" returns a set of a non-table type`
            : undefined;
      if (!fn || problem) {
        inconsistencies.push({ type: 'computed_field', name: `computed_field ${raw.name} of table ${table.name} in source ${sourceName}`, reason: `Inconsistent object: ${problem ?? ''}`, definition: raw });
        continue;
      }
      const tableArgument = raw.definition.table_argument ?? fn.args[0]?.name ?? '';
      const sessionArgument = raw.definition.session_argument;
      table.computedFields.set(raw.name, {
        name: raw.name,
        fn,
        tableArgument,
        sessionArgument,
        inputs: fn.args.filter((arg) => arg.name !== tableArgument && arg.name !== sessionArgument),
        returnsTable: fn.returnsTable && tables.has(fn.returnsTable) ? fn.returnsTable : undefined,
      });
    }

    const allColumns = (spec: string[] | '*' | undefined): Set<string> =>
      new Set(spec === '*' || spec === undefined ? table.columns.map((column) => column.name) : spec);
    const checkColumns = (role: string, kind: string, columns: Set<string>): boolean => {
      const missing = [...columns].filter((column) => !table.columnsByName.has(column));
      if (missing.length === 0) return true;
      inconsistencies.push({
        type: `${kind}_permission`,
        name: `${kind}_permission ${role} on table ${table.name} in source ${sourceName}`,
        reason: `Inconsistent object: in table "${table.name}": column "${missing[0] ?? ''}" does not exist`,
        definition: { role, table: { schema: table.schema, name: table.name } },
      });
      return false;
    };
    for (const { role, permission } of entry.select_permissions ?? []) {
      const p: SelectPermission = permission;
      const columns = allColumns(p.columns);
      roles.add(role);
      if (!checkColumns(role, 'select', columns)) continue;
      table.select.set(role, {
        columns,
        filter: normaliseBoolExp(p.filter),
        limit: p.limit,
        allowAggregations: p.allow_aggregations === true,
        computedFields: new Set(p.computed_fields ?? []),
        queryRootFields: p.query_root_fields ? new Set(p.query_root_fields) : undefined,
        subscriptionRootFields: p.subscription_root_fields ? new Set(p.subscription_root_fields) : undefined,
      });
    }
    for (const { role, permission } of entry.insert_permissions ?? []) {
      const p: InsertPermission = permission;
      const columns = allColumns(p.columns);
      roles.add(role);
      if (!checkColumns(role, 'insert', columns)) continue;
      table.insert.set(role, { columns, check: normaliseBoolExp(p.check), set: p.set ?? {}, backendOnly: p.backend_only === true });
    }
    for (const { role, permission } of entry.update_permissions ?? []) {
      const p: UpdatePermission = permission;
      const columns = allColumns(p.columns);
      roles.add(role);
      if (!checkColumns(role, 'update', columns)) continue;
      table.update.set(role, {
        columns,
        filter: normaliseBoolExp(p.filter),
        check: p.check ? normaliseBoolExp(p.check) : undefined,
        set: p.set ?? {},
        backendOnly: p.backend_only === true,
      });
    }
    for (const { role, permission } of entry.delete_permissions ?? []) {
      const p: DeletePermission = permission;
      roles.add(role);
      table.delete.set(role, { filter: normaliseBoolExp(p.filter), backendOnly: p.backend_only === true });
    }
  }
  const functions: FunctionInfo[] = [];
  for (const raw of (source?.functions ?? []) as TrackedFunctionMetadata[]) {
    const ref = qualifiedTable(raw.function);
    const fn = pgFunctions.get(tableKey(ref));
    if (!fn || !fn.returnsTable || !tables.has(fn.returnsTable)) {
      inconsistencies.push({
        type: 'function',
        name: `function ${tableKey(ref)} in source ${sourceName}`,
        reason: `Inconsistent object: ${fn ? `the function "${fn.name}" does not return a set of rows of a tracked table` : `no such function exists: "${tableKey(ref)}"`}`,
        definition: raw,
      });
      continue;
    }
    const sessionArgument = raw.configuration?.session_argument;
    functions.push({
      gqlName: raw.configuration?.custom_name ?? (ref.schema === 'public' ? ref.name : `${ref.schema}_${ref.name}`),
      fn,
      sessionArgument,
      inputs: fn.args.filter((arg) => arg.name !== sessionArgument),
      returnsTable: fn.returnsTable,
      permissions: new Set((raw.permissions ?? []).map((permission) => permission.role)),
      exposedAs: raw.configuration?.exposed_as === 'query' ? 'query' : raw.configuration?.exposed_as === 'mutation' || fn.volatility === 'v' ? 'mutation' : 'query',
    });
  }
  const inheritedRoles = new Map<string, string[]>();
  for (const raw of (metadata.inherited_roles ?? []) as { role_name: string; role_set: string[] }[]) {
    inheritedRoles.set(raw.role_name, raw.role_set);
    roles.add(raw.role_name);
  }
  return { tables, roles, inconsistencies, functions, inheritedRoles };
}

interface ComputedFieldMetadata {
  name: string;
  definition: { function: { schema: string; name: string } | string; table_argument?: string; session_argument?: string };
}

interface TrackedFunctionMetadata {
  function: { schema: string; name: string } | string;
  configuration?: { custom_name?: string; session_argument?: string; exposed_as?: string };
  permissions?: { role: string }[];
}

function resolveRelationship(table: TableInfo, rel: RelationshipMetadata, kind: 'object' | 'array', tables: Map<string, TableInfo>): RelationshipInfo | string {
  const { foreign_key_constraint_on: fkOn, manual_configuration: manual } = rel.using;
  if (manual) {
    const target = tables.get(tableKey(qualifiedTable(manual.remote_table)));
    if (!target) return `table "${qualifiedTable(manual.remote_table).name}" is not tracked`;
    const mapping = Object.entries(manual.column_mapping);
    for (const [local, remote] of mapping) {
      if (!table.columnsByName.has(local)) return `column "${local}" does not exist in table "${table.name}"`;
      if (!target.columnsByName.has(remote)) return `column "${remote}" does not exist in table "${target.name}"`;
    }
    return { name: rel.name, kind, target: target.key, mapping };
  }
  if (fkOn === undefined) return 'relationship has neither foreign_key_constraint_on nor manual_configuration';
  if (kind === 'object' && (typeof fkOn === 'string' || Array.isArray(fkOn))) {
    const columns = typeof fkOn === 'string' ? [fkOn] : fkOn;
    const fk = table.pg.foreignKeys.find((candidate) => sameSet(candidate.columns, columns));
    if (!fk) return `no foreign constraint exists on the given column(s) "${columns.join(', ')}" of table "${table.name}"`;
    const target = tables.get(tableKey({ schema: fk.refSchema, name: fk.refTable }));
    if (!target) return `table "${fk.refTable}" is not tracked`;
    return { name: rel.name, kind, target: target.key, mapping: fk.columns.map((column, index) => [column, fk.refColumns[index] ?? '']) };
  }
  if (typeof fkOn === 'object' && !Array.isArray(fkOn)) {
    const remote = tables.get(tableKey(qualifiedTable(fkOn.table)));
    if (!remote) return `table "${qualifiedTable(fkOn.table).name}" is not tracked`;
    const columns = fkOn.columns ?? (fkOn.column ? [fkOn.column] : []);
    const fk = remote.pg.foreignKeys.find(
      (candidate) => sameSet(candidate.columns, columns) && candidate.refSchema === table.schema && candidate.refTable === table.name,
    );
    if (!fk) return `no foreign constraint exists on the given column(s) "${columns.join(', ')}" of table "${remote.name}"`;
    return { name: rel.name, kind, target: remote.key, mapping: fk.refColumns.map((column, index) => [column, fk.columns[index] ?? '']) };
  }
  return 'invalid foreign_key_constraint_on';
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}
