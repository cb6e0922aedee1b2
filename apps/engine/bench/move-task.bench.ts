// move_task through the engine against the same call in SQL (part of `npm run bench`), in an org of
// 105,000 tasks. The engine wraps the function in a select that applies the role's permission on
// tasks, whose row-level security reaches orgs, memberships, users, projects and project members:
// planning that statement costs more than the move itself unless it is prepared (see
// RepeatedTexts). Runs on a throwaway PostgreSQL of its own (the test suite's setup).
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import postgres from 'postgres';
import { fixed, measure, runBenchmark } from '../../../scripts/bench/harness.ts';
import { repoRoot } from '../../../scripts/lib/paths.ts';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { Engine } from '../src/engine.ts';
import { throwawayDatabase } from './support.ts';

const TASKS = 5_000;
const BACKLOG = 100_000;
const MOVES = Number(process.env['BENCH_MOVES'] ?? 200);

await runBenchmark({
  name: 'move_task',
  run: async (report) => {
    const database = await throwawayDatabase();
    const owner = postgres(database.superuserUrl, { max: 2, onnotice: () => {} });
    const asEngine = postgres(database.engineUrl, { max: 1, onnotice: () => {} });
    const adminSecret = randomUUID();
    const engine = new Engine(loadConfig({
      HASURA_GRAPHQL_DATABASE_URL: database.engineUrl,
      HASURA_GRAPHQL_METADATA_DIR: join(repoRoot, 'hasura', 'metadata'),
      HASURA_GRAPHQL_ADMIN_SECRET: adminSecret,
      ACTIONS_BASE_URL: 'http://127.0.0.1:9',
      ACTIONS_SECRET: 'bench',
    }));
    try {
      const inconsistencies = await engine.start();
      if (inconsistencies.length > 0) throw new Error(`inconsistent metadata: ${inconsistencies.map((item) => item.reason).join('; ')}`);
      const app = buildApp(engine);
      await app.ready();
      const ids = await owner.begin(async (tx) => {
        const [user] = await tx`insert into users (email, display_name) values ('move@bench.example', 'Bench') returning id`;
        const userId = user!.id as string;
        const [org] = await tx`insert into orgs (name, slug, created_by) values ('Bench', 'bench-move', ${userId}) returning id`;
        const orgId = org!.id as string;
        await tx`select set_config('hasura.user', ${JSON.stringify({ 'x-hasura-org-id': orgId, 'x-hasura-user-id': userId })}, true)`;
        const [ws] = await tx`insert into workspaces (org_id, name, created_by) values (${orgId}, 'Bench', ${userId}) returning id`;
        const [project] = await tx`insert into projects (org_id, workspace_id, key, name, created_by) values (${orgId}, ${ws!.id as string}, 'BRD', 'Board', ${userId}) returning id`;
        const [board] = await tx`insert into boards (org_id, project_id, name, created_by) values (${orgId}, ${project!.id as string}, 'Board', ${userId}) returning id`;
        const [column] = await tx`insert into board_columns (org_id, project_id, board_id, name) values (${orgId}, ${project!.id as string}, ${board!.id as string}, 'Doing') returning id`;
        await tx`
          insert into tasks (org_id, project_id, column_id, position, title, created_by)
          select ${orgId}, ${project!.id as string}, ${column!.id as string}, n * 1024, 'Card ' || n, ${userId} from generate_series(1, ${TASKS}) n`;
        const [other] = await tx`insert into projects (org_id, workspace_id, key, name, created_by) values (${orgId}, ${ws!.id as string}, 'SRC', 'Backlog', ${userId}) returning id`;
        return { orgId, userId, column: column!.id as string, backlog: other!.id as string };
      });
      // The org's other tasks, bulk-loaded without row triggers (numbers and keys given) as a restore would.
      await owner.begin(async (tx) => {
        await tx`alter table tasks disable trigger user`;
        await tx`
          insert into tasks (org_id, project_id, number, key, title, created_by)
          select ${ids.orgId}, ${ids.backlog}, n, 'SRC-' || n, 'Backlog task ' || n, ${ids.userId} from generate_series(1, ${BACKLOG}) n`;
        await tx`alter table tasks enable trigger user`;
      });
      await owner`analyze`;
      const cards = (await owner`select id from tasks where column_id = ${ids.column} order by position limit 200`).map((r) => r.id as string);
      const argsOf = (i: number) => ({ t: cards[i % 200]!, c: ids.column, a: cards[(i * 37) % 200] === cards[i % 200] ? null : cards[(i * 37) % 200]! });
      const session = { 'x-hasura-role': 'user', 'x-hasura-org-id': ids.orgId, 'x-hasura-user-id': ids.userId };

      const direct = await measure(MOVES, 1, async (i) => {
        const { t, c, a } = argsOf(i);
        await asEngine.begin(async (tx) => {
          await tx`select set_config('hasura.user', ${JSON.stringify(session)}, true)`;
          await tx`select id, position from move_task(${t}, ${c}, ${a})`;
        });
      });
      report({ metric: 'move_task in SQL p50 / p99 (ms)', value: `${fixed(direct.p50)} / ${fixed(direct.p99)}`, note: `${MOVES} moves in a column of ${TASKS}, engine role, session set` });

      const headers = { 'content-type': 'application/json', 'x-hasura-admin-secret': adminSecret, 'x-hasura-role': 'user', 'x-hasura-user-id': ids.userId, 'x-hasura-org-id': ids.orgId };
      const move = 'mutation ($t: uuid!, $c: uuid!, $a: uuid) { move_task(args: {task_id: $t, column_id: $c, after_task_id: $a}) { id position } }';
      const moveOnce = async (i: number) => {
        const response = await app.inject({ method: 'POST', url: '/v1/graphql', headers, payload: JSON.stringify({ query: move, variables: argsOf(i) }) });
        if (response.body.includes('"errors"')) throw new Error(response.body);
      };
      await moveOnce(MOVES); // builds the role's schema
      const viaEngine = await measure(MOVES, 1, moveOnce);
      report({ metric: 'move_task through the engine p50 / p99 (ms)', value: `${fixed(viaEngine.p50)} / ${fixed(viaEngine.p99)}`, note: 'same moves, as a member via POST /v1/graphql' });
      await app.close();
    } finally {
      await engine.close();
      await asEngine.end();
      await owner.end();
      await database.teardown();
    }
  },
});
