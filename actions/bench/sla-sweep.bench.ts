// SLA sweep benchmark (part of `npm run bench`; alone: `npm run bench -- sla`).
// A throwaway Postgres with the migrated schema, 1,000 orgs × 1,000 open tickets with running SLA
// clocks (loaded in bulk as the superuser) under a policy whose first-response breach raises the
// priority and notifies the managers, then the worker's sweep job as workgrid_app: the first run
// records the backlog of warnings and breaches and escalates the breached tickets, the second finds
// nothing new. Reports wall time and the statements the job sent to the server.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { dropDatabase, migrate, provisionDatabase, setSuperuserPassword } from '../../scripts/lib/database-setup.ts';
import { randomSecret } from '../../scripts/lib/env-file.ts';
import { ensureSystemUser } from '../../scripts/lib/os-user.ts';
import { dataDir, isRoot } from '../../scripts/lib/paths.ts';
import { freePort } from '../../scripts/lib/ports.ts';
import { findPostgresBinaries, preferredFlavor } from '../../scripts/lib/postgres-binaries.ts';
import { describeCluster, initCluster, socketConnection, startCluster, stopCluster, superuserUrl } from '../../scripts/lib/postgres-cluster.ts';
import { fixed, runBenchmark } from '../../scripts/bench/harness.ts';
import { slaSweepProcessor } from '../src/jobs/sla-sweep.job.ts';

const ORGS = Number(process.env['BENCH_ORGS'] ?? 1000);
const TICKETS_PER_ORG = Number(process.env['BENCH_TICKETS_PER_ORG'] ?? 1000);
const DATABASE = 'workgrid_bench';

await runBenchmark({
  name: 'SLA sweep',
  run: async (report) => {
    const home = mkdtempSync(join(dataDir, 'bench-'));
    const binaries = await findPostgresBinaries(preferredFlavor(), isRoot());
    const cluster = describeCluster({
      binaries,
      home,
      port: await freePort(),
      runAs: isRoot() ? ensureSystemUser('postgres') : undefined,
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', shared_buffers: '512MB', max_wal_size: '4GB' },
    });
    const cleanUp = () => {
      stopCluster(cluster);
      rmSync(home, { recursive: true, force: true });
    };

    try {
      initCluster(cluster);
      startCluster(cluster);
      const password = randomSecret();
      await setSuperuserPassword(socketConnection(cluster), password);
      const superuser = superuserUrl(cluster, password);
      const on = (role?: string) => {
        const url = new URL(superuser);
        if (role) {
          url.username = role;
          url.password = randomSecret();
        }
        url.pathname = `/${DATABASE}`;
        return url.toString();
      };
      const urls = { ownerUrl: on('workgrid_owner'), engineUrl: on('workgrid_engine'), appUrl: on('workgrid_app') };
      await dropDatabase(superuser, DATABASE);
      await provisionDatabase(superuser, urls);
      await migrate(urls.ownerUrl);

      const admin = postgres(on(), { max: 1, onnotice: () => {} });
      const loadStarted = performance.now();
      await admin.begin(async (tx) => {
        // Bulk load without row triggers (numbering, audit, scheduling): the due times are set here.
        await tx`set local session_replication_role = replica`;
        await tx`insert into users (id, email, display_name)
                 select gen_random_uuid(), 'requester' || g || '@bench.example', 'Requester ' || g from generate_series(1, ${ORGS}) g`;
        await tx`insert into orgs (id, name, slug)
                 select gen_random_uuid(), 'Org ' || g, 'bench-org-' || g from generate_series(1, ${ORGS}) g`;
        await tx`insert into sla_policies (org_id, name, first_response_minutes, resolution_minutes)
                 select id, 'Standard', 60, 600 from orgs`;
        await tx`insert into sla_escalation_rules (org_id, policy_id, target, kind, action)
                 select p.org_id, p.id, 'first_response', 'breach', a.action
                   from sla_policies p cross join (values ('raise_priority'), ('notify_managers')) a (action)`;
        // Every ticket's clock runs. 2% still await their first response and are past its due time
        // (a warning and a breach each); the others were answered; resolution clocks started up to
        // 500 minutes ago, so about 4% are past the 80% warning.
        await tx`
          insert into tickets (org_id, number, subject, requester_id, status, sla_policy_id, sla_started_at, first_response_at,
                               first_response_due_at, first_response_warn_at, resolution_due_at, resolution_warn_at)
          select o.id, g, 'Ticket ' || g, u.id, 'open', p.id, s.started,
                 case when g % 50 = 0 then null else s.started + interval '5 minutes' end,
                 s.started + interval '60 minutes', s.started + interval '48 minutes',
                 s.started + interval '600 minutes', s.started + interval '480 minutes'
            from (select id, row_number() over (order by id) as n from orgs) o
            join (select id, row_number() over (order by id) as n from users) u on u.n = o.n
            join sla_policies p on p.org_id = o.id
            cross join generate_series(1, ${TICKETS_PER_ORG}) g
            cross join lateral (select now() - case when g % 50 = 0 then interval '70 minutes'
                                                    else make_interval(mins => (g * 7919) % 500) end as started) s`;
        // The triggers that keep each ticket's next SLA event are off too: schedule them here.
        await tx`
          insert into app_private.sla_schedule (ticket_id, org_id, next_event_at)
          select id, org_id, app.sla_next_event_at(id, sla_paused_at, first_response_at, first_response_warn_at,
                                                   first_response_due_at, resolution_warn_at, resolution_due_at)
            from tickets`;
      });
      await admin`vacuum analyze tickets`;
      await admin`vacuum analyze sla_events`;
      await admin`vacuum analyze app_private.sla_schedule`;
      await admin`vacuum analyze sla_escalation_rules`;
      const [{ count }] = (await admin`select count(*)::int as count from tickets`) as unknown as [{ count: number }];
      report({ metric: 'open tickets loaded', value: count.toLocaleString('en'), note: `${ORGS} orgs, ${fixed((performance.now() - loadStarted) / 1000)} s` });

      let statements = 0;
      const app = postgres(urls.appUrl, { max: 1, onnotice: () => {}, debug: () => void statements++ });
      const sweep = slaSweepProcessor({ sql: app, log: { info: () => {}, debug: () => {} } });
      await app`select 1`; // connected (and its types fetched) before anything is counted
      for (const run of ['backlog', 'steady state']) {
        statements = 0;
        const started = performance.now();
        const result = await sweep();
        const seconds = (performance.now() - started) / 1000;
        report({
          metric: `sweep wall time (${run})`,
          value: `${fixed(seconds, 2)} s`,
          note: `${statements} statement${statements === 1 ? '' : 's'}; ${result.warnings.toLocaleString('en')} warnings, ${result.breaches.toLocaleString('en')} breaches, ${result.escalations.toLocaleString('en')} escalations; goal < 10 s`,
        });
      }
      const [events] = (await admin`select count(*)::int as events, count(distinct (ticket_id, target, kind))::int as distinct_events from sla_events`) as unknown as [{ events: number; distinct_events: number }];
      report({ metric: 'SLA events recorded', value: events.events.toLocaleString('en'), note: `${events.distinct_events.toLocaleString('en')} distinct (ticket, target, kind)` });
      await Promise.all([app.end(), admin.end()]);
    } finally {
      cleanUp();
    }
  },
});
