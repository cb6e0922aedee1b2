import { randomUUID } from 'node:crypto';
import { Queue, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import postgres, { type Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { satisfactionToken, verifySatisfactionToken } from '../src/desk/satisfaction-token.ts';
import { outboxTokenContext } from '../src/identity/emails.ts';
import { SecretBox } from '../src/identity/secrets.ts';
import { outboxEventProcessor } from '../src/jobs/outbox-event.ts';
import { ticketSatisfactionHandlers } from '../src/jobs/ticket-events.ts';
import { slaSweepProcessor } from '../src/jobs/sla-sweep.job.ts';
import type { OutboxJobData } from '../src/outbox/relay.ts';
import { QUEUES, type QueueName } from '../src/queues.ts';
import { TEST_ACTIONS_SECRET, testConfig } from './support/config.ts';
import { asOrgUser, createDeskOrg, superuserSql, type DeskOrg, type TestOrg } from './support/org.ts';

// The worker's side of the service desk, run directly (no relay: see worker.test.ts): the SLA sweep
// records each warning and breach once whatever the number of runs and restarts, and a ticket's
// conversation reaches the requester only through public replies.

const sql = superuserSql();
const connection = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
const prefix = `desk-${randomUUID().slice(0, 8)}`;
const queues = Object.fromEntries(Object.values(QUEUES).map((name) => [name, new Queue(name, { connection, prefix })])) as Record<QueueName, Queue>;
const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };
const appPools: Sql[] = [];
const appSql = (): Sql => {
  const pool = postgres(inject('appUrl'), { max: 2, onnotice: () => {} });
  appPools.push(pool);
  return pool;
};

type Desk = DeskOrg;
const createDesk = (label: string) => createDeskOrg(sql, label);
const asUser = <T>(org: TestOrg, userId: string, fn: (tx: postgres.TransactionSql) => Promise<T>) => asOrgUser(sql, org.orgId, userId, fn);

async function raiseTicket(desk: Desk, subject: string): Promise<string> {
  return asUser(desk, desk.requester, async (tx) => {
    const [row] = await tx`insert into tickets (org_id, subject, requester_id, created_by) values (${desk.orgId}, ${subject}, ${desk.requester}, ${desk.requester}) returning id`;
    return row!.id as string;
  });
}

async function processEvents(ticketId: string, topicPattern: string): Promise<void> {
  const process = outboxEventProcessor({ sql: appSql(), queues, log: silent, backoff: { baseMs: 10, maxMs: 40 }, leaseSeconds: 60 });
  const events = await sql`select id, topic from outbox_events where payload ->> 'ticket_id' = ${ticketId} and topic like ${topicPattern} order by created_at`;
  for (const event of events) {
    // A relay of another test file may have taken it already: the outcome is the same either way.
    await process({ data: { eventId: event.id as string, topic: event.topic as string }, attemptsMade: 0, opts: { attempts: 3 } } as Job<OutboxJobData>);
  }
}

afterAll(async () => {
  for (const queue of Object.values(queues)) {
    await queue.obliterate({ force: true });
    await queue.close();
  }
  connection.disconnect();
  await Promise.all([sql.end(), ...appPools.map((pool) => pool.end())]);
});

describe('SLA sweep job', () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await createDesk('Sweep');
    await asUser(desk, desk.owner, async (tx) => {
      const [policy] = await tx`
        insert into sla_policies (org_id, name, first_response_minutes, resolution_minutes, created_by)
        values (${desk.orgId}, 'Standard', 60, 600, ${desk.owner}) returning id`;
      await tx`insert into sla_escalation_rules (org_id, policy_id, target, kind, action, created_by)
               values (${desk.orgId}, ${policy!.id as string}, 'first_response', 'breach', 'notify_managers', ${desk.owner})`;
    });
  });

  it('records one warning and one breach per ticket and target across concurrent runs and worker restarts', async () => {
    const ticketId = await raiseTicket(desk, 'Server room is hot');
    await sql`update tickets set assignee_id = ${desk.agent} where id = ${ticketId}`;
    // Created 11 hours ago: both targets are past.
    await sql`
      update tickets t set sla_started_at = o.sla_started_at - interval '11 hours',
             first_response_due_at = o.first_response_due_at - interval '11 hours', first_response_warn_at = o.first_response_warn_at - interval '11 hours',
             resolution_due_at = o.resolution_due_at - interval '11 hours', resolution_warn_at = o.resolution_warn_at - interval '11 hours'
        from tickets o where t.id = o.id and t.id = ${ticketId}`;

    const firstWorker = slaSweepProcessor({ sql: appSql(), log: silent });
    const secondWorker = slaSweepProcessor({ sql: appSql(), log: silent });
    await Promise.all([firstWorker(), secondWorker(), firstWorker()]);
    await appPools.splice(0).reduce((done, pool) => done.then(() => pool.end()), Promise.resolve());
    const restarted = slaSweepProcessor({ sql: appSql(), log: silent });
    await restarted();
    await restarted();

    const events = await sql`select target, kind from sla_events where ticket_id = ${ticketId} order by target, kind`;
    expect(events.map((e) => `${e.target as string}/${e.kind as string}`)).toEqual([
      'first_response/breach', 'first_response/warning', 'resolution/breach', 'resolution/warning',
    ]);
    const outbox = await sql`select topic from outbox_events where payload ->> 'ticket_id' = ${ticketId} and topic like 'sla.%'`;
    expect(outbox).toHaveLength(4);

    await processEvents(ticketId, 'sla.%');
    const notified = await sql`
      select user_id, event_type from notifications where entity_id = ${ticketId} and event_type like 'ticket.sla_%' order by event_type, user_id`;
    const breachRecipients = notified.filter((n) => n.event_type === 'ticket.sla_breached').map((n) => n.user_id as string);
    // The first-response breach escalates to managers, admins and owners; the resolution breach reaches the assignee only.
    expect(new Set(breachRecipients)).toEqual(new Set([desk.agent, desk.manager, desk.admin, desk.owner]));
    expect(notified.filter((n) => n.event_type === 'ticket.sla_warning').map((n) => n.user_id)).toEqual([desk.agent, desk.agent]);
  });
});

describe('ticket conversation side effects', () => {
  it('emails and notifies the requester of public desk replies only; internal notes reach desk staff, without their text', async () => {
    const desk = await createDesk('Talk');
    const ticketId = await raiseTicket(desk, 'Laptop will not boot');
    await sql`update tickets set assignee_id = ${desk.agent} where id = ${ticketId}`;
    await asUser(desk, desk.manager, (tx) => tx`insert into ticket_watchers (org_id, ticket_id, user_id, created_by) values (${desk.orgId}, ${ticketId}, ${desk.manager}, ${desk.manager})`);
    const secret = `secret-${randomUUID().slice(0, 8)}`;
    await asUser(desk, desk.agent, async (tx) => {
      await tx`insert into ticket_messages (org_id, ticket_id, author_id, visibility, body) values (${desk.orgId}, ${ticketId}, ${desk.agent}, 'internal', ${`User broke it ${secret}`})`;
      await tx`insert into ticket_messages (org_id, ticket_id, author_id, body) values (${desk.orgId}, ${ticketId}, ${desk.agent}, 'Please hold the power button for 10 seconds.')`;
    });
    await asUser(desk, desk.requester, (tx) => tx`insert into ticket_messages (org_id, ticket_id, author_id, body) values (${desk.orgId}, ${ticketId}, ${desk.requester}, 'It works, thanks!')`);
    await processEvents(ticketId, 'ticket.message_created');

    const emails = await sql`
      select l.template_key, l.variables::text as variables, l.to_address from email_log l where l.org_id = ${desk.orgId}`;
    const [requester] = await sql`select email from users where id = ${desk.requester}`;
    expect(emails.map((e) => [e.template_key, e.to_address])).toEqual([['ticket.reply', requester!.email]]);
    expect(emails[0]!.variables).toContain('Please hold the power button');
    expect(JSON.stringify(emails)).not.toContain(secret);

    const notifications = await sql`
      select user_id, event_type, title, body, data::text as data from notifications where entity_id = ${ticketId} order by created_at, user_id`;
    const of = (userId: string) => notifications.filter((n) => n.user_id === userId).map((n) => n.event_type as string).sort();
    expect(of(desk.requester)).toEqual(['ticket.reply']);
    expect(of(desk.manager)).toEqual(['ticket.note', 'ticket.reply', 'ticket.reply']);
    expect(of(desk.agent)).toEqual(['ticket.reply']); // the requester's answer; not their own messages
    expect(JSON.stringify(notifications)).not.toContain(secret);
  });
});

describe('satisfaction', () => {
  const box = SecretBox.fromConfig(undefined, TEST_ACTIONS_SECRET);

  it('emails a signed rating link on resolution, whose answer is stored on the ticket; forged, expired or early answers are refused', async () => {
    const desk = await createDesk('Rate');
    const ticketId = await raiseTicket(desk, 'Monitor is blurry');
    await asUser(desk, desk.agent, async (tx) => {
      await tx`update tickets set status = 'open' where id = ${ticketId}`;
      await tx`update tickets set status = 'resolved' where id = ${ticketId}`;
    });
    const handlers = ticketSatisfactionHandlers(box);
    const process = outboxEventProcessor({ sql: appSql(), queues, log: silent, backoff: { baseMs: 10, maxMs: 40 }, leaseSeconds: 60, handlers });
    for (const event of await sql`select id, topic from outbox_events where payload ->> 'ticket_id' = ${ticketId} and topic = 'ticket.status_changed'`) {
      await process({ data: { eventId: event.id as string, topic: event.topic as string }, attemptsMade: 0, opts: { attempts: 3 } } as Job<OutboxJobData>);
    }
    const [mail] = await sql`select template_key, variables from email_log where org_id = ${desk.orgId}`;
    expect(mail!.template_key).toBe('ticket.satisfaction');
    const link = (mail!.variables as { links: { url: { token_sealed: string; topic: string } } }).links.url;
    const token = box.open(link.token_sealed, outboxTokenContext(link.topic));
    expect(verifySatisfactionToken(box, token)).toBe(ticketId);
    expect(JSON.stringify(mail!.variables)).not.toContain(token);

    const app = buildApp(testConfig());
    await app.ready();
    try {
      const rate = (input: Record<string, unknown>) => app.inject({
        method: 'POST',
        url: '/actions/rateTicket',
        headers: { 'x-workgrid-actions-secret': TEST_ACTIONS_SECRET },
        payload: { action: { name: 'rateTicket' }, input, session_variables: { 'x-hasura-role': 'anonymous' } },
      });
      const forged = `${ticketId}.${token.split('.')[1]!}.${'A'.repeat(43)}`;
      const expired = satisfactionToken(box, ticketId, Date.now() - 31 * 86_400_000);
      for (const bad of [forged, expired, token.replace(ticketId, desk.orgId)]) {
        expect((await rate({ token: bad, rating: 1 })).json().extensions.code).toBe('satisfaction_token_invalid');
      }
      expect((await rate({ token, rating: 5, comment: 'Quick and friendly' })).json()).toEqual({ ok: true });
      const [rated] = await sql`select satisfaction_rating, satisfaction_comment from tickets where id = ${ticketId}`;
      expect(rated).toEqual({ satisfaction_rating: 5, satisfaction_comment: 'Quick and friendly' });

      await asUser(desk, desk.agent, (tx) => tx`update tickets set status = 'open' where id = ${ticketId}`);
      expect((await rate({ token, rating: 2 })).json().extensions.code).toBe('ticket_not_resolved');
    } finally {
      await app.close();
    }
  });
});

describe('deskMetrics action', () => {
  it('answers desk staff with the dashboard figures and refuses requesters', async () => {
    const desk = await createDesk('Dash');
    await raiseTicket(desk, 'Projector broken');
    const app = buildApp(testConfig());
    await app.ready();
    try {
      const metrics = (userId: string) => app.inject({
        method: 'POST',
        url: '/actions/deskMetrics',
        headers: { 'x-workgrid-actions-secret': TEST_ACTIONS_SECRET },
        payload: {
          action: { name: 'deskMetrics' },
          input: { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() },
          session_variables: { 'x-hasura-role': 'user', 'x-hasura-org-id': desk.orgId, 'x-hasura-user-id': userId },
        },
      });
      const answer = await metrics(desk.manager);
      expect(answer.statusCode).toBe(200);
      expect(answer.json()).toMatchObject({ open_by_status: [{ key: 'new', count: 1 }], breaches: 0, satisfaction: { responses: 0, average: null } });
      const refused = await metrics(desk.requester);
      expect([refused.statusCode, refused.json().extensions.code]).toEqual([403, 'permission-denied']);
    } finally {
      await app.close();
    }
  });
});
