import type { Sql, TransactionSql } from 'postgres';
import { tableKey } from './metadata.ts';

export interface PgColumn {
  name: string;
  /** pg_type.typname, e.g. int4, timestamptz, _uuid: Hasura's scalar naming. */
  typeName: string;
  /** format_type(): a safe SQL type expression for casts, e.g. `timestamp with time zone`, `public.citext`. */
  sqlType: string;
  /** 'b' base, 'e' enum, 'd' domain, 'c' composite, 'A' array element category etc. (pg_type.typcategory). */
  category: string;
  nullable: boolean;
  hasDefault: boolean;
  generated: boolean;
  position: number;
}

export interface PgConstraint {
  name: string;
  columns: string[];
}

export interface PgForeignKey {
  name: string;
  columns: string[];
  refSchema: string;
  refTable: string;
  refColumns: string[];
}

export interface PgTable {
  schema: string;
  name: string;
  kind: string;
  columns: PgColumn[];
  primaryKey: PgConstraint | undefined;
  uniques: PgConstraint[];
  foreignKeys: PgForeignKey[];
}

export type PgCatalog = Map<string, PgTable>;

export interface PgFunctionArg {
  name: string;
  typeName: string;
  sqlType: string;
  hasDefault: boolean;
}

export interface PgFunction {
  schema: string;
  name: string;
  args: PgFunctionArg[];
  /** Return type name (pg_type.typname) and SQL type. */
  returnTypeName: string;
  returnSqlType: string;
  returnsSet: boolean;
  /** `schema.table` when the function returns rows of a table. */
  returnsTable: string | undefined;
  volatility: 'i' | 's' | 'v';
}

interface FunctionRow {
  schema: string;
  name: string;
  arg_names: string[] | null;
  arg_types: string[];
  arg_sql_types: string[];
  defaults: number;
  return_type: string;
  return_sql_type: string;
  returns_set: boolean;
  return_table: string | null;
  volatility: 'i' | 's' | 'v';
}

/** User functions (not aggregates, not overloaded away): what tracked functions and computed fields need. */
export async function introspectFunctions(sql: Sql | TransactionSql): Promise<Map<string, PgFunction>> {
  const rows = await sql<FunctionRow[]>`
    select n.nspname as schema, p.proname as name, to_json(p.proargnames) as arg_names,
           to_json(array(select t.typname::text from unnest(p.proargtypes) with ordinality a(oid, i) join pg_type t on t.oid = a.oid order by a.i)) as arg_types,
           to_json(array(select format_type(a.oid, null) from unnest(p.proargtypes) with ordinality a(oid, i) order by a.i)) as arg_sql_types,
           p.pronargdefaults::int as defaults, rt.typname as return_type, format_type(p.prorettype, null) as return_sql_type,
           p.proretset as returns_set,
           case when rc.oid is not null then rn.nspname || '.' || rc.relname end as return_table,
           p.provolatile as volatility
    from pg_proc p
    join pg_namespace n on n.oid = p.pronamespace
    join pg_type rt on rt.oid = p.prorettype
    left join pg_class rc on rc.oid = rt.typrelid and rc.relkind in ('r', 'p', 'v', 'm')
    left join pg_namespace rn on rn.oid = rc.relnamespace
    where p.prokind = 'f' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'`;
  const functions = new Map<string, PgFunction>();
  for (const row of rows) {
    const count = row.arg_types.length;
    functions.set(`${row.schema}.${row.name}`, {
      schema: row.schema,
      name: row.name,
      args: row.arg_types.map((typeName, index) => ({
        name: row.arg_names?.[index] ?? `arg_${index + 1}`,
        typeName,
        sqlType: row.arg_sql_types[index] ?? 'text',
        hasDefault: index >= count - row.defaults,
      })),
      returnTypeName: row.return_type,
      returnSqlType: row.return_sql_type,
      returnsSet: row.returns_set,
      returnsTable: row.return_table ?? undefined,
      volatility: row.volatility,
    });
  }
  return functions;
}

interface ColumnRow {
  schema: string;
  table: string;
  kind: string;
  column: string;
  type_name: string;
  sql_type: string;
  category: string;
  not_null: boolean;
  has_default: boolean;
  generated: boolean;
  position: number;
}

interface ConstraintRow {
  schema: string;
  table: string;
  name: string;
  type: string;
  columns: string[];
  ref_schema: string | null;
  ref_table: string | null;
  ref_columns: string[] | null;
}

/** Reads tables, views, columns, keys and foreign keys of every user schema in one pass. */
export async function introspect(sql: Sql | TransactionSql): Promise<PgCatalog> {
  const columns = await sql<ColumnRow[]>`
    select n.nspname as schema, c.relname as table, c.relkind as kind, a.attname as column,
           t.typname as type_name, format_type(a.atttypid, null) as sql_type, t.typcategory as category,
           a.attnotnull as not_null, (a.atthasdef or a.attidentity <> '') as has_default,
           (a.attgenerated <> '') as generated, a.attnum as position
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    join pg_type t on t.oid = a.atttypid
    where c.relkind in ('r', 'p', 'v', 'm', 'f')
      and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
      and n.nspname not like 'pg_temp%' and n.nspname not like 'pg_toast_temp%'
    order by n.nspname, c.relname, a.attnum`;
  const constraints = await sql<ConstraintRow[]>`
    select n.nspname as schema, c.relname as table, con.conname as name, con.contype as type,
           to_json(array(select a.attname::text from unnest(con.conkey) with ordinality k(num, i)
                 join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num order by k.i)) as columns,
           rn.nspname as ref_schema, rc.relname as ref_table,
           case when con.contype = 'f' then
             to_json(array(select a.attname::text from unnest(con.confkey) with ordinality k(num, i)
                   join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num order by k.i))
           end as ref_columns
    from pg_constraint con
    join pg_class c on c.oid = con.conrelid
    join pg_namespace n on n.oid = c.relnamespace
    left join pg_class rc on rc.oid = con.confrelid
    left join pg_namespace rn on rn.oid = rc.relnamespace
    where con.contype in ('p', 'u', 'f')
      and n.nspname not in ('pg_catalog', 'information_schema')
    order by con.conname`;
  const catalog: PgCatalog = new Map();
  for (const row of columns) {
    const key = tableKey({ schema: row.schema, name: row.table });
    let table = catalog.get(key);
    if (!table) {
      table = { schema: row.schema, name: row.table, kind: row.kind, columns: [], primaryKey: undefined, uniques: [], foreignKeys: [] };
      catalog.set(key, table);
    }
    table.columns.push({
      name: row.column,
      typeName: row.type_name,
      sqlType: row.sql_type,
      category: row.category,
      nullable: !row.not_null,
      hasDefault: row.has_default,
      generated: row.generated,
      position: row.position,
    });
  }
  for (const row of constraints) {
    const table = catalog.get(tableKey({ schema: row.schema, name: row.table }));
    if (!table) continue;
    if (row.type === 'p') table.primaryKey = { name: row.name, columns: row.columns };
    else if (row.type === 'u') table.uniques.push({ name: row.name, columns: row.columns });
    else if (row.ref_schema && row.ref_table && row.ref_columns) {
      table.foreignKeys.push({ name: row.name, columns: row.columns, refSchema: row.ref_schema, refTable: row.ref_table, refColumns: row.ref_columns });
    }
  }
  return catalog;
}

/** Values of an enum table (`value` column and optional `comment`), in value order. */
export async function enumValues(sql: Sql, table: PgTable): Promise<{ value: string; comment: string | null }[]> {
  const hasComment = table.columns.some((column) => column.name === 'comment');
  const rows = await sql.unsafe<{ value: string; comment: string | null }[]>(
    `select "value"::text as value, ${hasComment ? '"comment"::text' : 'null::text'} as comment from ${quoteIdent(table.schema)}.${quoteIdent(table.name)} order by 1`,
  );
  return rows.map((row) => ({ value: row.value, comment: row.comment }));
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
