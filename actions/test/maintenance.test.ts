import { randomUUID } from 'node:crypto';
import { Queue, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { emailJobId } from '../src/email/send.job.ts';
import { digestProcessor, sweepProcessor, type DigestFrequency } from '../src/jobs/maintenance.ts';
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
const deps = { sql: appSql, queues, log: silent, webhookAttempts: 5 };
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
