import { argument, asList, asObject, bindValue, collectFields, compileBoolExp, newAlias, permissionFilter, rowJson, tableRef, textOf, type CollectedField, type CompileContext } from './compile.ts';
import { HasuraError } from './errors.ts';
import { quoted } from './metadata.ts';
import type { ColumnInfo, RelationshipInfo, TableInfo } from './model.ts';
import { isSessionVariable, sessionValue } from './session.ts';
import { ident, literal, Params, textArrayLiteral } from './sql.ts';

export const CHECK_FAILED = 'check constraint of an insert/update permission has failed';

/** A compiled mutation statement: yields `j` (the JSON answer), or raises when a permission check failed. */
export interface MutationStatement {
  text: string;
  params: string[];
  /** Nested inserts: the answer is read by a second statement that sees the rows the first one wrote. */
  followUp?: (j: string) => { text: string; params: string[] };
  path: string;
  checkPath: string;
}

/** The value of a preset (`set`) from a permission: a literal or a session variable. */
function presetValue(ctx: CompileContext, column: ColumnInfo, value: unknown): string {
  if (isSessionVariable(value)) return ctx.params.typed(sessionValue(ctx.session, value), column.pg.sqlType);
  if (value === null) return 'null';
  return bindValue(ctx, column, value, 'client');
}

function inputValue(ctx: CompileContext, column: ColumnInfo, value: unknown): string {
  if (value === null) return `null::${column.pg.sqlType}`;
  return bindValue(ctx, column, value, 'client');
}

/** `affected_rows`, `returning` and `__typename` of T_mutation_response over the CTE `cte`. */
function mutationResponse(ctx: CompileContext, table: TableInfo, cte: string, field: CollectedField, path: string): string {
  const parts: string[] = [];
  for (const part of collectFields(ctx, field.selections, `${table.gqlName}_mutation_response`)) {
    if (part.name === '__typename') parts.push(`${literal(part.key)}, ${literal(`${table.gqlName}_mutation_response`)}`);
    else if (part.name === 'affected_rows') parts.push(`${literal(part.key)}, (select count(*) from ${cte})`);
    else if (part.name === 'returning') {
      const alias = newAlias(ctx);
      const json = rowJson(ctx, table, alias, part.selections, `${path}.selectionSet.${part.key}`, 2);
      parts.push(`${literal(part.key)}, (select coalesce(json_agg(${json}), '[]'::json) from ${cte} ${alias} where ${permissionFilter(ctx, table, alias)})`);
    } else throw new HasuraError('validation-failed', `field '${part.name}' not found in type: '${table.gqlName}_mutation_response'`, `${path}.selectionSet.${part.key}`);
  }
  return `json_build_object(${parts.join(', ')})`;
}

/** The single row of a `*_one` / `*_by_pk` mutation, or null when none (or not readable). */
function singleRow(ctx: CompileContext, table: TableInfo, cte: string, field: CollectedField, path: string): string {
  const alias = newAlias(ctx);
  const json = rowJson(ctx, table, alias, field.selections, path, 1);
  return `(select ${json} from ${cte} ${alias} where ${permissionFilter(ctx, table, alias)} limit 1)`;
}

function checkExpression(ctx: CompileContext, table: TableInfo, alias: string, check: Record<string, unknown> | undefined): string {
  if (!check || Object.keys(check).length === 0) return 'true';
  return compileBoolExp(ctx, table, alias, check, 'permission', '$');
}

/** The insert check; rows an upsert updated (xmax <> 0) answer to the update permission's check instead. */
function insertCheck(ctx: CompileContext, table: TableInfo, alias: string, check: Record<string, unknown> | undefined, conflict: string): string {
  const inserted = checkExpression(ctx, table, alias, check);
  const update = ctx.view.update(table);
  if (!conflict.includes('do update') || !update?.check) return inserted;
  return `case when ${alias}.xmax = 0 then ${inserted} else ${checkExpression(ctx, table, alias, update.check)} end`;
}

/**
 * The answer, unless a written row failed its permission check: then Hasura's check_violation raises
 * (23514, CHECK_FAILED), which aborts the transaction without the engine having to read a flag first.
 */
function checked(checks: string, answer: string): string {
  return `case when coalesce((select bool_and(_c.c) from (${checks}) _c), true) then (${answer})::text else hdb_catalog.check_violation(${literal(CHECK_FAILED)})::text end as j`;
}

function finish(cteSql: string, cte: string, answer: string): string {
  return `with ${cte} as (${cteSql}) select ${checked(`select "__check" as c from ${cte}`, answer)}`;
}

/** insert_T / insert_T_one: one INSERT … RETURNING with the check column, answer built from the CTE. */
export function compileInsert(ctx: CompileContext, table: TableInfo, field: CollectedField, path: string, one: boolean): MutationStatement {
  const permission = ctx.view.insert(table);
  if (!permission) throw new HasuraError('validation-failed', `field '${field.name}' not found in type: 'mutation_root'`, path);
  const argName = one ? 'object' : 'objects';
  const argPath = `${path}.args.${argName}`;
  const objects = one ? [asObject(argument(ctx, field.node, 'object'))] : asList(argument(ctx, field.node, 'objects')).map(asObject);
  if (objects.some((object) => Object.keys(object).some((key) => !table.columnsByGql.has(key) && table.relationships.has(key)))) {
    return compileNestedInsert(ctx, table, field, path, one, objects, argPath);
  }
  const alias = newAlias(ctx);
  const presetColumns = Object.keys(permission.set);
  const given = new Set<string>();
  for (const [index, object] of objects.entries()) {
    for (const key of Object.keys(object)) {
      const column = table.columnsByGql.get(key);
      if (!column || !permission.columns.has(column.name) || column.name in permission.set) {
        const rel = table.relationships.get(key);
        if (rel) throw new HasuraError('not-supported', 'nested inserts are not supported yet', `${argPath}${one ? '' : `[${index}]`}.${key}`);
        throw new HasuraError('validation-failed', `field '${key}' not found in type: '${table.gqlName}_insert_input'`, `${argPath}${one ? '' : `[${index}]`}.${key}`);
      }
      given.add(column.name);
    }
  }
  const columns = [...table.columns.filter((column) => given.has(column.name)).map((column) => column.name), ...presetColumns.filter((name) => !given.has(name))];
  const cte = `_m${newAlias(ctx)}`;
  let insertSql: string;
  if (objects.length === 0) {
    insertSql = `insert into ${tableRef(table)} as ${alias} select * from ${tableRef(table)} where false returning ${alias}.*, true as "__check"`;
  } else {
    const rows = objects.map((object) => {
      const values = columns.map((name) => {
        const column = table.columnsByName.get(name) as ColumnInfo;
        if (name in permission.set) return presetValue(ctx, column, permission.set[name]);
        if (!(column.gqlName in object)) return 'default';
        return inputValue(ctx, column, object[column.gqlName]);
      });
      return `(${values.join(', ')})`;
    });
    const target = columns.length > 0 ? `(${columns.map(ident).join(', ')}) values ${rows.join(', ')}` : 'default values';
    if (columns.length === 0 && objects.length > 1) throw new HasuraError('not-supported', 'inserting several rows without columns is not supported', argPath);
    const conflict = onConflict(ctx, table, alias, argument(ctx, field.node, 'on_conflict'), `${path}.args.on_conflict`);
    insertSql = `insert into ${tableRef(table)} as ${alias} ${target}${conflict} returning ${alias}.*, ${insertCheck(ctx, table, alias, permission.check, conflict)} as "__check"`;
  }
  const answer = one ? singleRow(ctx, table, cte, field, path) : mutationResponse(ctx, table, cte, field, path);
  return { text: finish(insertSql, cte, answer), params: ctx.params.values, path: argPath, checkPath: argPath };
}

/** ` on conflict …` for an `on_conflict` input (top-level or nested), joined with the update permission's filter. */
function onConflict(ctx: CompileContext, table: TableInfo, alias: string, spec: unknown, specPath: string): string {
  if (spec === undefined || spec === null) return '';
  const conflict = asObject(spec);
  const constraint = String(conflict['constraint']);
  const known = [table.pg.primaryKey, ...table.pg.uniques].some((candidate) => candidate?.name === constraint);
  if (!known) throw new HasuraError('validation-failed', `unexpected value "${constraint}" for enum: '${table.gqlName}_constraint'`, `${specPath}.constraint`);
  const updateColumns = asList(conflict['update_columns']).map((name) => {
    const column = table.columnsByGql.get(String(name));
    if (!column) throw new HasuraError('validation-failed', `unexpected value "${String(name)}" for update_columns`, `${specPath}.update_columns`);
    return column;
  });
  if (updateColumns.length === 0) return ` on conflict on constraint ${ident(constraint)} do nothing`;
  const update = ctx.view.update(table);
  if (!update) throw new HasuraError('permission-error', 'upsert requires an update permission', specPath);
  const sets = updateColumns.map((column) => `${ident(column.name)} = excluded.${ident(column.name)}`);
  for (const [name, value] of Object.entries(update.set)) {
    const column = table.columnsByName.get(name);
    if (column) sets.push(`${ident(name)} = ${presetValue(ctx, column, value)}`);
  }
  const conditions = [compileBoolExp(ctx, table, alias, update.filter, 'permission', '$')];
  if (conflict['where'] !== undefined && conflict['where'] !== null) conditions.push(compileBoolExp(ctx, table, alias, conflict['where'], 'client', `${specPath}.where`));
  return ` on conflict on constraint ${ident(constraint)} do update set ${sets.join(', ')} where ${conditions.join(' and ')}`;
}

const UPDATE_OPERATORS = ['_set', '_inc', '_append', '_prepend', '_delete_key', '_delete_elem', '_delete_at_path'] as const;

/** SET clauses for the update operators of one update (with the role's presets). */
function updateAssignments(ctx: CompileContext, table: TableInfo, alias: string, source: Record<string, unknown>, path: string): string[] {
  const permission = ctx.view.update(table);
  if (!permission) return [];
  const seen = new Set<string>();
  const sets: string[] = [];
  for (const operator of UPDATE_OPERATORS) {
    const values = source[operator];
    if (values === undefined || values === null) continue;
    for (const [key, value] of Object.entries(asObject(values))) {
      const column = table.columnsByGql.get(key);
      if (!column || !permission.columns.has(column.name) || column.name in permission.set) {
        throw new HasuraError('validation-failed', `field '${key}' not found in type: '${table.gqlName}${operator}_input'`, `${path}.args.${operator}.${key}`);
      }
      if (seen.has(column.name)) throw new HasuraError('validation-failed', `column found in multiple operators; "${column.gqlName}"`, `${path}.args`);
      seen.add(column.name);
      const target = `${alias}.${ident(column.name)}`;
      const name = ident(column.name);
      if (operator === '_set') sets.push(`${name} = ${inputValue(ctx, column, value)}`);
      else if (value === null) throw new HasuraError('validation-failed', `unexpected null value for type '${column.gqlName}'`, `${path}.args.${operator}.${key}`);
      else if (operator === '_inc') sets.push(`${name} = ${target} + ${bindValue(ctx, column, value, 'client')}`);
      else if (operator === '_append') sets.push(`${name} = ${target} || ${bindValue(ctx, column, value, 'client')}`);
      else if (operator === '_prepend') sets.push(`${name} = ${bindValue(ctx, column, value, 'client')} || ${target}`);
      else if (operator === '_delete_key') sets.push(`${name} = ${target} - ${ctx.params.typed(textOf(value), 'text')}`);
      else if (operator === '_delete_elem') sets.push(`${name} = ${target} - ${ctx.params.typed(textOf(value), 'integer')}`);
      else sets.push(`${name} = ${target} #- ${ctx.params.typed(textArrayLiteral(asList(value).map(textOf)), 'text[]')}`);
    }
  }
  for (const [name, value] of Object.entries(permission.set)) {
    const column = table.columnsByName.get(name);
    if (column && !seen.has(name)) sets.push(`${ident(name)} = ${presetValue(ctx, column, value)}`);
  }
  return sets;
}

function updateStatement(ctx: CompileContext, table: TableInfo, source: Record<string, unknown>, where: string | undefined, path: string, userWhere: unknown): { sql: string; alias: string } {
  const permission = ctx.view.update(table);
  if (!permission) throw new HasuraError('validation-failed', 'no update permission', path);
  const alias = newAlias(ctx);
  const sets = updateAssignments(ctx, table, alias, source, path);
  if (!UPDATE_OPERATORS.some((operator) => source[operator] !== undefined && source[operator] !== null)) {
    throw new HasuraError('validation-failed', 'at least any one of _set, _inc, _append, _prepend, _delete_key, _delete_elem, _delete_at_path is expected', path);
  }
  const conditions = [compileBoolExp(ctx, table, alias, permission.filter, 'permission', '$')];
  if (where) conditions.push(where.replaceAll('__ALIAS__', alias));
  if (userWhere !== undefined) conditions.push(compileBoolExp(ctx, table, alias, userWhere, 'client', `${path}.args.where`));
  // An update that changes nothing the role may change still touches the filtered rows (Hasura returns them).
  const noop = table.columns.find((column) => permission.columns.has(column.name) && !column.pg.generated) ?? table.columns[0];
  const assignments = sets.length > 0 ? sets : [`${ident(noop?.name ?? 'id')} = ${alias}.${ident(noop?.name ?? 'id')}`];
  const check = checkExpression(ctx, table, alias, permission.check);
  return { sql: `update ${tableRef(table)} as ${alias} set ${assignments.join(', ')} where ${conditions.join(' and ')} returning ${alias}.*, ${check} as "__check"`, alias };
}

/** update_T / update_T_by_pk: one UPDATE … RETURNING with the check column. */
export function compileUpdate(ctx: CompileContext, table: TableInfo, field: CollectedField, path: string, byPk: boolean): MutationStatement {
  const source: Record<string, unknown> = {};
  for (const operator of UPDATE_OPERATORS) source[operator] = argument(ctx, field.node, operator);
  const cte = `_m${newAlias(ctx)}`;
  if (byPk) {
    const pkValues = asObject(argument(ctx, field.node, 'pk_columns'));
    const conditions: string[] = [];
    for (const name of table.pg.primaryKey?.columns ?? []) {
      const column = table.columnsByName.get(name) as ColumnInfo;
      conditions.push(`__ALIAS__.${ident(name)} = ${bindValue(ctx, column, pkValues[column.gqlName], 'client')}`);
    }
    const { sql } = updateStatement(ctx, table, source, conditions.join(' and '), path, undefined);
    return { text: finish(sql, cte, singleRow(ctx, table, cte, field, path)), params: ctx.params.values, path, checkPath: '$' };
  }
  const { sql } = updateStatement(ctx, table, source, undefined, path, argument(ctx, field.node, 'where'));
  return { text: finish(sql, cte, mutationResponse(ctx, table, cte, field, path)), params: ctx.params.values, path, checkPath: '$' };
}

/** update_T_many: one statement per entry, run in order; the engine joins the answers into a list. */
export function compileUpdateMany(ctx: CompileContext, table: TableInfo, field: CollectedField, path: string): MutationStatement[] {
  return asList(argument(ctx, field.node, 'updates')).map((entry, index) => {
    const source = asObject(entry);
    ctx.params = new Params();
    const cte = `_m${newAlias(ctx)}`;
    const { sql } = updateStatement(ctx, table, source, undefined, `${path}.args.updates[${index}]`, source['where']);
    return { text: finish(sql, cte, mutationResponse(ctx, table, cte, field, path)), params: ctx.params.values, path, checkPath: '$' };
  });
}

/** delete_T / delete_T_by_pk: one DELETE … RETURNING. */
export function compileDelete(ctx: CompileContext, table: TableInfo, field: CollectedField, path: string, byPk: boolean): MutationStatement {
  const filter = ctx.view.deleteFilter(table);
  if (!filter) throw new HasuraError('validation-failed', 'no delete permission', path);
  const alias = newAlias(ctx);
  const conditions = [compileBoolExp(ctx, table, alias, filter, 'permission', '$')];
  if (byPk) {
    for (const name of table.pg.primaryKey?.columns ?? []) {
      const column = table.columnsByName.get(name) as ColumnInfo;
      conditions.push(`${alias}.${ident(name)} = ${bindValue(ctx, column, argument(ctx, field.node, column.gqlName), 'client')}`);
    }
  } else {
    conditions.push(compileBoolExp(ctx, table, alias, argument(ctx, field.node, 'where'), 'client', `${path}.args.where`));
  }
  const cte = `_m${newAlias(ctx)}`;
  const sql = `delete from ${tableRef(table)} as ${alias} where ${conditions.join(' and ')} returning ${alias}.*, true as "__check"`;
  const answer = byPk ? singleRow(ctx, table, cte, field, path) : mutationResponse(ctx, table, cte, field, path);
  return { text: finish(sql, cte, answer), params: ctx.params.values, path, checkPath: '$' };
}

/**
 * Nested inserts in one statement of chained CTEs: object-relationship rows first (their keys copied
 * into the parent), then the parent, then array-relationship rows (the parent's key copied in). The
 * answer comes from a follow-up statement, which sees the rows written.
 */
function compileNestedInsert(ctx: CompileContext, table: TableInfo, field: CollectedField, path: string, one: boolean, objects: Record<string, unknown>[], argPath: string): MutationStatement {
  const pk = table.pg.primaryKey?.columns ?? [];
  if (pk.length === 0) throw new HasuraError('not-supported', `nested inserts into table "${table.name}" need a primary key`, argPath);
  const ctes: string[] = [];
  const written: string[] = [];
  /**
   * Rows others depend on (an object-relationship row its parent, a row with array children those
   * children): writing none of them (an upsert doing nothing) is Hasura's not-supported error.
   */
  const mustWrite: [string, string][] = [];

  const insertRow = (tbl: TableInfo, object: Record<string, unknown>, objectPath: string, fixed: Map<string, string>, from: string[], conflictSpec: unknown, conflictPath: string): string => {
    const permission = ctx.view.insert(tbl);
    if (!permission) throw new HasuraError('validation-failed', `no insert permission on table "${tbl.name}"`, objectPath);
    const values = new Map(fixed);
    const sources = [...from];
    const arrays: [RelationshipInfo, TableInfo, unknown[], unknown][] = [];
    for (const [key, value] of Object.entries(object)) {
      const rel = tbl.relationships.get(key);
      const target = rel ? ctx.view.model.tables.get(rel.target) : undefined;
      if (rel && target && !tbl.columnsByGql.has(key)) {
        const { data, on_conflict: childConflict } = asObject(value);
        if (rel.kind === 'array') {
          arrays.push([rel, target, asList(data), childConflict]);
          continue;
        }
        const child = insertRow(target, asObject(data), `${objectPath}.${key}.data`, new Map(), [], childConflict, `${objectPath}.${key}.on_conflict`);
        mustWrite.push([child, `cannot proceed to insert object relation "${rel.name}" since insert to table ${quoted(target)} affects zero rows`]);
        for (const [local, remote] of rel.mapping) {
          const localColumn = tbl.columnsByName.get(local);
          if (localColumn && localColumn.gqlName in object) {
            throw new HasuraError('validation-failed', `cannot insert object relationship "${rel.name}" as "${local}" column values are already determined`, objectPath);
          }
          values.set(local, `${child}.${ident(remote)}`);
        }
        sources.push(child);
        continue;
      }
      const column = tbl.columnsByGql.get(key);
      if (!column || !permission.columns.has(column.name) || column.name in permission.set) {
        throw new HasuraError('validation-failed', `field '${key}' not found in type: '${tbl.gqlName}_insert_input'`, `${objectPath}.${key}`);
      }
      if (!values.has(column.name)) values.set(column.name, inputValue(ctx, column, value));
    }
    for (const [name, preset] of Object.entries(permission.set)) {
      const column = tbl.columnsByName.get(name);
      if (column && !fixed.has(name)) values.set(name, presetValue(ctx, column, preset));
    }
    const alias = newAlias(ctx);
    const name = `_n${newAlias(ctx)}`;
    const columns = [...values.keys()];
    const body =
      columns.length === 0
        ? 'default values'
        : `(${columns.map(ident).join(', ')}) select ${columns.map((column) => values.get(column) ?? 'null').join(', ')}${sources.length > 0 ? ` from ${sources.join(', ')}` : ''}`;
    const conflict = onConflict(ctx, tbl, alias, conflictSpec, conflictPath);
    ctes.push(`${name} as (insert into ${tableRef(tbl)} as ${alias} ${body}${conflict} returning ${alias}.*, ${insertCheck(ctx, tbl, alias, permission.check, conflict)} as "__check")`);
    written.push(name);
    if (arrays.some(([, , children]) => children.length > 0)) mustWrite.push([name, `cannot proceed to insert array relations since insert to table ${quoted(tbl)} affects zero rows`]);
    for (const [rel, target, children, childConflict] of arrays) {
      children.forEach((child, index) => {
        const keys = new Map(rel.mapping.map(([local, remote]) => [remote, `${name}.${ident(local)}`]));
        insertRow(target, asObject(child), `${objectPath}.${rel.name}.data[${index}]`, keys, [name], childConflict, `${objectPath}.${rel.name}.on_conflict`);
      });
    }
    return name;
  };

  const conflict = argument(ctx, field.node, 'on_conflict');
  const parents = objects.map((object, index) => insertRow(table, object, one ? argPath : `${argPath}[${index}]`, new Map(), [], conflict, `${path}.args.on_conflict`));
  const all = `_all${newAlias(ctx)}`;
  ctes.push(`${all} as (${parents.map((name) => `select * from ${name}`).join(' union all ')})`);
  const affected = written.map((name) => `(select count(*) from ${name})`).join(' + ');
  const keys = `json_build_object(${pk.map((column) => `${literal(column)}, ${all}.${ident(column)}`).join(', ')})`;
  const checks = written.map((name) => `select "__check" as c from ${name}`).join(' union all ');
  const empty = mustWrite.length === 0 ? 'null' : `case ${mustWrite.map(([name, message]) => `when not exists (select 1 from ${name}) then ${literal(message)}`).join(' ')} end`;
  const text = `with ${ctes.join(', ')} select ${checked(checks, `json_build_object('affected_rows', ${affected}, 'rows', (select coalesce(json_agg(${keys}), '[]'::json) from ${all}), 'empty', ${empty})`)}`;
  const params = ctx.params.values;

  // The answer, compiled now with two parameters filled in once the rows are written.
  ctx.params = new Params();
  const rowsParam = ctx.params.add('[]');
  const countParam = ctx.params.add('0');
  const alias = newAlias(ctx);
  const source = `rows from (json_populate_recordset(null::${tableRef(table)}, ${rowsParam}::text::json)) with ordinality as _k join ${tableRef(table)} ${alias} on ${pk.map((column) => `${alias}.${ident(column)} = _k.${ident(column)}`).join(' and ')} where ${permissionFilter(ctx, table, alias)}`;
  let answer: string;
  if (one) {
    answer = `(select ${rowJson(ctx, table, alias, field.selections, path, 1)} from ${source} order by _k.ordinality limit 1)`;
  } else {
    const parts: string[] = [];
    for (const part of collectFields(ctx, field.selections, `${table.gqlName}_mutation_response`)) {
      if (part.name === '__typename') parts.push(`${literal(part.key)}, ${literal(`${table.gqlName}_mutation_response`)}`);
      else if (part.name === 'affected_rows') parts.push(`${literal(part.key)}, (${countParam}::text)::integer`);
      else if (part.name === 'returning') {
        const json = rowJson(ctx, table, alias, part.selections, `${path}.selectionSet.${part.key}`, 2);
        parts.push(`${literal(part.key)}, (select coalesce(json_agg(${json} order by _k.ordinality), '[]'::json) from ${source})`);
      } else throw new HasuraError('validation-failed', `field '${part.name}' not found in type: '${table.gqlName}_mutation_response'`, `${path}.selectionSet.${part.key}`);
    }
    answer = `json_build_object(${parts.join(', ')})`;
  }
  const followParams = ctx.params.values;
  // Both parameters appear whatever the selection, so Postgres can type them.
  const followText = `select (${answer})::text as j, ${rowsParam}::text as _rows, ${countParam}::text as _count`;
  return {
    text,
    params,
    path: argPath,
    checkPath: argPath,
    followUp: (j) => {
      const result = JSON.parse(j) as { affected_rows: number; rows: unknown[]; empty: string | null };
      if (result.empty !== null) {
        throw new HasuraError('not-supported', result.empty, argPath);
      }
      const filled = [...followParams];
      filled[0] = JSON.stringify(result.rows);
      filled[1] = String(result.affected_rows);
      return { text: followText, params: filled };
    },
  };
}
