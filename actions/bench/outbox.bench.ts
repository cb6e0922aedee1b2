// Outbox to webhook benchmark (part of `npm run bench`): events written to the outbox at a steady
// rate are carried by the relay and the worker (real BullMQ, Redis and Postgres) to a signed webhook
// delivery received by a local HTTP server. Runs on a throwaway PostgreSQL and Redis of its own
// (the test suite's setup), so it neither needs nor disturbs `npm start`.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { fixed, percentile, runBenchmark } from '../../scripts/bench/harness.ts';
import { setup } from '../../scripts/test/global-setup.ts';
import { loadWorkerConfig } from '../src/config.ts';
import { startWorkerRuntime } from '../src/worker-runtime.ts';

const RATE_PER_SECOND = 1000;
const SECONDS = 5;
const TICK_MS = 20;
const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };

await runBenchmark({
  name: 'outbox → webhook',
  run: async (report) => {
    const provided: Record<string, unknown> = {};
    const teardown = await setup({ provide: (key: string, value: unknown) => void (provided[key] = value) } as unknown as TestProject);
    const sql = postgres(provided['superuserUrl'] as string, { max: 4, onnotice: () => {} });
    const lags: number[] = [];
    let lastReceived = 0;
    const receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        const now = Date.now();
        const event = JSON.parse(body) as { data: { emitted_at_ms: number } };
        lags.push(now - event.data.emitted_at_ms);
        lastReceived = now;
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const port = (receiver.address() as AddressInfo).port;
    try {
      const [user] = await sql`insert into users (email, display_name) values ('bench@people.example', 'Bench') returning id`;
      const [org] = await sql`insert into orgs (name, slug, created_by) values ('Bench', 'bench', ${user!.id as string}) returning id`;
      const orgId = org!.id as string;
      const [subscription] = await sql`
        insert into webhook_subscriptions (org_id, url, event_types, created_by)
        values (${orgId}, ${`http://127.0.0.1:${port}/hook`}, '{bench.tick}', ${user!.id as string}) returning id`;
      await sql`insert into app_private.webhook_secrets (subscription_id, org_id, secret) values (${subscription!.id as string}, ${orgId}, ${`whsec_${'b'.repeat(43)}`})`;

      const config = loadWorkerConfig({
        APP_DATABASE_URL: provided['appUrl'] as string,
        REDIS_URL: provided['redisUrl'] as string,
        SECRETS_KEY: 'k'.repeat(43),
        LOG_LEVEL: 'silent',
        NODE_ENV: 'production',
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        OUTBOX_POLL_INTERVAL_MS: '200',
        OUTBOX_BATCH_SIZE: '500',
        WORKER_CONCURRENCY: '50',
      });
      const runtime = await startWorkerRuntime(config, silent, { schedules: false });
      try {
        const session = JSON.stringify({ 'x-hasura-role': 'service', 'x-hasura-org-id': orgId });
        const total = RATE_PER_SECOND * SECONDS;
        const perTick = (RATE_PER_SECOND * TICK_MS) / 1000;
        const started = Date.now();
        for (let sent = 0; sent < total; sent += perTick) {
          const due = started + (sent / RATE_PER_SECOND) * 1000;
          if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
          await sql.begin(async (tx) => {
            await tx`select set_config('hasura.user', ${session}, true)`;
            await tx`
              select app.emit_event('bench.tick', jsonb_build_object('seq', n, 'emitted_at_ms', ${Date.now()}::bigint), 'bench:' || n, ${orgId}::uuid)
                from generate_series(${sent}::int, ${sent + perTick - 1}::int) as n`;
          });
        }
        const emitSeconds = (Date.now() - started) / 1000;
        const deadline = Date.now() + 120_000;
        while (lags.length < total && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
        const seconds = (lastReceived - started) / 1000;
        lags.sort((a, b) => a - b);
        const note = `${RATE_PER_SECOND} events/s offered for ${SECONDS} s (written in ${fixed(emitSeconds)} s), 1 worker, concurrency 50`;
        report({ metric: 'webhooks delivered', value: `${lags.length} / ${total}`, note });
        report({ metric: 'outbox → delivered (events/s)', value: fixed(lags.length / seconds), note });
        report({ metric: 'lag p50 / p99 (ms)', value: `${percentile(lags, 50)} / ${percentile(lags, 99)}`, note: 'from the outbox write to the receiver' });
      } finally {
        await runtime.close();
      }
    } finally {
      receiver.close();
      await sql.end();
      await teardown();
    }
  },
});
