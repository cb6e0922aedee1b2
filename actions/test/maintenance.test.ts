import { randomBytes, randomUUID } from 'node:crypto';
import { Queue, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { emailJobId } from '../src/email/send.job.ts';
import { digestProcessor, retentionProcessor, sweepProcessor, type DigestFrequency } from '../src/jobs/maintenance.ts';
import { QUEUES, type QueueName } from '../src/queues.ts';
import { deliveryJobId } from '../src/webhooks/fan-out.ts';
import { createTestOrg, superuserSql, type TestOrg } from './support/org.ts';

// The repeatable maintenance jobs, run directly (no relay: see worker.test.ts) against queues under
// a prefix of their own.

const sql = superuserSql();
const appSql = postgres(inject('appUrl'), { max: 2, onnotice: () => {} });
const connection = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
const prefix = `maintenance-${randomUUID().slice(0, 8)}`;
const queues = Object.fromEntries(Object.values(QUEUES).map((name) => [name, new Queue(name, { connection, prefix })])) as Record<QueueName, Queue>;
const silent = { info: () => {}, warn: () => {}, debug: () => {} };
const deps = { sql: appSql, queues, log: silent, webhookAttempts: 5, retentionDays: { tokens: 7, authEvents: 365, outbox: 30 } };
let org: TestOrg;

beforeAll(async () => {
  org = await createTestOrg(sql, 'Digest', 2);
});
afterAll(async () => {
  for (const queue of Object.values(queues)) {
    await queue.obliterate({ force: true });
    await queue.close();
  }
  connection.disconnect();
  await Promise.all([sql.end(), appSql.end()]);
});

const digestJob = (frequency: DigestFrequency) => ({ data: { frequency } }) as Job<{ frequency: DigestFrequency }>;

describe('notification digests', () => {
  it('email each subscriber their unread notifications once per period, and skip muted members', async () => {
    const [daily, muted] = org.members as [string, string];
    await sql`insert into notification_preferences (org_id, user_id, event_type, channel, digest)
              values (${org.orgId}, ${daily}, '*', 'email', 'daily')`;
    await sql`insert into notification_preferences (org_id, user_id, event_type, channel, digest, muted_until)
              values (${org.orgId}, ${muted}, '*', 'email', 'daily', now() + interval '1 day')`;
    for (const user of [daily, muted]) {
      for (const title of ['First', 'Second']) {
        await sql`insert into notifications (org_id, user_id, event_type, title) values (${org.orgId}, ${user}, 'test.digest', ${title})`;
      }
    }
    await sql`insert into notifications (org_id, user_id, event_type, title, read_at) values (${org.orgId}, ${daily}, 'test.digest', 'Read already', now())`;

    expect(await digestProcessor(deps)(digestJob('daily'))).toBe(1);
    const [log] = await sql`
      select l.id, l.template_key, l.variables from email_log l join users u on u.email = l.to_address
       where u.id = ${daily} and l.template_key = 'notification.digest'`;
    expect(log!.variables).toMatchObject({ count: 2, items: '- First\n- Second', frequency: 'daily' });
    expect(await queues[QUEUES.email].getJob(emailJobId(log!.id as string))).toBeDefined();

    // Same period again: nothing new since the last digest.
    expect(await digestProcessor(deps)(digestJob('daily'))).toBe(0);
    expect(await digestProcessor(deps)(digestJob('hourly'))).toBe(0);
  });
});

describe('side-effect sweep', () => {
  it('enqueues again the emails and webhook deliveries whose jobs were lost, with their deterministic ids', async () => {
    const [email] = await sql`
      insert into email_log (org_id, to_address, template_key) values (${org.orgId}, 'lost@people.example', 'notification') returning id`;
    const [subscription] = await sql`
      insert into webhook_subscriptions (org_id, url, event_types, created_by) values (${org.orgId}, 'https://hooks.example/x', '{test.lost}', ${org.owner}) returning id`;
    const [delivery] = await sql`
      insert into webhook_deliveries (org_id, subscription_id, event_type, payload) values (${org.orgId}, ${subscription!.id as string}, 'test.lost', '{}') returning id`;
    expect(await sweepProcessor(deps, 0)()).toBeGreaterThanOrEqual(2);
    expect((await queues[QUEUES.email].getJob(emailJobId(email!.id as string)))?.data).toEqual({ emailLogId: email!.id, orgId: org.orgId });
    const job = await queues[QUEUES.webhooks].getJob(deliveryJobId(delivery!.id as string));
    expect(job?.opts.attempts).toBe(5);
    // Running again does not duplicate them.
    await sweepProcessor(deps, 0)();
    expect((await queues[QUEUES.webhooks].getJobs(['waiting'])).filter((j) => j.id === deliveryJobId(delivery!.id as string))).toHaveLength(1);
    await sql`update email_log set status = 'failed' where id = ${email!.id as string}`;
    await sql`update webhook_deliveries set status = 'dead' where id = ${delivery!.id as string}`;
  });
});

describe('retention sweep', () => {
  const hash = () => randomBytes(32);
  const ago = (days: number) => new Date(Date.now() - days * 86_400_000);

  it('deletes expired and used records past their retention, keeps the rest, and finds nothing more on a rerun', async () => {
    const [member, other] = org.members as [string, string];
    const ids = await sql.begin(async (tx) => {
      // Backdated rows: the row triggers would stamp the current time.
      await tx`set local session_replication_role = replica`;
      const one = async (query: Promise<postgres.RowList<postgres.Row[]>>) => {
        const row = (await query)[0]!;
        return (row.id ?? row.user_id) as string;
      };
      const endedFamily = await one(tx`insert into app_private.refresh_token_families (user_id, created_at, revoked_at, revoked_reason)
                                       values (${member}, ${ago(60)}, ${ago(30)}, 'sign_out') returning id`);
      const liveFamily = await one(tx`insert into app_private.refresh_token_families (user_id, created_at) values (${member}, ${ago(60)}) returning id`);
      return {
        endedFamily,
        liveFamily,
        expiredToken: await one(tx`insert into app_private.refresh_tokens (family_id, user_id, token_hash, created_at, expires_at)
                                   values (${endedFamily}, ${member}, ${hash()}, ${ago(50)}, ${ago(20)}) returning id`),
        rotatedToken: await one(tx`insert into app_private.refresh_tokens (family_id, user_id, token_hash, created_at, expires_at, rotated_at)
                                   values (${liveFamily}, ${member}, ${hash()}, ${ago(2)}, ${ago(-28)}, ${ago(1)}) returning id`),
        recentlyExpired: await one(tx`insert into app_private.refresh_tokens (family_id, user_id, token_hash, created_at, expires_at)
                                      values (${liveFamily}, ${member}, ${hash()}, ${ago(31)}, ${ago(1)}) returning id`),
        usedEmailToken: await one(tx`insert into app_private.email_tokens (user_id, purpose, token_hash, email, created_at, expires_at, used_at)
                                     values (${member}, 'reset_password', ${hash()}, 'a@people.example', ${ago(11)}, ${ago(10)}, ${ago(10)}) returning id`),
        openEmailToken: await one(tx`insert into app_private.email_tokens (user_id, purpose, token_hash, email, created_at, expires_at)
                                     values (${member}, 'verify_email', ${hash()}, 'a@people.example', ${ago(1)}, ${ago(-1)}) returning id`),
        expiredInvitation: await one(tx`insert into invitations (org_id, email, created_at, expires_at)
                                        values (${org.orgId}, 'late@people.example', ${ago(17)}, ${ago(10)}) returning id`),
        pendingInvitation: await one(tx`insert into invitations (org_id, email) values (${org.orgId}, 'soon@people.example') returning id`),
        pendingFactor: await one(tx`insert into app_private.mfa_factors (user_id, secret_ciphertext, created_at) values (${member}, 'x', ${ago(10)}) returning user_id`),
        enabledFactor: await one(tx`insert into app_private.mfa_factors (user_id, secret_ciphertext, created_at, enabled_at)
                                    values (${other}, 'x', ${ago(10)}, ${ago(10)}) returning user_id`),
        usedCode: await one(tx`insert into app_private.mfa_backup_codes (user_id, code_hash, used_at) values (${other}, ${hash()}, ${ago(10)}) returning id`),
        unusedCode: await one(tx`insert into app_private.mfa_backup_codes (user_id, code_hash) values (${other}, ${hash()}) returning id`),
        oldEvent: await one(tx`insert into app_private.auth_events (event, user_id, occurred_at) values ('auth.signed_out', ${member}, ${ago(400)}) returning id`),
        recentEvent: await one(tx`insert into app_private.auth_events (event, user_id, occurred_at) values ('auth.signed_out', ${member}, ${ago(1)}) returning id`),
        oldDelivered: await one(tx`insert into outbox_events (org_id, topic, idempotency_key, delivered_at)
                                   values (${org.orgId}, 'test.retention', ${randomUUID()}, ${ago(40)}) returning id`),
        recentDelivered: await one(tx`insert into outbox_events (org_id, topic, idempotency_key, delivered_at)
                                      values (${org.orgId}, 'test.retention', ${randomUUID()}, ${ago(1)}) returning id`),
        oldDead: await one(tx`insert into outbox_events (org_id, topic, idempotency_key, dead_at)
                              values (${org.orgId}, 'test.retention', ${randomUUID()}, ${ago(40)}) returning id`),
      };
    });
    await sql`insert into app_private.invitation_tokens (invitation_id, token_hash) values (${ids.expiredInvitation}, ${hash()}), (${ids.pendingInvitation}, ${hash()})`;

    const removed = await retentionProcessor(deps)();
    for (const kind of ['refresh_tokens', 'refresh_token_families', 'email_tokens', 'invitation_tokens', 'mfa_pending_factors', 'mfa_backup_codes', 'auth_events', 'outbox_events']) {
      expect(removed[kind], kind).toBeGreaterThanOrEqual(1);
    }

    const remaining = async () => ({
      families: (await sql`select id from app_private.refresh_token_families where id in (${ids.endedFamily}, ${ids.liveFamily})`).map((r) => r.id),
      tokens: (await sql`select id from app_private.refresh_tokens where id in (${ids.expiredToken}, ${ids.rotatedToken}, ${ids.recentlyExpired})`).map((r) => r.id).sort(),
      emailTokens: (await sql`select id from app_private.email_tokens where id in (${ids.usedEmailToken}, ${ids.openEmailToken})`).map((r) => r.id),
      invitationTokens: (await sql`select invitation_id from app_private.invitation_tokens where invitation_id in (${ids.expiredInvitation}, ${ids.pendingInvitation})`).map((r) => r.invitation_id),
      invitations: (await sql`select id from invitations where id = ${ids.expiredInvitation}`).length,
      factors: (await sql`select user_id from app_private.mfa_factors where user_id in (${ids.pendingFactor}, ${ids.enabledFactor})`).map((r) => r.user_id),
      codes: (await sql`select id from app_private.mfa_backup_codes where id in (${ids.usedCode}, ${ids.unusedCode})`).map((r) => r.id),
      events: (await sql`select id from app_private.auth_events where id in (${ids.oldEvent}, ${ids.recentEvent})`).map((r) => r.id),
      outbox: (await sql`select id from outbox_events where id in (${ids.oldDelivered}, ${ids.recentDelivered}, ${ids.oldDead})`).map((r) => r.id).sort(),
    });
    const expected = {
      families: [ids.liveFamily],
      tokens: [ids.rotatedToken, ids.recentlyExpired].sort(),
      emailTokens: [ids.openEmailToken],
      invitationTokens: [ids.pendingInvitation],
      invitations: 1,
      factors: [ids.enabledFactor],
      codes: [ids.unusedCode],
      events: [ids.recentEvent],
      outbox: [ids.recentDelivered, ids.oldDead].sort(),
    };
    expect(await remaining()).toEqual(expected);

    await retentionProcessor(deps)();
    expect(await remaining()).toEqual(expected);
  });

  it('keeps security events append-only outside the sweep', async () => {
    const [event] = await sql`insert into app_private.auth_events (event, user_id, org_id) values ('auth.mfa_enabled', ${org.owner}, ${org.orgId}) returning id`;
    await expect(sql`delete from app_private.auth_events where id = ${event!.id as string}`).rejects.toThrow('audit_log_append_only');
    await expect(appSql`select * from app.prune_expired('1 day', '1 day', '1 day')`).resolves.toBeDefined();
    const engineSql = postgres(inject('engineUrl'), { max: 1, onnotice: () => {} });
    try {
      await expect(engineSql`select * from app.prune_expired('1 day', '1 day', '1 day')`).rejects.toThrow(/permission denied/);
    } finally {
      await engineSql.end();
    }
  });
});
