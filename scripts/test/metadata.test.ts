import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { parseDocument } from 'yaml';
import { afterAll, describe, expect, inject, it } from 'vitest';

// Validates hasura/metadata against the migrated database: every table tracked once, relationships
// on real foreign keys, permissions within what the database grants the engine role (columns and
// verbs), the house rules (tenant filter, presets, no "*", a check on every update), and each
// permission's org roles, caller columns and row conditions against its RLS policy. Row-for-row
// equivalence with RLS is not proven here; this catches drift and slips. Views (which filter rows
// themselves and have no policies) are checked like tables, minus the policy comparisons.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const METADATA = join(ROOT, 'hasura/metadata');
const TABLES_DIR = join(METADATA, 'databases/default/tables');

const ENGINE_ROLE = 'workgrid_engine';
const UNTRACKED_TABLES = ['pgmigrations'];
/** Tables anyone may read, signed in or not. */
const PUBLIC_REFERENCE_TABLES = ['org_roles', 'entity_types'];
const ROLES = ['user', 'reader', 'anonymous'];
/** The API role of read-only API keys: the user role's select permissions and nothing else. */
const READ_ONLY_ROLE = 'reader';
const SESSION_VARIABLES = ['x-hasura-user-id', 'x-hasura-org-id'];
const ORG_VARIABLE = 'x-hasura-org-id';
const USER_VARIABLE = 'x-hasura-user-id';
/** Columns the user role does not read although the engine may: internal, not API. */
const HIDDEN_COLUMNS: Record<string, string[]> = { comments: ['search'], projects: ['search'], tasks: ['search'], ticket_messages: ['search'] };
/** Columns naming who did something: when insertable, they are presets, never client input. */
const ACTOR_COLUMNS = ['created_by', 'author_id', 'invited_by', 'uploaded_by', 'actor_id'];
/** Permissions on org-scoped tables that deliberately reach beyond the session org, and why. */
const CROSS_ORG_PERMISSIONS: Record<string, string> = {
  'org_memberships.select': 'a user lists their own memberships in every org (the org switcher)',
};
/** orgs is the tenant itself: its key is id, and a user sees every org they belong to. */
const TENANT_KEY: Record<string, string> = { orgs: 'id' };
const CROSS_TENANT_ORGS_VERBS = ['select'];

const VERBS = ['select', 'insert', 'update', 'delete'] as const;
type Verb = (typeof VERBS)[number];

const COMPARISON_OPERATORS = new Set([
  '_eq', '_neq', '_gt', '_lt', '_gte', '_lte', '_in', '_nin', '_is_null',
  '_like', '_nlike', '_ilike', '_nilike', '_similar', '_nsimilar', '_regex', '_nregex', '_iregex', '_niregex',
  '_contains', '_contained_in', '_has_key', '_has_keys_any', '_has_keys_all',
]);
const COLUMN_OPERATORS = new Set(['_ceq', '_cne', '_cgt', '_clt', '_cgte', '_clte']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asObjects = (value: Json | undefined): JsonObject[] => (Array.isArray(value) ? value.filter(isObject) : []);
const isSessionVariable = (value: Json | undefined): value is string =>
  typeof value === 'string' && value.toLowerCase().startsWith('x-hasura-');

// --- Loading the metadata directory like the CLI does: "!include path" relative to the includer. ---

interface Loaded {
  value: Json;
  /** Every file reached, with how many times it was included. */
  includes: Map<string, number>;
  problems: string[];
}

function loadMetadataFile(file: string, loaded: Loaded = { value: null, includes: new Map(), problems: [] }): Loaded {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  for (const issue of [...doc.errors, ...doc.warnings]) loaded.problems.push(`${relative(ROOT, file)}: ${issue.message}`);
  const inline = (value: Json): Json => {
    if (typeof value === 'string') {
      const match = /^!include (.+)$/.exec(value);
      if (!match) return value;
      const target = resolve(dirname(file), match[1]!.trim());
      loaded.includes.set(target, (loaded.includes.get(target) ?? 0) + 1);
      if (!existsSync(target)) {
        loaded.problems.push(`${relative(ROOT, file)} includes ${relative(ROOT, target)}, which does not exist`);
        return null;
      }
      return loadMetadataFile(target, loaded).value;
    }
    if (Array.isArray(value)) return value.map(inline);
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inline(v)]));
    return value;
  };
  return { ...loaded, value: inline(doc.toJS() as Json) };
}

const versionFile = loadMetadataFile(join(METADATA, 'version.yaml'));
const databases = loadMetadataFile(join(METADATA, 'databases/databases.yaml'));
const sources = Array.isArray(databases.value) ? databases.value.filter(isObject) : [];
const defaultSource = sources.find((s) => s.name === 'default');
const trackedTables = asObjects(defaultSource?.tables);

interface TableEntry {
  name: string;
  meta: JsonObject;
}

const entries: TableEntry[] = trackedTables.map((meta) => {
  const table = isObject(meta.table) ? meta.table : {};
  return { name: String(table.name), meta };
});
const tableNames = entries.map((e) => e.name);

// --- The database ---

const sql = postgres(inject('superuserUrl'), { max: 2, onnotice: () => {} });
afterAll(() => sql.end());

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  can_select: boolean;
  can_insert: boolean;
  can_update: boolean;
}

const columnRows = (await sql`
  select c.relname as table_name, a.attname as column_name, format_type(a.atttypid, a.atttypmod) as data_type,
         has_column_privilege(${ENGINE_ROLE}, c.oid, a.attnum, 'SELECT') as can_select,
         has_column_privilege(${ENGINE_ROLE}, c.oid, a.attnum, 'INSERT') as can_insert,
         has_column_privilege(${ENGINE_ROLE}, c.oid, a.attnum, 'UPDATE') as can_update
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
   where n.nspname = 'public' and c.relkind in ('r', 'p', 'v')
   order by c.relname, a.attnum`) as unknown as ColumnRow[];

interface TableRow {
  table_name: string;
  rls: boolean;
  can_delete: boolean;
  primary_key: string[];
  unique_keys: string[][];
  policy_commands: string[];
  insert_checks: string[];
  policies: { cmd: string; qual: string | null; with_check: string | null }[];
}

const tableRows = (await sql`
  select c.relname as table_name, c.relrowsecurity as rls,
         has_table_privilege(${ENGINE_ROLE}, c.oid, 'DELETE') as can_delete,
         coalesce((select array_agg(a.attname::text order by k.i)
                     from pg_index x cross join unnest(x.indkey) with ordinality k(attnum, i)
                     join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
                    where x.indrelid = c.oid and x.indisprimary), '{}') as primary_key,
         coalesce((select json_agg((select array_agg(a.attname::text order by a.attname)
                                      from unnest(x.indkey) k(attnum)
                                      join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum))
                     from pg_index x
                    where x.indrelid = c.oid and x.indisunique and x.indpred is null and x.indexprs is null), '[]') as unique_keys,
         array(select p.cmd::text from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname) as policy_commands,
         array(select coalesce(p.with_check, '') from pg_policies p
                where p.schemaname = 'public' and p.tablename = c.relname and p.cmd in ('INSERT', 'ALL')) as insert_checks,
         coalesce((select json_agg(json_build_object('cmd', p.cmd, 'qual', p.qual, 'with_check', p.with_check))
                     from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname), '[]') as policies
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'public' and c.relkind in ('r', 'p', 'v')
   order by c.relname`) as unknown as TableRow[];

interface ForeignKeyRow {
  table_name: string;
  columns: string[];
  referenced_table: string;
}

const foreignKeys = (await sql`
  select c.conrelid::regclass::text as table_name, c.confrelid::regclass::text as referenced_table,
         array(select a.attname::text from unnest(c.conkey) with ordinality k(attnum, i)
                 join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.i) as columns
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
   where c.contype = 'f' and n.nspname = 'public'`) as unknown as ForeignKeyRow[];

const [isStaff] = await sql`select p.prosrc from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                              where n.nspname = 'app' and p.proname = 'is_staff'`;
/** The org roles app.is_staff() admits, read from its definition. */
const STAFF_ROLES = [...String(isStaff?.prosrc ?? '').matchAll(/'(\w+)'/g)].map((m) => m[1]!);

const dbTables = new Map(tableRows.map((t) => [t.table_name, t]));
const columnsOf = (table: string): ColumnRow[] => columnRows.filter((c) => c.table_name === table);
const columnNames = (table: string): string[] => columnsOf(table).map((c) => c.column_name);
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

// --- Relationships, resolved to their target tables ---

interface Relationship {
  name: string;
  kind: 'object' | 'array';
  target: string | undefined;
  problems: string[];
}

function relationshipsOf(entry: TableEntry): Relationship[] {
  const table = entry.name;
  const resolveOne = (kind: 'object' | 'array', rel: JsonObject): Relationship => {
    const name = String(rel.name);
    const using = isObject(rel.using) ? rel.using : {};
    const problems: string[] = [];
    const where = `${table}.${name}`;
    let target: string | undefined;
    const fk = using.foreign_key_constraint_on;
    const manual = isObject(using.manual_configuration) ? using.manual_configuration : undefined;
    if (fk !== undefined && kind === 'object') {
      const cols = Array.isArray(fk) ? fk.map(String) : [String(fk)];
      const match = foreignKeys.find((k) => k.table_name === table && sameSet(k.columns, cols));
      if (!match) problems.push(`${where}: no foreign key on ${table} (${cols.join(', ')})`);
      target = match?.referenced_table;
    } else if (isObject(fk) && kind === 'array') {
      const remote = isObject(fk.table) ? fk.table : {};
      target = String(remote.name);
      const cols = Array.isArray(fk.columns) ? fk.columns.map(String) : [String(fk.column)];
      const match = foreignKeys.find((k) => k.table_name === target && k.referenced_table === table && sameSet(k.columns, cols));
      if (!match) problems.push(`${where}: no foreign key on ${target} (${cols.join(', ')}) referencing ${table}`);
    } else if (manual) {
      const remote = isObject(manual.remote_table) ? manual.remote_table : {};
      target = String(remote.name);
      const mapping = isObject(manual.column_mapping) ? manual.column_mapping : {};
      const local = Object.keys(mapping);
      const remoteCols = Object.values(mapping).map(String);
      if (local.length === 0) problems.push(`${where}: empty column_mapping`);
      for (const c of local) if (!columnNames(table).includes(c)) problems.push(`${where}: no column ${table}.${c}`);
      for (const c of remoteCols) if (!columnNames(target).includes(c)) problems.push(`${where}: no column ${target}.${c}`);
      const remoteInfo = dbTables.get(target);
      const unique = remoteInfo && [remoteInfo.primary_key, ...remoteInfo.unique_keys].some((key) => sameSet(key, remoteCols));
      if (kind === 'object' && !unique) problems.push(`${where}: ${target} (${remoteCols.join(', ')}) is not unique`);
    } else {
      problems.push(`${where}: unsupported relationship definition ${JSON.stringify(using)}`);
    }
    if (target !== undefined && !tableNames.includes(target)) problems.push(`${where}: target ${target} is not tracked`);
    return { name, kind, target, problems };
  };
  return [
    ...asObjects(entry.meta.object_relationships).map((r) => resolveOne('object', r)),
    ...asObjects(entry.meta.array_relationships).map((r) => resolveOne('array', r)),
  ];
}

const relationships = new Map(entries.map((e) => [e.name, relationshipsOf(e)]));

// --- Permission expressions ---

/** Checks a boolean expression against the table's columns and relationships; returns problems and session variables used. */
function checkExpression(table: string, expression: Json | undefined, where: string, variables: Set<string> = new Set()) {
  const problems: string[] = [];
  const walk = (tbl: string, expr: Json | undefined, path: string) => {
    if (!isObject(expr)) {
      problems.push(`${path}: expected an object, got ${JSON.stringify(expr)}`);
      return;
    }
    for (const [key, value] of Object.entries(expr)) {
      const at = `${path}.${key}`;
      if (key === '_and' || key === '_or' || key === '$and' || key === '$or') {
        if (!Array.isArray(value)) problems.push(`${at}: expected a list`);
        else value.forEach((item, i) => walk(tbl, item, `${at}[${i}]`));
      } else if (key === '_not' || key === '$not') {
        walk(tbl, value, at);
      } else if (key === '_exists') {
        const spec = isObject(value) ? value : {};
        const remote = isObject(spec._table) ? String(spec._table.name) : '';
        if (!dbTables.has(remote)) problems.push(`${at}: unknown table ${remote}`);
        else walk(remote, spec._where, `${at}._where`);
      } else if (columnNames(tbl).includes(key)) {
        const comparison: JsonObject = isObject(value) ? value : { _eq: value };
        for (const [op, operand] of Object.entries(comparison)) {
          if (COLUMN_OPERATORS.has(op)) {
            if (typeof operand !== 'string' || !columnNames(tbl).includes(operand)) problems.push(`${at}.${op}: unknown column ${JSON.stringify(operand)}`);
          } else if (!COMPARISON_OPERATORS.has(op)) {
            problems.push(`${at}: unknown operator ${op}`);
          }
          for (const v of Array.isArray(operand) ? operand : [operand]) {
            if (isSessionVariable(v)) {
              variables.add(v.toLowerCase());
              if (!SESSION_VARIABLES.includes(v.toLowerCase())) problems.push(`${at}.${op}: unknown session variable ${v}`);
            }
          }
        }
      } else {
        const rel = relationships.get(tbl)?.find((r) => r.name === key);
        if (!rel || rel.target === undefined) problems.push(`${at}: ${tbl} has no column or relationship ${key}`);
        else walk(rel.target, value, at);
      }
    }
  };
  walk(table, expression, where);
  return { problems, variables };
}

/** The top-level conjuncts of an expression: the items of nested _and lists and the keys of one object. */
function conjuncts(expression: Json | undefined): JsonObject[] {
  if (!isObject(expression)) return [];
  return Object.entries(expression).flatMap(([key, value]) =>
    key === '_and' || key === '$and' ? asObjects(value).flatMap(conjuncts) : [{ [key]: value }],
  );
}

const equalsSessionVariable = (conjunct: JsonObject, column: string, variable: string): boolean => {
  const value = conjunct[column];
  const operand = isObject(value) ? (Object.keys(value).length === 1 ? value._eq : undefined) : value;
  return Object.keys(conjunct).length === 1 && typeof operand === 'string' && operand.toLowerCase() === variable;
};

interface Permission {
  table: string;
  verb: Verb;
  role: string;
  body: JsonObject;
}

const permissions: Permission[] = entries.flatMap((e) =>
  VERBS.flatMap((verb) =>
    asObjects(e.meta[`${verb}_permissions`]).map((p) => ({
      table: e.name,
      verb,
      role: String(p.role),
      body: isObject(p.permission) ? p.permission : {},
    })),
  ),
);
const permissionLabel = (p: Permission) => `${p.table}.${p.verb} for ${p.role}`;
const columnsOfPermission = (p: Permission): Json | undefined => p.body.columns;
const presetsOf = (p: Permission): JsonObject => (isObject(p.body.set) ? p.body.set : {});


// --- Comparing a permission with its RLS policy ---
// Not a proof of equivalence (the isolation tests run both), but it catches the usual slips: a wrong
// org-role list, a forgotten ownership column, a lost "deleted_at is not null" or "visibility = public".

interface Fingerprint {
  /** Org roles the caller must hold, one entry per membership test ("*" = any role). */
  callerRoles: string[];
  /** Columns that must equal the caller's user id. */
  callerColumns: string[];
  /** Conditions on the row's own columns. */
  rowConditions: string[];
}

const roleSignature = (roles: string[], checksDisabled: boolean) =>
  `${[...roles].sort().join('|')}${checksDisabled ? '' : ' (disabled users too)'}`;
const sortedUnique = (xs: string[]) => [...new Set(xs)].sort();

function policyFingerprint(texts: string[]): Fingerprint {
  const text = texts.join('\n');
  const callerRoles = [
    ...[...text.matchAll(/app\.has_org_role\(VARIADIC ARRAY\[([^\]]*)\]\)/g)].map((m) =>
      roleSignature([...m[1]!.matchAll(/'(\w+)'/g)].map((r) => r[1]!), true),
    ),
    ...[...text.matchAll(/app\.is_staff\(\)/g)].map(() => roleSignature(STAFF_ROLES, true)),
    ...[...text.matchAll(/app\.is_org_member\(\)/g)].map(() => roleSignature(['*'], true)),
    ...[...text.matchAll(/app\.visible_user_ids\(\)/g)].flatMap(() => [roleSignature(STAFF_ROLES, true), roleSignature(['*'], true)]),
    ...[...text.matchAll(/app\.user_org_ids\(\)/g)].map(() => roleSignature(['*'], false)),
  ];
  const callerColumns = [...text.matchAll(/\((\w+) = \( SELECT app\.user_id\(\)/g)].map((m) => m[1]!);
  const rowConditions = [
    ...[...text.matchAll(/\((\w+) (=|<>) '([^']*)'::\w+\)/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`),
    ...[...text.matchAll(/\((\w+) IS (NOT )?NULL\)/g)].map((m) => `${m[1]} is ${m[2] ? 'not ' : ''}null`),
  ];
  return { callerRoles: sortedUnique(callerRoles), callerColumns: sortedUnique(callerColumns), rowConditions: sortedUnique(rowConditions) };
}

function permissionFingerprint(table: string, expressions: (Json | undefined)[], presets: JsonObject): Fingerprint {
  const fp: Fingerprint = { callerRoles: [], callerColumns: [], rowConditions: [] };
  const callerMembership = (expr: Json | undefined): string | undefined => {
    const parts = conjuncts(expr);
    if (!parts.some((c) => equalsSessionVariable(c, 'user_id', USER_VARIABLE))) return undefined;
    const roleTest = parts.find((c) => Object.keys(c).length === 1 && isObject(c.role));
    const test = roleTest && isObject(roleTest.role) ? roleTest.role : {};
    const roles = Array.isArray(test._in) ? test._in.map(String) : test._eq !== undefined ? [String(test._eq)] : ['*'];
    const checksDisabled = parts.some((c) => JSON.stringify(c) === JSON.stringify({ user: { disabled_at: { _is_null: true } } }));
    return roleSignature(roles, checksDisabled);
  };
  const walk = (tbl: string, expr: Json | undefined, rowLevel: boolean) => {
    if (!isObject(expr)) return;
    for (const [key, value] of Object.entries(expr)) {
      if (['_and', '_or', '$and', '$or'].includes(key)) asObjects(value).forEach((item) => walk(tbl, item, rowLevel));
      else if (key === '_not' || key === '$not') walk(tbl, value, rowLevel);
      else if (key === '_exists') {
        const spec = isObject(value) ? value : {};
        const remote = isObject(spec._table) ? String(spec._table.name) : '';
        const inSessionOrg = conjuncts(spec._where).some((c) => equalsSessionVariable(c, 'org_id', ORG_VARIABLE));
        const caller = remote === 'org_memberships' && inSessionOrg ? callerMembership(spec._where) : undefined;
        // A membership test in the session org is the caller's org role; under a relationship it mirrors a
        // helper of the related table's policy (app.can_see_ticket and the like), which the policy text hides.
        if (caller === undefined) walk(remote, spec._where, false);
        else if (rowLevel) fp.callerRoles.push(caller);
      } else if (columnNames(tbl).includes(key)) {
        if (!rowLevel) continue;
        for (const [op, operand] of Object.entries(isObject(value) ? value : { _eq: value })) {
          const variable = isSessionVariable(operand) ? operand.toLowerCase() : undefined;
          if (op === '_eq' && variable === USER_VARIABLE) fp.callerColumns.push(key);
          else if (op === '_neq' && variable === USER_VARIABLE) fp.rowConditions.push(`${key} <> caller`);
          else if ((op === '_eq' || op === '_neq') && variable === undefined) fp.rowConditions.push(`${key} ${op === '_eq' ? '=' : '<>'} ${String(operand)}`);
          else if (op === '_is_null') fp.rowConditions.push(`${key} is ${operand ? '' : 'not '}null`);
        }
      } else {
        const target = relationships.get(tbl)?.find((r) => r.name === key)?.target;
        if (target === undefined) continue;
        const caller = target === 'org_memberships' ? callerMembership(value) : undefined;
        if (caller !== undefined) fp.callerRoles.push(caller);
        else walk(target, value, false);
      }
    }
  };
  for (const expr of expressions) walk(table, expr, true);
  for (const [column, value] of Object.entries(presets)) if (isSessionVariable(value) && value.toLowerCase() === USER_VARIABLE) fp.callerColumns.push(column);
  return { callerRoles: sortedUnique(fp.callerRoles), callerColumns: sortedUnique(fp.callerColumns), rowConditions: sortedUnique(fp.rowConditions) };
}

// --- Tests ---

describe('hasura metadata directory', () => {
  it('has the config v3 layout with one postgres source "default" read from the environment', () => {
    expect(versionFile.value).toEqual({ version: 3 });
    expect(sources.map((s) => s.name)).toEqual(['default']);
    expect(defaultSource?.kind).toBe('postgres');
    const configuration = isObject(defaultSource?.configuration) ? defaultSource.configuration : {};
    const connection = isObject(configuration.connection_info) ? configuration.connection_info : {};
    expect(connection.database_url).toEqual({ from_env: 'HASURA_GRAPHQL_DATABASE_URL' });
    expect(connection.isolation_level).toBe('read-committed');
  });

  it('parses every YAML file cleanly and resolves every !include', () => {
    const problems = [...versionFile.problems, ...databases.problems];
    for (const file of readdirSync(METADATA).filter((f) => f.endsWith('.yaml'))) problems.push(...loadMetadataFile(join(METADATA, file)).problems);
    expect(problems).toEqual([]);
  });

  it('includes every table file exactly once, and nothing else lives in the tables folder', () => {
    const tableFiles = readdirSync(TABLES_DIR).filter((f) => f !== 'tables.yaml').map((f) => join(TABLES_DIR, f));
    const counts = Object.fromEntries(tableFiles.map((f) => [relative(TABLES_DIR, f), databases.includes.get(f) ?? 0]));
    expect(counts).toEqual(Object.fromEntries(tableFiles.map((f) => [relative(TABLES_DIR, f), 1])));
    const tableIncludes = [...databases.includes.keys()].filter((f) => dirname(f) === TABLES_DIR && !f.endsWith('tables.yaml'));
    expect(tableIncludes.sort()).toEqual(tableFiles.sort());
  });

  it('names every table file after its table, schema public', () => {
    const mismatched = [...databases.includes.keys()]
      .filter((f) => dirname(f) === TABLES_DIR && !f.endsWith('tables.yaml'))
      .map((f) => {
        const meta = loadMetadataFile(f).value;
        const table = isObject(meta) && isObject(meta.table) ? meta.table : {};
        return { file: relative(TABLES_DIR, f), expected: `public_${String(table.name)}.yaml`, schema: table.schema };
      })
      .filter((m) => m.file !== m.expected || m.schema !== 'public');
    expect(mismatched).toEqual([]);
  });

  it('tracks every table of schema public exactly once, except the migration bookkeeping', () => {
    const expected = tableRows.map((t) => t.table_name).filter((t) => !UNTRACKED_TABLES.includes(t));
    expect([...tableNames].sort()).toEqual(expected.sort());
    expect(new Set(tableNames).size).toBe(tableNames.length);
  });
});

describe.each(entries.map((e) => [e.name, e] as const))('table %s', (table, entry) => {
  it('is a valid Hasura enum table when marked is_enum', async () => {
    if (entry.meta.is_enum !== true) return;
    const info = dbTables.get(table)!;
    const columns = columnsOf(table);
    expect(info.primary_key, 'an enum table needs a single-column primary key').toHaveLength(1);
    const others = columns.filter((c) => c.column_name !== info.primary_key[0]);
    expect(columns.find((c) => c.column_name === info.primary_key[0])?.data_type).toBe('text');
    expect(others.length, `an enum table holds the key and at most one description column, not ${others.map((c) => c.column_name)}`).toBeLessThanOrEqual(1);
    for (const other of others) expect(other.data_type, 'the description column must be text').toBe('text');
    const values = (await sql`select ${sql(info.primary_key[0]!)} as value from ${sql(table)}`).map((r) => String(r.value));
    expect(values.length, 'an enum table needs at least one row').toBeGreaterThan(0);
    expect(values.filter((v) => !/^[_A-Za-z][_0-9A-Za-z]*$/.test(v)), 'enum values must be GraphQL names').toEqual([]);
  });

  it('has relationships that follow real foreign keys or unique columns, with unique names', () => {
    const rels = relationships.get(table)!;
    const problems = rels.flatMap((r) => r.problems);
    const names = rels.map((r) => r.name);
    const duplicates = names.filter((n, i) => names.indexOf(n) !== i);
    const clashes = names.filter((n) => columnNames(table).includes(n));
    expect({ problems, duplicates, clashes }).toEqual({ problems: [], duplicates: [], clashes: [] });
  });

  it('has an object relationship for every foreign key of the table', () => {
    const objectRels = asObjects(entry.meta.object_relationships).map((r) => (isObject(r.using) ? r.using.foreign_key_constraint_on : undefined));
    const covered = (cols: string[]) => objectRels.some((fk) => sameSet(Array.isArray(fk) ? fk.map(String) : [String(fk)], cols));
    const missing = foreignKeys.filter((k) => k.table_name === table && !covered(k.columns)).map((k) => k.columns.join(', '));
    expect(missing).toEqual([]);
  });
});

describe.each(permissions.map((p) => [permissionLabel(p), p] as const))('permission %s', (_label, p) => {
  const tableColumns = columnNames(p.table);
  const engine = columnsOf(p.table);
  const hasOrgId = tableColumns.includes('org_id');
  const tenantKey = TENANT_KEY[p.table] ?? (hasOrgId ? 'org_id' : undefined);

  it('is for a known role, lists its columns (never "*") and only existing ones', () => {
    expect(ROLES).toContain(p.role);
    const columns = columnsOfPermission(p);
    if (p.verb === 'delete') {
      expect(columns).toBeUndefined();
      return;
    }
    expect(Array.isArray(columns), `columns must be a list, not ${JSON.stringify(columns)}`).toBe(true);
    const listed = (columns as Json[]).map(String);
    expect(listed.filter((c) => !tableColumns.includes(c))).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
    if (p.verb !== 'select') expect(listed.length).toBeGreaterThan(0);
  });

  it('uses only existing columns, relationships, operators and session variables in its rules', () => {
    const problems: string[] = [];
    const filter = p.verb === 'insert' ? undefined : p.body.filter;
    const check = p.verb === 'insert' || p.verb === 'update' ? p.body.check : undefined;
    if (p.verb !== 'insert') problems.push(...checkExpression(p.table, filter, 'filter').problems);
    if (check !== undefined || p.verb === 'insert') problems.push(...checkExpression(p.table, check, 'check').problems);
    for (const [column, value] of Object.entries(presetsOf(p))) {
      if (!tableColumns.includes(column)) problems.push(`set: no column ${column}`);
      if (isSessionVariable(value) && !SESSION_VARIABLES.includes(value.toLowerCase())) problems.push(`set.${column}: unknown session variable ${value}`);
      if (Array.isArray(columnsOfPermission(p)) && (columnsOfPermission(p) as Json[]).includes(column)) {
        problems.push(`set.${column}: a preset column must not also be client-writable`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('stays within the columns the database grants the engine role for the verb', () => {
    const granted = engine.filter((c) => (p.verb === 'select' ? c.can_select : p.verb === 'insert' ? c.can_insert : c.can_update)).map((c) => c.column_name);
    if (p.verb === 'delete') {
      expect(dbTables.get(p.table)!.can_delete, `${ENGINE_ROLE} has no delete on ${p.table}`).toBe(true);
      return;
    }
    const used = [...(columnsOfPermission(p) as Json[]).map(String), ...Object.keys(presetsOf(p))];
    expect(used.filter((c) => !granted.includes(c)), `not granted to ${ENGINE_ROLE} for ${p.verb}`).toEqual([]);
  });

  it('is backed by an RLS policy for the verb', () => {
    const info = dbTables.get(p.table)!;
    if (!info.rls) return;
    const commands = info.policy_commands;
    expect(commands.includes(p.verb.toUpperCase()) || commands.includes('ALL'), `${p.table} has no ${p.verb} policy`).toBe(true);
  });

  it('confines the user role to the session org', () => {
    if (p.role !== 'user' || tenantKey === undefined) return;
    const exception = CROSS_ORG_PERMISSIONS[`${p.table}.${p.verb}`];
    if (exception || (p.table === 'orgs' && CROSS_TENANT_ORGS_VERBS.includes(p.verb))) {
      const { variables } = checkExpression(p.table, p.body.filter, 'filter');
      if (tenantKey === 'org_id') expect(variables, `${p.table}.${p.verb} (${exception}) still scopes staff rules to the session org`).toContain(ORG_VARIABLE);
      return;
    }
    const scoped = (expr: Json | undefined) => conjuncts(expr).some((c) => equalsSessionVariable(c, tenantKey, ORG_VARIABLE));
    if (p.verb === 'insert') {
      expect(String(presetsOf(p)[tenantKey]).toLowerCase(), `insert must preset ${tenantKey} from X-Hasura-Org-Id`).toBe(ORG_VARIABLE);
      expect(scoped(p.body.check), `insert check must require ${tenantKey} = X-Hasura-Org-Id`).toBe(true);
      return;
    }
    expect(scoped(p.body.filter), `filter must require ${tenantKey} = X-Hasura-Org-Id`).toBe(true);
    if (p.verb === 'update') expect(scoped(p.body.check), `check must require ${tenantKey} = X-Hasura-Org-Id`).toBe(true);
  });

  it('carries a non-trivial check when it is an update', () => {
    if (p.verb !== 'update') return;
    expect(isObject(p.body.check) && Object.keys(p.body.check).length > 0, 'update permissions need a check').toBe(true);
  });

  it('presets the actor columns and the columns RLS ties to the caller when it is an insert', () => {
    if (p.verb !== 'insert') return;
    const insertable = engine.filter((c) => c.can_insert).map((c) => c.column_name);
    const tiedByRls = dbTables
      .get(p.table)!
      .insert_checks.flatMap((check) => [...check.matchAll(/\(?(\w+) = \( SELECT app\.user_id\(\)/g)].map((m) => m[1]!));
    const mustPreset = [...new Set([...ACTOR_COLUMNS.filter((c) => insertable.includes(c)), ...tiedByRls])];
    const presets = presetsOf(p);
    expect(mustPreset.filter((c) => String(presets[c]).toLowerCase() !== USER_VARIABLE)).toEqual([]);
  });

  it('mirrors its RLS policy: caller org roles, columns tied to the caller, row conditions', () => {
    if (p.role !== 'user') return;
    const info = dbTables.get(p.table)!;
    if (!info.rls) return;
    const commands = p.verb === 'select' ? ['SELECT'] : [p.verb.toUpperCase()];
    const policyTexts = info.policies
      .filter((pol) => commands.includes(pol.cmd) || pol.cmd === 'ALL')
      .flatMap((pol) => (p.verb === 'insert' ? [pol.with_check] : p.verb === 'update' ? [pol.qual, pol.with_check] : [pol.qual]))
      .filter((x): x is string => x !== null);
    const expressions = p.verb === 'insert' ? [p.body.check] : p.verb === 'update' ? [p.body.filter, p.body.check] : [p.body.filter];
    expect(permissionFingerprint(p.table, expressions, presetsOf(p))).toEqual(policyFingerprint(policyTexts));
  });
});

describe('roles', () => {
  it('gives anonymous nothing but reading public reference tables', () => {
    const anonymous = permissions.filter((p) => p.role === 'anonymous').map((p) => `${p.table}.${p.verb}`);
    expect(anonymous.sort()).toEqual(PUBLIC_REFERENCE_TABLES.map((t) => `${t}.select`).sort());
    for (const table of PUBLIC_REFERENCE_TABLES) expect(columnNames(table)).not.toContain('org_id');
  });

  it('gives the read-only role the user role\'s select permissions, and no write or action', () => {
    const selectOf = (role: string) =>
      Object.fromEntries(permissions.filter((p) => p.role === role && p.verb === 'select').map((p) => [p.table, p.body]));
    expect(selectOf(READ_ONLY_ROLE)).toEqual(selectOf('user'));
    expect(permissions.filter((p) => p.role === READ_ONLY_ROLE && p.verb !== 'select').map(permissionLabel)).toEqual([]);
    const actionsFile = loadMetadataFile(join(METADATA, 'actions.yaml')).value;
    const actions = asObjects(isObject(actionsFile) ? actionsFile.actions : undefined);
    const readerActions = actions.filter((a) => asObjects(a.permissions).some((perm) => perm.role === READ_ONLY_ROLE)).map((a) => String(a.name));
    expect(readerActions).toEqual([]);
  });

  it('has at most one permission per table, role and verb', () => {
    const keys = permissions.map((p) => `${p.table}.${p.verb}.${p.role}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it.each(VERBS)('gives the user role %s exactly where the engine role holds the privilege', (verb) => {
    const granted = tableNames.filter((table) => {
      const cols = columnsOf(table);
      if (verb === 'delete') return dbTables.get(table)!.can_delete;
      return cols.some((c) => (verb === 'select' ? c.can_select : verb === 'insert' ? c.can_insert : c.can_update));
    });
    const permitted = permissions.filter((p) => p.role === 'user' && p.verb === verb).map((p) => p.table);
    expect(permitted.sort()).toEqual(granted.sort());
  });

  it('lets the user role read every column the engine may read, except internal ones', () => {
    const gaps = permissions
      .filter((p) => p.role === 'user' && p.verb === 'select')
      .map((p) => {
        const readable = columnsOf(p.table).filter((c) => c.can_select).map((c) => c.column_name);
        const expected = readable.filter((c) => !(HIDDEN_COLUMNS[p.table] ?? []).includes(c));
        const listed = (columnsOfPermission(p) as Json[]).map(String);
        return { table: p.table, missing: expected.filter((c) => !listed.includes(c)) };
      })
      .filter((g) => g.missing.length > 0);
    expect(gaps).toEqual([]);
  });
});
