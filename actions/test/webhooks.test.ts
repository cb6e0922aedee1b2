import { createServer } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { guardedPost } from '../src/webhooks/http-post.ts';
import { signWebhook } from '../src/webhooks/signing.ts';
import { assertAllowedUrl, BlockedTargetError, isBlockedAddress } from '../src/webhooks/ssrf.ts';
import { TEST_ACTIONS_SECRET, testConfig } from './support/config.ts';
import { createTestOrg, superuserSql, type TestOrg } from './support/org.ts';
import { independentSignature, startReceiver, type Receiver } from './support/receiver.ts';

const sql = superuserSql();
let guarded: FastifyInstance;
let open: FastifyInstance;
let receiver: Receiver;
let org: TestOrg;
let other: TestOrg;

beforeAll(async () => {
  guarded = buildApp(testConfig());
  open = buildApp(testConfig({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' }));
  await Promise.all([guarded.ready(), open.ready()]);
  receiver = await startReceiver();
  org = await createTestOrg(sql, 'Hooks', 1);
  other = await createTestOrg(sql, 'Strangers', 0);
});
afterAll(async () => {
  await Promise.all([guarded.close(), open.close(), receiver.close()]);
  await sql.end();
});

const session = (o: TestOrg, userId: string) => ({ 'x-hasura-role': 'user', 'x-hasura-org-id': o.orgId, 'x-hasura-user-id': userId });

function call(app: FastifyInstance, name: string, path: string, input: Record<string, unknown>, vars: Record<string, string>) {
  return app.inject({
    method: 'POST',
    url: `/actions/${name}`,
    headers: { 'x-workgrid-actions-secret': TEST_ACTIONS_SECRET },
    payload: { action: { name }, input, session_variables: vars },
  });
}

async function createWebhook(app: FastifyInstance, url: string, vars = session(org, org.admin)) {
  return call(app, 'createWebhook', 'create-webhook', { url, event_types: ['comment.created'] }, vars);
}

describe('signatures', () => {
  it('match an independent HMAC-SHA256 implementation over timestamp.body', async () => {
    const body = JSON.stringify({ type: 'comment.created', data: { text: 'héllo' } });
    expect(signWebhook('whsec_test', 1_700_000_000, body)).toBe(await independentSignature('whsec_test', '1700000000', body));
    expect(signWebhook('whsec_test', 1_700_000_001, body)).not.toBe(await independentSignature('whsec_test', '1700000000', body));
  });
});

describe('SSRF guard', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1'])(
    'blocks %s',
    (address) => expect(isBlockedAddress(address)).toBe(true),
  );
  it.each(['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows %s', (address) => expect(isBlockedAddress(address)).toBe(false));

  it('refuses literal private targets, non-http schemes and credentials in URLs', () => {
    for (const url of ['http://127.0.0.1/x', 'http://[::1]/x', 'http://169.254.169.254/latest/meta-data', 'ftp://example.com/', 'https://user:pw@example.com/', 'not a url']) {
      expect(() => assertAllowedUrl(url, false), url).toThrow(BlockedTargetError);
    }
    expect(assertAllowedUrl('http://127.0.0.1/x', true).hostname).toBe('127.0.0.1');
  });

  it('refuses a name that resolves to loopback when connecting, and reaches it only when allowed', async () => {
    const port = new URL(receiver.url).port;
    const before = receiver.received.length;
    await expect(guardedPost(`http://localhost:${port}/hook`, '{}', {}, { allowPrivate: false, timeoutMs: 2000 })).rejects.toThrow(BlockedTargetError);
    expect(receiver.received.length).toBe(before);
    expect((await guardedPost(`http://localhost:${port}/hook`, '{}', {}, { allowPrivate: true, timeoutMs: 2000 })).status).toBe(200);
  });

  it('does not follow redirects', async () => {
    const redirector = createServer((_req, res) => res.writeHead(302, { location: 'http://169.254.169.254/' }).end());
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    const { port } = redirector.address() as { port: number };
    try {
      expect((await guardedPost(`http://127.0.0.1:${port}/`, '{}', {}, { allowPrivate: true, timeoutMs: 2000 })).status).toBe(302);
    } finally {
      redirector.close();
    }
  });
});

describe('createWebhook', () => {
  it('creates a subscription for an admin and shows its secret once', async () => {
    const response = await createWebhook(open, receiver.url);
    expect(response.statusCode).toBe(200);
    const { id, secret } = response.json() as { id: string; secret: string };
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const [row] = await sql`select s.org_id, s.created_by, k.secret from webhook_subscriptions s join app_private.webhook_secrets k on k.subscription_id = s.id where s.id = ${id}`;
    expect(row).toEqual({ org_id: org.orgId, created_by: org.admin, secret });
  });

  it('refuses members', async () => {
    const response = await createWebhook(open, receiver.url, session(org, org.members[0]!));
    expect(response.statusCode).toBe(403);
    expect(response.json().extensions.code).toBe('permission-denied');
  });

  it('refuses private targets unless configuration allows them', async () => {
    const response = await createWebhook(guarded, 'http://10.0.0.5/hook');
    expect(response.statusCode).toBe(400);
    expect(response.json().extensions.code).toBe('webhook_target_blocked');
  });

  it('keeps the secret away from the GraphQL engine role', async () => {
    const [row] = await sql`select has_schema_privilege('workgrid_engine', 'app_private', 'usage') as usable,
                                   has_table_privilege('workgrid_engine', 'app_private.webhook_secrets', 'select') as readable`;
    expect(row).toEqual({ usable: false, readable: false });
  });
});

describe('testWebhook and redeliverWebhook', () => {
  it('send a signed test delivery, log it with a truncated body, and redeliver the same body', async () => {
    const { id, secret } = (await createWebhook(open, receiver.url)).json() as { id: string; secret: string };
    receiver.respond.body = 'x'.repeat(5000);
    const before = receiver.received.length;
    const response = await call(open, 'testWebhook', 'test-webhook', { subscription_id: id }, session(org, org.owner));
    receiver.respond.body = 'ok';
    expect(response.statusCode).toBe(200);
    const result = response.json() as { delivery_id: string; status: string; response_code: number };
    expect(result).toMatchObject({ status: 'succeeded', response_code: 200 });

    const request = receiver.received[before]!;
    expect(request.headers['x-workgrid-event']).toBe('webhook.test');
    expect(request.headers['x-workgrid-delivery']).toBe(result.delivery_id);
    const timestamp = String(request.headers['x-workgrid-timestamp']);
    expect(request.headers['x-workgrid-signature']).toBe(await independentSignature(secret, timestamp, request.body));
    expect(await independentSignature('whsec_wrong', timestamp, request.body)).not.toBe(request.headers['x-workgrid-signature']);

    const [logged] = await sql`select status, attempts, response_code, length(response_body) as body_length from webhook_deliveries where id = ${result.delivery_id}`;
    expect(logged).toEqual({ status: 'succeeded', attempts: 1, response_code: 200, body_length: 2048 });

    const again = await call(open, 'redeliverWebhook', 'redeliver-webhook', { delivery_id: result.delivery_id }, session(org, org.admin));
    expect(again.json()).toMatchObject({ status: 'succeeded', response_code: 200 });
    expect(again.json().delivery_id).not.toBe(result.delivery_id);
    expect(receiver.received[before + 1]!.body).toBe(request.body);
  });

  it('report a failing receiver without retrying or counting it against the subscription', async () => {
    const { id } = (await createWebhook(open, receiver.url)).json() as { id: string };
    receiver.respond.status = 503;
    const response = await call(open, 'testWebhook', 'test-webhook', { subscription_id: id }, session(org, org.admin));
    receiver.respond.status = 200;
    expect(response.json()).toMatchObject({ status: 'failed', response_code: 503, error: 'The receiver answered 503.' });
    const [sub] = await sql`select consecutive_failures from webhook_subscriptions where id = ${id}`;
    expect(sub!.consecutive_failures).toBe(0);
  });

  it('refuse another org\'s subscriptions and deliveries, and members', async () => {
    const { id } = (await createWebhook(open, receiver.url)).json() as { id: string };
    for (const vars of [session(other, other.owner), session(org, org.members[0]!)]) {
      const response = await call(open, 'testWebhook', 'test-webhook', { subscription_id: id }, vars);
      expect(response.statusCode).toBe(404);
      expect(response.json().extensions.code).toBe('webhook_not_found');
    }
    const [delivery] = await sql`select id from webhook_deliveries where org_id = ${org.orgId} limit 1`;
    const response = await call(open, 'redeliverWebhook', 'redeliver-webhook', { delivery_id: delivery!.id as string }, session(other, other.owner));
    expect(response.json().extensions.code).toBe('webhook_delivery_not_found');
  });

  it('refuse a private target at send time when not allowed', async () => {
    const { id } = (await createWebhook(open, receiver.url)).json() as { id: string };
    const response = await call(guarded, 'testWebhook', 'test-webhook', { subscription_id: id }, session(org, org.admin));
    expect(response.json()).toMatchObject({ status: 'failed', response_code: null });
    expect(response.json().error).toMatch(/private, loopback or link-local/);
  });
});
