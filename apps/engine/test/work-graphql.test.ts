import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql as superuser } from '../../../db/test/support/database.ts';
import { createOrg, type OrgFixture, type OrgRole } from '../../../db/test/support/fixtures.ts';
import { loadMetadataDirectory } from '../src/metadata.ts';
import { asRole, gql, startEngine, type TestEngine } from './support/harness.ts';

// A team plans and runs a project through GraphQL with the real WorkGrid metadata: structure,
// tasks, board moves, dependencies, search, timers and bulk changes, as users of different roles and
// orgs. Visibility is checked twice: with RLS (session set) and with the metadata filters alone.
const METADATA_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'hasura', 'metadata');

type Body = { data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] };

let a: OrgFixture;
let b: OrgFixture;
let engine: TestEngine;
let metadataOnly: TestEngine;

const as = (org: OrgFixture, role: OrgRole) => asRole('user', { 'x-hasura-user-id': org.users[role], 'x-hasura-org-id': org.orgId });

async function call(org: OrgFixture, role: OrgRole, query: string, variables: Record<string, unknown> = {}, on = engine): Promise<Body> {
  return (await gql(on.app, { query, variables, headers: as(org, role) })) as Body;
}

async function data<T = Record<string, unknown>>(org: OrgFixture, role: OrgRole, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = await call(org, role, query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data as T;
}

const codeOf = (body: Body) => body.errors?.[0]?.extensions?.code;

let secretProject = '';
let columns: { todo: string; doing: string } = { todo: '', doing: '' };
let taskIds: string[] = [];

beforeAll(async () => {
  await superuser.begin(async (tx) => {
    a = await createOrg(tx, 'Alpha');
    b = await createOrg(tx, 'Beta');
  });
  const metadata = loadMetadataDirectory(METADATA_DIR);
  engine = await startEngine(metadata);
  metadataOnly = await startEngine(metadata, { sessionToSql: 'mutations' });
});
afterAll(async () => {
  await engine?.close();
  await metadataOnly?.close();
  await superuser`delete from orgs where id in (${a.orgId}, ${b.orgId})`;
  await superuser.end();
});

describe('planning a project through GraphQL', () => {
  it('a manager creates a private project with a board, columns and tasks; keys follow the project', async () => {
    const created = await data<{ insert_projects_one: { id: string } }>(a, 'manager', `
      mutation ($ws: uuid!) {
        insert_projects_one(object: {workspace_id: $ws, key: "SEC", name: "Secret launch", visibility: "private"}) { id }
      }`, { ws: a.workspaceId });
    secretProject = created.insert_projects_one.id;
    const members = await data<{ project_members: unknown[] }>(a, 'manager', `
      query ($p: uuid!) { project_members(where: {project_id: {_eq: $p}}) { user_id role } }`, { p: secretProject });
    expect(members.project_members).toEqual([{ user_id: a.users.manager, role: 'admin' }]);

    await data(a, 'manager', `mutation ($p: uuid!, $u: uuid!) { insert_project_members_one(object: {project_id: $p, user_id: $u, role: "editor"}) { id } }`,
      { p: secretProject, u: a.users.guest });
    const board = await data<{ insert_boards_one: { id: string; columns: { id: string; name: string }[] } }>(a, 'manager', `
      mutation ($p: uuid!) {
        insert_boards_one(object: {project_id: $p, name: "Sprint", view_type: "kanban", config: {swimlanes: "assignee"},
          columns: {data: [{project_id: $p, name: "To do", maps_to_status: "todo", position: 1},
                           {project_id: $p, name: "Doing", maps_to_status: "in_progress", position: 2, wip_limit: 3}]}}) {
          id columns(order_by: {position: asc}) { id name }
        }
      }`, { p: secretProject });
    columns = { todo: board.insert_boards_one.columns[0]!.id, doing: board.insert_boards_one.columns[1]!.id };

    const tasks = await data<{ insert_tasks: { returning: { id: string; key: string; status: string }[] } }>(a, 'manager', `
      mutation ($p: uuid!, $c: uuid!, $u: uuid!) {
        insert_tasks(objects: [
          {project_id: $p, column_id: $c, title: "Draft the announcement", priority: "high", assignees: {data: [{project_id: $p, user_id: $u}]}},
          {project_id: $p, column_id: $c, title: "Book the venue", due_date: "2026-06-01"},
          {project_id: $p, column_id: $c, title: "Send invitations"}]) { returning { id key status } }
      }`, { p: secretProject, c: columns.todo, u: a.users.guest });
    taskIds = tasks.insert_tasks.returning.map((t) => t.id);
    expect(tasks.insert_tasks.returning.map((t) => [t.key, t.status])).toEqual([['SEC-1', 'todo'], ['SEC-2', 'todo'], ['SEC-3', 'todo']]);
  });

  it('shows the private project and its tasks to its members only, with RLS and with metadata alone', async () => {
    const query = `query ($p: uuid!) { projects(where: {id: {_eq: $p}}) { id } tasks(where: {project_id: {_eq: $p}}) { id } }`;
    for (const on of [engine, metadataOnly]) {
      for (const [org, role, sees] of [[a, 'guest', true], [a, 'admin', true], [a, 'member', false], [a, 'agent', false], [b, 'owner', false]] as const) {
        const body = await call(org, role, query, { p: secretProject }, on);
        expect(body.errors).toBeUndefined();
        const seen = body.data as { projects: unknown[]; tasks: unknown[] };
        expect([seen.projects.length, seen.tasks.length], `${org === a ? 'A' : 'B'} ${role}`).toEqual(sees ? [1, 3] : [0, 0]);
      }
    }
  });

  it('moves tasks between columns and refuses a stale move', async () => {
    const moved = await data<{ move_task: { status: string; version: number }[] }>(a, 'guest', `
      mutation ($t: uuid!, $c: uuid!) { move_task(args: {task_id: $t, column_id: $c}) { status version } }`, { t: taskIds[0], c: columns.doing });
    expect(moved.move_task[0]!.status).toBe('in_progress');
    const stale = await call(a, 'guest', `
      mutation ($t: uuid!, $c: uuid!) { move_task(args: {task_id: $t, column_id: $c, expected_version: 1}) { id } }`, { t: taskIds[0], c: columns.todo });
    expect(codeOf(stale)).toBe('task_version_conflict');
    const lostUpdate = await data<{ update_tasks: { affected_rows: number } }>(a, 'guest', `
      mutation ($t: uuid!) { update_tasks(where: {id: {_eq: $t}, version: {_eq: 1}}, _set: {title: "Overwritten"}) { affected_rows } }`, { t: taskIds[0] });
    expect(lostUpdate.update_tasks.affected_rows).toBe(0);
  });

  it('refuses a dependency cycle with task_dependency_cycle, and unblocks when the blocker is done', async () => {
    const link = (blocker: string, blocked: string) => call(a, 'manager', `
      mutation ($p: uuid!, $from: uuid!, $to: uuid!) {
        insert_task_dependencies_one(object: {project_id: $p, blocker_id: $from, blocked_id: $to, kind: "finish_to_start"}) { id }
      }`, { p: secretProject, from: blocker, to: blocked });
    expect((await link(taskIds[1]!, taskIds[2]!)).errors).toBeUndefined();
    expect((await link(taskIds[0]!, taskIds[1]!)).errors).toBeUndefined();
    expect(codeOf(await link(taskIds[2]!, taskIds[0]!))).toBe('task_dependency_cycle');

    const gantt = await data<{ project_gantt: { key: string; is_blocked: boolean; blocked_by: { blocker_id: string }[] }[] }>(a, 'guest', `
      query ($p: uuid!) { project_gantt(args: {project_id: $p}) { key is_blocked blocked_by { blocker_id } } }`, { p: secretProject });
    expect(gantt.project_gantt.find((t) => t.key === 'SEC-3')).toEqual({ key: 'SEC-3', is_blocked: true, blocked_by: [{ blocker_id: taskIds[1] }] });

    await data(a, 'guest', `mutation ($t: uuid!) { update_tasks_by_pk(pk_columns: {id: $t}, _set: {status: "done"}) { id } }`, { t: taskIds[1] });
    const after = await data<{ tasks_by_pk: { is_blocked: boolean } }>(a, 'guest', `query ($t: uuid!) { tasks_by_pk(id: $t) { is_blocked } }`, { t: taskIds[2] });
    expect(after.tasks_by_pk.is_blocked).toBe(false);
  });

  it('searches only what the caller may see', async () => {
    const query = `query { search_work(args: {query: "venue"}) { key } }`;
    expect((await data<{ search_work: { key: string }[] }>(a, 'guest', query)).search_work.map((t) => t.key)).toEqual(['SEC-2']);
    expect((await data<{ search_work: unknown[] }>(a, 'member', query)).search_work).toEqual([]);
    expect((await data<{ search_work: unknown[] }>(b, 'owner', query)).search_work).toEqual([]);
  });

  it('tracks time with one running timer and reports it per project', async () => {
    await data(a, 'guest', `mutation ($t: uuid!) { start_timer(args: {task_id: $t}) { id } }`, { t: taskIds[0] });
    await data(a, 'guest', `mutation ($t: uuid!) { start_timer(args: {task_id: $t, billable: true}) { id } }`, { t: taskIds[2] });
    const running = await data<{ time_entries: unknown[] }>(a, 'guest', `query { time_entries(where: {ended_at: {_is_null: true}}) { id } }`);
    expect(running.time_entries).toHaveLength(1);
    await data(a, 'guest', `mutation { stop_timer { id } }`);
    const report = await data<{ projects_by_pk: { time_entries_aggregate: { aggregate: { count: number } } } }>(a, 'guest', `
      query ($p: uuid!) { projects_by_pk(id: $p) { time_entries_aggregate(where: {started_at: {_gte: "2026-01-01"}}) { aggregate { count sum { duration_seconds } } } } }`,
      { p: secretProject });
    expect(report.projects_by_pk.time_entries_aggregate.aggregate.count).toBe(2);
  });

  it('lets owners and admins change tasks in bulk, nobody else', async () => {
    const mutation = `mutation ($ids: _uuid!) { bulk_update_tasks(args: {task_ids: $ids, status: "cancelled"}) { id } }`;
    const ids = `{${taskIds.join(',')}}`;
    expect(codeOf(await call(a, 'manager', mutation, { ids }))).toBe('bulk_update_forbidden');
    const done = await data<{ bulk_update_tasks: unknown[] }>(a, 'admin', mutation, { ids });
    expect(done.bulk_update_tasks).toHaveLength(3);
  });

  it('shows the task timeline with activity and comments', async () => {
    await data(a, 'manager', `mutation ($t: uuid!) { insert_comments_one(object: {entity_type: task, entity_id: $t, body: "Venue confirmed"}) { id } }`, { t: taskIds[1] });
    const timeline = await data<{ task_timeline: { verb: string; summary: string }[] }>(a, 'manager', `
      query ($t: uuid!) { task_timeline(args: {task_id: $t}) { verb summary } }`, { t: taskIds[1] });
    expect(timeline.task_timeline.map((e) => e.verb)).toEqual(expect.arrayContaining(['task.created', 'task.status_changed', 'comment.created']));
    expect((await data<{ task_timeline: unknown[] }>(a, 'member', `query ($t: uuid!) { task_timeline(args: {task_id: $t}) { verb } }`, { t: taskIds[1] })).task_timeline).toEqual([]);
  });
});
