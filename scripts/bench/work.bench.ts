// Work-management benchmark (part of `npm run bench`) with the local stack's database (`npm start` writes
// .env; DATABASE_URL overrides). In a throwaway org it loads a board of 5,000 tasks and 100,000
// tasks to search, then measures through the embedded engine as a signed-in member: loading the
// board, moving a task, searching; and checks that the plans of those queries use their indexes.
// The org is deleted at the end.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { buildApp } from '../../apps/engine/src/app.ts';
import { loadConfig as loadEngineConfig } from '../../apps/engine/src/config.ts';
import { Engine } from '../../apps/engine/src/engine.ts';
import { loadConfig } from '../lib/config.ts';
import { repoRoot } from '../lib/paths.ts';
import { fixed, percentile, runBenchmark, type BenchResult } from './harness.ts';

const BOARD_TASKS = 5_000;
const SEARCH_TASKS = 100_000;

async function timed(metric: string, runs: number, task: (i: number) => Promise<void>): Promise<BenchResult> {
  const latencies: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await task(i);
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  return { metric: `${metric} p50 / p99 (ms)`, value: `${fixed(percentile(latencies, 50))} / ${fixed(percentile(latencies, 99))}`, note: `${runs} runs, one at a time` };
}

async function measure(report: (result: BenchResult) => void): Promise<void> {
  const workgrid = loadConfig();
  const owner = postgres(workgrid.settings.DATABASE_URL, { max: 2, onnotice: () => {} });
  const asEngine = postgres(workgrid.settings.ENGINE_DATABASE_URL, { max: 1, onnotice: () => {} });
  const adminSecret = workgrid.variables['HASURA_GRAPHQL_ADMIN_SECRET'] ?? randomUUID();
  const engine = new Engine(loadEngineConfig({
    HASURA_GRAPHQL_DATABASE_URL: workgrid.settings.ENGINE_DATABASE_URL,
    HASURA_GRAPHQL_METADATA_DIR: join(repoRoot, 'hasura', 'metadata'),
    HASURA_GRAPHQL_ADMIN_SECRET: adminSecret,
    ACTIONS_BASE_URL: workgrid.variables['ACTIONS_BASE_URL'],
    ACTIONS_SECRET: workgrid.variables['ACTIONS_SECRET'],
  }));

  const tag = randomUUID().slice(0, 8);
  let orgId = '';
  try {
    const inconsistencies = await engine.start();
    if (inconsistencies.length > 0) throw new Error(`inconsistent metadata: ${inconsistencies.map((item) => item.reason).join('; ')}`);
    const app = buildApp(engine);
    await app.ready();

    // --- Data: committed, as the owner role, with the org's session for the triggers. ---
    const ids = await owner.begin(async (tx) => {
      const [user] = await tx`insert into users (email, display_name) values (${`bench-${tag}@bench.example`}, 'Bench') returning id`;
      const userId = user!.id as string;
      const [org] = await tx`insert into orgs (name, slug, created_by) values ('Bench', ${`bench-${tag}`}, ${userId}) returning id`;
      await tx`select set_config('hasura.user', ${JSON.stringify({ 'x-hasura-org-id': org!.id, 'x-hasura-user-id': userId })}, true)`;
      const [ws] = await tx`insert into workspaces (org_id, name, created_by) values (${org!.id as string}, 'Bench', ${userId}) returning id`;
      const project = async (key: string) =>
        (await tx`insert into projects (org_id, workspace_id, key, name, created_by) values (${org!.id as string}, ${ws!.id as string}, ${key}, ${key}, ${userId}) returning id`)[0]!.id as string;
      const boardProject = await project('BRD');
      const searchProject = await project('SRC');
      const [board] = await tx`insert into boards (org_id, project_id, name, created_by) values (${org!.id as string}, ${boardProject}, 'Board', ${userId}) returning id`;
      const [column] = await tx`insert into board_columns (org_id, project_id, board_id, name) values (${org!.id as string}, ${boardProject}, ${board!.id as string}, 'Doing') returning id`;
      await tx`
        insert into tasks (org_id, project_id, column_id, position, title, created_by)
        select ${org!.id as string}, ${boardProject}, ${column!.id as string}, n * 1024, 'Board card ' || n, ${userId} from generate_series(1, ${BOARD_TASKS}) n`;
      return { orgId: org!.id as string, userId, boardProject, searchProject, board: board!.id as string, column: column!.id as string };
    });
    orgId = ids.orgId;
    // The search corpus is bulk-loaded without the row triggers (numbers and keys given), as a restore would.
    await owner.begin(async (tx) => {
      await tx`alter table tasks disable trigger user`;
      await tx`
        insert into tasks (org_id, project_id, number, key, title, description, created_by)
        select ${ids.orgId}, ${ids.searchProject}, n, 'SRC-' || n,
               (array['Design', 'Fix', 'Ship', 'Review', 'Plan'])[1 + n % 5] || ' ' || (array['invoice export', 'login page', 'search index', 'billing', 'onboarding', 'dark mode', 'audit view'])[1 + n % 7] || ' ' || n,
               'Generated task ' || n || ' for the search benchmark', ${ids.userId}
          from generate_series(1, ${SEARCH_TASKS}) n`;
      await tx`alter table tasks enable trigger user`;
    });
    await owner`analyze tasks`;

    const headers = { 'content-type': 'application/json', 'x-hasura-admin-secret': adminSecret, 'x-hasura-role': 'user', 'x-hasura-user-id': ids.userId, 'x-hasura-org-id': ids.orgId };
    const gql = async (query: string, variables: Record<string, unknown>) => {
      const response = await app.inject({ method: 'POST', url: '/v1/graphql', headers, payload: JSON.stringify({ query, variables }) });
      const body = JSON.parse(response.body) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body;
    };

    const boardQuery = `query ($b: uuid!) { boards_by_pk(id: $b) { columns { id tasks(where: {deleted_at: {_is_null: true}}, order_by: {position: asc}) { id key title priority due_date is_blocked version assignees { user_id } } } } }`;
    report(await timed(`load a board of ${BOARD_TASKS} tasks`, 20, () => gql(boardQuery, { b: ids.board }).then(() => undefined)));
    const cards = (await owner`select id from tasks where column_id = ${ids.column} order by position limit 200`).map((r) => r.id as string);
    const move = `mutation ($t: uuid!, $c: uuid!, $a: uuid) { move_task(args: {task_id: $t, column_id: $c, after_task_id: $a}) { id } }`;
    report(await timed('move a task within it', 100, (i) => gql(move, { t: cards[i]!, c: ids.column, a: cards[(i * 37) % 200] === cards[i] ? null : cards[(i * 37) % 200] }).then(() => undefined)));
    const terms = ['invoice export', 'dark mode', 'SRC-4242', 'onbording', 'audit view 77'];
    const search = `query ($q: String!) { search_work(args: {query: $q}, limit: 20) { id key title } }`;
    report(await timed(`search ${SEARCH_TASKS + BOARD_TASKS} tasks`, 25, (i) => gql(search, { q: terms[i % terms.length] }).then(() => undefined)));

    // --- Plans: the board as the member reads it (engine role, session set); search candidates as
    // app.task_search_candidates finds them (security definer, so indexes apply before RLS). ---
    const plans = await asEngine.begin(async (tx) => {
      await tx`select set_config('hasura.user', ${JSON.stringify({ 'x-hasura-role': 'user', 'x-hasura-org-id': ids.orgId, 'x-hasura-user-id': ids.userId })}, true)`;
      const plan = async (run: postgres.TransactionSql | postgres.Sql, statement: string) =>
        (await run.unsafe(`explain ${statement}`)).map((r) => String(r['QUERY PLAN'])).join('\n');
      const candidates = (text: string) =>
        `select id from tasks where org_id = '${ids.orgId}' and deleted_at is null
           and (search @@ app.search_query('${text}') or title % '${text}' or lower(key) = lower('${text}'))`;
      return {
        'board column (tasks_column_position_idx)': await plan(tx, `select id from tasks where column_id = '${ids.column}' and deleted_at is null order by position`),
        'full text (tasks_search_idx)': await plan(owner, candidates('invoice export')),
        'fuzzy title (tasks_title_trgm_idx)': await plan(owner, candidates('onbording')),
        'key (tasks_key_lower_idx)': await plan(owner, candidates('SRC-4242')),
      };
    });
    let failed = false;
    for (const [what, text] of Object.entries(plans)) {
      const index = /\((\w+)\)/.exec(what)![1]!;
      const used = text.includes(index);
      failed ||= !used;
      report({ metric: `plan: ${what}`, value: used ? 'uses the index' : 'DOES NOT use the index' });
      if (!used) console.error(text);
    }
    await app.close();
    if (failed) throw new Error('a benchmark query does not use its index');
  } finally {
    if (orgId) await owner`delete from orgs where id = ${orgId}`;
    await owner`delete from users where email = ${`bench-${tag}@bench.example`}`;
    await engine.close();
    await asEngine.end();
    await owner.end();
  }
}

await runBenchmark({
  name: 'work management',
  run: async (report) => {
    if (!existsSync(join(repoRoot, '.env'))) {
      report({ metric: 'board load, move, search', value: '', note: 'skipped: no .env (run `npm start` first)' });
      return;
    }
    await measure(report);
  },
});
