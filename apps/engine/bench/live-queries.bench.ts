// Live queries (part of `npm run bench`; `npm run bench -- live` runs only this): the engine as a
// process of its own, on a throwaway PostgreSQL with the WorkGrid migrations and pg_stat_statements
// preloaded, on the same machine as the subscribers, which run in worker threads of this process
// (live-clients.ts). Two scenarios, reported against their goals:
// (a) Hasura's published shape: N subscribers (one socket each, one JWT user), each watching its own
//     task with tasks_by_pk, every watched row updated once a second (a tenth of them every 100 ms).
//     N ramps up to 10,000 and stops at the first step whose push latency p99 (update committed →
//     first push of it or a later value received; an update no push covered counts as late) reaches
//     one second.
// (b) 2,000 subscribers: 200 users in 20 orgs, one socket each with 10 subscriptions to distinct
//     tasks of their org; 1% of the watched rows updated per second, then 60 s without changes.
// Database statements are the engine role's calls in pg_stat_statements (refetches are the
// multiplexed statements; the rest are each transaction's BEGIN, session setup and COMMIT). Engine
// CPU and RSS come from /proc/<pid>; the CPU of this process (updates and all subscribers) too.
// BENCH_LIVE_STEPS (default 500,1000,2000,5000,10000), BENCH_LIVE_SECONDS (measured seconds per
// step, default 10), BENCH_LIVE_UPDATE_SECONDS and BENCH_LIVE_IDLE_SECONDS (scenario b, default 30
// and 60) and BENCH_CLIENT_THREADS (default 2) tune the run; BENCH_LIVE_DIAG=1 prints the top statements
// of each step of (a) by execution time (all roles: the updates too).
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import postgres, { type Sql } from 'postgres';
import { fixed, percentile, runBenchmark, type BenchResult } from '../../../scripts/bench/harness.ts';
import type { ClientCommand, ClientReply, SocketSpec } from './live-clients.ts';
import { startEngineProcess, throwawayDatabase, userToken, type EngineProcess } from './support.ts';

const STEPS = (process.env['BENCH_LIVE_STEPS'] ?? '500,1000,2000,5000,10000').split(',').map(Number);
const MEASURE_SECONDS = Number(process.env['BENCH_LIVE_SECONDS'] ?? 10);
const WARMUP_SECONDS = 3;
const UPDATE_SECONDS = Number(process.env['BENCH_LIVE_UPDATE_SECONDS'] ?? 30);
const IDLE_SECONDS = Number(process.env['BENCH_LIVE_IDLE_SECONDS'] ?? 60);
const CLIENT_THREADS = Number(process.env['BENCH_CLIENT_THREADS'] ?? 2);
const SLICES = 10;
const ORGS = 20;
const USERS_PER_ORG = 10;
const SUBSCRIPTIONS_PER_USER = 10;
const FALLBACK_MS = 30_000;
const BATCH_SIZE = 100; // the engine's default HASURA_GRAPHQL_LIVE_QUERIES_MULTIPLEXED_BATCH_SIZE
const QUERY = 'subscription ($id: uuid!) { tasks_by_pk(id: $id) { id title version updated_at } }';

/**
 * 20 orgs of 10 users (u1 the owner, the others members) and one project; org 1 holds 10,000 tasks
 * (scenario a), the others 100 (scenario b watches 100 per org). Loaded without row triggers.
 */
const DATA = `
set session_replication_role = replica;
create temp table lo as select o, gen_random_uuid() as org_id, gen_random_uuid() as ws_id, gen_random_uuid() as project_id from generate_series(1, ${ORGS}) o;
create temp table lu as select o, u, gen_random_uuid() as user_id from generate_series(1, ${ORGS}) o, generate_series(1, ${USERS_PER_ORG}) u;
insert into users (id, email, display_name) select user_id, 'live' || o || '-' || u || '@bench.example', 'User ' || o || '-' || u from lu;
insert into orgs (id, name, slug, created_by) select org_id, 'Live ' || o, 'live-' || o, (select user_id from lu where lu.o = lo.o and u = 1) from lo;
insert into org_memberships (org_id, user_id, role) select org_id, user_id, case when u = 1 then 'owner' else 'member' end from lu join lo using (o);
insert into workspaces (id, org_id, name, created_by) select ws_id, org_id, 'Workspace', (select user_id from lu where lu.o = lo.o and u = 1) from lo;
insert into projects (id, org_id, workspace_id, key, name, created_by) select project_id, org_id, ws_id, 'LIVE', 'Live', (select user_id from lu where lu.o = lo.o and u = 1) from lo;
insert into tasks (org_id, project_id, number, key, title, created_by)
  select org_id, project_id, n, 'LIVE-' || n, 'tick 0', (select user_id from lu where lu.o = lo.o and u = 1)
    from lo, generate_series(1, case when o = 1 then 10000 else 100 end) n;
insert into app.task_counters (project_id, last_number) select project_id, max(number) from tasks group by project_id;
set session_replication_role = origin;
analyze;
`;

interface Member {
  org: number;
  orgId: string;
  userId: string;
}

/** The subscribers' worker threads; sockets are dealt round-robin. */
class Clients {
  private readonly workers: Worker[];

  constructor(threads: number) {
    // Node 20 does not hand the tsx loader to worker threads: each registers it before importing.
    const script = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(new URL('./live-clients.ts', import.meta.url).href)}); })`;
    this.workers = Array.from({ length: threads }, () => new Worker(script, { eval: true }));
  }

  private ask(worker: Worker, command: ClientCommand): Promise<ClientReply> {
    return new Promise((resolve, reject) => {
      worker.once('message', (reply: ClientReply) => {
        worker.off('error', reject);
        resolve(reply);
      });
      worker.once('error', reject);
      worker.postMessage(command);
    });
  }

  async open(url: string, sockets: SocketSpec[]): Promise<void> {
    const replies = await Promise.all(this.workers.map((worker, w) => this.ask(worker, { type: 'open', url, query: QUERY, sockets: sockets.filter((_, i) => i % this.workers.length === w) })));
    const failures = replies.flatMap((reply) => (reply.type === 'opened' ? reply.failures : []));
    if (failures.length > 0) throw new Error(`${failures.length} sockets failed: ${failures.slice(0, 3).join('; ')}`);
  }

  /** The pushes received since the last call: [row index, tick, received at] triples. */
  async collect(): Promise<{ samples: Float64Array[]; pushes: number; errors: string[] }> {
    const replies = await Promise.all(this.workers.map((worker) => this.ask(worker, { type: 'collect' })));
    const collected = replies.flatMap((reply) => (reply.type === 'samples' ? [reply] : []));
    return { samples: collected.map((reply) => reply.samples), pushes: collected.reduce((sum, reply) => sum + reply.pushes, 0), errors: collected.flatMap((reply) => reply.errors) };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => this.ask(worker, { type: 'close' })));
  }

  async terminate(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

const now = () => performance.timeOrigin + performance.now();

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  return exited;
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** CPU seconds (user + system) and resident memory of a process, from /proc. */
function processUsage(pid: number): { cpuSeconds: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of proc(5))
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { cpuSeconds: ticks / 100, rssMb: Number(rss?.[1] ?? 0) / 1024 };
}

/** The engine's statements so far: all of them, and the multiplexed refetches among them (with their execution time). */
async function engineStatements(superuser: Sql): Promise<{ all: number; refetches: number; refetchMs: number }> {
  const [row] = await superuser<{ all: string | null; refetches: string | null; refetch_ms: number | null }[]>`
    select sum(calls) as all, sum(calls) filter (where query like '%json_to_recordset%') as refetches,
           sum(total_exec_time) filter (where query like '%json_to_recordset%') as refetch_ms
      from pg_stat_statements s join pg_roles r on r.oid = s.userid where r.rolname = 'workgrid_engine'`;
  return { all: Number(row?.all ?? 0), refetches: Number(row?.refetches ?? 0), refetchMs: Number(row?.refetch_ms ?? 0) };
}

/** Measures engine CPU, this process's CPU and the engine's statements over a window. */
async function window(superuser: Sql, pid: number) {
  const started = { at: now(), engine: processUsage(pid), clients: process.cpuUsage(), statements: await engineStatements(superuser) };
  return async () => {
    const seconds = (now() - started.at) / 1000;
    const engine = processUsage(pid);
    const clients = process.cpuUsage(started.clients);
    const statements = await engineStatements(superuser);
    return {
      seconds,
      engineCpu: (100 * (engine.cpuSeconds - started.engine.cpuSeconds)) / seconds,
      clientCpu: (clients.user + clients.system) / 1e4 / seconds,
      engineRssMb: engine.rssMb,
      statements: statements.all - started.statements.all,
      refetches: statements.refetches - started.statements.refetches,
      /** Mean execution time of one refetch statement in PostgreSQL. */
      refetchMeanMs: (statements.refetchMs - started.statements.refetchMs) / Math.max(1, statements.refetches - started.statements.refetches),
    };
  };
}

async function updateTitles(superuser: Sql, ids: string[], tick: number): Promise<void> {
  await superuser`update tasks set title = ${`tick ${tick}`} where id = any(${ids}::uuid[])`;
}

interface StepResult {
  n: number;
  p50: number;
  p99: number;
  missed: number;
  updatesPerSecond: number;
  usage: Awaited<ReturnType<Awaited<ReturnType<typeof window>>>>;
  errors: string[];
}

/**
 * Scenario (a) at N subscribers: updates every watched row once a second, a tenth every 100 ms, each
 * slice on time even while an earlier one still runs (`updater` has a few connections); latency over
 * the measured ticks. A step whose updates fall behind (< 90 % of N rows/s) fails too.
 */
async function hasuraStep(superuser: Sql, updater: Sql, engine: EngineProcess, clients: Clients, rows: string[], n: number, firstTick: number): Promise<StepResult & { nextTick: number }> {
  const slices = Array.from({ length: SLICES }, (_, s) => rows.slice(0, n).filter((_, i) => i % SLICES === s));
  const committed = new Map<string, number>(); // `${slice} ${tick}` → commit acknowledged at
  const ticks = WARMUP_SECONDS + MEASURE_SECONDS;
  let measure: (() => ReturnType<Awaited<ReturnType<typeof window>>>) | undefined;
  let updated = 0;
  let measuredFrom = 0;
  const inFlight = new Set<Promise<void>>();
  const start = now();
  for (let second = 0; second < ticks; second += 1) {
    if (second === WARMUP_SECONDS) {
      await clients.collect();
      measure = await window(superuser, engine.child.pid!);
      measuredFrom = now();
    }
    const tick = firstTick + second;
    for (let s = 0; s < SLICES; s += 1) {
      await sleep(start + (second * SLICES + s) * (1000 / SLICES) - now());
      const measured = second >= WARMUP_SECONDS;
      const update: Promise<void> = updateTitles(updater, slices[s]!, tick).then(() => {
        committed.set(`${s} ${tick}`, now());
        if (measured) updated += slices[s]!.length;
        inFlight.delete(update);
      });
      inFlight.add(update);
    }
  }
  await sleep(start + ticks * 1000 - now());
  await Promise.all(inFlight);
  const updatesPerSecond = updated / ((now() - measuredFrom) / 1000);
  const usage = await measure!();
  await sleep(1000); // the last ticks' pushes
  const { samples, errors } = await clients.collect();
  // A push carries the row as it is now: a row updated twice between two refetches is pushed once
  // (as by Hasura), and that push delivers both updates. So an update's latency runs from its commit
  // to the first push of it or of a later tick; an update no push ever covered counts as late.
  const pushesByRow = new Map<number, { tick: number; received: number }[]>();
  for (const triples of samples) {
    for (let i = 0; i < triples.length; i += 3) {
      const pushes = pushesByRow.get(triples[i]!) ?? [];
      pushes.push({ tick: triples[i + 1]!, received: triples[i + 2]! });
      pushesByRow.set(triples[i]!, pushes);
    }
  }
  const latencies: number[] = [];
  let missed = 0;
  for (let row = 0; row < n; row += 1) {
    const pushes = (pushesByRow.get(row) ?? []).sort((a, b) => a.received - b.received);
    for (let tick = firstTick + WARMUP_SECONDS; tick < firstTick + ticks; tick += 1) {
      const at = committed.get(`${row % SLICES} ${tick}`);
      const push = pushes.find((candidate) => candidate.tick >= tick);
      if (at === undefined || push === undefined) missed += 1;
      else latencies.push(Math.max(0, push.received - at));
    }
  }
  latencies.sort((a, b) => a - b);
  const all = [...latencies, ...Array<number>(missed).fill(Infinity)];
  return { n, p50: percentile(all, 50), p99: percentile(all, 99), missed, updatesPerSecond, usage, errors, nextTick: firstTick + ticks };
}

/** BENCH_LIVE_DIAG: where PostgreSQL's time went in the step (all roles), then a fresh count for the next. */
async function printTopStatements(superuser: Sql): Promise<void> {
  const rows = await superuser<{ rolname: string; calls: string; total: number; mean: number; query: string }[]>`
    select r.rolname, calls, round(total_exec_time::numeric, 0)::float8 as total, round(mean_exec_time::numeric, 3)::float8 as mean, left(regexp_replace(query, '[[:space:]]+', ' ', 'g'), 160) as query
      from pg_stat_statements s join pg_roles r on r.oid = s.userid order by total_exec_time desc limit 12`;
  for (const row of rows) console.error(`  ${row.rolname} calls ${row.calls} total ${row.total} ms mean ${row.mean} ms: ${row.query}`);
  await superuser`select pg_stat_statements_reset()`;
}

const ms = (value: number) => (Number.isFinite(value) ? fixed(value, 0) : '∞');

/** One query as the user first: the engine builds the role's schema once, before sockets wait on it. */
async function warmUp(engine: EngineProcess, token: string): Promise<void> {
  const response = await fetch(engine.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ tasks(limit: 1) { id } }' }) });
  const body = await response.text();
  if (!body.includes('"data"') || body.includes('"errors"')) throw new Error(`warm-up query failed: ${body.slice(0, 300)}`);
}

interface Scenario {
  superuser: Sql;
  superuserUrl: string;
  engine: EngineProcess;
  members: Member[];
  report: (result: BenchResult) => void;
}

async function scenarioA({ superuser, superuserUrl, engine, members, report }: Scenario): Promise<void> {
  const user = members.find((member) => member.org === 1)!;
  const token = await userToken(engine.jwtKey, user.userId, user.orgId);
  await warmUp(engine, token);
  const rows = (await superuser<{ id: string }[]>`select id from tasks where org_id = ${user.orgId} order by number`).map((row) => row.id);
  const clients = new Clients(CLIENT_THREADS);
  const updater = postgres(superuserUrl, { max: 4, onnotice: () => {} });
  let best: StepResult | undefined;
  let failed: StepResult | undefined;
  let tick = 1;
  let open = 0;
  try {
    for (const n of STEPS) {
      const opening = { at: now(), cpu: processUsage(engine.child.pid!).cpuSeconds };
      await clients.open(engine.url, rows.slice(open, n).map((id, i) => ({ token, rows: [{ index: open + i, id }] })));
      console.error(`live (a): ${n} subscribers connected in ${fixed((now() - opening.at) / 1000)} s (engine CPU ${fixed(processUsage(engine.child.pid!).cpuSeconds - opening.cpu)} s)`);
      open = n;
      const step = await hasuraStep(superuser, updater, engine, clients, rows, n, tick);
      tick = step.nextTick;
      console.error(`live (a): N=${n} p50 ${ms(step.p50)} ms, p99 ${ms(step.p99)} ms, missed ${step.missed}, engine CPU ${fixed(step.usage.engineCpu)}%, RSS ${fixed(step.usage.engineRssMb)} MB, clients CPU ${fixed(step.usage.clientCpu)}%, ${fixed(step.updatesPerSecond, 0)} row updates/s, statements/s ${fixed(step.usage.statements / step.usage.seconds)}, refetches/s ${fixed(step.usage.refetches / step.usage.seconds)} of ${fixed(step.usage.refetchMeanMs)} ms${step.errors.length ? `, errors: ${step.errors[0]}` : ''}`);
      if (process.env['BENCH_LIVE_DIAG']) await printTopStatements(superuser);
      if (step.p99 < 1000 && step.errors.length === 0 && step.updatesPerSecond >= 0.9 * n) best = step;
      else {
        failed = step;
        break;
      }
    }
  } finally {
    await clients.close();
    await clients.terminate();
    await updater.end();
  }
  const shape = `tasks_by_pk per subscriber, one socket each, every row updated 1/s; ${MEASURE_SECONDS} s measured per step`;
  if (!best) {
    report({ metric: '(a) largest N with push p99 < 1 s (goal 10,000)', value: 'none', note: `first step N=${failed?.n}: p99 ${ms(failed?.p99 ?? Infinity)} ms, ${fixed(failed?.updatesPerSecond ?? 0, 0)} row updates/s applied; ${shape}` });
    return;
  }
  const after = failed ? `; N=${failed.n} failed: p99 ${ms(failed.p99)} ms, ${failed.missed} pushes missed, ${fixed(failed.updatesPerSecond, 0)} of ${failed.n} row updates/s applied` : '';
  report({ metric: '(a) largest N with push p99 < 1 s (goal 10,000)', value: String(best.n), note: `steps ${STEPS.join(', ')}${after}` });
  report({ metric: `(a) push latency p50 / p99 at N=${best.n} (ms)`, value: `${ms(best.p50)} / ${ms(best.p99)}`, note: `update committed → first push of it or a later value; ${fixed(best.updatesPerSecond, 0)} row updates/s; ${shape}` });
  report({ metric: `(a) engine statements/s at N=${best.n}`, value: `${fixed(best.usage.statements / best.usage.seconds)} (refetches ${fixed(best.usage.refetches / best.usage.seconds)})`, note: `pg_stat_statements calls by workgrid_engine; a refetch (${BATCH_SIZE} rows, or N / 16 in a bigger group) executes in ${fixed(best.usage.refetchMeanMs)} ms on average` });
  report({ metric: `(a) engine CPU / RSS at N=${best.n}`, value: `${fixed(best.usage.engineCpu)}% / ${fixed(best.usage.engineRssMb)} MB`, note: `/proc/<engine pid>; subscribers and updates (this process) used ${fixed(best.usage.clientCpu)}% CPU` });
}

async function scenarioB({ superuser, engine, members, report }: Scenario): Promise<void> {
  const tasks = await superuser<{ id: string; org_id: string }[]>`select id, org_id from tasks where number <= ${USERS_PER_ORG * SUBSCRIPTIONS_PER_USER} order by org_id, number`;
  const byOrg = new Map<string, string[]>();
  for (const task of tasks) byOrg.set(task.org_id, [...(byOrg.get(task.org_id) ?? []), task.id]);
  const watched: { id: string; orgId: string; userId: string }[] = [];
  const sockets: SocketSpec[] = [];
  for (const member of members) {
    const orgTasks = byOrg.get(member.orgId)!;
    const own = members.filter((other) => other.orgId === member.orgId).indexOf(member);
    const rows = orgTasks.slice(own * SUBSCRIPTIONS_PER_USER, (own + 1) * SUBSCRIPTIONS_PER_USER).map((id) => {
      watched.push({ id, orgId: member.orgId, userId: member.userId });
      return { index: watched.length - 1, id };
    });
    sockets.push({ token: await userToken(engine.jwtKey, member.userId, member.orgId), rows });
  }
  await warmUp(engine, sockets[0]!.token);
  const clients = new Clients(CLIENT_THREADS);
  try {
    await clients.open(engine.url, sockets);
    const perSecond = Math.max(1, Math.round(watched.length / 100));
    const measure = await window(superuser, engine.child.pid!);
    let orgWakes = 0;
    let watcherWakes = 0;
    const start = now();
    for (let second = 0; second < UPDATE_SECONDS; second += 1) {
      await sleep(start + second * 1000 - now());
      const picked = Array.from({ length: perSecond }, () => watched[Math.floor(Math.random() * watched.length)]!);
      orgWakes += new Set(picked.map((row) => row.orgId)).size;
      watcherWakes += new Set(picked.map((row) => row.userId)).size;
      await updateTitles(superuser, picked.map((row) => row.id), 1_000_000 + second);
    }
    await sleep(start + UPDATE_SECONDS * 1000 + 500 - now());
    const updates = await measure();
    const idle = await window(superuser, engine.child.pid!);
    await sleep(IDLE_SECONDS * 1000);
    const quiet = await idle();
    const { pushes, errors } = await clients.collect();
    if (errors.length > 0) throw new Error(`subscription errors: ${errors[0]}`);
    const groupWakes = orgWakes * USERS_PER_ORG;
    const fallbackRefetches = members.length * Math.ceil(quiet.seconds / (FALLBACK_MS / 1000));
    const shape = `${watched.length} subscribers: ${members.length} users in ${ORGS} orgs × ${SUBSCRIPTIONS_PER_USER} tasks_by_pk`;
    report({
      metric: '(b) refetches/s while updating vs groups/s: in a changed org, watching a changed row',
      value: `${fixed(updates.refetches / updates.seconds)} vs ${fixed(groupWakes / UPDATE_SECONDS)}, ${fixed(watcherWakes / UPDATE_SECONDS)}`,
      note: `${perSecond} watched rows updated/s for ${UPDATE_SECONDS} s (one statement/s); a group = one user's session; ${pushes} pushes; ${shape}`,
    });
    report({ metric: '(b) engine statements/s while updating', value: fixed(updates.statements / updates.seconds), note: `all calls by workgrid_engine (BEGIN, session, refetch, COMMIT); engine CPU ${fixed(updates.engineCpu)}%` });
    report({ metric: `(b) engine statements in ${IDLE_SECONDS} s idle (goal: fallback only)`, value: `${quiet.statements} (refetches ${quiet.refetches})`, note: `fallback every ${FALLBACK_MS / 1000} s would refetch each of the ${members.length} groups: up to ${fallbackRefetches} refetches` });
    report({ metric: '(b) engine RSS (goal < 300 MB)', value: `${fixed(quiet.engineRssMb)} MB`, note: `after the idle period; engine CPU idle ${fixed(quiet.engineCpu)}%` });
  } finally {
    await clients.close();
    await clients.terminate();
  }
}

await runBenchmark({
  name: 'live queries',
  run: async (report) => {
    const database = await throwawayDatabase({ postgresSettings: { shared_preload_libraries: 'pg_stat_statements', max_connections: '200' } });
    const superuser = postgres(database.superuserUrl, { max: 1, onnotice: () => {} });
    let engine: EngineProcess | undefined;
    try {
      await superuser.unsafe(DATA);
      await superuser`create extension if not exists pg_stat_statements`;
      const members = (await superuser<{ email: string; org_id: string; user_id: string }[]>`
        select u.email, m.org_id, m.user_id from org_memberships m join users u on u.id = m.user_id where u.email like 'live%@bench.example' order by u.email`)
        .map((row) => ({ org: Number(/^live(\d+)-/.exec(row.email)![1]), orgId: row.org_id, userId: row.user_id }));
      // Each scenario has an engine process of its own, so (b)'s memory is its own.
      for (const scenario of [scenarioA, scenarioB]) {
        engine = await startEngineProcess(database.engineUrl, { WORKGRID_ENGINE_LIVE_QUERY_FALLBACK_MS: String(FALLBACK_MS) });
        await scenario({ superuser, superuserUrl: database.superuserUrl, engine, members, report });
        await stopProcess(engine.child);
        engine = undefined;
      }
    } finally {
      if (engine) await stopProcess(engine.child);
      await superuser.end();
      await database.teardown();
    }
  },
});
