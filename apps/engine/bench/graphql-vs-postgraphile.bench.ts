// The engine against PostGraphile v5 (part of `npm run bench`), on the same throwaway PostgreSQL
// (the test suite's setup), schema and data: the WorkGrid schema with 100 orgs × 1,000 tasks (10
// members, 5 projects, an assignee and 6 comments per task), generated set-based. Each server runs
// in a process of its own and is loaded by autocannon at 32 connections. Authorization is the
// same for both: both connect as workgrid_engine (NOBYPASSRLS) and run every request in a
// transaction whose `hasura.user` carries the member's session (the engine from a signed JWT,
// PostGraphile from pgSettings), so the same row-level security decides what each answers.
// BENCH_SECONDS (default 8) sets the duration of each load.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { fixed, runBenchmark } from '../../../scripts/bench/harness.ts';
import { repoRoot } from '../../../scripts/lib/paths.ts';
import { startEngineProcess, startProcess, throwawayDatabase, userToken } from './support.ts';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 8);
const CONNECTIONS = 32;
const benchDir = join(repoRoot, 'apps', 'engine', 'bench');

/** 100 orgs of 10 users, 5 projects and 1,000 tasks each; every task one assignee and 6 comments. */
const DATA = `
set session_replication_role = replica;
create temp table bo as select o, gen_random_uuid() as org_id, gen_random_uuid() as ws_id from generate_series(1, 100) o;
create temp table bu as select o, u, gen_random_uuid() as user_id from generate_series(1, 100) o, generate_series(1, 10) u;
create temp table bp as select o, p, gen_random_uuid() as project_id from generate_series(1, 100) o, generate_series(1, 5) p;
create temp table bt as select o, n, gen_random_uuid() as task_id from generate_series(1, 100) o, generate_series(1, 1000) n;
insert into users (id, email, display_name) select user_id, 'u' || o || '-' || u || '@bench.example', 'User ' || o || '-' || u from bu;
insert into orgs (id, name, slug, created_by) select org_id, 'Bench ' || o, 'bench-' || o, (select user_id from bu where bu.o = bo.o and u = 1) from bo;
insert into org_memberships (org_id, user_id, role) select org_id, user_id, case when u = 1 then 'owner' else 'member' end from bu join bo using (o);
insert into workspaces (id, org_id, name, created_by) select ws_id, org_id, 'Workspace', (select user_id from bu where bu.o = bo.o and u = 1) from bo;
insert into projects (id, org_id, workspace_id, key, name, created_by)
  select project_id, org_id, ws_id, 'P' || p, 'Project ' || p, (select user_id from bu where bu.o = bo.o and u = 1) from bp join bo using (o);
insert into tasks (id, org_id, project_id, number, key, title, created_by, created_at)
  select task_id, org_id, (select project_id from bp where bp.o = bt.o and p = 1 + n % 5), n, 'P' || (1 + n % 5) || '-' || n, 'Task ' || n,
         (select user_id from bu where bu.o = bt.o and u = 1), now() - n * interval '1 minute'
    from bt join bo using (o);
insert into app.task_counters (project_id, last_number) select project_id, max(number) from tasks group by project_id;
insert into task_assignees (org_id, project_id, task_id, user_id)
  select t.org_id, t.project_id, t.id, (select user_id from bu where bu.o = bt.o and u = 1 + bt.n % 10) from bt join tasks t on t.id = bt.task_id;
insert into comments (org_id, entity_type, entity_id, author_id, body, created_at)
  select t.org_id, 'task', t.id, t.created_by, 'Comment ' || c || ' on ' || t.key, now() - c * interval '1 hour'
    from tasks t, generate_series(1, 6) c where t.org_id in (select org_id from bo);
set session_replication_role = origin;
-- PostGraphile follows foreign keys only; comments point at their entity by (entity_type, entity_id).
-- Nor does it expose a relation whose referencing columns no index leads with (task_assignees'
-- (org_id, project_id, task_id) key is indexed by task_id): both as the engine's metadata has them.
comment on table comments is E'@foreignKey (entity_id) references tasks (id)|@fieldName task|@foreignFieldName comments';
comment on table task_assignees is E'@foreignKey (task_id) references tasks (id)|@fieldName assignedTask|@foreignFieldName assignees\n@foreignKey (user_id) references users (id)|@fieldName user|@foreignFieldName assignments';
-- With global object ids, PostGraphile names an \`id\` column \`rowId\`, which audit_log already has.
comment on column audit_log.row_id is E'@name auditedRowId';
analyze;
`;

interface Scenario {
  name: string;
  engine: string;
  postgraphile: string;
  variables: Record<string, unknown>;
}

async function post(url: string, headers: Record<string, string>, query: string, variables: Record<string, unknown>): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { errors?: unknown; data?: unknown };
  if (body.errors || !body.data) throw new Error(`${url}: ${JSON.stringify(body).slice(0, 500)}`);
  return body.data;
}

async function load(url: string, headers: Record<string, string>, query: string, variables: Record<string, unknown>) {
  const result = await autocannon({
    url, connections: CONNECTIONS, duration: SECONDS, method: 'POST',
    headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }),
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { perSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

await runBenchmark({
  name: 'engine vs PostGraphile',
  run: async (report) => {
    const database = await throwawayDatabase();
    const superuser = postgres(database.superuserUrl, { max: 1, onnotice: () => {} });
    const children: ChildProcess[] = [];
    try {
      await superuser.unsafe(DATA);
      const [member] = await superuser<{ org_id: string; user_id: string; project_id: string; task_id: string }[]>`
        select m.org_id, m.user_id, (select id from projects p where p.org_id = m.org_id limit 1) as project_id,
               (select id from tasks t where t.org_id = m.org_id order by number desc limit 1) as task_id
          from org_memberships m join users u on u.id = m.user_id where u.email = 'u1-2@bench.example'`;
      const session = { 'x-hasura-role': 'user', 'x-hasura-user-id': member!.user_id, 'x-hasura-org-id': member!.org_id };

      const engine = await startEngineProcess(database.engineUrl);
      children.push(engine.child);
      const token = await userToken(engine.jwtKey, member!.user_id, member!.org_id);
      const pgProcess = await startProcess(['--import', join(benchDir, 'promise-with-resolvers.mjs'), '--import', 'tsx', join(benchDir, 'postgraphile-server.ts')], {
        DATABASE_URL: database.engineUrl,
        NODE_ENV: 'production',
      }, /^listening \d+/);
      children.push(pgProcess.child);
      const engineUrl = engine.url;
      const postgraphileUrl = `http://127.0.0.1:${/\d+/.exec(pgProcess.line)![0]}/graphql`;
      const engineHeaders = { authorization: `Bearer ${token}` };

      const scenarios: Scenario[] = [
        {
          name: '100 tasks with assignee, project, 5 latest comments',
          engine: 'query { tasks(limit: 100, order_by: {id: asc}) { id key title assignees { user { id display_name } } project { id name } comments(order_by: {created_at: desc}, limit: 5) { id body created_at } } }',
          postgraphile: 'query { allTasks(first: 100, orderBy: PRIMARY_KEY_ASC) { nodes { rowId key title assignees { nodes { user { rowId displayName } } } projectByOrgIdAndProjectId { rowId name } comments(first: 5, orderBy: CREATED_AT_DESC) { nodes { rowId body createdAt } } } } }',
          variables: {},
        },
        {
          name: 'task by primary key',
          engine: 'query ($id: uuid!) { tasks_by_pk(id: $id) { id key title status } }',
          postgraphile: 'query ($id: UUID!) { taskByRowId(rowId: $id) { rowId key title status } }',
          variables: { id: member!.task_id },
        },
        {
          name: 'insert a task, returning it',
          engine: 'mutation ($p: uuid!) { insert_tasks_one(object: {project_id: $p, title: "Benchmark task"}) { id key title } }',
          postgraphile: 'mutation ($p: UUID!, $o: UUID!) { createTask(input: {task: {orgId: $o, projectId: $p, title: "Benchmark task"}}) { task { rowId key title } } }',
          variables: { p: member!.project_id, o: member!.org_id },
        },
      ];
      for (const scenario of scenarios) {
        const engineData = JSON.stringify(await post(engineUrl, engineHeaders, scenario.engine, scenario.variables));
        const pgData = JSON.stringify(await post(postgraphileUrl, session, scenario.postgraphile, scenario.variables));
        if (engineData.length < 20 || pgData.length < 20) throw new Error(`${scenario.name}: empty answer`);
        const ours = await load(engineUrl, engineHeaders, scenario.engine, scenario.variables);
        const theirs = await load(postgraphileUrl, session, scenario.postgraphile, scenario.variables);
        const note = `${CONNECTIONS} connections, ${SECONDS} s each`;
        const ratio = theirs.perSecond > 0 ? fixed(ours.perSecond / theirs.perSecond, 2) : 'PostGraphile completed none';
        report({ metric: `${scenario.name}: requests/s engine / PostGraphile (ratio)`, value: `${fixed(ours.perSecond)} / ${fixed(theirs.perSecond)} (${ratio})`, note });
        report({ metric: `${scenario.name}: p50 / p99 ms engine | PostGraphile`, value: `${ours.p50} / ${ours.p99} | ${theirs.p50} / ${theirs.p99}`, note });
      }
    } finally {
      for (const child of children) child.kill('SIGTERM');
      await superuser.end();
      await database.teardown();
    }
  },
});
