import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql as superuser } from '../../../db/test/support/database.ts';
import { createOrg, type OrgFixture } from '../../../db/test/support/fixtures.ts';
import type { EngineConfig } from '../src/config.ts';
import { loadMetadataDirectory } from '../src/metadata.ts';
import { RoleView } from '../src/schema.ts';
import type { TableInfo } from '../src/model.ts';
import { asRole, gql, startEngine, type TestEngine } from './support/harness.ts';

// The real WorkGrid metadata on the migrated schema: users of org A must never see org B's rows
// through any root field, relationship or aggregate. Checked with RLS alone (admin role: no
// metadata filters, session set) and with metadata permissions alone (compose mode: queries run
// session-less and the engine role trusts metadata, so RLS lets everything through).
const METADATA_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'hasura', 'metadata');

let a: OrgFixture;
let b: OrgFixture;
/** Every id that belongs to org B only: none may ever appear in a response for A's users. */
let foreignIds: string[];

beforeAll(async () => {
  await superuser.begin(async (tx) => {
    a = await createOrg(tx, 'Alpha');
    b = await createOrg(tx, 'Beta');
  });
  const rows = await superuser<{ id: string }[]>`
    select id::text from orgs where id = ${b.orgId}
    union select user_id::text from org_memberships where org_id = ${b.orgId}
    union select id::text from teams where org_id = ${b.orgId}
    union select id::text from tags where org_id = ${b.orgId}
    union select id::text from comments where org_id = ${b.orgId}
    union select id::text from files where org_id = ${b.orgId}
    union select id::text from settings where org_id = ${b.orgId}
    union select id::text from invitations where org_id = ${b.orgId}
    union select id::text from audit_log where org_id = ${b.orgId}
    union select id::text from notifications where org_id = ${b.orgId}
    union select id::text from projects where org_id = ${b.orgId}
    union select id::text from tasks where org_id = ${b.orgId}
    union select id::text from time_entries where org_id = ${b.orgId}`;
  foreignIds = rows.map((row) => row.id).filter((id) => !Object.values(a.users).includes(id));
  expect(foreignIds.length).toBeGreaterThan(10);
});
afterAll(async () => superuser.end());

/** A query reading every column, relationship and aggregate of `table` the role may see. */
function fullSelection(view: RoleView, table: TableInfo): string {
  const columns = (t: TableInfo) => view.columns(t).map((column) => column.gqlName).join(' ');
  const parts = [columns(table)];
  for (const rel of table.relationships.values()) {
    const target = view.target(rel);
    if (!target) continue;
    parts.push(`${rel.name} { ${columns(target)} }`);
    if (rel.kind === 'array' && view.select(target)?.allowAggregations) parts.push(`${rel.name}_aggregate { aggregate { count } nodes { ${columns(target)} } }`);
  }
  return parts.join(' ');
}

function checkNoForeignIds(body: unknown): void {
  const text = JSON.stringify(body);
  expect(text).not.toContain('"errors"');
  for (const id of foreignIds) expect(text, `leaked ${id}`).not.toContain(id);
}

function isolationSuite(mode: string, overrides: Partial<EngineConfig>, role: 'user' | 'admin'): void {
  describe(`tenant isolation (${mode})`, () => {
    let engine: TestEngine;
    beforeAll(async () => {
      engine = await startEngine(loadMetadataDirectory(METADATA_DIR), overrides);
    });
    afterAll(async () => engine?.close());

    const headersFor = (org: OrgFixture, orgId = org.orgId) => asRole(role, { 'x-hasura-user-id': org.users.owner, 'x-hasura-org-id': orgId });

    it('no root list, relationship or nested aggregate returns another org’s rows', async () => {
      const view = new RoleView(engine.engine.model, 'user');
      let seenOwnOrg = 0;
      for (const table of engine.engine.model.tables.values()) {
        if (!view.select(table)) continue;
        const body = await gql(engine.app, { query: `{ ${table.rootFields.select} { ${fullSelection(view, table)} } }`, headers: headersFor(a) });
        checkNoForeignIds(body);
        if (JSON.stringify(body).includes(a.orgId)) seenOwnOrg += 1;
      }
      // The check is not vacuous: A's own rows come back through most tables.
      expect(seenOwnOrg).toBeGreaterThan(8);
    });

    it('filters, aggregates and by-pk lookups aimed at the other org find nothing', async () => {
      const view = new RoleView(engine.engine.model, 'user');
      for (const table of engine.engine.model.tables.values()) {
        const permission = view.select(table);
        if (!permission) continue;
        const orgColumn = table.columnsByName.get('org_id') ?? (table.name === 'orgs' ? table.columnsByName.get('id') : undefined);
        if (!orgColumn || !permission.columns.has(orgColumn.name)) continue;
        const where = `{${orgColumn.gqlName}: {_eq: "${b.orgId}"}}`;
        const list = await gql(engine.app, { query: `{ ${table.rootFields.select}(where: ${where}) { ${orgColumn.gqlName} } }`, headers: headersFor(a) });
        expect(list, table.name).toEqual({ data: { [table.rootFields.select]: [] } });
        if (permission.allowAggregations) {
          const aggregate = await gql(engine.app, { query: `{ ${table.rootFields.select_aggregate}(where: ${where}) { aggregate { count } } }`, headers: headersFor(a) });
          expect(aggregate, table.name).toEqual({ data: { [table.rootFields.select_aggregate]: { aggregate: { count: 0 } } } });
        }
        const pk = table.pg.primaryKey;
        if (pk?.columns.length === 1 && pk.columns[0] === 'id' && table.name !== 'orgs') {
          const ids = await superuser.unsafe<{ id: string }[]>(`select id::text from "public"."${table.name}" where org_id = $1 limit 3`, [b.orgId]);
          for (const { id } of ids) {
            const byPk = await gql(engine.app, { query: `{ ${table.rootFields.select_by_pk}(id: "${id}") { id } }`, headers: headersFor(a) });
            expect(byPk, `${table.name} ${id}`).toEqual({ data: { [table.rootFields.select_by_pk]: null } });
          }
        }
      }
    });

    it('claiming the other org in the session does not open it', async () => {
      const view = new RoleView(engine.engine.model, 'user');
      for (const table of engine.engine.model.tables.values()) {
        if (!view.select(table)) continue;
        const body = await gql(engine.app, { query: `{ ${table.rootFields.select} { ${fullSelection(view, table)} } }`, headers: headersFor(a, b.orgId) });
        checkNoForeignIds(body);
      }
    });

    it('updates and deletes aimed at the other org change nothing', async () => {
      const view = new RoleView(engine.engine.model, 'user');
      const before = await superuser<{ n: number }[]>`select count(*)::int as n from audit_log where org_id = ${b.orgId}`;
      for (const table of engine.engine.model.tables.values()) {
        const orgColumn = table.columnsByName.get('org_id') ?? (table.name === 'orgs' ? table.columnsByName.get('id') : undefined);
        if (!orgColumn || !view.select(table)?.columns.has(orgColumn.name)) continue;
        const where = `{${orgColumn.gqlName}: {_eq: "${b.orgId}"}}`;
        const update = table.update.get('user');
        const probe = table.columns.find((column) => update?.columns.has(column.name) && ['text', 'citext', 'varchar'].includes(column.pg.typeName) && !column.enumTable && !(column.name in update.set));
        if (update && (probe || role === 'user')) {
          const set = probe ? `{${probe.gqlName}: "isolation-probe"}` : '{}';
          const body = await gql(engine.app, { query: `mutation { ${table.rootFields.update}(where: ${where}, _set: ${set}) { affected_rows } }`, headers: headersFor(a) });
          expect(body, table.name).toEqual({ data: { [table.rootFields.update]: { affected_rows: 0 } } });
        }
        if (table.delete.has('user')) {
          const body = await gql(engine.app, { query: `mutation { ${table.rootFields.delete}(where: ${where}) { affected_rows } }`, headers: headersFor(a, b.orgId) });
          expect(body, table.name).toEqual({ data: { [table.rootFields.delete]: { affected_rows: 0 } } });
        }
      }
      const after = await superuser<{ n: number }[]>`select count(*)::int as n from audit_log where org_id = ${b.orgId}`;
      expect(after[0]?.n).toBe(before[0]?.n);
    });

    it('inserts into the other org are refused and write nothing', async () => {
      const body = (await gql(engine.app, { query: 'mutation { insert_tags_one(object: {name: "intruder"}) { id } }', headers: headersFor(a, b.orgId) })) as { errors?: { extensions: { code: string } }[] };
      expect(body.errors?.[0]?.extensions.code).toBe('permission-error');
      expect(await superuser`select 1 from tags where org_id = ${b.orgId} and name = 'intruder'`).toHaveLength(0);
    });

    it('anonymous sees reference data only', async () => {
      const body = await gql(engine.app, { query: '{ __schema { queryType { fields { name } } } }', headers: { 'x-hasura-user-id': a.users.owner, 'x-hasura-org-id': a.orgId } });
      const fields = (body as { data: { __schema: { queryType: { fields: { name: string }[] } } } }).data.__schema.queryType.fields.map((field) => field.name);
      for (const name of fields) expect(['entity_types', 'entity_types_by_pk', 'org_roles', 'org_roles_by_pk']).toContain(name);
    });
  });
}

isolationSuite('RLS alone: admin role, session set', {}, 'admin');
isolationSuite('RLS and metadata: user role, session set', {}, 'user');
isolationSuite('metadata alone: session-less queries, RLS relaxed', { sessionToSql: 'mutations' }, 'user');

describe('the metadata-only run is meaningful', () => {
  it('with RLS relaxed and no metadata filter (admin), the other org is visible', async () => {
    const engine = await startEngine(loadMetadataDirectory(METADATA_DIR), { sessionToSql: 'mutations' });
    try {
      const body = await gql(engine.app, { query: `{ teams(where: {org_id: {_eq: "${b.orgId}"}}) { id } }`, headers: asRole('admin', { 'x-hasura-org-id': a.orgId }) });
      expect((body as { data: { teams: unknown[] } }).data.teams.length).toBeGreaterThan(0);
    } finally {
      await engine.close();
    }
  });
});

describe('SQL rule codes', () => {
  it('surface as the error code, without SQL detail for non-admins', async () => {
    const engine = await startEngine(loadMetadataDirectory(METADATA_DIR));
    try {
      const body = await gql(engine.app, {
        query: `mutation { update_org_memberships(where: {user_id: {_eq: "${a.users.owner}"}, org_id: {_eq: "${a.orgId}"}}, _set: {role: admin}) { affected_rows } }`,
        headers: { 'x-hasura-admin-secret': 's3cret', 'x-hasura-role': 'user', 'x-hasura-user-id': a.users.owner, 'x-hasura-org-id': a.orgId },
      });
      expect(body).toEqual({ errors: [{ message: 'org_last_owner', extensions: { path: '$.selectionSet.update_org_memberships', code: 'org_last_owner' } }] });
    } finally {
      await engine.close();
    }
  });
});
