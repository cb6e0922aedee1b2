import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sql } from './support/database.ts';
import { TENANT_TABLES, TRIGGER_WRITTEN_TABLES } from './support/fixtures.ts';

// Walks the catalog so that no table can skip the rules of docs/adding-a-table.md.

const metadataTables = new URL('../../hasura/metadata/databases/default/tables/', import.meta.url);
const IDENTITY_TABLES = ['users', 'orgs'];
const ENUM_TABLES = ['org_roles', 'entity_types'];
const BOOKKEEPING_TABLES = ['pgmigrations'];
/** Append-only tenant tables: written by triggers or as immutable history, never updated or deleted. */
const APPEND_ONLY_TABLES = ['audit_log', 'outbox_events', 'activity_feed', 'sla_events'];
const NO_AUDIT_TABLES = [...APPEND_ONLY_TABLES, 'users'];
/** One statement trigger per event: Postgres allows transition tables only on a single-event trigger (0076). */
const AUDIT_TRIGGERS = ['_500_audit_insert', '_500_audit_update', '_500_audit_delete'];

interface TableInfo {
  name: string;
  has_org_id: boolean;
  rls: boolean;
  forced: boolean;
  policy_commands: string[];
  triggers: string[];
}

const tables = (await sql`
  select c.relname as name,
         exists (select from pg_attribute a where a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped) as has_org_id,
         c.relrowsecurity as rls,
         c.relforcerowsecurity as forced,
         array(select p.cmd from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname) as policy_commands,
         array(select t.tgname from pg_trigger t where t.tgrelid = c.oid and not t.tgisinternal) as triggers
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'public' and c.relkind in ('r', 'p')
   order by c.relname`) as unknown as TableInfo[];

const tenantTables = tables.filter((t) => t.has_org_id);
const rlsTables = tables.filter((t) => t.has_org_id || IDENTITY_TABLES.includes(t.name));

/** The argument lists of the calls of app.<name>(..) in a deparsed expression. */
function callArguments(expression: string, name: string): string[] {
  const opening = `app.${name}(`;
  const calls: string[] = [];
  for (let at = expression.indexOf(opening); at >= 0; at = expression.indexOf(opening, at + 1)) {
    let end = at + opening.length;
    for (let depth = 1; depth > 0 && end < expression.length; end++) depth += expression[end] === '(' ? 1 : expression[end] === ')' ? -1 : 0;
    calls.push(expression.slice(at + opening.length, end - 1));
  }
  return calls;
}

/** Arguments made of literals only (`VARIADIC ARRAY['owner'::text, 'admin'::text]`, or none). */
const constantArguments = (args: string) => args.replace(/'(?:[^']|'')*'(?:::\w+)?|\bVARIADIC\b|\bARRAY\b|[[\],\s]/g, '') === '';

describe('catalog', () => {
  it('knows what kind every table is', () => {
    const unclassified = tables
      .filter((t) => !t.has_org_id)
      .map((t) => t.name)
      .filter((name) => ![...IDENTITY_TABLES, ...ENUM_TABLES, ...BOOKKEEPING_TABLES].includes(name));
    expect(unclassified, 'tables without org_id must be identity, enum or bookkeeping tables').toEqual([]);
  });

  it.each(rlsTables.map((t) => [t.name, t] as const))('%s enables and forces row-level security', (_name, table) => {
    expect(table.rls).toBe(true);
    expect(table.forced).toBe(true);
  });

  it.each(tenantTables.map((t) => [t.name, t] as const))('%s has a policy for each command', (name, table) => {
    const expected = APPEND_ONLY_TABLES.includes(name) ? ['SELECT'] : ['DELETE', 'INSERT', 'SELECT', 'UPDATE'];
    const covered = new Set(table.policy_commands.flatMap((cmd) => (cmd === 'ALL' ? ['DELETE', 'INSERT', 'SELECT', 'UPDATE'] : [cmd])));
    for (const command of expected) expect(covered, `${name} lacks a ${command} policy`).toContain(command);
  });

  it.each(APPEND_ONLY_TABLES)('%s grants no update or delete to the service roles', async (name) => {
    const [row] = await sql`
      select bool_or(has_table_privilege(r, ${`public.${name}`}, 'update')
                     or has_any_column_privilege(r, ${`public.${name}`}, 'update')
                     or has_table_privilege(r, ${`public.${name}`}, 'delete')
                     or has_table_privilege(r, ${`public.${name}`}, 'truncate')) as writable
        from unnest(array['workgrid_engine', 'workgrid_app']) as r`;
    expect(row!.writable).toBe(false);
  });

  it.each(tenantTables.filter((t) => !NO_AUDIT_TABLES.includes(t.name)).map((t) => [t.name, t] as const))(
    '%s has the audit, timestamp and version triggers',
    (_name, table) => {
      expect(table.triggers).toEqual(expect.arrayContaining(['_100_timestamps', '_110_version', ...AUDIT_TRIGGERS]));
    },
  );

  it.each(rlsTables.map((t) => [t.name, t] as const))('%s refuses writes of read-only sessions', (_name, table) => {
    // app.install_read_only_guards() (0035) attaches it; a migration adding tables ends with that call.
    expect(table.triggers).toContain('_010_read_only');
  });

  it('audits the orgs table too', () => {
    expect(tables.find((t) => t.name === 'orgs')!.triggers).toEqual(expect.arrayContaining(AUDIT_TRIGGERS));
  });

  it('audits every audited table\'s updates with a function generated for its current columns', async () => {
    // A migration that changes an audited table's columns must call app.refresh_audit_triggers (0084).
    const stale = await sql`
      select a.tbl::text as tbl
        from app.audited_tables() a
        left join pg_proc p on p.oid = to_regproc(app.audit_update_function(a.tbl))
        left join pg_trigger t on t.tgrelid = a.tbl and t.tgname = '_500_audit_update' and t.tgfoid = p.oid
       where t.oid is null
          or p.prosrc is distinct from app.audit_update_source(a.tbl, a.org_column, coalesce(string_to_array(a.audit_omit, ','), '{}'))`;
    expect(stale.map((r) => r.tbl)).toEqual([]);
    expect((await sql`select count(*)::int as n from app.audited_tables()`)[0]!.n).toBeGreaterThan(40);
  });

  it.each(tenantTables.map((t) => t.name))('%s has an index leading with org_id', async (name) => {
    const [row] = await sql`
      select exists (
        select from pg_index i
          join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
         where i.indrelid = ${`public.${name}`}::regclass and a.attname = 'org_id') as indexed`;
    expect(row!.indexed).toBe(true);
  });

  it.each(tenantTables.map((t) => t.name))('%s is covered by the generic isolation tests', (name) => {
    expect([...Object.keys(TENANT_TABLES), ...TRIGGER_WRITTEN_TABLES]).toContain(name);
  });

  it.each(tables.filter((t) => !BOOKKEEPING_TABLES.includes(t.name)).map((t) => t.name))(
    '%s is tracked in the Hasura metadata',
    (name) => {
      const file = `public_${name}.yaml`;
      expect(existsSync(new URL(file, metadataTables)), `hasura/metadata/.../tables/${file} is missing`).toBe(true);
      expect(readFileSync(new URL('tables.yaml', metadataTables), 'utf8')).toContain(`"!include ${file}"`);
    },
  );

  it('sets search_path on every security definer function', async () => {
    const unsafe = await sql`
      select p.oid::regprocedure::text as fn from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where p.prosecdef and n.nspname in ('app', 'app_private', 'public')
         and not exists (select from unnest(p.proconfig) c where c like 'search_path=%')`;
    expect(unsafe.map((r) => r.fn)).toEqual([]);
  });

  // PostgreSQL never inlines a security definer function: given a column of the row, it runs as a
  // query of its own for every row the policy filters (0088).
  it('passes no column of the row to a security definer function in a policy', async () => {
    const definers = (await sql`select p.proname from pg_proc p where p.prosecdef and p.pronamespace = 'app'::regnamespace`).map((r) => r.proname as string);
    const policies = await sql`select tablename, policyname, concat_ws(' ', qual, with_check) as expression from pg_policies where schemaname = 'public'`;
    const perRow = policies.flatMap((policy) => definers.flatMap((name) => callArguments(policy.expression as string, name)
      .filter((args) => !constantArguments(args))
      .map((args) => `${policy.tablename}.${policy.policyname}: app.${name}(${args})`)));
    expect(perRow).toEqual([]);
  });

  it('keeps the service roles from bypassing row-level security or owning anything', async () => {
    const roles = await sql`
      select r.rolname, r.rolbypassrls, r.rolsuper,
             exists (select from pg_class c where c.relowner = r.oid) as owns_tables
        from pg_roles r where r.rolname in ('workgrid_engine', 'workgrid_app') order by r.rolname`;
    expect(roles).toEqual([
      { rolname: 'workgrid_app', rolbypassrls: false, rolsuper: false, owns_tables: false },
      { rolname: 'workgrid_engine', rolbypassrls: false, rolsuper: false, owns_tables: false },
    ]);
  });

  it('keeps app_private out of the engine\'s reach', async () => {
    const [row] = await sql`select has_schema_privilege('workgrid_engine', 'app_private', 'usage') as usable`;
    expect(row!.usable).toBe(false);
  });
});
