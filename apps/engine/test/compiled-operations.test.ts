import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql as superuser } from '../../../db/test/support/database.ts';
import { createOrg, type OrgFixture } from '../../../db/test/support/fixtures.ts';
import type { ResolvedAuth } from '../src/auth.ts';
import { loadMetadataDirectory } from '../src/metadata.ts';
import type { ColumnInfo, TableInfo } from '../src/model.ts';
import { RoleView, scalarName } from '../src/schema.ts';
import { asRole, gql, startEngine, type TestEngine } from './support/harness.ts';

// The compiled-operation cache: a repeated operation is not compiled again, yet runs exactly the
// statements a fresh compile would give for its own variables and session.
const METADATA_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'hasura', 'metadata');

let a: OrgFixture;
let b: OrgFixture;
let engine: TestEngine;

beforeAll(async () => {
  await superuser.begin(async (tx) => {
    a = await createOrg(tx, 'CompiledA');
    b = await createOrg(tx, 'CompiledB');
  });
  engine = await startEngine(loadMetadataDirectory(METADATA_DIR));
});
afterAll(async () => {
  await engine.close();
  await superuser.end();
});

const member = (org: OrgFixture) => asRole('user', { 'x-hasura-user-id': org.users.member, 'x-hasura-org-id': org.orgId });

interface Case {
  query: string;
  /** The same shape for both orgs, with each org's own values. */
  variables: (org: OrgFixture, index: number) => Record<string, unknown>;
}

/** A value of the column's type for `org`, or undefined for types the corpus leaves out. */
function valueFor(column: ColumnInfo, org: OrgFixture, index: number): { op: string; value: unknown } | undefined {
  switch (scalarName(column)) {
    case 'uuid':
      return { op: '_in', value: [org.orgId, org.users.member, org.taskIds[index % 3], org.projectId] };
    case 'String':
      return { op: index % 2 === 0 ? '_ilike' : '_neq', value: `${org.orgId.slice(0, 4)}%${index}` };
    case 'timestamptz':
      return { op: '_gt', value: `20${10 + (index % 10)}-0${1 + (index % 9)}-01T00:00:00Z` };
    case 'Boolean':
      return { op: '_eq', value: true };
    case 'Int':
      return { op: '_gte', value: 0 };
    default:
      return undefined;
  }
}

/** Operations over every table the role `user` may read (and update): lists, aggregates, by-pk, updates. */
function corpus(): Case[] {
  const roleSchema = engine.engine.roleSchema('user');
  const view = new RoleView(engine.engine.model, 'user');
  const cases: Case[] = [];
  for (const [name, target] of roleSchema.queryRoot) {
    const table: TableInfo = target.table;
    const columns = view.columns(table);
    const selected = columns.slice(0, 6).map((column) => column.gqlName).join(' ');
    const filterable = columns.filter((column) => valueFor(column, a, 0) !== undefined).slice(0, 3);
    const where = (org: OrgFixture, index: number) => ({
      _or: [
        Object.fromEntries(filterable.map((column) => {
          const { op, value } = valueFor(column, org, index) as { op: string; value: unknown };
          return [column.gqlName, { [op]: value }];
        })),
        { [columns[0]?.gqlName ?? 'id']: { _is_null: true } },
      ],
    });
    const relationship = [...table.relationships.values()].find((rel) => {
      const related = engine.engine.model.tables.get(rel.target);
      return related && view.select(related) && view.columns(related).length > 0;
    });
    const related = relationship ? engine.engine.model.tables.get(relationship.target) : undefined;
    const nested = relationship && related ? ` ${relationship.name} { ${view.columns(related)[0]?.gqlName ?? ''} }` : '';
    if (target.kind === 'select') {
      cases.push({
        query: `query ($where: ${table.gqlName}_bool_exp, $limit: Int, $skip: Boolean!) { ${name}(where: $where, limit: $limit, order_by: {${columns[0]?.gqlName ?? 'id'}: asc}) { ${selected}${nested} __typename } extra: ${name}(limit: 1) @skip(if: $skip) { ${columns[0]?.gqlName ?? 'id'} } }`,
        variables: (org, index) => ({ where: where(org, index), limit: 5, skip: false }),
      });
    } else if (target.kind === 'select_aggregate') {
      cases.push({ query: `query ($where: ${table.gqlName}_bool_exp) { ${name}(where: $where) { aggregate { count } } }`, variables: (org, index) => ({ where: where(org, index) }) });
    } else {
      const keys = table.pg.primaryKey?.columns ?? [];
      const keyColumns = keys.map((key) => table.columnsByName.get(key)).filter((column): column is ColumnInfo => column !== undefined);
      if (keyColumns.length === 0 || keyColumns.some((column) => scalarName(column) !== 'uuid')) continue;
      const args = keyColumns.map((column) => `${column.gqlName}: $${column.gqlName}`).join(', ');
      const params = keyColumns.map((column) => `$${column.gqlName}: uuid!`).join(', ');
      cases.push({
        query: `query (${params}) { ${name}(${args}) { ${selected}${nested} } }`,
        variables: (org, index) => Object.fromEntries(keyColumns.map((column, position) => [column.gqlName, [org.orgId, ...org.taskIds, org.projectId][(index + position) % 5]])),
      });
    }
  }
  for (const [name, target] of roleSchema.mutationRoot) {
    const update = view.update(target.table);
    const text = target.table.columns.find((column) => update?.columns.has(column.name) && !(column.name in update.set) && scalarName(column) === 'String');
    if (target.kind !== 'update' || !text) continue;
    cases.push({
      query: `mutation ($where: ${target.table.gqlName}_bool_exp!, $set: ${target.table.gqlName}_set_input) { ${name}(where: $where, _set: $set) { affected_rows returning { ${text.gqlName} } } }`,
      variables: (org, index) => ({ where: { org_id: { _eq: org.orgId } }, set: { [text.gqlName]: `renamed ${index} ${org.orgId}` } }),
    });
  }
  return cases;
}

async function authOf(org: OrgFixture): Promise<ResolvedAuth> {
  const auth = await engine.engine.authenticate(member(org));
  auth.session['x-hasura-request-id'] = `request-${org.orgId}`;
  return auth;
}

describe('compiled-operation cache', () => {
  it('binds a cached operation exactly as a fresh compile would, for other variables and another session', async () => {
    const cases = corpus();
    expect(cases.length).toBeGreaterThan(50);
    const [authA, authB] = [await authOf(a), await authOf(b)];
    let rebound = 0;
    for (const [index, { query, variables }] of cases.entries()) {
      const first = { query, variables: variables(a, index) };
      const second = { query, variables: variables(b, index + 2) };
      engine.engine.useCompiledCache = true;
      const compile = (body: unknown, auth: ResolvedAuth) => {
        try {
          return engine.engine.compiledStatements(body, auth);
        } catch (error) {
          return { error: (error as Error).message };
        }
      };
      compile(first, authA);
      const hits = engine.engine.compileStats.hits;
      const cached = compile(second, authB);
      if (engine.engine.compileStats.hits > hits) rebound += 1;
      engine.engine.useCompiledCache = false;
      expect(cached, query).toEqual(compile(second, authB));
      if (query.startsWith('mutation')) continue;
      const fresh = await gql(engine.app, { ...second, headers: member(b) });
      engine.engine.useCompiledCache = true;
      await gql(engine.app, { ...first, headers: member(a) });
      expect(await gql(engine.app, { ...second, headers: member(b) }), query).toEqual(fresh);
    }
    engine.engine.useCompiledCache = true;
    // Nearly all of the corpus is served from the cache; the rest falls back to compiling.
    expect(rebound).toBeGreaterThan(cases.length * 0.9);
  }, 120_000);

  it("does not compile a repeated operation again, and binds the new session's org in the permission filters", async () => {
    const query = 'query ($ids: [uuid!]!, $title: String) { tasks(where: {id: {_in: $ids}, title: {_neq: $title}}, order_by: {id: asc}) { id org_id } }';
    const ids = [...a.taskIds, ...b.taskIds];
    const ask = async (org: OrgFixture) => (await gql(engine.app, { query, variables: { ids, title: org.orgId }, headers: member(org) })) as { data: { tasks: { id: string; org_id: string }[] } };
    expect((await ask(a)).data.tasks.map((task) => task.org_id)).toEqual([a.orgId, a.orgId, a.orgId]);
    const { compiles, hits } = engine.engine.compileStats;
    const answer = await ask(b);
    expect(engine.engine.compileStats).toEqual({ compiles, hits: hits + 1 });
    expect(answer.data.tasks.map((task) => task.id)).toEqual([...b.taskIds].sort());
    expect(answer.data.tasks.map((task) => task.org_id)).toEqual([b.orgId, b.orgId, b.orgId]);
    // The permission filter (not only row-level security) carries org B's values, none of org A's.
    const [statement] = engine.engine.compiledStatements({ query, variables: { ids, title: 'x' } }, await authOf(b));
    expect(statement?.params).toContain(b.orgId);
    expect(statement?.params).not.toContain(a.orgId);
    expect(engine.engine.compileStats.compiles).toBe(compiles);
  });

  it('compiles afresh what changes the SQL text: another shape, another limit, a skipped field', async () => {
    const query = 'query ($where: tasks_bool_exp, $limit: Int, $skip: Boolean!) { tasks(where: $where, limit: $limit) { id } again: tasks @skip(if: $skip) { id } }';
    const run = async (variables: Record<string, unknown>) => (await gql(engine.app, { query, variables, headers: member(a) })) as { data: Record<string, { id: string }[]> };
    await run({ where: { id: { _eq: a.taskIds[0] } }, limit: 2, skip: true });
    const { compiles } = engine.engine.compileStats;
    const answers = [
      await run({ where: { id: { _in: [a.taskIds[0], a.taskIds[1]] } }, limit: 2, skip: true }),
      await run({ where: { id: { _in: a.taskIds } }, limit: 1, skip: true }),
      await run({ where: { id: { _in: a.taskIds } }, limit: 1, skip: false }),
    ];
    expect(engine.engine.compileStats.compiles).toBe(compiles + 3);
    expect(answers.map((answer) => answer.data['tasks']?.length)).toEqual([2, 1, 1]);
    expect(answers.map((answer) => answer.data['again'] !== undefined)).toEqual([false, false, true]);
  });

  it('keeps variable coercion errors and limits on a cached operation', async () => {
    const query = 'query ($id: uuid!) { tasks_by_pk(id: $id) { id } }';
    await gql(engine.app, { query, variables: { id: a.taskIds[0] }, headers: member(a) });
    expect(await gql(engine.app, { query, variables: {}, headers: member(a) })).toEqual({ errors: [{ message: 'expecting a value for non-nullable variable: "id"', extensions: { path: '$', code: 'validation-failed' } }] });
    const invalid = (await gql(engine.app, { query, variables: { id: 'not-a-uuid' }, headers: member(a) })) as { errors: { extensions: { code: string } }[] };
    expect(invalid.errors[0]?.extensions.code).toBe('data-exception');
    expect(await gql(engine.app, { query, variables: { id: a.taskIds[1] }, headers: member(a) })).toEqual({ data: { tasks_by_pk: { id: a.taskIds[1] } } });
    expect(await gql(engine.app, { query, variables: { id: a.taskIds[1] }, headers: member(b) })).toEqual({ data: { tasks_by_pk: null } });
  });
});
