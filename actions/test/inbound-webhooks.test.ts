import { createHmac, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { closedPort, testConfig } from './support/config.ts';
import { asOrgUser, createTestOrg, superuserSql } from './support/org.ts';

// Signatures are computed here with node:crypto directly over the bytes sent, the way each sender
// documents it; the service's own verifier is not used to make them.

const GITHUB_SECRET = 'github-secret-0123456789';
const SLACK_SECRET = 'slack-secret-0123456789ab';
const EMAIL_SECRET = `whsec_${Buffer.from('email-provider-secret-bytes-0123').toString('base64')}`;
const secrets = { GITHUB_WEBHOOK_SECRET: GITHUB_SECRET, SLACK_SIGNING_SECRET: SLACK_SECRET, EMAIL_WEBHOOK_SECRET: EMAIL_SECRET };

const sql = superuserSql();
let app: FastifyInstance;
/** Same service, but its database is unreachable: anything that touches it answers 500. */
let noDatabase: FastifyInstance;

beforeAll(async () => {
  app = buildApp(testConfig(secrets));
  noDatabase = buildApp(testConfig({ ...secrets, APP_DATABASE_URL: `postgres://workgrid_app:x@127.0.0.1:${await closedPort()}/workgrid_test` }));
  await Promise.all([app.ready(), noDatabase.ready()]);
});
afterAll(async () => {
  await Promise.all([app.close(), noDatabase.close()]);
  await sql.end();
});

const github = (body: string, secret = GITHUB_SECRET, delivery: string = randomUUID(), event = 'issues') => ({
  'content-type': 'application/json',
  'x-github-event': event,
  'x-github-delivery': delivery,
  'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
});

const slack = (body: string, timestamp = Math.floor(Date.now() / 1000), secret = SLACK_SECRET, type = 'application/json') => ({
  'content-type': type,
  'x-slack-request-timestamp': String(timestamp),
  'x-slack-signature': `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`,
});

const svix = (body: string, id = `msg_${randomUUID()}`, timestamp = Math.floor(Date.now() / 1000)) => ({
  'content-type': 'application/json',
  'svix-id': id,
  'svix-timestamp': String(timestamp),
  'svix-signature': `v1,${createHmac('sha256', Buffer.from(EMAIL_SECRET.slice(6), 'base64')).update(`${id}.${timestamp}.${body}`).digest('base64')}`,
});

const post = (target: FastifyInstance, url: string, body: string, headers: Record<string, string>) =>
  target.inject({ method: 'POST', url, payload: body, headers });

describe('GitHub', () => {
  const body = JSON.stringify({ action: 'opened', issue: { number: 7, title: 'Bug  with  spaces' } });

  it('accepts a valid delivery once and reports the repeat as a duplicate', async () => {
    const headers = github(body);
    const first = await post(app, '/webhooks/github', body, headers);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ status: 'accepted' });
    expect((await post(app, '/webhooks/github', body, headers)).json()).toEqual({ status: 'duplicate' });
    const rows = await sql`select event_type, payload, processed_at is not null as processed from app_private.inbound_webhook_receipts where source = 'github' and delivery_id = ${headers['x-github-delivery']}`;
    expect(rows).toEqual([{ event_type: 'issues', payload: JSON.parse(body), processed: true }]);
  });

  it('verifies the raw bytes, not a re-serialisation', async () => {
    const spaced = '{ "action" : "opened" }';
    expect((await post(app, '/webhooks/github', spaced, github(spaced))).statusCode).toBe(200);
  });

  it.each([
    ['tampered body', (h: Record<string, string>) => h, `${body} `],
    ['wrong secret', () => github(body, 'another-secret-0123456789'), body],
    ['missing signature', (h: Record<string, string>) => ({ ...h, 'x-hub-signature-256': '' }), body],
  ])('refuses a %s with 401 problem+json before touching the database', async (_label, alter, sent) => {
    const headers = alter(github(body));
    const response = await post(noDatabase, '/webhooks/github', sent, headers);
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 401, code: 'webhook_signature_invalid' });
  });

  it('reaches the database only once the signature holds (500 here: it is down)', async () => {
    expect((await post(noDatabase, '/webhooks/github', body, github(body))).statusCode).toBe(500);
  });
});

describe('Slack', () => {
  it('accepts a signed event once, deduplicated by event_id', async () => {
    const body = JSON.stringify({ type: 'event_callback', event_id: `Ev${randomUUID()}`, event: { type: 'message' } });
    expect((await post(app, '/webhooks/slack', body, slack(body))).json()).toEqual({ status: 'accepted' });
    expect((await post(app, '/webhooks/slack', body, slack(body))).json()).toEqual({ status: 'duplicate' });
  });

  it('answers the URL verification challenge', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'c-123' });
    expect((await post(app, '/webhooks/slack', body, slack(body))).json()).toEqual({ challenge: 'c-123' });
  });

  it('accepts a form-encoded slash command', async () => {
    const body = `command=%2Ftask&text=Fix+the+build&team_id=T1&nonce=${randomUUID()}`;
    const response = await post(app, '/webhooks/slack', body, slack(body, undefined, undefined, 'application/x-www-form-urlencoded'));
    expect(response.json()).toEqual({ status: 'accepted' });
  });

  it('refuses a stale timestamp (a replay) and a tampered body before touching the database', async () => {
    const body = JSON.stringify({ type: 'event_callback', event_id: 'Ev1' });
    const stale = await post(noDatabase, '/webhooks/slack', body, slack(body, Math.floor(Date.now() / 1000) - 3600));
    expect(stale.statusCode).toBe(401);
    expect(stale.json().code).toBe('webhook_timestamp_stale');
    const tampered = await post(noDatabase, '/webhooks/slack', body.replace('Ev1', 'Ev2'), slack(body));
    expect(tampered.json().code).toBe('webhook_signature_invalid');
  });
});

describe('email provider events', () => {
  it('move the logged message to its delivery status, once', async () => {
    const org = await createTestOrg(sql, 'Bounce', 0);
    const messageId = `re_${randomUUID()}`;
    const [log] = await sql`
      insert into email_log (org_id, to_address, template_key, status, provider, provider_message_id)
      values (${org.orgId}, 'ada@people.example', 'notification', 'sent', 'resend', ${messageId}) returning id`;
    const bounced = JSON.stringify({ type: 'email.bounced', data: { email_id: messageId, bounce: { message: 'Mailbox does not exist' } } });
    const headers = svix(bounced);
    expect((await post(app, '/webhooks/email', bounced, headers)).json()).toEqual({ status: 'accepted' });
    expect((await post(app, '/webhooks/email', bounced, headers)).json()).toEqual({ status: 'duplicate' });
    // A late "delivered" does not overwrite the bounce.
    const delivered = JSON.stringify({ type: 'email.delivered', data: { email_id: messageId } });
    await post(app, '/webhooks/email', delivered, svix(delivered));
    const [row] = await sql`select status, error from email_log where id = ${log!.id as string}`;
    expect(row).toEqual({ status: 'bounced', error: 'Mailbox does not exist' });
  });

  it('refuses a bad signature and a stale timestamp', async () => {
    const body = JSON.stringify({ type: 'email.delivered', data: { email_id: 're_x' } });
    expect((await post(noDatabase, '/webhooks/email', `${body} `, svix(body))).json().code).toBe('webhook_signature_invalid');
    expect((await post(noDatabase, '/webhooks/email', body, svix(body, 'msg_1', 1_000_000))).json().code).toBe('webhook_timestamp_stale');
  });
});

describe('unconfigured sources', () => {
  it('answer 404 problem+json', async () => {
    const bare = buildApp(testConfig());
    await bare.ready();
    try {
      const response = await post(bare, '/webhooks/github', '{}', github('{}'));
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    } finally {
      await bare.close();
    }
  });
});

describe('inbound email to the service desk', () => {
  const received = (from: string, to: string, subject: string, text: string) =>
    JSON.stringify({ type: 'email.received', data: { email_id: `re_${randomUUID()}`, from, to: [to], subject, text } });
  const deliver = async (body: string) => (await post(app, '/webhooks/email', body, svix(body))).json();

  it('raises a ticket from a member, files "[#n]" replies on it, and ignores strangers unless the org allows them', async () => {
    const org = await createTestOrg(sql, 'Inbox', 1);
    const inbox = `help-${randomUUID().slice(0, 8)}@desk.example`;
    await sql`insert into settings (org_id, key, value) values (${org.orgId}, 'desk.inbound_address', ${sql.json(inbox)})`;
    const [member] = await sql`select email from users where id = ${org.members[0]!}`;
    const memberAddress = member!.email as string;

    const first = received(`Mo Member <${memberAddress}>`, `Help Desk <${inbox}>`, 'Printer jammed', 'Third floor printer is jammed.');
    expect(await deliver(first)).toEqual({ status: 'accepted' });
    const [ticket] = await sql`select id, number, subject, channel, requester_id, status from tickets where org_id = ${org.orgId}`;
    expect(ticket).toMatchObject({ subject: 'Printer jammed', channel: 'email', requester_id: org.members[0], status: 'new' });

    await deliver(received(memberAddress, inbox, `Re: [#${String(ticket!.number)}] Printer jammed`, 'Still jammed.'));
    const replies = await sql`select body, channel, visibility from ticket_messages where ticket_id = ${ticket!.id as string}`;
    expect(replies).toEqual([{ body: 'Still jammed.', channel: 'email', visibility: 'public' }]);

    const stranger = `stranger-${randomUUID().slice(0, 8)}@outside.example`;
    await deliver(received(stranger, inbox, 'Hello', 'Who are you?'));
    expect(await sql`select 1 from tickets where org_id = ${org.orgId}`).toHaveLength(1);
    // "[#n]" of someone else's ticket does not reach it: a stranger or another member raises their own.
    await sql`insert into settings (org_id, key, value) values (${org.orgId}, 'desk.email_creates_requesters', 'true')`;
    await deliver(received(`Sam Stranger <${stranger}>`, inbox, `[#${String(ticket!.number)}] Hello`, 'Let me in'));
    const [created] = await sql`
      select t.subject, m.role from tickets t join users u on u.id = t.requester_id
        join org_memberships m on m.user_id = u.id and m.org_id = t.org_id
       where t.org_id = ${org.orgId} and u.email = ${stranger}`;
    expect(created).toEqual({ subject: `[#${String(ticket!.number)}] Hello`, role: 'requester' });
    expect(await sql`select 1 from ticket_messages where ticket_id = ${ticket!.id as string}`).toHaveLength(1);

    // A delivery the provider retries is filed once.
    const retried = received(memberAddress, inbox, 'Coffee machine', 'Empty again.');
    const headers = svix(retried);
    expect((await post(app, '/webhooks/email', retried, headers)).json()).toEqual({ status: 'accepted' });
    expect((await post(app, '/webhooks/email', retried, headers)).json()).toEqual({ status: 'duplicate' });
    expect(await sql`select 1 from tickets where org_id = ${org.orgId} and subject = 'Coffee machine'`).toHaveLength(1);
  });
});

describe('GitHub issues and pull requests linked to tasks', () => {
  it('links the tasks a pull request mentions in the org that connected the repository, once, with one activity entry', async () => {
    const org = await createTestOrg(sql, 'Linked', 1);
    const other = await createTestOrg(sql, 'Unlinked', 1);
    const repository = `acme/app-${randomUUID().slice(0, 8)}`;
    const taskIds: Record<string, string> = {};
    for (const target of [org, other]) {
      await sql`insert into settings (org_id, key, value) values (${target.orgId}, 'github.repositories', ${sql.json(target === org ? [repository] : ['acme/elsewhere'])})`;
      await asOrgUser(sql, target.orgId, target.owner, async (tx) => {
        const [workspace] = await tx`insert into workspaces (org_id, name, created_by) values (${target.orgId}, 'Product', ${target.owner}) returning id`;
        const [project] = await tx`
          insert into projects (org_id, workspace_id, key, name, created_by)
          values (${target.orgId}, ${workspace!.id as string}, 'ENG', 'Engineering', ${target.owner}) returning id`;
        for (const title of ['Checkout', 'Receipts']) {
          const [task] = await tx`insert into tasks (org_id, project_id, title, created_by) values (${target.orgId}, ${project!.id as string}, ${title}, ${target.owner}) returning id, key`;
          if (target === org) taskIds[task!.key as string] = task!.id as string;
        }
      });
    }
    const pr = (state: string) => JSON.stringify({
      action: state === 'open' ? 'opened' : 'closed',
      repository: { full_name: repository },
      pull_request: { number: 12, title: 'Faster checkout (ENG-1)', body: 'Also touches ENG-404, which does not exist.', state,
        html_url: `https://github.com/${repository}/pull/12`, head: { ref: 'eng-2-receipts' } },
    });
    const delivery = randomUUID();
    const opened = pr('open');
    expect((await post(app, '/webhooks/github', opened, github(opened, GITHUB_SECRET, delivery, 'pull_request'))).json()).toEqual({ status: 'accepted' });
    expect((await post(app, '/webhooks/github', opened, github(opened, GITHUB_SECRET, delivery, 'pull_request'))).json()).toEqual({ status: 'duplicate' });
    const closed = pr('closed');
    expect((await post(app, '/webhooks/github', closed, github(closed, GITHUB_SECRET, randomUUID(), 'pull_request'))).json()).toEqual({ status: 'accepted' });

    const links = await sql`select t.key, l.kind, l.external_id, l.state, l.url from task_external_links l join tasks t on t.id = l.task_id
                             where l.org_id in (${org.orgId}, ${other.orgId}) order by t.key`;
    expect(links).toEqual(['ENG-1', 'ENG-2'].map((key) => ({
      key, kind: 'pull_request', external_id: `${repository}#12`, state: 'closed', url: `https://github.com/${repository}/pull/12`,
    })));
    const activity = await sql`select entity_id, summary from activity_feed where verb = 'task.linked' and org_id in (${org.orgId}, ${other.orgId}) order by summary`;
    expect(activity).toEqual([
      { entity_id: taskIds['ENG-1'], summary: `ENG-1 linked to GitHub pull request ${repository}#12: Faster checkout (ENG-1)` },
      { entity_id: taskIds['ENG-2'], summary: `ENG-2 linked to GitHub pull request ${repository}#12: Faster checkout (ENG-1)` },
    ]);
  });
});
