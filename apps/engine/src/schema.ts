import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLFloat,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
  valueFromASTUntyped,
  type GraphQLFieldConfig,
  type GraphQLFieldConfigArgumentMap,
  type GraphQLFieldConfigMap,
  type GraphQLInputFieldConfigMap,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';
import type { ActionInfo } from './actions-model.ts';
import type { ColumnInfo, ComputedFieldInfo, FunctionInfo, Model, RelationshipInfo, ResolvedInsert, ResolvedSelect, ResolvedUpdate, RootFieldKind, TableInfo } from './model.ts';

export const ADMIN_ROLE = 'admin';

/** What a root field of a role's schema does. */
export interface RootFieldTarget {
  kind: RootFieldKind;
  table: TableInfo;
}

export interface RoleSchema {
  role: string;
  backendOnly: boolean;
  schema: GraphQLSchema;
  queryRoot: Map<string, RootFieldTarget>;
  subscriptionRoot: Map<string, RootFieldTarget>;
  mutationRoot: Map<string, RootFieldTarget>;
  functionRoot: Map<string, FunctionInfo>;
  /** Actions the role may run, by root field name (an asynchronous one names its result field too). */
  actionRoot: Map<string, ActionInfo>;
}

/** Permissions of one role, with admin seeing and doing everything. */
export class RoleView {
  constructor(
    readonly model: Model,
    readonly role: string,
  ) {}

  get isAdmin(): boolean {
    return this.role === ADMIN_ROLE;
  }

  select(table: TableInfo): ResolvedSelect | undefined {
    if (this.isAdmin) {
      return { columns: new Set(table.columns.map((c) => c.name)), computedFields: new Set(table.computedFields.keys()), filter: {}, limit: undefined, allowAggregations: true, queryRootFields: undefined };
    }
    const own = table.select.get(this.role);
    const parents = this.model.inheritedRoles.get(this.role);
    if (own || !parents) return own;
    return inheritSelect(parents.map((parent) => table.select.get(parent)).filter((permission): permission is ResolvedSelect => permission !== undefined));
  }

  insert(table: TableInfo): ResolvedInsert | undefined {
    if (this.isAdmin) return { columns: new Set(table.columns.map((c) => c.name)), check: {}, set: {}, backendOnly: false };
    return this.own(table.insert);
  }

  update(table: TableInfo): ResolvedUpdate | undefined {
    if (this.isAdmin) return { columns: new Set(table.columns.map((c) => c.name)), filter: {}, check: undefined, set: {}, backendOnly: false };
    return this.own(table.update);
  }

  deleteFilter(table: TableInfo): Record<string, unknown> | undefined {
    if (this.isAdmin) return {};
    return this.own(table.delete)?.filter;
  }

  /** The role's own mutation permission; an inherited role gets its parents' only when they all agree. */
  private own<P>(permissions: Map<string, P>): P | undefined {
    const own = permissions.get(this.role);
    const parents = this.model.inheritedRoles.get(this.role);
    if (own || !parents || parents.length === 0) return own;
    const found = parents.map((parent) => permissions.get(parent));
    const [first] = found;
    const same = (a: unknown, b: unknown): boolean => JSON.stringify(a, (_key, value: unknown) => (value instanceof Set ? [...value].sort() : value)) === JSON.stringify(b, (_key, value: unknown) => (value instanceof Set ? [...value].sort() : value));
    return first !== undefined && found.every((permission) => permission !== undefined && same(permission, first)) ? first : undefined;
  }

  /** Columns of `table` this role may read, in table order. */
  columns(table: TableInfo): ColumnInfo[] {
    const permission = this.select(table);
    if (!permission) return [];
    return table.columns.filter((column) => permission.columns.has(column.name));
  }

  /** Computed fields of `table` this role may read. */
  computedFields(table: TableInfo): ComputedFieldInfo[] {
    const permission = this.select(table);
    if (!permission) return [];
    return [...table.computedFields.values()].filter((field) => permission.computedFields?.has(field.name));
  }

  target(rel: RelationshipInfo): TableInfo | undefined {
    const target = this.model.tables.get(rel.target);
    return target && this.select(target) ? target : undefined;
  }
}

/** Hasura's inherited select permission: a row is visible if any parent admits it; a column's value only where a parent granting it does. */
function inheritSelect(parents: ResolvedSelect[]): ResolvedSelect | undefined {
  if (parents.length === 0) return undefined;
  if (parents.length === 1) return parents[0];
  const columns = new Set(parents.flatMap((parent) => [...parent.columns]));
  const columnFilters = new Map<string, Record<string, unknown>>();
  for (const column of columns) {
    const granting = parents.filter((parent) => parent.columns.has(column));
    if (granting.length < parents.length) columnFilters.set(column, { _or: granting.map((parent) => parent.filter) });
  }
  const limits = parents.map((parent) => parent.limit);
  const rootFields = parents.map((parent) => parent.queryRootFields);
  return {
    columns,
    computedFields: new Set(parents.flatMap((parent) => [...(parent.computedFields ?? [])])),
    filter: { _or: parents.map((parent) => parent.filter) },
    limit: limits.some((limit) => limit === undefined) ? undefined : Math.max(...(limits as number[])),
    allowAggregations: parents.some((parent) => parent.allowAggregations),
    queryRootFields: rootFields.some((fields) => fields === undefined) ? undefined : new Set(rootFields.flatMap((fields) => [...(fields ?? [])])),
    columnFilters,
  };
}

const NUMERIC = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'money']);
const STRINGLIKE = new Set(['text', 'varchar', 'bpchar', 'citext', 'name']);
const NOT_COMPARABLE = new Set(['json', 'jsonb', 'bool', 'xml', 'point', 'geometry', 'geography']);

/** Hasura's scalar for a Postgres type: built-ins for int4/float4/text/varchar/bool, else the type's name. */
export function scalarName(column: ColumnInfo): string {
  return scalarNameOf(column.pg.typeName);
}

export function scalarNameOf(typeName: string): string {
  switch (typeName) {
    case 'int4':
      return 'Int';
    case 'float4':
      return 'Float';
    case 'text':
    case 'varchar':
      return 'String';
    case 'bool':
      return 'Boolean';
    case 'int2':
      return 'smallint';
    case 'int8':
      return 'bigint';
    default:
      return typeName;
  }
}

export function isNumeric(column: ColumnInfo): boolean {
  return NUMERIC.has(column.pg.typeName);
}

export function isComparable(column: ColumnInfo): boolean {
  return !NOT_COMPARABLE.has(column.pg.typeName) && column.pg.category !== 'A';
}

function isStringLike(column: ColumnInfo): boolean {
  return STRINGLIKE.has(column.pg.typeName);
}

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/**
 * Builds the GraphQL schema a role sees: only the tables, columns, relationships and root fields it may
 * use. `reachedTables` are reached from outside the tables (action output types): their row, argument
 * and aggregate types are included whenever the role may select them.
 */
export function buildRoleSchema(model: Model, role: string, backendOnly = false, reachedTables: TableInfo[] = []): RoleSchema {
  const view = new RoleView(model, role);
  const types = new Map<string, GraphQLInputType | GraphQLOutputType>();
  const memo = <T extends GraphQLInputType | GraphQLOutputType>(name: string, make: () => T): T => {
    const existing = types.get(name);
    if (existing) return existing as T;
    const created = make();
    types.set(name, created);
    return created;
  };

  const builtIn: Record<string, GraphQLScalarType> = { Int: GraphQLInt, Float: GraphQLFloat, String: GraphQLString, Boolean: GraphQLBoolean };
  const scalar = (name: string): GraphQLScalarType =>
    builtIn[name] ??
    memo(
      name,
      () =>
        new GraphQLScalarType({
          name,
          serialize: (value) => value,
          parseValue: (value) => value,
          parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
        }),
    );

  const orderBy = (): GraphQLEnumType =>
    memo(
      'order_by',
      () =>
        new GraphQLEnumType({
          name: 'order_by',
          description: 'column ordering options',
          values: {
            asc: { value: 'asc', description: 'in ascending order, nulls last' },
            asc_nulls_first: { value: 'asc_nulls_first', description: 'in ascending order, nulls first' },
            asc_nulls_last: { value: 'asc_nulls_last', description: 'in ascending order, nulls last' },
            desc: { value: 'desc', description: 'in descending order, nulls first' },
            desc_nulls_first: { value: 'desc_nulls_first', description: 'in descending order, nulls first' },
            desc_nulls_last: { value: 'desc_nulls_last', description: 'in descending order, nulls last' },
          },
        }),
    );

  const enumOf = (enumTable: TableInfo): GraphQLEnumType =>
    memo(`${enumTable.gqlName}_enum`, () => {
      const values = Object.fromEntries(
        enumTable.enumValues
          .filter((entry) => GRAPHQL_NAME.test(entry.value))
          .map((entry) => [entry.value, { value: entry.value, ...(entry.comment ? { description: entry.comment } : {}) }]),
      );
      return new GraphQLEnumType({ name: `${enumTable.gqlName}_enum`, values: Object.keys(values).length > 0 ? values : { _PLACEHOLDER: { value: '_PLACEHOLDER' } } });
    });

  const columnType = (column: ColumnInfo): GraphQLScalarType | GraphQLEnumType => {
    const enumTable = column.enumTable ? model.tables.get(column.enumTable) : undefined;
    return enumTable ? enumOf(enumTable) : scalar(scalarName(column));
  };

  const comparisonExp = (column: ColumnInfo): GraphQLInputObjectType => {
    const base = columnType(column);
    const name = `${base.name}_comparison_exp`;
    return memo(name, () => {
      const list = new GraphQLList(new GraphQLNonNull(base));
      const fields: GraphQLInputFieldConfigMap = {};
      const add = (key: string, type: GraphQLInputType): void => {
        fields[key] = { type };
      };
      const isEnum = base instanceof GraphQLEnumType;
      if (!isEnum && column.pg.typeName === 'jsonb') {
        add('_cast', memo('jsonb_cast_exp', () => new GraphQLInputObjectType({ name: 'jsonb_cast_exp', fields: () => ({ String: { type: comparisonExpByName('String') } }) })));
        add('_contained_in', base);
        add('_contains', base);
      }
      if (!isEnum && column.pg.category === 'A') {
        add('_contained_in', base);
        add('_contains', base);
      }
      add('_eq', base);
      if (!isEnum) {
        add('_gt', base);
        add('_gte', base);
      }
      if (!isEnum && column.pg.typeName === 'jsonb') {
        add('_has_key', GraphQLString);
        add('_has_keys_all', new GraphQLList(new GraphQLNonNull(GraphQLString)));
        add('_has_keys_any', new GraphQLList(new GraphQLNonNull(GraphQLString)));
      }
      if (!isEnum && isStringLike(column)) add('_ilike', base);
      add('_in', list);
      if (!isEnum && isStringLike(column)) add('_iregex', base);
      add('_is_null', GraphQLBoolean);
      if (!isEnum && isStringLike(column)) add('_like', base);
      if (!isEnum) {
        add('_lt', base);
        add('_lte', base);
      }
      add('_neq', base);
      if (!isEnum && isStringLike(column)) add('_nilike', base);
      add('_nin', list);
      if (!isEnum && isStringLike(column)) {
        add('_niregex', base);
        add('_nlike', base);
        add('_nregex', base);
        add('_nsimilar', base);
        add('_regex', base);
        add('_similar', base);
      }
      return new GraphQLInputObjectType({ name, description: `Boolean expression to compare columns of type "${base.name}". All fields are combined with logical 'AND'.`, fields });
    });
  };
  const stringColumn: ColumnInfo = {
    name: '',
    gqlName: '',
    enumTable: undefined,
    pg: { name: '', typeName: 'text', sqlType: 'text', category: 'S', nullable: true, hasDefault: false, generated: false, position: 0 },
  };
  const intColumn: ColumnInfo = { ...stringColumn, pg: { ...stringColumn.pg, typeName: 'int4', sqlType: 'integer', category: 'N' } };
  const boolColumn: ColumnInfo = { ...stringColumn, pg: { ...stringColumn.pg, typeName: 'bool', sqlType: 'boolean', category: 'B' } };
  const comparisonExpByName = (name: 'String'): GraphQLInputObjectType => (name === 'String' ? comparisonExp(stringColumn) : comparisonExp(stringColumn));

  const selectColumnEnum = (table: TableInfo): GraphQLEnumType =>
    memo(
      `${table.gqlName}_select_column`,
      () =>
        new GraphQLEnumType({
          name: `${table.gqlName}_select_column`,
          description: `select columns of table "${table.name}"`,
          values: Object.fromEntries(view.columns(table).map((column) => [column.gqlName, { value: column.gqlName, description: 'column name' }])),
        }),
    );

  const boolExp = (table: TableInfo): GraphQLInputObjectType =>
    memo(`${table.gqlName}_bool_exp`, () => {
      const self: GraphQLInputObjectType = new GraphQLInputObjectType({
        name: `${table.gqlName}_bool_exp`,
        description: `Boolean expression to filter rows from the table "${table.name}". All fields are combined with a logical 'AND'.`,
        fields: () => {
          const fields: GraphQLInputFieldConfigMap = {
            _and: { type: new GraphQLList(new GraphQLNonNull(self)) },
            _not: { type: self },
            _or: { type: new GraphQLList(new GraphQLNonNull(self)) },
          };
          for (const column of view.columns(table)) fields[column.gqlName] = { type: comparisonExp(column) };
          for (const rel of table.relationships.values()) {
            const target = view.target(rel);
            if (!target) continue;
            fields[rel.name] = { type: boolExp(target) };
            if (rel.kind === 'array' && view.select(target)?.allowAggregations) fields[`${rel.name}_aggregate`] = { type: aggregateBoolExp(target) };
          }
          return fields;
        },
      });
      return self;
    });

  /** Boolean columns `bool_and`/`bool_or` may fold, under Hasura's long enum name. */
  const boolArgumentsEnum = (table: TableInfo, fn: 'bool_and' | 'bool_or', columns: ColumnInfo[]): GraphQLEnumType => {
    const name = `${table.gqlName}_select_column_${table.gqlName}_aggregate_bool_exp_${fn}_arguments_columns`;
    return memo(
      name,
      () =>
        new GraphQLEnumType({
          name,
          description: `select "${table.gqlName}_aggregate_bool_exp_${fn}_arguments_columns" columns of table "${table.name}"`,
          values: Object.fromEntries(columns.map((column) => [column.gqlName, { value: column.gqlName, description: 'column name' }])),
        }),
    );
  };

  /**
   * `<rel>_aggregate: {count | bool_and | bool_or: {predicate, arguments, distinct, filter}}` in
   * bool_exp (Hasura 2.x); `bool_and`/`bool_or` only when the role sees a boolean column.
   */
  const aggregateBoolExp = (table: TableInfo): GraphQLInputObjectType =>
    memo(
      `${table.gqlName}_aggregate_bool_exp`,
      () =>
        new GraphQLInputObjectType({
          name: `${table.gqlName}_aggregate_bool_exp`,
          fields: () => {
            const fields: GraphQLInputFieldConfigMap = {};
            const booleans = view.columns(table).filter((column) => column.pg.typeName === 'bool');
            for (const fn of booleans.length > 0 ? (['bool_and', 'bool_or'] as const) : []) {
              const name = `${table.gqlName}_aggregate_bool_exp_${fn}`;
              fields[fn] = {
                type: memo(
                  name,
                  () =>
                    new GraphQLInputObjectType({
                      name,
                      fields: () => ({
                        arguments: { type: new GraphQLNonNull(boolArgumentsEnum(table, fn, booleans)) },
                        distinct: { type: GraphQLBoolean },
                        filter: { type: boolExp(table) },
                        predicate: { type: new GraphQLNonNull(comparisonExp(boolColumn)) },
                      }),
                    }),
                ),
              };
            }
            fields['count'] = {
              type: memo(
                `${table.gqlName}_aggregate_bool_exp_count`,
                () =>
                  new GraphQLInputObjectType({
                    name: `${table.gqlName}_aggregate_bool_exp_count`,
                    fields: () => ({
                      arguments: { type: new GraphQLList(new GraphQLNonNull(selectColumnEnum(table))) },
                      distinct: { type: GraphQLBoolean },
                      filter: { type: boolExp(table) },
                      predicate: { type: new GraphQLNonNull(comparisonExp(intColumn)) },
                    }),
                  }),
              ),
            };
            return fields;
          },
        }),
    );

  const aggregateOrderBy = (table: TableInfo): GraphQLInputObjectType =>
    memo(`${table.gqlName}_aggregate_order_by`, () => {
      const columns = view.columns(table);
      const fields: GraphQLInputFieldConfigMap = {};
      const fnOrder = (fn: string, picked: ColumnInfo[]): void => {
        if (picked.length === 0) return;
        fields[fn] = {
          type: memo(
            `${table.gqlName}_${fn}_order_by`,
            () =>
              new GraphQLInputObjectType({
                name: `${table.gqlName}_${fn}_order_by`,
                fields: Object.fromEntries(picked.map((column) => [column.gqlName, { type: orderBy() }])),
              }),
          ),
        };
      };
      const numeric = columns.filter(isNumeric);
      const comparable = columns.filter(isComparable);
      fnOrder('avg', numeric);
      fields['count'] = { type: orderBy() };
      fnOrder('max', comparable);
      fnOrder('min', comparable);
      fnOrder('stddev', numeric);
      fnOrder('stddev_pop', numeric);
      fnOrder('stddev_samp', numeric);
      fnOrder('sum', numeric);
      fnOrder('var_pop', numeric);
      fnOrder('var_samp', numeric);
      fnOrder('variance', numeric);
      return new GraphQLInputObjectType({ name: `${table.gqlName}_aggregate_order_by`, description: `order by aggregate values of table "${table.name}"`, fields });
    });

  const orderByType = (table: TableInfo): GraphQLInputObjectType =>
    memo(
      `${table.gqlName}_order_by`,
      () =>
        new GraphQLInputObjectType({
          name: `${table.gqlName}_order_by`,
          description: `Ordering options when selecting data from "${table.name}".`,
          fields: () => {
            const fields: GraphQLInputFieldConfigMap = {};
            for (const column of view.columns(table)) fields[column.gqlName] = { type: orderBy() };
            for (const rel of table.relationships.values()) {
              const target = view.target(rel);
              if (!target) continue;
              if (rel.kind === 'object') fields[rel.name] = { type: orderByType(target) };
              else if (view.select(target)?.allowAggregations) fields[`${rel.name}_aggregate`] = { type: aggregateOrderBy(target) };
            }
            return fields;
          },
        }),
    );

  const functionArgs = (name: string, inputs: FunctionInfo['inputs']): GraphQLInputObjectType | undefined =>
    inputs.length === 0
      ? undefined
      : memo(
          `${name}_args`,
          () =>
            new GraphQLInputObjectType({
              name: `${name}_args`,
              fields: Object.fromEntries(inputs.map((arg) => [arg.name, { type: scalar(scalarNameOf(arg.typeName)) }])),
            }),
        );

  const selectArgs = (table: TableInfo): GraphQLFieldConfigArgumentMap => ({
    distinct_on: { type: new GraphQLList(new GraphQLNonNull(selectColumnEnum(table))), description: 'distinct select on columns' },
    limit: { type: GraphQLInt, description: 'limit the number of rows returned' },
    offset: { type: GraphQLInt, description: 'skip the first n rows. Use only with order_by' },
    order_by: { type: new GraphQLList(new GraphQLNonNull(orderByType(table))), description: 'sort the rows by one or more columns' },
    where: { type: boolExp(table), description: 'filter the rows returned' },
  });

  const rowType = (table: TableInfo): GraphQLObjectType =>
    memo(
      table.gqlName,
      () =>
        new GraphQLObjectType({
          name: table.gqlName,
          description: `columns and relationships of "${table.name}"`,
          fields: () => {
            const fields: GraphQLFieldConfigMap<unknown, unknown> = {};
            for (const column of view.columns(table)) {
              const type = columnType(column);
              const nullable = column.pg.nullable || view.select(table)?.columnFilters?.has(column.name) === true;
              const field: GraphQLFieldConfig<unknown, unknown> = { type: nullable ? type : new GraphQLNonNull(type) };
              if (column.pg.typeName === 'jsonb' || column.pg.typeName === 'json') field.args = { path: { type: GraphQLString, description: 'JSON select path' } };
              fields[column.gqlName] = field;
            }
            for (const computed of view.computedFields(table)) {
              const args: GraphQLFieldConfigArgumentMap = {};
              const input = functionArgs(computed.fn.name, computed.inputs);
              if (input) args['args'] = { type: computed.inputs.some((arg) => !arg.hasDefault) ? new GraphQLNonNull(input) : input };
              if (computed.returnsTable) {
                const target = model.tables.get(computed.returnsTable);
                if (!target || !view.select(target)) continue;
                fields[computed.name] = { type: listOf(rowType(target)), args: { ...args, ...selectArgs(target) }, description: 'A computed field, executes function "' + computed.fn.name + '"' };
              } else {
                fields[computed.name] = { type: scalar(scalarNameOf(computed.fn.returnTypeName)), args, description: 'A computed field, executes function "' + computed.fn.name + '"' };
              }
            }
            for (const rel of table.relationships.values()) {
              const target = view.target(rel);
              if (!target) continue;
              if (rel.kind === 'object') {
                const required = rel.mapping.every(([local]) => table.columnsByName.get(local)?.pg.nullable === false) && isForwardKey(table, rel);
                fields[rel.name] = { type: required ? new GraphQLNonNull(rowType(target)) : rowType(target), description: 'An object relationship' };
              } else {
                fields[rel.name] = { type: listOf(rowType(target)), args: selectArgs(target), description: 'An array relationship' };
                if (view.select(target)?.allowAggregations) {
                  fields[`${rel.name}_aggregate`] = { type: new GraphQLNonNull(aggregateType(target)), args: selectArgs(target), description: 'An aggregate relationship' };
                }
              }
            }
            return fields;
          },
        }),
    );

  const aggregateFieldsType = (table: TableInfo): GraphQLObjectType =>
    memo(`${table.gqlName}_aggregate_fields`, () => {
      const columns = view.columns(table);
      const numeric = columns.filter(isNumeric);
      const comparable = columns.filter(isComparable);
      const fnFields = (fn: string, picked: ColumnInfo[], typeOf: (column: ColumnInfo) => GraphQLOutputType): GraphQLObjectType =>
        memo(
          `${table.gqlName}_${fn}_fields`,
          () =>
            new GraphQLObjectType({
              name: `${table.gqlName}_${fn}_fields`,
              description: `aggregate ${fn} on columns`,
              fields: Object.fromEntries(picked.map((column) => [column.gqlName, { type: typeOf(column) }])),
            }),
        );
      const fields: GraphQLFieldConfigMap<unknown, unknown> = {};
      if (numeric.length > 0) fields['avg'] = { type: fnFields('avg', numeric, () => GraphQLFloat) };
      fields['count'] = {
        type: new GraphQLNonNull(GraphQLInt),
        args: { columns: { type: new GraphQLList(new GraphQLNonNull(selectColumnEnum(table))) }, distinct: { type: GraphQLBoolean } },
      };
      if (comparable.length > 0) {
        fields['max'] = { type: fnFields('max', comparable, columnType) };
        fields['min'] = { type: fnFields('min', comparable, columnType) };
      }
      if (numeric.length > 0) {
        for (const fn of ['stddev', 'stddev_pop', 'stddev_samp']) fields[fn] = { type: fnFields(fn, numeric, () => GraphQLFloat) };
        fields['sum'] = { type: fnFields('sum', numeric, columnType) };
        for (const fn of ['var_pop', 'var_samp', 'variance']) fields[fn] = { type: fnFields(fn, numeric, () => GraphQLFloat) };
      }
      return new GraphQLObjectType({ name: `${table.gqlName}_aggregate_fields`, description: `aggregate fields of "${table.name}"`, fields });
    });

  const aggregateType = (table: TableInfo): GraphQLObjectType =>
    memo(
      `${table.gqlName}_aggregate`,
      () =>
        new GraphQLObjectType({
          name: `${table.gqlName}_aggregate`,
          description: `aggregated selection of "${table.name}"`,
          fields: () => ({
            aggregate: { type: aggregateFieldsType(table) },
            nodes: { type: listOf(rowType(table)) },
          }),
        }),
    );

  const cursorOrdering = (): GraphQLEnumType =>
    memo(
      'cursor_ordering',
      () =>
        new GraphQLEnumType({
          name: 'cursor_ordering',
          description: 'ordering argument of a cursor',
          values: { ASC: { value: 'ASC', description: 'ascending ordering of the cursor' }, DESC: { value: 'DESC', description: 'descending ordering of the cursor' } },
        }),
    );

  const streamCursorInput = (table: TableInfo): GraphQLInputObjectType =>
    memo(`${table.gqlName}_stream_cursor_input`, () => {
      const value = memo(
        `${table.gqlName}_stream_cursor_value_input`,
        () =>
          new GraphQLInputObjectType({
            name: `${table.gqlName}_stream_cursor_value_input`,
            description: 'Initial value of the column from where the streaming should start',
            fields: () => Object.fromEntries(view.columns(table).map((column) => [column.gqlName, { type: columnType(column) }])),
          }),
      );
      return new GraphQLInputObjectType({
        name: `${table.gqlName}_stream_cursor_input`,
        description: `Streaming cursor of the table "${table.name}"`,
        fields: {
          initial_value: { type: new GraphQLNonNull(value), description: 'Stream column input with initial value' },
          ordering: { type: cursorOrdering(), description: 'cursor ordering' },
        },
      });
    });

  /** The select root fields the role's permission allows on `table` (before query/subscription_root_fields narrow them). */
  const selectRootFields = (table: TableInfo, permission: ResolvedSelect): [RootFieldKind, GraphQLFieldConfig<unknown, unknown>][] => {
    const fields: [RootFieldKind, GraphQLFieldConfig<unknown, unknown>][] = [['select', { type: listOf(rowType(table)), args: selectArgs(table), description: `fetch data from the table: "${table.name}"` }]];
    if (permission.allowAggregations) {
      fields.push(['select_aggregate', { type: new GraphQLNonNull(aggregateType(table)), args: selectArgs(table), description: `fetch aggregated fields from the table: "${table.name}"` }]);
    }
    const pk = table.pg.primaryKey;
    if (pk && pk.columns.every((name) => permission.columns.has(name))) {
      const args: GraphQLFieldConfigArgumentMap = {};
      for (const name of pk.columns) {
        const column = table.columnsByName.get(name);
        if (column) args[column.gqlName] = { type: new GraphQLNonNull(columnType(column)) };
      }
      fields.push(['select_by_pk', { type: rowType(table), args, description: `fetch data from the table: "${table.name}" using primary key columns` }]);
    }
    return fields;
  };

  const streamRootField = (table: TableInfo): GraphQLFieldConfig<unknown, unknown> => ({
    type: listOf(rowType(table)),
    args: {
      batch_size: { type: new GraphQLNonNull(GraphQLInt), description: 'maximum number of rows returned in a single batch' },
      cursor: { type: new GraphQLNonNull(new GraphQLList(streamCursorInput(table))), description: 'cursor to stream the results returned by the query' },
      where: { type: boolExp(table), description: 'filter the rows returned' },
    },
    description: `fetch data from the table in a streaming manner: "${table.name}"`,
  });

  const queryRoot = new Map<string, RootFieldTarget>();
  const queryFields: GraphQLFieldConfigMap<unknown, unknown> = {};
  // subscription_root_fields narrows the subscription root as query_root_fields narrows the query root.
  const subscriptionRoot = new Map<string, RootFieldTarget>();
  const subscriptionFields: GraphQLFieldConfigMap<unknown, unknown> = {};
  const tables = [...model.tables.values()].sort((a, b) => a.gqlName.localeCompare(b.gqlName));
  for (const table of tables) {
    const permission = view.select(table);
    if (!permission) continue;
    const inQuery = (kind: RootFieldKind): boolean => !permission.queryRootFields || permission.queryRootFields.has(kind);
    const inSubscription = (kind: RootFieldKind): boolean => !permission.subscriptionRootFields || permission.subscriptionRootFields.has(kind);
    for (const [kind, config] of selectRootFields(table, permission)) {
      const name = table.rootFields[kind];
      if (inQuery(kind)) {
        queryFields[name] = config;
        queryRoot.set(name, { kind, table });
      }
      if (inSubscription(kind)) {
        subscriptionFields[name] = config;
        subscriptionRoot.set(name, { kind, table });
      }
    }
    if (inSubscription('select_stream')) {
      subscriptionFields[table.rootFields.select_stream] = streamRootField(table);
      subscriptionRoot.set(table.rootFields.select_stream, { kind: 'select_stream', table });
    }
  }
  const functionRoot = new Map<string, FunctionInfo>();
  for (const fn of model.functions.filter((candidate) => candidate.exposedAs === 'query')) {
    const table = model.tables.get(fn.returnsTable);
    if (!table || !view.select(table)) continue;
    const input = functionArgs(fn.fn.name, fn.inputs);
    const args: GraphQLFieldConfigArgumentMap = {};
    if (input) args['args'] = { type: fn.inputs.some((arg) => !arg.hasDefault) ? new GraphQLNonNull(input) : input, description: `input parameters for function "${fn.fn.name}"` };
    queryFields[fn.gqlName] = { type: listOf(rowType(table)), args: { ...args, ...selectArgs(table) }, description: `execute function "${fn.fn.name}" which returns "${table.name}"` };
    functionRoot.set(fn.gqlName, fn);
    if (view.select(table)?.allowAggregations) {
      queryFields[`${fn.gqlName}_aggregate`] = { type: new GraphQLNonNull(aggregateType(table)), args: { ...args, ...selectArgs(table) }, description: `execute function "${fn.fn.name}" and query aggregates on result of table type "${table.name}"` };
      functionRoot.set(`${fn.gqlName}_aggregate`, fn);
    }
  }
  const hasQueries = Object.keys(queryFields).length > 0;
  const query = new GraphQLObjectType({
    name: 'query_root',
    fields: hasQueries ? queryFields : { no_queries_available: { type: new GraphQLNonNull(GraphQLString) } },
  });
  const subscription = Object.keys(subscriptionFields).length > 0 ? new GraphQLObjectType({ name: 'subscription_root', fields: subscriptionFields }) : undefined;
  const mutationRoot = new Map<string, RootFieldTarget>();
  const mutationFunctions: GraphQLFieldConfigMap<unknown, unknown> = {};
  for (const fn of model.functions.filter((candidate) => candidate.exposedAs === 'mutation')) {
    const table = model.tables.get(fn.returnsTable);
    if (!table || !view.select(table) || (!view.isAdmin && !fn.permissions.has(role))) continue;
    const input = functionArgs(fn.fn.name, fn.inputs);
    const args: GraphQLFieldConfigArgumentMap = {};
    if (input) args['args'] = { type: fn.inputs.some((arg) => !arg.hasDefault) ? new GraphQLNonNull(input) : input, description: `input parameters for function "${fn.fn.name}"` };
    mutationFunctions[fn.gqlName] = { type: listOf(rowType(table)), args: { ...args, ...selectArgs(table) }, description: `execute VOLATILE function "${fn.fn.name}" which returns "${table.name}"` };
    functionRoot.set(fn.gqlName, fn);
  }
  const mutationTables = buildMutationRoot({ model, view, tables, rowType, boolExp, columnType, memo, mutationRoot, backendOnly });
  const mutation =
    Object.keys(mutationFunctions).length === 0
      ? mutationTables
      : new GraphQLObjectType({ name: 'mutation_root', fields: () => ({ ...toConfigMap(mutationTables), ...mutationFunctions }) });
  const reached = reachedTables
    .filter((table) => view.select(table))
    .flatMap((table) => [rowType(table), selectColumnEnum(table), orderByType(table), boolExp(table), ...(view.select(table)?.allowAggregations ? [aggregateType(table)] : [])]);
  const schema = new GraphQLSchema({ query, ...(mutation ? { mutation } : {}), ...(subscription ? { subscription } : {}), ...(reached.length > 0 ? { types: reached } : {}) });
  return { role, backendOnly, schema, queryRoot, subscriptionRoot, mutationRoot, functionRoot, actionRoot: new Map() };
}

/** The field configs of an already built object type, to extend it. */
function toConfigMap(type: GraphQLObjectType | undefined): GraphQLFieldConfigMap<unknown, unknown> {
  return type ? type.toConfig().fields : {};
}

function listOf(type: GraphQLObjectType): GraphQLNonNull<GraphQLList<GraphQLNonNull<GraphQLObjectType>>> {
  return new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(type)));
}

/** True when the relationship follows a foreign key of `table` itself (not a reverse lookup). */
function isForwardKey(table: TableInfo, rel: RelationshipInfo): boolean {
  const locals = rel.mapping.map(([local]) => local);
  return table.pg.foreignKeys.some((fk) => fk.columns.length === locals.length && fk.columns.every((column) => locals.includes(column)));
}

interface MutationBuilderInput {
  model: Model;
  view: RoleView;
  tables: TableInfo[];
  rowType: (table: TableInfo) => GraphQLObjectType;
  boolExp: (table: TableInfo) => GraphQLInputObjectType;
  columnType: (column: ColumnInfo) => GraphQLScalarType | GraphQLEnumType;
  memo: <T extends GraphQLInputType | GraphQLOutputType>(name: string, make: () => T) => T;
  mutationRoot: Map<string, RootFieldTarget>;
  backendOnly: boolean;
}

/** mutation_root: insert/update/delete root fields the role's permissions allow, with Hasura's input types. */
function buildMutationRoot(input: MutationBuilderInput): GraphQLObjectType | undefined {
  const { view, tables, rowType, boolExp, columnType, memo, mutationRoot, backendOnly } = input;
  const fields: GraphQLFieldConfigMap<unknown, unknown> = {};
  const inputObject = (name: string, columns: ColumnInfo[], typeOf: (column: ColumnInfo) => GraphQLInputType, description: string): GraphQLInputObjectType =>
    memo(name, () => new GraphQLInputObjectType({ name, description, fields: Object.fromEntries(columns.map((column) => [column.gqlName, { type: typeOf(column) }])) }));

  const canInsert = (table: TableInfo): boolean => {
    const permission = view.insert(table);
    return permission !== undefined && !(permission.backendOnly && !backendOnly);
  };
  /** T_on_conflict, when the role may upsert into `table` (update and select permissions, a unique constraint). */
  const onConflictType = (table: TableInfo): GraphQLInputObjectType | undefined => {
    const update = view.update(table);
    const constraints = [...(table.pg.primaryKey ? [table.pg.primaryKey] : []), ...table.pg.uniques];
    if (!update || !view.select(table) || constraints.length === 0 || (update.backendOnly && !backendOnly)) return undefined;
    const updatable = table.columns.filter((column) => update.columns.has(column.name) && !(column.name in update.set));
    const updateColumnEnum = (): GraphQLEnumType =>
      memo(
        `${table.gqlName}_update_column`,
        () =>
          new GraphQLEnumType({
            name: `${table.gqlName}_update_column`,
            description: `update columns of table "${table.name}"`,
            values:
              updatable.length > 0
                ? Object.fromEntries(updatable.map((column) => [column.gqlName, { value: column.gqlName, description: 'column name' }]))
                : { _PLACEHOLDER: { value: '_PLACEHOLDER', description: 'placeholder (do not use)' } },
          }),
      );
    return memo(
      `${table.gqlName}_on_conflict`,
      () =>
        new GraphQLInputObjectType({
          name: `${table.gqlName}_on_conflict`,
          description: `on_conflict condition type for table "${table.name}"`,
          fields: () => ({
            constraint: {
              type: new GraphQLNonNull(
                memo(
                  `${table.gqlName}_constraint`,
                  () =>
                    new GraphQLEnumType({
                      name: `${table.gqlName}_constraint`,
                      description: `unique or primary key constraints on table "${table.name}"`,
                      values: Object.fromEntries(constraints.filter((c) => GRAPHQL_NAME.test(c.name)).map((c) => [c.name, { value: c.name }])),
                    }),
                ),
              ),
            },
            update_columns: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(updateColumnEnum()))), defaultValue: [] },
            where: { type: boolExp(table) },
          }),
        }),
    );
  };
  /** T_insert_input: insertable columns, and relationships into tables the role may insert into (nested inserts). */
  const insertInputType = (table: TableInfo): GraphQLInputObjectType =>
    memo(
      `${table.gqlName}_insert_input`,
      () =>
        new GraphQLInputObjectType({
          name: `${table.gqlName}_insert_input`,
          description: `input type for inserting data into table "${table.name}"`,
          fields: () => {
            const insert = view.insert(table);
            const fields: GraphQLInputFieldConfigMap = {};
            for (const column of table.columns) {
              if (insert?.columns.has(column.name) && !(column.name in insert.set) && !column.pg.generated) fields[column.gqlName] = { type: columnType(column) };
            }
            for (const rel of table.relationships.values()) {
              const target = input.model.tables.get(rel.target);
              if (!target || !canInsert(target)) continue;
              const name = `${target.gqlName}_${rel.kind === 'object' ? 'obj' : 'arr'}_rel_insert_input`;
              const data = rel.kind === 'object' ? new GraphQLNonNull(insertInputType(target)) : new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(insertInputType(target))));
              fields[rel.name] = {
                type: memo(name, () => {
                  const onConflict = onConflictType(target);
                  return new GraphQLInputObjectType({
                    name,
                    description: `input type for inserting ${rel.kind === 'object' ? 'object' : 'array'} relation for remote table "${target.name}"`,
                    fields: { data: { type: data }, ...(onConflict ? { on_conflict: { type: onConflict, description: 'upsert condition' } } : {}) },
                  });
                }),
              };
            }
            return fields;
          },
        }),
    );

  for (const table of tables) {
    const select = view.select(table);
    const insert = view.insert(table);
    const update = view.update(table);
    const deleteFilter = view.deleteFilter(table);
    const isBackendOnly = (permission: { backendOnly: boolean } | undefined): boolean => permission?.backendOnly === true && !backendOnly;
    const response = (): GraphQLObjectType =>
      memo(
        `${table.gqlName}_mutation_response`,
        () =>
          new GraphQLObjectType({
            name: `${table.gqlName}_mutation_response`,
            description: `response of any mutation on the table "${table.name}"`,
            fields: () => ({
              affected_rows: { type: new GraphQLNonNull(GraphQLInt), description: 'number of rows affected by the mutation' },
              ...(select ? { returning: { type: listOf(rowType(table)), description: 'data from the rows affected by the mutation' } } : {}),
            }),
          }),
      );
    const updatable = update ? table.columns.filter((column) => update.columns.has(column.name) && !(column.name in update.set)) : [];
    if (insert && !isBackendOnly(insert)) {
      const insertInput = insertInputType(table);
      const args: GraphQLFieldConfigArgumentMap = {};
      const onConflict = onConflictType(table);
      fields[table.rootFields.insert] = {
        type: response(),
        args: { objects: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(insertInput))), description: 'the rows to be inserted' }, ...(onConflict ? { on_conflict: { type: onConflict, description: 'upsert condition' } } : {}) },
        description: `insert data into the table: "${table.name}"`,
      };
      mutationRoot.set(table.rootFields.insert, { kind: 'insert', table });
      if (select) {
        args['object'] = { type: new GraphQLNonNull(insertInput), description: 'the row to be inserted' };
        if (onConflict) args['on_conflict'] = { type: onConflict, description: 'upsert condition' };
        fields[table.rootFields.insert_one] = { type: rowType(table), args, description: `insert a single row into the table: "${table.name}"` };
        mutationRoot.set(table.rootFields.insert_one, { kind: 'insert_one', table });
      }
    }

    if (update && select && !isBackendOnly(update) && updatable.length > 0) {
      const numeric = updatable.filter(isNumeric);
      const jsonb = updatable.filter((column) => column.pg.typeName === 'jsonb');
      const ops: GraphQLFieldConfigArgumentMap = {};
      if (jsonb.length > 0) {
        ops['_append'] = { type: inputObject(`${table.gqlName}_append_input`, jsonb, columnType, 'append existing jsonb value of filtered columns with new jsonb value') };
        ops['_delete_at_path'] = { type: inputObject(`${table.gqlName}_delete_at_path_input`, jsonb, () => new GraphQLList(new GraphQLNonNull(GraphQLString)), 'delete the field or element with specified path (for JSON arrays, negative integers count from the end)') };
        ops['_delete_elem'] = { type: inputObject(`${table.gqlName}_delete_elem_input`, jsonb, () => GraphQLInt, 'delete the array element with specified index (negative integers count from the end). throws an error if top level container is not an array') };
        ops['_delete_key'] = { type: inputObject(`${table.gqlName}_delete_key_input`, jsonb, () => GraphQLString, 'delete key/value pair or string element. key/value pairs are matched based on their key value') };
      }
      if (numeric.length > 0) ops['_inc'] = { type: inputObject(`${table.gqlName}_inc_input`, numeric, columnType, `input type for incrementing numeric columns in table "${table.name}"`) };
      if (jsonb.length > 0) ops['_prepend'] = { type: inputObject(`${table.gqlName}_prepend_input`, jsonb, columnType, 'prepend existing jsonb value of filtered columns with new jsonb value') };
      ops['_set'] = { type: inputObject(`${table.gqlName}_set_input`, updatable, columnType, `input type for updating data in table "${table.name}"`) };
      fields[table.rootFields.update] = {
        type: response(),
        args: { ...ops, where: { type: new GraphQLNonNull(boolExp(table)), description: 'filter the rows which have to be updated' } },
        description: `update data of the table: "${table.name}"`,
      };
      mutationRoot.set(table.rootFields.update, { kind: 'update', table });
      const pk = table.pg.primaryKey;
      if (pk && pk.columns.every((name) => select.columns.has(name))) {
        const pkColumns = pk.columns.map((name) => table.columnsByName.get(name)).filter((column): column is ColumnInfo => column !== undefined);
        const pkInput = inputObject(`${table.gqlName}_pk_columns_input`, pkColumns, (column) => new GraphQLNonNull(columnType(column)), `primary key columns input for table: ${table.name}`);
        fields[table.rootFields.update_by_pk] = { type: rowType(table), args: { ...ops, pk_columns: { type: new GraphQLNonNull(pkInput) } } };
        mutationRoot.set(table.rootFields.update_by_pk, { kind: 'update_by_pk', table });
      }
      const updates = memo(
        `${table.gqlName}_updates`,
        () => new GraphQLInputObjectType({ name: `${table.gqlName}_updates`, fields: () => ({ ...Object.fromEntries(Object.entries(ops).map(([name, arg]) => [name, { type: arg.type }])), where: { type: new GraphQLNonNull(boolExp(table)), description: 'filter the rows which have to be updated' } }) }),
      );
      fields[table.rootFields.update_many] = { type: new GraphQLList(response()), args: { updates: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(updates))), description: 'updates to execute, in order' } }, description: `update multiples rows of table: "${table.name}"` };
      mutationRoot.set(table.rootFields.update_many, { kind: 'update_many', table });
    }

    const deletePermission = view.isAdmin ? undefined : table.delete.get(view.role);
    if (deleteFilter && select && !isBackendOnly(deletePermission)) {
      fields[table.rootFields.delete] = {
        type: response(),
        args: { where: { type: new GraphQLNonNull(boolExp(table)), description: 'filter the rows which have to be deleted' } },
        description: `delete data from the table: "${table.name}"`,
      };
      mutationRoot.set(table.rootFields.delete, { kind: 'delete', table });
      const pk = table.pg.primaryKey;
      if (pk && pk.columns.every((name) => select.columns.has(name))) {
        const args: GraphQLFieldConfigArgumentMap = {};
        for (const name of pk.columns) {
          const column = table.columnsByName.get(name);
          if (column) args[column.gqlName] = { type: new GraphQLNonNull(columnType(column)) };
        }
        fields[table.rootFields.delete_by_pk] = { type: rowType(table), args, description: `delete single row from the table: "${table.name}"` };
        mutationRoot.set(table.rootFields.delete_by_pk, { kind: 'delete_by_pk', table });
      }
    }
  }
  return Object.keys(fields).length > 0 ? new GraphQLObjectType({ name: 'mutation_root', fields }) : undefined;
}
