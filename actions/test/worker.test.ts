import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { pino, type Logger } from 'pino';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { backoffCeiling, backoffDelay } from '../src/backoff.ts';
import { loadWorkerConfig, type WorkerConfig } from '../src/config.ts';
import { EMAIL_TOPICS, outboxTokenContext } from '../src/identity/emails.ts';
import { SecretBox } from '../src/identity/secrets.ts';
import { PermanentError, type EffectHandler } from '../src/jobs/effects.ts';
import { loggerOptions } from '../src/logger.ts';
import { EFFECT_HANDLERS } from '../src/jobs/outbox-event.ts';
import { jobIdFor, QUEUES } from '../src/queues.ts';
import { startWorkerRuntime, type WorkerRuntime } from '../src/worker-runtime.ts';
import { createTestOrg, emitEvents, eventually, postComment, superuserSql, type TestOrg } from './support/org.ts';
import { independentSignature, startReceiver, type Receiver } from './support/receiver.ts';
import { adminSql, callAction, signedUpUser, startService, STRONG_PASSWORD, uniqueEmail, type TestService } from './support/identity.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedis, stopRedis, type RedisInstance } from '../../scripts/lib/redis-server.ts';
import { freePort } from '../../scripts/lib/ports.ts';

// Every test that runs a relay lives in this file: relays claim due events of every org, so two
// files running relays at once would take each other's events.

const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };
const sql = superuserSql();

// The actions service of the identity email tests seals with the same key.
const SECRETS_KEY = 'worker-test-secrets-key-0123456789';

function workerConfig(overrides: Record<string, string> = {}): WorkerConfig {
  return loadWorkerConfig({
    APP_DATABASE_URL: inject('appUrl'),
    REDIS_URL: inject('redisUrl'),
    SECRETS_KEY,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    OUTBOX_POLL_INTERVAL_MS: '200',
    OUTBOX_BATCH_SIZE: '25',
    OUTBOX_LEASE_SECONDS: '60',
    JOB_MAX_ATTEMPTS: '3',
    JOB_BACKOFF_BASE_MS: '10',
    JOB_BACKOFF_MAX_MS: '40',
    WORKER_LOCK_DURATION_MS: '2000',
    ...overrides,
  });
}

/** A test topic whose effect is one notification row per event: duplicates would be visible. */
const recordingHandler: EffectHandler = async (tx, event) => {
  await tx`
    insert into notifications (org_id, user_id, event_type, title, data)
    values (${event.org_id}, ${String(event.payload.user_id)}, 'test.recorded', 'recorded', ${tx.json({ event_id: event.id })})`;
  return [];
};

let poisonFixed = false;
const handlers: Record<string, EffectHandler> = {
  ...EFFECT_HANDLERS,
  'test.recorded': recordingHandler,
  'test.poison': async (tx, event) => {
    if (!poisonFixed) throw new Error('poison: the receiver is broken');
    return recordingHandler(tx, event);
  },
  'test.malformed': async () => {
    throw new PermanentError('payload cannot be processed');
  },
};

const runtimes: WorkerRuntime[] = [];
async function runtime(options: { listen?: boolean; config?: Record<string, string>; handlers?: Record<string, EffectHandler>; log?: Logger } = {}) {
  const started = await startWorkerRuntime(workerConfig(options.config), options.log ?? silent, {
    handlers: options.handlers ?? handlers,
    // The scheduled digests would act on other test files' data at the top of an hour.
    schedules: false,
    ...(options.listen === undefined ? {} : { listen: options.listen }),
  });
  runtimes.push(started);
  return started;
}

afterEach(async () => {
  await Promise.all(runtimes.splice(0).map((r) => r.close()));
});
afterAll(() => sql.end());

async function recordedCounts(eventIds: string[]): Promise<Map<string, number>> {
  const rows = await sql`
    select data ->> 'event_id' as event_id, count(*)::int as n from notifications
     where event_type = 'test.recorded' and data ->> 'event_id' = any(${eventIds}) group by 1`;
  return new Map(rows.map((r) => [r.event_id as string, r.n as number]));
}

async function allDelivered(eventIds: string[]): Promise<true | undefined> {
  const [row] = await sql`select count(*)::int as n from outbox_events where id = any(${eventIds}::uuid[]) and delivered_at is not null`;
  return row!.n === eventIds.length ? true : undefined;
}

async function expectExactlyOnce(eventIds: string[]): Promise<void> {
  await eventually(() => allDelivered(eventIds), 'every event delivered', 60_000);
  const counts = await recordedCounts(eventIds);
  expect(eventIds.filter((id) => counts.get(id) !== 1)).toEqual([]);
}

const keys = (n: number, label: string) => Array.from({ length: n }, (_, i) => `test:${label}:${randomUUID()}:${i}`);

let org: TestOrg;
beforeAll(async () => {
  org = await createTestOrg(sql, 'Relay', 4);
});

describe('backoff', () => {
  it('doubles from the base up to the cap, with jitter in the upper half', () => {
    const settings = { baseMs: 1000, maxMs: 60_000 };
    expect([1, 2, 3, 4, 7, 8, 40].map((n) => backoffCeiling(n, settings))).toEqual([1000, 2000, 4000, 8000, 60_000, 60_000, 60_000]);
    expect(backoffDelay(3, settings, () => 0)).toBe(2000);
    expect(backoffDelay(3, settings, () => 1)).toBe(4000);
    for (let i = 0; i < 50; i += 1) {
      const delay = backoffDelay(2, settings);
      expect(delay).toBeGreaterThanOrEqual(1000);
      expect(delay).toBeLessThanOrEqual(2000);
    }
  });

  it('maps idempotency keys to valid, distinct BullMQ job ids', () => {
    expect(jobIdFor('comment.created:abc')).toBe('comment.created%3Aabc');
    expect(jobIdFor('42')).toBe('k42');
    expect(jobIdFor('a:b')).not.toBe(jobIdFor('a%3Ab'));
  });
});

describe('outbox relay and event jobs', () => {
  it('turns a comment with mentions into one notification per mentioned member, honouring preferences', async () => {
    const [author, mentioned, muted, off] = org.members as [string, string, string, string];
    await sql`insert into notification_preferences (org_id, user_id, event_type, channel, muted_until)
              values (${org.orgId}, ${muted}, '*', 'in_app', now() + interval '1 hour')`;
    await sql`insert into notification_preferences (org_id, user_id, event_type, channel, enabled)
              values (${org.orgId}, ${off}, 'comment.mention', 'in_app', false)`;
    await runtime();
    const commentId = await postComment(sql, org, author, [mentioned, muted, off, author, org.admin]);
    const [event] = await sql`select id from outbox_events where idempotency_key = ${`comment.created:${commentId}`}`;
    await eventually(() => allDelivered([event!.id as string]), 'the comment event delivered');
    const notified = await sql`
      select user_id, actor_id, entity_type from notifications where data ->> 'comment_id' = ${commentId} order by user_id`;
    expect(notified.map((n) => n.user_id).sort()).toEqual([mentioned, org.admin].sort());
    expect(notified.every((n) => n.actor_id === author && n.entity_type === 'comment')).toBe(true);
  });

  it('delivers every event exactly once with two workers claiming at once', async () => {
    await Promise.all([runtime(), runtime()]);
    const ids = await emitEvents(sql, org.orgId, 'test.recorded', keys(150, 'two'), { user_id: org.owner });
    await expectExactlyOnce(ids);
  });

  it('recovers the claims of a relay that died between claiming and enqueueing', async () => {
    const ids = await emitEvents(sql, org.orgId, 'test.recorded', keys(40, 'crash'), { user_id: org.owner });
    const doomed = await runtime();
    await doomed.relay.stop();
    // The relay has already claimed a batch before we could stop it, or claims one now; either way it dies here.
    await doomed.relay.claim();
    await doomed.close();
    runtimes.splice(runtimes.indexOf(doomed), 1);
    const [pending] = await sql`select count(*)::int as n from outbox_events where id = any(${ids}::uuid[]) and delivered_at is null`;
    expect(pending!.n).toBeGreaterThan(0);
    // Their lease runs out (in production after OUTBOX_LEASE_SECONDS).
    await sql`update outbox_events set available_at = now() where id = any(${ids}::uuid[]) and delivered_at is null`;
    await runtime();
    await expectExactlyOnce(ids);
  });

  it('does not enqueue an event twice when it is claimed again while its job waits', async () => {
    const prefix = `dedupe-${randomUUID().slice(0, 8)}`;
    const connection = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
    const queue = new Queue(QUEUES.webhooks, { connection, prefix });
    try {
      const [id] = await emitEvents(sql, org.orgId, 'test.unrouted', keys(1, 'dedupe'));
      const [event] = await sql`select id, org_id, topic, idempotency_key from outbox_events where id = ${id!}`;
      const { OutboxRelay } = await import('../src/outbox/relay.ts');
      const relay = new OutboxRelay({
        sql, queues: { [QUEUES.webhooks]: queue } as never, log: silent, batchSize: 1, leaseSeconds: 1, pollIntervalMs: 1000,
      });
      const claimed = { id: event!.id as string, org_id: event!.org_id as string, topic: event!.topic as string, idempotency_key: event!.idempotency_key as string };
      await relay.enqueue([claimed]);
      await relay.enqueue([claimed]);
      expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 1 });
      expect((await queue.getJob(jobIdFor(claimed.idempotency_key)))?.data).toEqual({ eventId: id, orgId: org.orgId, topic: 'test.unrouted' });
      await sql`update outbox_events set delivered_at = now() where id = ${id!}`;
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
      connection.disconnect();
    }
  });

  it('wakes by polling when no notification arrives', async () => {
    await runtime({ listen: false, config: { OUTBOX_POLL_INTERVAL_MS: '100' } });
    const ids = await emitEvents(sql, org.orgId, 'test.recorded', keys(3, 'poll'), { user_id: org.owner });
    await expectExactlyOnce(ids);
  });

  it('retries a failing event, makes it a dead letter after the last attempt without blocking others, and retries it on request', async () => {
    poisonFixed = false;
    await runtime();
    const [poison] = await emitEvents(sql, org.orgId, 'test.poison', keys(1, 'poison'), { user_id: org.owner });
    const healthy = await emitEvents(sql, org.orgId, 'test.recorded', keys(5, 'healthy'), { user_id: org.owner });
    await expectExactlyOnce(healthy);
    const dead = await eventually(async () => {
      const [row] = await sql`select attempts, last_error, dead_at from outbox_events where id = ${poison!} and dead_at is not null`;
      return row;
    }, 'the poison event to be dead');
    expect(dead).toMatchObject({ attempts: 3, last_error: 'poison: the receiver is broken' });

    poisonFixed = true;
    await sql.begin(async (tx) => {
      await tx`set local role workgrid_app`;
      await tx`select set_config('hasura.user', ${JSON.stringify({ 'x-hasura-role': 'user', 'x-hasura-org-id': org.orgId, 'x-hasura-user-id': org.admin })}, true)`;
      await tx`select app.outbox_retry(${poison!})`;
    });
    await expectExactlyOnce([poison!]);
  });

  it('sends an event with a permanent error straight to the dead letters', async () => {
    await runtime();
    const [malformed] = await emitEvents(sql, org.orgId, 'test.malformed', keys(1, 'malformed'));
    const dead = await eventually(async () => {
      const [row] = await sql`select attempts, last_error from outbox_events where id = ${malformed!} and dead_at is not null`;
      return row;
    }, 'the malformed event to be dead');
    expect(dead).toEqual({ attempts: 1, last_error: 'payload cannot be processed' });
  });

  it('finishes in-flight jobs on shutdown', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => { release = resolve; });
    let started: () => void = () => {};
    const running = new Promise<void>((resolve) => { started = resolve; });
    const slow = await runtime({
      handlers: {
        'test.recorded': async (tx, event) => {
          started();
          await gate;
          return recordingHandler(tx, event);
        },
      },
    });
    const ids = await emitEvents(sql, org.orgId, 'test.recorded', keys(1, 'shutdown'), { user_id: org.owner });
    await running;
    const closed = slow.close();
    release();
    await closed;
    runtimes.splice(runtimes.indexOf(slow), 1);
    expect(await allDelivered(ids)).toBe(true);
    expect(await recordedCounts(ids)).toEqual(new Map([[ids[0], 1]]));
  });
});

describe('a Redis restart that loses every queued job', () => {
  it('still delivers every event exactly once: the outbox leases bring lost jobs back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'workgrid-redis-'));
    const redis: RedisInstance = { port: await freePort(), dir, pidFile: join(dir, 'redis.pid'), logFile: join(dir, 'redis.log'), persistent: false };
    await startRedis(redis);
    try {
      const config = { REDIS_URL: `redis://127.0.0.1:${redis.port}`, OUTBOX_LEASE_SECONDS: '1' };
      // A handler held until Redis has restarted: the held jobs finish afterwards; every other
      // queued job is lost with Redis (no persistence) and must come back through its outbox lease.
      let gate: () => void = () => {};
      const blocked = new Promise<void>((resolve) => { gate = resolve; });
      const held = await runtime({
        config,
        handlers: { 'test.recorded': async (tx, event) => { await blocked; return recordingHandler(tx, event); } },
      });
      const ids = await emitEvents(sql, org.orgId, 'test.recorded', keys(20, 'redis'), { user_id: org.owner });
      // test.* topics route to the webhooks queue.
      await eventually(async () => ((await held.queues.webhooks.getJobCounts('active')).active ?? 0) > 0 ? true : undefined, 'jobs in Redis').catch((error: unknown) => {
        gate();
        throw error;
      });
      await stopRedis(redis);
      await startRedis(redis);
      gate();
      await expectExactlyOnce(ids);
    } finally {
      // Close while this Redis is still up (closing waits for it).
      await Promise.all(runtimes.splice(0).map((r) => r.close()));
      await stopRedis(redis);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('outbound webhooks through the worker', () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => receiver.close());
  const hookConfig = { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_RETRY_DELAYS_MS: '10,10,10,10' };

  async function subscribe(topic: string, consecutiveFailures = 0): Promise<{ id: string; secret: string }> {
    const secret = `whsec_${randomUUID()}${randomUUID()}`;
    const [row] = await sql`
      insert into webhook_subscriptions (org_id, url, event_types, created_by, consecutive_failures)
      values (${org.orgId}, ${receiver.url}, ${[topic]}, ${org.owner}, ${consecutiveFailures}) returning id`;
    await sql`insert into app_private.webhook_secrets (subscription_id, org_id, secret) values (${row!.id as string}, ${org.orgId}, ${secret})`;
    return { id: row!.id as string, secret };
  }

  const deliveriesOf = (subscriptionId: string) =>
    sql`select id, status, attempts, response_code from webhook_deliveries where subscription_id = ${subscriptionId}`;

  it('fans an event out to the matching subscription and delivers it signed, once', async () => {
    const { id, secret } = await subscribe('test.hooked');
    await subscribe('test.other');
    await runtime({ config: hookConfig });
    const [eventId] = await emitEvents(sql, org.orgId, 'test.hooked', keys(1, 'hooked'), { answer: 42 });
    const [delivery] = await eventually(async () => {
      const rows = await deliveriesOf(id);
      return rows[0]?.status === 'succeeded' ? rows : undefined;
    }, 'the webhook delivered');
    const requests = receiver.received.filter((r) => r.headers['x-workgrid-delivery'] === delivery!.id);
    expect(requests).toHaveLength(1);
    const request = requests[0]!;
    expect(request.headers['x-workgrid-event']).toBe('test.hooked');
    expect(request.headers['x-workgrid-signature']).toBe(await independentSignature(secret, String(request.headers['x-workgrid-timestamp']), request.body));
    expect(JSON.parse(request.body)).toMatchObject({ id: eventId, type: 'test.hooked', org_id: org.orgId, data: { answer: 42 } });
    expect(delivery).toMatchObject({ attempts: 1, response_code: 200 });
  });

  it('turns one comment into an in-app notification, an email and a signed webhook', async () => {
    const team = await createTestOrg(sql, 'Whole', 2);
    const [author, mentioned] = team.members as [string, string];
    await sql`insert into notification_preferences (org_id, user_id, event_type, channel) values (${team.orgId}, ${mentioned}, 'comment.mention', 'email')`;
    const secret = `whsec_${randomUUID()}${randomUUID()}`;
    const [sub] = await sql`
      insert into webhook_subscriptions (org_id, url, event_types, created_by) values (${team.orgId}, ${receiver.url}, '{comment.created}', ${team.owner}) returning id`;
    await sql`insert into app_private.webhook_secrets (subscription_id, org_id, secret) values (${sub!.id as string}, ${team.orgId}, ${secret})`;
    await runtime({ config: hookConfig });
    const commentId = await postComment(sql, { ...team }, author, [mentioned]);

    const [email] = await eventually(async () => {
      const rows = await sql`select status, provider, subject, to_address from email_log where org_id = ${team.orgId} and status = 'sent'`;
      return rows.length > 0 ? rows : undefined;
    }, 'the mention email sent');
    expect(email).toMatchObject({ provider: 'mailbox', subject: 'You were mentioned in a comment' });
    const [contact] = await sql`select email from users where id = ${mentioned}`;
    expect(email!.to_address).toBe(contact!.email);
    expect(await sql`select 1 from notifications where user_id = ${mentioned} and data ->> 'comment_id' = ${commentId}`).toHaveLength(1);
    const [delivery] = await eventually(async () => {
      const rows = await sql`select id from webhook_deliveries where subscription_id = ${sub!.id as string} and status = 'succeeded'`;
      return rows.length > 0 ? rows : undefined;
    }, 'the webhook delivered');
    const request = receiver.received.find((r) => r.headers['x-workgrid-delivery'] === delivery!.id)!;
    expect(JSON.parse(request.body)).toMatchObject({ type: 'comment.created', data: { comment_id: commentId, mentions: [mentioned] } });
    expect(request.headers['x-workgrid-signature']).toBe(await independentSignature(secret, String(request.headers['x-workgrid-timestamp']), request.body));
  });

  it('makes an identity email whose sealed token does not open a dead letter at once, and never sends it to webhooks', async () => {
    const { id } = await subscribe('*');
    await runtime({ config: hookConfig });
    const sealed = SecretBox.fromConfig('another-key-another-key-another-key').seal('wgi_x', outboxTokenContext(EMAIL_TOPICS.invitation));
    const [eventId] = await emitEvents(sql, org.orgId, EMAIL_TOPICS.invitation, keys(1, 'identity'), {
      invitation_id: randomUUID(), email: 'ada@people.example', token_sealed: sealed,
    });
    const dead = await eventually(async () => {
      const [row] = await sql`select attempts, last_error from outbox_events where id = ${eventId!} and dead_at is not null`;
      return row;
    }, 'the identity event to be a dead letter');
    expect(dead!.attempts).toBe(1);
    expect(dead!.last_error).toMatch(/sealed token does not open/);
    expect(await sql`select 1 from webhook_deliveries where subscription_id = ${id} and event_id = ${eventId!}`).toHaveLength(0);
    expect(await sql`select 1 from email_log where event_id = ${eventId!}`).toHaveLength(0);
    await sql`update webhook_subscriptions set enabled = false where id = ${id}`;
  });

  it('retries a failing receiver on the schedule and marks the delivery dead after the last attempt', async () => {
    const { id } = await subscribe('test.flaky');
    receiver.respond.status = 500;
    try {
      await runtime({ config: hookConfig });
      await emitEvents(sql, org.orgId, 'test.flaky', keys(1, 'flaky'));
      const [delivery] = await eventually(async () => {
        const rows = await deliveriesOf(id);
        return rows[0]?.status === 'dead' ? rows : undefined;
      }, 'the delivery to be dead');
      expect(delivery).toMatchObject({ attempts: 5, response_code: 500 });
      expect(receiver.received.filter((r) => r.headers['x-workgrid-delivery'] === delivery!.id)).toHaveLength(5);
    } finally {
      receiver.respond.status = 200;
    }
  });

  it('disables a subscription at 10 consecutive failures and notifies the org\'s admins', async () => {
    const { id } = await subscribe('test.broken', 9);
    receiver.respond.status = 500;
    try {
      await runtime({ config: hookConfig });
      await emitEvents(sql, org.orgId, 'test.broken', keys(1, 'broken'));
      const notified = await eventually(async () => {
        const rows = await sql`select user_id from notifications where event_type = 'webhook.disabled' and data ->> 'subscription_id' = ${id}`;
        return rows.length >= 2 ? rows : undefined;
      }, 'the admins notified');
      expect(notified.map((r) => r.user_id).sort()).toEqual([org.owner, org.admin].sort());
      const [subscription] = await sql`select enabled, consecutive_failures, disabled_reason from webhook_subscriptions where id = ${id}`;
      expect(subscription).toMatchObject({ enabled: false, consecutive_failures: 10 });
      // Re-enabling starts the count afresh.
      await sql`update webhook_subscriptions set enabled = true where id = ${id}`;
      expect((await sql`select consecutive_failures, disabled_at from webhook_subscriptions where id = ${id}`)[0]).toEqual({ consecutive_failures: 0, disabled_at: null });
    } finally {
      receiver.respond.status = 200;
    }
  });
});

describe('identity emails through the worker', () => {
  const logs: string[] = [];
  const log = pino(loggerOptions('trace'), new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  }));
  const tokens: string[] = [];
  let service: TestService;
  beforeAll(async () => {
    service = await startService({ SECRETS_KEY }, true);
  });
  afterAll(async () => {
    await service.app.close();
    await adminSql.end();
  });
  beforeEach(async () => {
    await runtime({ log, config: { PUBLIC_URL: 'https://work.example/' } });
  });

  interface Mail {
    org_id: string | null;
    subject: string;
    text_body: string;
    html_body: string;
    variables: Record<string, unknown>;
  }

  /** The newest message "sent" to address with templateKey, read from the database mailbox. */
  async function mailbox(address: string, templateKey: string): Promise<Mail> {
    return eventually(async () => {
      const [row] = await sql<Mail[]>`
        select org_id, subject, text_body, html_body, variables from email_log
         where to_address = ${address} and template_key = ${templateKey} and status = 'sent' and provider = 'mailbox'
         order by created_at desc limit 1`;
      return row;
    }, `a ${templateKey} email to ${address}`);
  }

  /** The token of the link to path in a mail, checked to appear in the HTML too and nowhere in the stored variables. */
  function linkToken(mail: Mail, path: string): string {
    const match = new RegExp(`https://work\\.example${path}\\?token=([^\\s"&<]+)`).exec(mail.text_body);
    expect(match, `a ${path} link in ${mail.text_body}`).not.toBeNull();
    const token = decodeURIComponent(match![1]!);
    tokens.push(token);
    expect(mail.html_body).toContain(match![0]);
    expect(JSON.stringify(mail.variables)).not.toContain(token);
    return token;
  }

  it('sends the verification email of a sign-up; its link verifies the account', async () => {
    const email = uniqueEmail('verify');
    const signUp = await callAction(service, 'signUp', { email, password: STRONG_PASSWORD, display_name: 'Vera', org_name: 'Vera Inc' });
    expect(signUp.status).toBe(200);
    const mail = await mailbox(email, 'identity.verify_email');
    expect(mail.org_id).not.toBeNull();
    expect(mail.text_body).toContain('Hello Vera');
    expect((await callAction(service, 'signIn', { email, password: STRONG_PASSWORD })).body.extensions?.code).toBe('email_not_verified');
    const verified = await callAction(service, 'verifyEmail', { token: linkToken(mail, '/verify-email') });
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect((await callAction(service, 'signIn', { email, password: STRONG_PASSWORD })).status).toBe(200);
  });

  it('sends the password reset email (an account email, in no org); its link resets the password', async () => {
    const user = await signedUpUser(service, 'reset');
    expect((await callAction(service, 'requestPasswordReset', { email: user.email })).status).toBe(200);
    const mail = await mailbox(user.email, 'identity.reset_password');
    expect(mail.org_id).toBeNull();
    const newPassword = 'a brand new passphrase 77';
    const reset = await callAction(service, 'resetPassword', { token: linkToken(mail, '/reset-password'), new_password: newPassword });
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    expect((await callAction(service, 'signIn', { email: user.email, password: newPassword })).status).toBe(200);
  });

  it('sends the invitation email naming the org and the inviter; its link accepts the invitation', async () => {
    const owner = await signedUpUser(service, 'inviter');
    const email = uniqueEmail('invitee');
    expect((await callAction(service, 'inviteMember', { email }, owner.session)).status).toBe(200);
    const mail = await mailbox(email, 'identity.invitation');
    expect(mail.subject).toBe('inviter invited you to inviter Inc on WorkGrid');
    expect(mail.org_id).toBe(owner.orgId);
    const accepted = await callAction(service, 'acceptInvitation', { token: linkToken(mail, '/invitations/accept'), password: STRONG_PASSWORD, display_name: 'Ivy' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const [member] = await sql`select role from org_memberships m join users u on u.id = m.user_id where u.email = ${email} and m.org_id = ${owner.orgId}`;
    expect(member).toBeDefined();
  });

  it('sends nothing for an invitation email whose token a resend has replaced', async () => {
    const owner = await signedUpUser(service, 'resender');
    const email = uniqueEmail('resent');
    const invited = await callAction(service, 'inviteMember', { email }, owner.session);
    await mailbox(email, 'identity.invitation');
    const [first] = await sql<{ payload: Record<string, unknown> }[]>`
      select payload from outbox_events where topic = ${EMAIL_TOPICS.invitation} and payload ->> 'email' = ${email}`;
    expect((await callAction(service, 'resendInvitation', { invitation_id: invited.body.invitation_id }, owner.session)).status).toBe(200);
    // The first email's event again, as if its job had run only now.
    const [late] = await emitEvents(sql, owner.orgId, EMAIL_TOPICS.invitation, keys(1, 'late-invitation'), first!.payload);
    await eventually(() => allDelivered([late!]), 'the late invitation event delivered');
    expect(await sql`select 1 from email_log where event_id = ${late!}`).toHaveLength(0);
  });

  it('tells the owner of a registered address about a sign-up attempt, with sign-in and reset links and no token', async () => {
    const user = await signedUpUser(service, 'existing');
    expect((await callAction(service, 'signUp', { email: user.email, password: STRONG_PASSWORD, display_name: 'Mallory', org_name: 'M' })).status).toBe(200);
    const mail = await mailbox(user.email, 'identity.sign_up_existing');
    expect(mail.text_body).toContain('https://work.example/sign-in');
    expect(mail.text_body).toContain('https://work.example/reset-password');
    expect(mail.text_body).not.toContain('token=');
  });

  it('never writes a token to the logs of the service or the worker', () => {
    expect(tokens.length).toBeGreaterThanOrEqual(3);
    expect(logs.length).toBeGreaterThan(0);
    const written = [...logs, ...service.logs].join('\n');
    expect(tokens.filter((token) => written.includes(token))).toEqual([]);
  });
});

describe('worker process', () => {
  const entry = fileURLToPath(new URL('../src/worker.ts', import.meta.url));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  });

  function startProcess(): ChildProcess {
    const env = {
      ...process.env,
      APP_DATABASE_URL: inject('appUrl'),
      REDIS_URL: inject('redisUrl'),
      SECRETS_KEY,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      OUTBOX_POLL_INTERVAL_MS: '200',
      OUTBOX_LEASE_SECONDS: '2',
      WORKER_LOCK_DURATION_MS: '1000',
      WORKER_CONCURRENCY: '2',
      OUTBOX_BATCH_SIZE: '10',
    };
    const child = spawn(process.execPath, ['--import', 'tsx', entry], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    children.push(child);
    return child;
  }

  it('delivers every event exactly once when the database cuts all its connections (a Postgres restart)', async () => {
    const [author, free] = org.members as [string, string];
    const mentioned = [free, org.admin, org.owner];
    const commentIds: string[] = [];
    for (let i = 0; i < 60; i += 1) commentIds.push(await postComment(sql, org, author, mentioned));
    const ids = (await sql`select id from outbox_events where idempotency_key = any(${commentIds.map((id) => `comment.created:${id}`)})`).map((r) => r.id as string);
    const worker = startProcess();
    await eventually(async () => {
      const [row] = await sql`select count(*)::int as n from outbox_events where id = any(${ids}::uuid[]) and delivered_at is not null`;
      return row!.n > 0 ? true : undefined;
    }, 'the worker to deliver something', 30_000);
    // Cut every connection of the worker, several times while it works (a Postgres restart, or a
    // failover): the same process reconnects and carries on (postgres.js patched, see
    // scripts/patch-dependencies.mjs); in-flight jobs fail and are retried.
    for (let cut = 0; cut < 5; cut += 1) {
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'workgrid-worker'`;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    const more: string[] = [];
    for (let i = 0; i < 10; i += 1) more.push(await postComment(sql, org, author, mentioned));
    commentIds.push(...more);
    ids.push(...(await sql`select id from outbox_events where idempotency_key = any(${more.map((id) => `comment.created:${id}`)})`).map((r) => r.id as string));
    await eventually(async () => {
      const [row] = await sql`select count(*)::int as n from outbox_events where id = any(${ids}::uuid[]) and delivered_at is not null`;
      return row!.n === ids.length ? true : undefined;
    }, 'every event delivered after the connections were cut', 60_000);
    expect({ exitCode: worker.exitCode, signal: worker.signalCode }).toEqual({ exitCode: null, signal: null });
    worker.kill('SIGTERM');
    await new Promise((resolve) => (worker.exitCode !== null ? resolve(null) : worker.once('exit', resolve)));
    const rows = await sql`
      select data ->> 'comment_id' as comment_id, user_id, count(*)::int as n from notifications
       where data ->> 'comment_id' = any(${commentIds}) group by 1, 2`;
    expect(rows).toHaveLength(70 * mentioned.length);
    expect(rows.filter((r) => r.n !== 1)).toEqual([]);
  }, 120_000);

  it('survives SIGKILL mid-delivery: after a restart every mention is notified exactly once', async () => {
    // Members without preferences (the first test muted or turned off two others).
    const [author, free] = org.members as [string, string];
    const mentioned = [free, org.admin, org.owner];
    const commentIds: string[] = [];
    for (let i = 0; i < 60; i += 1) commentIds.push(await postComment(sql, org, author, mentioned));
    const eventIds = (await sql`select id from outbox_events where idempotency_key = any(${commentIds.map((id) => `comment.created:${id}`)})`).map((r) => r.id as string);
    expect(eventIds).toHaveLength(60);

    const first = startProcess();
    await eventually(async () => {
      const [row] = await sql`select count(*)::int as n from outbox_events where id = any(${eventIds}::uuid[]) and delivered_at is not null`;
      return row!.n > 0 ? true : undefined;
    }, 'the first worker to deliver something', 30_000);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));

    const second = startProcess();
    await eventually(() => allDelivered(eventIds), 'every comment event delivered after the restart', 60_000);
    second.kill('SIGTERM');
    const code = await new Promise((resolve) => second.once('exit', resolve));
    expect(code).toBe(0);

    const rows = await sql`
      select data ->> 'comment_id' as comment_id, user_id, count(*)::int as n from notifications
       where data ->> 'comment_id' = any(${commentIds}) group by 1, 2`;
    expect(rows).toHaveLength(60 * mentioned.length);
    expect(rows.filter((r) => r.n !== 1)).toEqual([]);
  }, 120_000);
});
