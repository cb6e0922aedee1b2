import { Kind, valueFromASTUntyped, type FieldNode, type FragmentDefinitionNode, type SelectionNode } from 'graphql';
import { HasuraError } from './errors.ts';
import type { PgFunction, PgFunctionArg } from './introspection.ts';
import type { ColumnInfo, RelationshipInfo, TableInfo } from './model.ts';
import { isComparable, isNumeric, scalarName, type RoleView } from './schema.ts';
import { isSessionVariable, sessionValue, type Session } from './session.ts';
import { ident, literal, Params, textArrayLiteral } from './sql.ts';

export interface CompileContext {
  /** HASURA_GRAPHQL_STRINGIFY_NUMERIC_TYPES: bigint, numeric and double precision as JSON strings. */
  stringifyNumeric?: boolean;
  view: RoleView;
  session: Session;
  params: Params;
  variables: Record<string, unknown>;
  fragments: Map<string, FragmentDefinitionNode>;
  maxDepth: number;
  /** Cost limit: the most fields (across all levels) one operation may select. */
  maxFields?: number;
  fields?: number;
  aliases: number;
  /** When set, collects the keys of the tables the compiled SQL reads (what a subscription waits on). */
  reads?: Set<string>;
}

export interface CollectedField {
  key: string;
  name: string;
  node: FieldNode;
  selections: SelectionNode[];
}

export function newAlias(ctx: CompileContext): string {
  ctx.aliases += 1;
  return `_${ctx.aliases}`;
}

function includeNode(ctx: CompileContext, node: SelectionNode): boolean {
  for (const directive of node.directives ?? []) {
    const name = directive.name.value;
    if (name !== 'skip' && name !== 'include') continue;
    const arg = directive.arguments?.find((candidate) => candidate.name.value === 'if');
    const value = arg ? valueFromASTUntyped(arg.value, ctx.variables) : undefined;
    if (name === 'skip' && value === true) return false;
    if (name === 'include' && value !== true) return false;
  }
  return true;
}

/** Fields of a selection set in response order, fragments expanded, @skip/@include applied, same keys merged. */
export function collectFields(ctx: CompileContext, selections: readonly SelectionNode[], typeName: string): CollectedField[] {
  const out = new Map<string, CollectedField>();
  const visit = (items: readonly SelectionNode[]): void => {
    for (const selection of items) {
      if (!includeNode(ctx, selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const existing = out.get(key);
        const children = selection.selectionSet?.selections ?? [];
        if (existing) existing.selections.push(...children);
        else out.set(key, { key, name: selection.name.value, node: selection, selections: [...children] });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!selection.typeCondition || selection.typeCondition.name.value === typeName) visit(selection.selectionSet.selections);
      } else {
        const fragment = ctx.fragments.get(selection.name.value);
        if (fragment && fragment.typeCondition.name.value === typeName) visit(fragment.selectionSet.selections);
      }
    }
  };
  visit(selections);
  ctx.fields = (ctx.fields ?? 0) + out.size;
  if (ctx.maxFields !== undefined && ctx.fields > ctx.maxFields) {
    throw new HasuraError('validation-failed', `the query exceeds the maximum of ${ctx.maxFields} selected fields`, '$');
  }
  return [...out.values()];
}

/** An argument's value as written (variables substituted), keys in the order the client wrote them. */
export function argument(ctx: CompileContext, node: FieldNode, name: string): unknown {
  const arg = node.arguments?.find((candidate) => candidate.name.value === name);
  if (!arg) return undefined;
  const value = valueFromASTUntyped(arg.value, ctx.variables);
  return value === null ? undefined : value;
}

export function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

// ---------------------------------------------------------------- boolean expressions

type Mode = 'client' | 'permission';

const COMPARE: Record<string, string> = { _eq: '=', _neq: '<>', _gt: '>', _gte: '>=', _lt: '<', _lte: '<=' };
const PATTERN: Record<string, string> = {
  _like: 'like',
  _nlike: 'not like',
  _ilike: 'ilike',
  _nilike: 'not ilike',
  _similar: 'similar to',
  _nsimilar: 'not similar to',
  _regex: '~',
  _nregex: '!~',
  _iregex: '~*',
  _niregex: '!~*',
};
const COLUMN_COMPARE: Record<string, string> = { _ceq: '=', _cne: '<>', _cneq: '<>', _cgt: '>', _cgte: '>=', _clt: '<', _clte: '<=' };

export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/** A value bound as a parameter and cast to the column's type; session variables resolved in permissions. */
export function bindValue(ctx: CompileContext, column: ColumnInfo, value: unknown, mode: Mode, sqlType = column.pg.sqlType): string {
  if (mode === 'permission' && isSessionVariable(value)) return ctx.params.typed(sessionValue(ctx.session, value), sqlType);
  if (column.pg.category === 'A' && Array.isArray(value)) return ctx.params.typed(textArrayLiteral(value.map(textOf)), sqlType);
  if (column.pg.typeName === 'json' || column.pg.typeName === 'jsonb') return ctx.params.typed(JSON.stringify(value), sqlType);
  return ctx.params.typed(textOf(value), sqlType);
}

function nullError(column: ColumnInfo, path: string): HasuraError {
  return new HasuraError('validation-failed', `unexpected null value for type '${scalarName(column)}'`, path);
}

function compileComparison(ctx: CompileContext, table: TableInfo, alias: string, column: ColumnInfo, ops: Record<string, unknown>, mode: Mode, path: string, target = `${alias}.${ident(column.name)}`): string {
  const parts: string[] = [];
  for (const [op, value] of Object.entries(ops)) {
    if (value === null || value === undefined) {
      if (mode === 'client') throw nullError(column, `${path}.${op}`);
      continue;
    }
    const compare = COMPARE[op];
    const pattern = PATTERN[op];
    const columnCompare = COLUMN_COMPARE[op];
    if (compare) parts.push(`${target} ${compare} ${bindValue(ctx, column, value, mode)}`);
    else if (pattern) parts.push(`${target} ${pattern} ${bindValue(ctx, column, value, mode)}`);
    else if (op === '_in' || op === '_nin') {
      const negate = op === '_nin';
      if (mode === 'permission' && isSessionVariable(value)) {
        const list = ctx.params.typed(sessionValue(ctx.session, value), `${column.pg.sqlType}[]`);
        parts.push(negate ? `${target} <> all(${list})` : `${target} = any(${list})`);
      } else {
        const items = asList(value);
        if (items.length === 0) parts.push(negate ? 'true' : 'false');
        else parts.push(`${target} ${negate ? 'not in' : 'in'} (${items.map((item) => bindValue(ctx, column, item, mode)).join(', ')})`);
      }
    } else if (op === '_is_null') parts.push(value === true ? `${target} is null` : `${target} is not null`);
    else if (op === '_contains') parts.push(`${target} @> ${bindValue(ctx, column, value, mode)}`);
    else if (op === '_contained_in') parts.push(`${target} <@ ${bindValue(ctx, column, value, mode)}`);
    else if (op === '_has_key') parts.push(`${target} ? ${ctx.params.typed(textOf(value), 'text')}`);
    else if (op === '_has_keys_any' || op === '_has_keys_all') {
      const keys = ctx.params.typed(textArrayLiteral(asList(value).map(textOf)), 'text[]');
      parts.push(`${target} ${op === '_has_keys_any' ? '?|' : '?&'} ${keys}`);
    } else if (op === '_cast') {
      for (const [castType, inner] of Object.entries(asObject(value))) {
        if (castType !== 'String') throw new HasuraError('validation-failed', `cannot cast to type '${castType}'`, `${path}._cast`);
        const textColumn: ColumnInfo = { ...column, pg: { ...column.pg, typeName: 'text', sqlType: 'text', category: 'S' } };
        parts.push(compileComparison(ctx, table, alias, textColumn, asObject(inner), mode, `${path}._cast.String`, `(${target})::text`));
      }
    } else if (columnCompare && mode === 'permission') {
      const other = Array.isArray(value) ? String(value[value.length - 1]) : String(value);
      const otherColumn = table.columnsByName.get(other);
      if (!otherColumn) throw new HasuraError('validation-failed', `column "${other}" does not exist`, path);
      parts.push(`${target} ${columnCompare} ${alias}.${ident(otherColumn.name)}`);
    } else {
      throw new HasuraError('validation-failed', `unexpected operator "${op}"`, path);
    }
  }
  return parts.length === 0 ? 'true' : parts.join(' and ');
}

/** Joins `targetAlias` (a row of rel's target) to `alias` (a row of rel's source). */
export function joinCondition(rel: RelationshipInfo, alias: string, targetAlias: string): string {
  return rel.mapping.map(([local, remote]) => `${targetAlias}.${ident(remote)} = ${alias}.${ident(local)}`).join(' and ') || 'true';
}

export function tableRef(table: TableInfo): string {
  return `${ident(table.schema)}.${ident(table.name)}`;
}

/** `tableRef` for a table the statement reads, noted in `ctx.reads`. */
export function readTable(ctx: CompileContext, table: TableInfo): string {
  ctx.reads?.add(table.key);
  return tableRef(table);
}

/** A `where`/permission boolean expression on `table` aliased `alias`. */
export function compileBoolExp(ctx: CompileContext, table: TableInfo, alias: string, exp: unknown, mode: Mode, path: string): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(asObject(exp))) {
    const here = `${path}.${key}`;
    if (value === undefined) continue;
    if (value === null && mode === 'client') continue;
    if (key === '_and' || key === '_or') {
      const items = asList(value).map((item, index) => compileBoolExp(ctx, table, alias, item, mode, `${here}[${index}]`));
      if (key === '_and') parts.push(items.length === 0 ? 'true' : `(${items.join(' and ')})`);
      else parts.push(items.length === 0 ? 'false' : `(${items.join(' or ')})`);
    } else if (key === '_not') {
      parts.push(`not (${compileBoolExp(ctx, table, alias, value, mode, here)})`);
    } else if (key === '_exists') {
      const spec = asObject(value);
      const rawTable = spec['_table'];
      const qualified = typeof rawTable === 'string' ? { schema: 'public', name: rawTable } : (asObject(rawTable) as { schema?: string; name?: string });
      const target = ctx.view.model.tables.get(`${qualified.schema ?? 'public'}.${qualified.name ?? ''}`);
      if (!target) throw new HasuraError('validation-failed', `table "${String(qualified.name)}" is not tracked`, here);
      const inner = newAlias(ctx);
      parts.push(`exists (select 1 from ${readTable(ctx, target)} ${inner} where ${compileBoolExp(ctx, target, inner, spec['_where'], mode, `${here}._where`)})`);
    } else {
      const column = mode === 'client' ? table.columnsByGql.get(key) : table.columnsByName.get(key);
      if (column) {
        const ops = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { _eq: value };
        parts.push(compileComparison(ctx, table, alias, column, ops, mode, here));
        continue;
      }
      const rel = table.relationships.get(key);
      if (rel) {
        const target = ctx.view.model.tables.get(rel.target);
        if (!target) throw new HasuraError('validation-failed', `relationship "${key}" has no target`, here);
        const inner = newAlias(ctx);
        const conditions = [joinCondition(rel, alias, inner)];
        if (mode === 'client') conditions.push(permissionFilter(ctx, target, inner));
        conditions.push(compileBoolExp(ctx, target, inner, value, mode, here));
        parts.push(`exists (select 1 from ${readTable(ctx, target)} ${inner} where ${conditions.join(' and ')})`);
        continue;
      }
      const aggregateRel = key.endsWith('_aggregate') ? table.relationships.get(key.slice(0, -'_aggregate'.length)) : undefined;
      const aggregateTarget = aggregateRel?.kind === 'array' ? ctx.view.model.tables.get(aggregateRel.target) : undefined;
      if (aggregateRel && aggregateTarget && mode === 'client') {
        for (const [fn, spec] of Object.entries(asObject(value))) {
          parts.push(aggregatePredicate(ctx, table, alias, aggregateRel, aggregateTarget, fn, asObject(spec), `${here}.${fn}`));
        }
        continue;
      }
      throw new HasuraError('validation-failed', `field '${key}' not found in type: '${table.gqlName}_bool_exp'`, here);
    }
  }
  return parts.length === 0 ? 'true' : `(${parts.join(' and ')})`;
}

const PREDICATE_COLUMNS = {
  count: { typeName: 'int4', sqlType: 'integer', category: 'N' },
  bool_and: { typeName: 'bool', sqlType: 'boolean', category: 'B' },
  bool_or: { typeName: 'bool', sqlType: 'boolean', category: 'B' },
} as const;

/**
 * One `<rel>_aggregate` predicate in a bool_exp: `count`, `bool_and` or `bool_or` over the related
 * rows the role may select (and `filter` admits), compared by `predicate`.
 */
function aggregatePredicate(ctx: CompileContext, table: TableInfo, alias: string, rel: RelationshipInfo, target: TableInfo, fn: string, spec: Record<string, unknown>, here: string): string {
  if (fn !== 'count' && fn !== 'bool_and' && fn !== 'bool_or') throw new HasuraError('validation-failed', `field '${fn}' not found in type: '${target.gqlName}_aggregate_bool_exp'`, here);
  const inner = newAlias(ctx);
  const conditions = [joinCondition(rel, alias, inner), permissionFilter(ctx, target, inner)];
  if (spec['filter'] !== undefined && spec['filter'] !== null) conditions.push(compileBoolExp(ctx, target, inner, spec['filter'], 'client', `${here}.filter`));
  const columns = asList(spec['arguments']).map((name) => `${inner}.${ident(target.columnsByGql.get(String(name))?.name ?? String(name))}`);
  const distinct = spec['distinct'] === true ? 'distinct ' : '';
  const argument = columns.length === 0 ? '*' : `${distinct}${columns.length === 1 ? columns[0] : `(${columns.join(', ')})`}`;
  const expression = `(select ${fn}(${argument}) from ${readTable(ctx, target)} ${inner} where ${conditions.join(' and ')})`;
  const column: ColumnInfo = { name: '', gqlName: '', enumTable: undefined, pg: { name: '', ...PREDICATE_COLUMNS[fn], nullable: false, hasDefault: false, generated: false, position: 0 } };
  return compileComparison(ctx, table, alias, column, asObject(spec['predicate']), 'client', `${here}.predicate`, expression);
}

/** The role's select filter on `table`, as SQL; admins get `true`. */
export function permissionFilter(ctx: CompileContext, table: TableInfo, alias: string): string {
  const permission = ctx.view.select(table);
  if (!permission) return 'false';
  return compileBoolExp(ctx, table, alias, permission.filter, 'permission', '$');
}

// ---------------------------------------------------------------- ordering

const DIRECTIONS: Record<string, string> = {
  asc: 'asc nulls last',
  asc_nulls_first: 'asc nulls first',
  asc_nulls_last: 'asc nulls last',
  desc: 'desc nulls first',
  desc_nulls_first: 'desc nulls first',
  desc_nulls_last: 'desc nulls last',
};

const AGGREGATE_FUNCTIONS = new Set(['avg', 'max', 'min', 'sum', 'stddev', 'stddev_pop', 'stddev_samp', 'var_pop', 'var_samp', 'variance']);

interface OrderItem {
  expression: string;
  direction: string;
  /** The column, when ordering directly by one of the table's columns (for distinct_on). */
  column: string | undefined;
}

function compileOrderBy(ctx: CompileContext, table: TableInfo, alias: string, orderBy: unknown, path: string): OrderItem[] {
  const items: OrderItem[] = [];
  const walk = (tbl: TableInfo, tblAlias: string, spec: Record<string, unknown>, wrap: (expression: string) => string, direct: boolean): void => {
    for (const [key, value] of Object.entries(spec)) {
      if (value === null || value === undefined) continue;
      const column = tbl.columnsByGql.get(key);
      if (column && typeof value === 'string') {
        items.push({ expression: wrap(`${tblAlias}.${ident(column.name)}`), direction: DIRECTIONS[value] ?? 'asc nulls last', column: direct ? column.name : undefined });
        continue;
      }
      const rel = tbl.relationships.get(key);
      if (rel && rel.kind === 'object') {
        const target = ctx.view.model.tables.get(rel.target);
        if (!target) continue;
        const inner = newAlias(ctx);
        const from = `from ${readTable(ctx, target)} ${inner} where ${joinCondition(rel, tblAlias, inner)} and ${permissionFilter(ctx, target, inner)}`;
        walk(target, inner, asObject(value), (expression) => wrap(`(select ${expression} ${from} limit 1)`), false);
        continue;
      }
      const aggregateRel = key.endsWith('_aggregate') ? tbl.relationships.get(key.slice(0, -'_aggregate'.length)) : undefined;
      if (aggregateRel && aggregateRel.kind === 'array') {
        const target = ctx.view.model.tables.get(aggregateRel.target);
        if (!target) continue;
        for (const [fn, inner] of Object.entries(asObject(value))) {
          const rowAlias = newAlias(ctx);
          const from = `from ${readTable(ctx, target)} ${rowAlias} where ${joinCondition(aggregateRel, tblAlias, rowAlias)} and ${permissionFilter(ctx, target, rowAlias)}`;
          if (fn === 'count' && typeof inner === 'string') {
            items.push({ expression: wrap(`(select count(*) ${from})`), direction: DIRECTIONS[inner] ?? 'asc nulls last', column: undefined });
          } else if (AGGREGATE_FUNCTIONS.has(fn)) {
            for (const [columnName, direction] of Object.entries(asObject(inner))) {
              const column = target.columnsByGql.get(columnName);
              if (!column || typeof direction !== 'string') continue;
              items.push({ expression: wrap(`(select ${fn}(${rowAlias}.${ident(column.name)}) ${from})`), direction: DIRECTIONS[direction] ?? 'asc nulls last', column: undefined });
            }
          }
        }
        continue;
      }
      throw new HasuraError('validation-failed', `field '${key}' not found in type: '${tbl.gqlName}_order_by'`, path);
    }
  };
  for (const spec of asList(orderBy)) walk(table, alias, asObject(spec), (expression) => expression, true);
  return items;
}

// ---------------------------------------------------------------- selections

interface SelectArgs {
  where: unknown;
  orderBy: unknown;
  limit: unknown;
  offset: unknown;
  distinctOn: unknown;
}

function selectArgs(ctx: CompileContext, node: FieldNode): SelectArgs {
  return {
    where: argument(ctx, node, 'where'),
    orderBy: argument(ctx, node, 'order_by'),
    limit: argument(ctx, node, 'limit'),
    offset: argument(ctx, node, 'offset'),
    distinctOn: argument(ctx, node, 'distinct_on'),
  };
}

function intArg(value: unknown, name: string, path: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) throw new HasuraError('validation-failed', `expected an integer for '${name}'`, path);
  if (number < 0) throw new HasuraError('validation-failed', `unexpected negative value for '${name}'`, path);
  return number;
}

/**
 * `from <table> alias where <join> and <permission> and <where> order by … limit … offset …`,
 * with `distinct on` when asked: the rows one list level reads.
 */
function rowSource(ctx: CompileContext, table: TableInfo, alias: string, args: SelectArgs, path: string, join: string | undefined, projection: string, from?: string): string {
  // A function source (computed field) counts as reading the table it returns.
  ctx.reads?.add(table.key);
  const source = from ?? tableRef(table);
  const conditions = [permissionFilter(ctx, table, alias)];
  if (join) conditions.unshift(join);
  if (args.where !== undefined) conditions.push(compileBoolExp(ctx, table, alias, args.where, 'client', `${path}.args.where`));
  const order = compileOrderBy(ctx, table, alias, args.orderBy, `${path}.args.order_by`);
  let distinct = '';
  const distinctColumns = asList(args.distinctOn).map((name) => {
    const column = table.columnsByGql.get(String(name));
    if (!column) throw new HasuraError('validation-failed', `unexpected value "${String(name)}" for distinct_on`, `${path}.args.distinct_on`);
    return column.name;
  });
  if (distinctColumns.length > 0) {
    const leading = order.slice(0, distinctColumns.length).map((item) => item.column);
    const matches = order.length === 0 || (leading.length === distinctColumns.length && leading.every((column) => column !== undefined && distinctColumns.includes(column)));
    if (!matches) throw new HasuraError('validation-failed', '"distinct_on" columns must match initial "order_by" columns', `${path}.args`);
    if (order.length === 0) for (const column of distinctColumns) order.push({ expression: `${alias}.${ident(column)}`, direction: 'asc', column });
    distinct = `distinct on (${distinctColumns.map((column) => `${alias}.${ident(column)}`).join(', ')}) `;
  }
  const permissionLimit = ctx.view.select(table)?.limit;
  const userLimit = intArg(args.limit, 'limit', `${path}.args.limit`);
  const limit = permissionLimit !== undefined && userLimit !== undefined ? Math.min(permissionLimit, userLimit) : (userLimit ?? permissionLimit);
  const offset = intArg(args.offset, 'offset', `${path}.args.offset`);
  let text = `select ${distinct}${projection} from ${source} ${alias} where ${conditions.join(' and ')}`;
  if (order.length > 0) text += ` order by ${order.map((item) => `${item.expression} ${item.direction}`).join(', ')}`;
  if (limit !== undefined) text += ` limit ${limit}`;
  if (offset !== undefined) text += ` offset ${offset}`;
  return text;
}

function depthCheck(ctx: CompileContext, depth: number, path: string): void {
  if (depth > ctx.maxDepth) throw new HasuraError('validation-failed', `the query exceeds the maximum depth of ${ctx.maxDepth}`, path);
}

/** JSON of one row of `table` (aliased `alias`) with the selected fields, as a SQL expression. */
export function rowJson(ctx: CompileContext, table: TableInfo, alias: string, selections: SelectionNode[], path: string, depth: number): string {
  depthCheck(ctx, depth, path);
  const columns: string[] = [];
  for (const field of collectFields(ctx, selections, table.gqlName)) {
    const here = `${path}.selectionSet.${field.key}`;
    const key = ident(field.key);
    if (field.name === '__typename') {
      columns.push(`${literal(table.gqlName)} as ${key}`);
      continue;
    }
    const column = table.columnsByGql.get(field.name);
    if (column) {
      const jsonPath = argument(ctx, field.node, 'path');
      if (jsonPath !== undefined && (column.pg.typeName === 'jsonb' || column.pg.typeName === 'json')) {
        columns.push(`${alias}.${ident(column.name)} #> ${ctx.params.typed(textArrayLiteral(parseJsonPath(String(jsonPath), here)), 'text[]')} as ${key}`);
      } else {
        const condition = ctx.view.select(table)?.columnFilters?.get(column.name);
        const value = stringified(ctx, column.pg.typeName, `${alias}.${ident(column.name)}`);
        columns.push(condition ? `case when ${compileBoolExp(ctx, table, alias, condition, 'permission', '$')} then ${value} end as ${key}` : `${value} as ${key}`);
      }
      continue;
    }
    const computed = table.computedFields.get(field.name);
    if (computed && !table.relationships.has(field.name)) {
      const named = new Map([[computed.tableArgument, `row(${table.columns.map((c) => `${alias}.${ident(c.name)}`).join(', ')})::${tableRef(table)}`]]);
      if (computed.sessionArgument) named.set(computed.sessionArgument, ctx.params.typed(JSON.stringify(ctx.session), 'json'));
      const call = functionCall(ctx, computed.fn, named, argument(ctx, field.node, 'args'), `${here}.args.args`);
      const target = computed.returnsTable ? ctx.view.model.tables.get(computed.returnsTable) : undefined;
      if (target) columns.push(`(${listQuery(ctx, target, newAlias(ctx), field, here, depth + 1, undefined, call)}) as ${key}`);
      else columns.push(`${call} as ${key}`);
      continue;
    }
    const rel = table.relationships.get(field.name);
    if (rel) {
      const target = ctx.view.model.tables.get(rel.target);
      if (!target) continue;
      const inner = newAlias(ctx);
      if (rel.kind === 'object') {
        const json = rowJson(ctx, target, inner, field.selections, here, depth + 1);
        columns.push(`(select ${json} from ${readTable(ctx, target)} ${inner} where ${joinCondition(rel, alias, inner)} and ${permissionFilter(ctx, target, inner)} limit 1) as ${key}`);
      } else {
        columns.push(`(${listQuery(ctx, target, inner, field, here, depth + 1, joinCondition(rel, alias, inner))}) as ${key}`);
      }
      continue;
    }
    const aggregateRel = field.name.endsWith('_aggregate') ? table.relationships.get(field.name.slice(0, -'_aggregate'.length)) : undefined;
    if (aggregateRel) {
      const target = ctx.view.model.tables.get(aggregateRel.target);
      if (!target) continue;
      const inner = newAlias(ctx);
      columns.push(`(${aggregateQuery(ctx, target, inner, field, here, depth + 1, joinCondition(aggregateRel, alias, inner))}) as ${key}`);
      continue;
    }
    throw new HasuraError('validation-failed', `field '${field.name}' not found in type: '${table.gqlName}'`, here);
  }
  if (columns.length === 0) return `'{}'::json`;
  return `(select row_to_json(_r) from (select ${columns.join(', ')}) _r)`;
}

function parseJsonPath(path: string, errorPath: string): string[] {
  const trimmed = path.startsWith('$') ? path.slice(1) : path;
  const parts: string[] = [];
  const pattern = /\.?([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = pattern.exec(trimmed)) !== null) {
    parts.push(match[1] ?? match[2] ?? match[3] ?? match[4] ?? '');
    consumed = pattern.lastIndex;
  }
  if (consumed !== trimmed.length) throw new HasuraError('validation-failed', `parse json path error: ${path}`, errorPath);
  return parts;
}

/** SQL yielding the JSON array of a list field (root `T` or an array relationship). */
export function listQuery(ctx: CompileContext, table: TableInfo, alias: string, field: CollectedField, path: string, depth: number, join?: string, from?: string): string {
  const json = rowJson(ctx, table, alias, field.selections, path, depth);
  const source = rowSource(ctx, table, alias, selectArgs(ctx, field.node), path, join, `${json} as j`, from);
  return `select coalesce(json_agg(_s.j), '[]'::json) from (${source}) _s`;
}

/** SQL yielding the JSON object of `T_aggregate` (root or `<rel>_aggregate`). */
export function aggregateQuery(ctx: CompileContext, table: TableInfo, alias: string, field: CollectedField, path: string, depth: number, join?: string, from?: string): string {
  depthCheck(ctx, depth, path);
  const outputs: string[] = [];
  let needsNodes = false;
  let nodeJson = '';
  for (const part of collectFields(ctx, field.selections, `${table.gqlName}_aggregate`)) {
    const here = `${path}.selectionSet.${part.key}`;
    if (part.name === '__typename') outputs.push(`${literal(part.key)}, ${literal(`${table.gqlName}_aggregate`)}`);
    else if (part.name === 'nodes') {
      if (!needsNodes) nodeJson = rowJson(ctx, table, alias, part.selections, here, depth + 1);
      needsNodes = true;
      outputs.push(`${literal(part.key)}, coalesce(json_agg(_s.__node), '[]'::json)`);
    } else if (part.name === 'aggregate') outputs.push(`${literal(part.key)}, ${aggregateFields(ctx, table, part, here)}`);
    else throw new HasuraError('validation-failed', `field '${part.name}' not found in type: '${table.gqlName}_aggregate'`, here);
  }
  const projection = needsNodes ? `${alias}.*, ${nodeJson} as __node` : `${alias}.*`;
  const source = rowSource(ctx, table, alias, selectArgs(ctx, field.node), path, join, projection, from);
  return `select json_build_object(${outputs.join(', ')}) from (${source}) _s`;
}

function aggregateFields(ctx: CompileContext, table: TableInfo, field: CollectedField, path: string): string {
  const outputs: string[] = [];
  const typeName = `${table.gqlName}_aggregate_fields`;
  for (const part of collectFields(ctx, field.selections, typeName)) {
    const here = `${path}.selectionSet.${part.key}`;
    if (part.name === '__typename') {
      outputs.push(`${literal(part.key)}, ${literal(typeName)}`);
    } else if (part.name === 'count') {
      const columns = asList(argument(ctx, part.node, 'columns')).map((name) => {
        const column = table.columnsByGql.get(String(name));
        if (!column) throw new HasuraError('validation-failed', `unexpected value "${String(name)}" for count columns`, `${here}.args.columns`);
        return `_s.${ident(column.name)}`;
      });
      const distinct = argument(ctx, part.node, 'distinct') === true ? 'distinct ' : '';
      const target = columns.length === 0 ? '*' : columns.length === 1 ? `${distinct}${columns[0] ?? ''}` : `${distinct}(${columns.join(', ')})`;
      outputs.push(`${literal(part.key)}, count(${columns.length === 0 ? (distinct ? 'distinct _s.*' : '*') : target})`);
    } else if (AGGREGATE_FUNCTIONS.has(part.name)) {
      const inner: string[] = [];
      for (const columnField of collectFields(ctx, part.selections, `${table.gqlName}_${part.name}_fields`)) {
        if (columnField.name === '__typename') {
          inner.push(`${literal(columnField.key)}, ${literal(`${table.gqlName}_${part.name}_fields`)}`);
          continue;
        }
        const column = table.columnsByGql.get(columnField.name);
        const allowed = column && (part.name === 'max' || part.name === 'min' ? isComparable(column) : isNumeric(column));
        if (!column || !allowed) throw new HasuraError('validation-failed', `field '${columnField.name}' not found in type: '${table.gqlName}_${part.name}_fields'`, `${here}.selectionSet.${columnField.key}`);
        const aggregateType = part.name === 'max' || part.name === 'min' || part.name === 'sum' ? column.pg.typeName : 'float8';
        inner.push(`${literal(columnField.key)}, ${stringified(ctx, aggregateType, `${part.name}(_s.${ident(column.name)})`)}`);
      }
      outputs.push(`${literal(part.key)}, json_build_object(${inner.join(', ')})`);
    } else {
      throw new HasuraError('validation-failed', `field '${part.name}' not found in type: '${typeName}'`, here);
    }
  }
  return `json_build_object(${outputs.join(', ')})`;
}

export interface StreamCursor {
  column: ColumnInfo;
  ordering: 'ASC' | 'DESC';
  /** The last value sent (or the initial value), as text. */
  value: string;
  batchSize: number;
}

/**
 * `T_stream`: JSON `[<last row's cursor value as text, or null>, <row count>, [<rows>]]` with at most
 * `batchSize` rows beyond `cursor.value`, ordered by the cursor column.
 */
export function streamQuery(ctx: CompileContext, table: TableInfo, field: CollectedField, path: string, cursor: StreamCursor): string {
  const alias = newAlias(ctx);
  const json = rowJson(ctx, table, alias, field.selections, path, 1);
  const beyond = { [cursor.column.gqlName]: { [cursor.ordering === 'ASC' ? '_gt' : '_lt']: cursor.value } };
  const where = argument(ctx, field.node, 'where');
  const args: SelectArgs = {
    where: where === undefined ? beyond : { _and: [where, beyond] },
    orderBy: { [cursor.column.gqlName]: cursor.ordering === 'ASC' ? 'asc' : 'desc' },
    limit: cursor.batchSize,
    offset: undefined,
    distinctOn: undefined,
  };
  const source = rowSource(ctx, table, alias, args, path, undefined, `${json} as j, ${alias}.${ident(cursor.column.name)}::text as c`);
  return `select json_build_array((array_agg(_s.c))[count(*)], count(*), coalesce(json_agg(_s.j), '[]'::json)) from (${source}) _s`;
}

/** `T_by_pk`: the row or null. */
export function byPkQuery(ctx: CompileContext, table: TableInfo, field: CollectedField, path: string): string {
  const alias = newAlias(ctx);
  const conditions = [permissionFilter(ctx, table, alias)];
  for (const name of table.pg.primaryKey?.columns ?? []) {
    const column = table.columnsByName.get(name);
    if (!column) continue;
    const value = argument(ctx, field.node, column.gqlName);
    if (value === undefined) throw new HasuraError('validation-failed', `missing required field '${column.gqlName}'`, `${path}.args`);
    conditions.push(`${alias}.${ident(column.name)} = ${bindValue(ctx, column, value, 'client')}`);
  }
  const json = rowJson(ctx, table, alias, field.selections, path, 1);
  return `select ${json} from ${readTable(ctx, table)} ${alias} where ${conditions.join(' and ')} limit 1`;
}

/** `"schema"."fn"(name => value, ...)`: fixed arguments (row, session) and the client's `args`, bound and cast. */
export function functionCall(ctx: CompileContext, fn: PgFunction, fixed: Map<string, string>, args: unknown, path: string): string {
  const given = asObject(args);
  const parts: string[] = [];
  for (const arg of fn.args) {
    const fixedValue = fixed.get(arg.name);
    if (fixedValue !== undefined) {
      parts.push(`${ident(arg.name)} => ${fixedValue}`);
      continue;
    }
    if (!(arg.name in given)) {
      if (arg.hasDefault) continue;
      throw new HasuraError('validation-failed', `missing required field '${arg.name}'`, path);
    }
    parts.push(`${ident(arg.name)} => ${argumentValue(ctx, arg, given[arg.name])}`);
  }
  return `${ident(fn.schema)}.${ident(fn.name)}(${parts.join(', ')})`;
}

function argumentValue(ctx: CompileContext, arg: PgFunctionArg, value: unknown): string {
  if (value === null || value === undefined) return `null::${arg.sqlType}`;
  return ctx.params.typed(typeof value === 'object' ? JSON.stringify(value) : textOf(value), arg.sqlType);
}

const BIG_NUMERIC = new Set(['int8', 'numeric', 'float8']);

function stringified(ctx: CompileContext, typeName: string, expression: string): string {
  return ctx.stringifyNumeric && BIG_NUMERIC.has(typeName) ? `(${expression})::text` : expression;
}
