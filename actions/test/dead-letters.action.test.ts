import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { TEST_ACTIONS_SECRET, testConfig } from './support/config.ts';
import { createTestOrg, superuserSql, type TestOrg } from './support/org.ts';

// The handlers as the engine calls them: Hasura's action payload, the shared secret header.

const sql = superuserSql();
let app: FastifyInstance;
let org: TestOrg;
let other: TestOrg;

beforeAll(async () => {
  app = buildApp(testConfig());
  await app.ready();
  org = await createTestOrg(sql, 'Letters', 1);
  other = await createTestOrg(sql, 'Others', 0);
});
afterAll(async () => {
  await app.close();
  await sql.end();
});

function call(name: string, path: string, input: Record<string, unknown>, session: Record<string, string>, secret = TEST_ACTIONS_SECRET) {
  return app.inject({
    method: 'POST',
    url: `/actions/${name}`,
    headers: { 'x-workgrid-actions-secret': secret },
    payload: { action: { name }, input, session_variables: session, request_query: `mutation { ${name} }` },
  });
}

const userSession = (o: TestOrg, userId: string) => ({ 'x-hasura-role': 'user', 'x-hasura-org-id': o.orgId, 'x-hasura-user-id': userId });

/** A committed dead letter of the org (written as the superuser: the worker would have). */
async function deadLetter(o: TestOrg): Promise<string> {
  const [row] = await sql`
    insert into outbox_events (org_id, topic, idempotency_key, attempts, dead_at, last_error, available_at)
    values (${o.orgId}, 'test.dead', ${`test:dead:${randomUUID()}`}, 8, now(), 'receiver said 500', now() + interval '1 day')
    returning id`;
  return row!.id as string;
}

describe('retryDelivery', () => {
  it('sends an admin\'s dead letter back to the queue, once', async () => {
    const id = await deadLetter(org);
    const response = await call('retryDelivery', 'retry-delivery', { event_id: id }, userSession(org, org.admin));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ event_id: id, status: 'queued' });
    // A relay running in another test file may already have picked it up: only the reset is asserted.
    const [row] = await sql`select attempts, dead_at from outbox_events where id = ${id}`;
    expect(row).toEqual({ attempts: 0, dead_at: null });

    const again = await call('retryDelivery', 'retry-delivery', { event_id: id }, userSession(org, org.owner));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ message: expect.any(String), extensions: { code: 'outbox_event_not_dead' } });
    await sql`update outbox_events set delivered_at = now() where id = ${id}`;
  });

  it('refuses members and other orgs alike, without telling them apart', async () => {
    const id = await deadLetter(org);
    for (const session of [userSession(org, org.members[0]!), userSession(other, other.owner)]) {
      const response = await call('retryDelivery', 'retry-delivery', { event_id: id }, session);
      expect(response.statusCode).toBe(404);
      expect(response.json().extensions).toEqual({ code: 'outbox_event_not_found' });
    }
    const [row] = await sql`select dead_at is not null as dead from outbox_events where id = ${id}`;
    expect(row!.dead).toBe(true);
  });

  it('takes the caller from session_variables, validates input and requires the secret', async () => {
    const id = await deadLetter(org);
    const noUser = await call('retryDelivery', 'retry-delivery', { event_id: id }, { 'x-hasura-role': 'user', 'x-hasura-org-id': org.orgId });
    expect(noUser.statusCode).toBe(401);
    expect(noUser.json().extensions.code).toBe('access-denied');
    const badInput = await call('retryDelivery', 'retry-delivery', { event_id: 'nope' }, userSession(org, org.admin));
    expect(badInput.statusCode).toBe(400);
    expect(badInput.json().extensions.code).toBe('validation-failed');
    const noSecret = await call('retryDelivery', 'retry-delivery', { event_id: id }, userSession(org, org.admin), 'wrong-secret-0123456789');
    expect(noSecret.statusCode).toBe(401);
    await sql`update outbox_events set dead_at = null, delivered_at = now() where id = ${id}`;
  });
});

describe('deadLetters', () => {
  it('lists the org\'s dead letters to owners and admins only', async () => {
    const mine = await deadLetter(org);
    const theirs = await deadLetter(other);
    const listed = await call('deadLetters', 'dead-letters', {}, userSession(org, org.admin));
    expect(listed.statusCode).toBe(200);
    const ids = (listed.json() as { id: string; last_error: string }[]).map((row) => row.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(theirs);
    const member = await call('deadLetters', 'dead-letters', {}, userSession(org, org.members[0]!));
    expect(member.json()).toEqual([]);
    await sql`update outbox_events set dead_at = null, delivered_at = now() where id = any(${[mine, theirs]}::uuid[])`;
  });
});
