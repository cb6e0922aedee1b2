import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSql, callAction, signedUpUser, startService, type TestService } from './support/identity.ts';

// Postgres cutting every connection of the actions service (a restart, a failover) fails the
// requests in flight at that moment, and nothing else: the process stays up and the pool
// reconnects (postgres.js 3.4.9 would crash or stall here, porsager/postgres#1154 and #1208;
// scripts/patch-dependencies.mjs fixes the driver).

let service: TestService;
let apiKey: string;

beforeAll(async () => {
  service = await startService();
  const user = await signedUpUser(service, 'db-restart');
  const created = await callAction(service, 'createApiKey', { name: 'load', scopes: ['read'] }, user.session);
  apiKey = created.body.api_key!;
});
afterAll(async () => {
  await service?.app.close();
  await adminSql.end();
});

const exchange = () => callAction(service, 'exchangeApiKey', { api_key: apiKey });

describe('the actions service when Postgres cuts its connections', () => {
  it('keeps answering: only requests in flight during the cut fail', async () => {
    let running = true;
    const statuses: number[] = [];
    const load = async () => {
      while (running) statuses.push((await exchange()).status);
    };
    const clients = Array.from({ length: 6 }, load);
    while (!statuses.includes(200)) await new Promise((resolve) => setTimeout(resolve, 20));
    for (let cut = 0; cut < 5; cut += 1) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      await adminSql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'workgrid-actions'`;
    }
    running = false;
    await Promise.all(clients);
    expect(statuses.filter((status) => status !== 200 && status !== 500)).toEqual([]);

    // Once the cut is over, requests succeed again: ten in a row within a few seconds.
    let streak = 0;
    const deadline = Date.now() + 15_000;
    while (streak < 10 && Date.now() < deadline) streak = (await exchange()).status === 200 ? streak + 1 : 0;
    expect(streak).toBe(10);
  }, 60_000);
});
