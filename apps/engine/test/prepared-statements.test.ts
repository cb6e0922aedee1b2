import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql as superuser } from '../../../db/test/support/database.ts';
import { createOrg, type OrgFixture } from '../../../db/test/support/fixtures.ts';
import { loadMetadataDirectory } from '../src/metadata.ts';
import { asRole, gql, startEngine, type TestEngine } from './support/harness.ts';

// An operation that comes back runs as a prepared statement (its text is the same whatever the
// variables and session, which are bound parameters). Repeated well past the runs after which
// Postgres may switch to a generic plan, it must still answer each session and each variable set
// with its own rows only.
const METADATA_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'hasura', 'metadata');
const RUNS = 8;

let a: OrgFixture;
let b: OrgFixture;
let engine: TestEngine;

beforeAll(async () => {
  await superuser.begin(async (tx) => {
    a = await createOrg(tx, 'PreparedA');
    b = await createOrg(tx, 'PreparedB');
  });
  engine = await startEngine(loadMetadataDirectory(METADATA_DIR));
});
afterAll(async () => {
  await engine.close();
  await superuser.end();
});

const member = (org: OrgFixture) => asRole('user', { 'x-hasura-user-id': org.users.member, 'x-hasura-org-id': org.orgId });

describe('repeated operations', () => {
  it("answer each session with its own org's rows, alternating sessions on the same text", async () => {
    const query = 'query ($ids: [uuid!]!) { tasks(where: {id: {_in: $ids}}, order_by: {id: asc}) { id org_id } }';
    const everyTask = [...a.taskIds, ...b.taskIds];
    for (let run = 0; run < RUNS; run += 1) {
      for (const org of [a, b]) {
        const body = (await gql(engine.app, { query, variables: { ids: everyTask }, headers: member(org) })) as { data: { tasks: { id: string; org_id: string }[] } };
        expect(body.data.tasks.map((task) => task.id)).toEqual([...org.taskIds].sort());
        expect(new Set(body.data.tasks.map((task) => task.org_id))).toEqual(new Set([org.orgId]));
      }
    }
  });

  it('answer each variable set with its own row', async () => {
    const query = 'query ($id: uuid!) { tasks_by_pk(id: $id) { id } }';
    for (let run = 0; run < RUNS; run += 1) {
      for (const id of a.taskIds) {
        expect(await gql(engine.app, { query, variables: { id }, headers: member(a) })).toEqual({ data: { tasks_by_pk: { id } } });
      }
      expect(await gql(engine.app, { query, variables: { id: b.taskIds[0] }, headers: member(a) })).toEqual({ data: { tasks_by_pk: null } });
    }
  });

  it('run a tracked mutation function with each call\'s arguments', async () => {
    const column = { id: a.columnId };
    const move = 'mutation ($t: uuid!, $c: uuid!, $after: uuid) { move_task(args: {task_id: $t, column_id: $c, after_task_id: $after}) { id column_id } }';
    const owner = asRole('user', { 'x-hasura-user-id': a.users.owner, 'x-hasura-org-id': a.orgId });
    for (const task of a.taskIds) {
      expect(await gql(engine.app, { query: move, variables: { t: task, c: column.id, after: null }, headers: owner })).toEqual({ data: { move_task: [{ id: task, column_id: column.id }] } });
    }
    for (let run = 0; run < RUNS; run += 1) {
      const moved = a.taskIds[run % 3]!;
      const after = a.taskIds[(run + 1) % 3]!;
      const body = await gql(engine.app, { query: move, variables: { t: moved, c: column.id, after }, headers: owner });
      expect(body).toEqual({ data: { move_task: [{ id: moved, column_id: column.id }] } });
      const [order] = await superuser<{ ids: string[] }[]>`select array_agg(id order by position) as ids from tasks where column_id = ${column.id} and deleted_at is null`;
      expect(order!.ids.indexOf(moved)).toBe(order!.ids.indexOf(after) + 1);
    }
    const foreign = await gql(engine.app, { query: move, variables: { t: b.taskIds[0], c: column.id, after: null }, headers: owner });
    expect(JSON.stringify(foreign)).toContain('task_not_found');
  });
});
