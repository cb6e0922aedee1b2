import { existsSync } from 'node:fs';
import { generate } from 'otplib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMAIL_TOPICS } from '../../../actions/src/identity/emails.ts';
import { createTestOrg, superuserSql } from '../../../actions/test/support/org.ts';
import { startReceiver } from '../../../actions/test/support/receiver.ts';
import { adminSql, callAction, mailedToken, signedUpUser, STRONG_PASSWORD, uniqueEmail, type SignedUpUser } from '../../../actions/test/support/identity.ts';
import { CHROMIUM, startConsoleStack, type ConsoleStack } from './support/console-stack.ts';
import { deliverEmailOf } from './support/deliver-email.ts';

// The console in Chromium against the real actions service and engine: what a person sees and
// what the database then says.
let stack: ConsoleStack;
let owner: SignedUpUser;
let orgName: string;
const member = { email: uniqueEmail('console-member'), password: STRONG_PASSWORD, name: 'Mia Member' };
const sql = superuserSql();
const contexts: BrowserContext[] = [];

async function newPage(): Promise<Page> {
  const context = await stack.browser.newContext({ baseURL: stack.baseUrl });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

async function signedIn(email: string, password: string): Promise<Page> {
  const page = await newPage();
  await signIn(page, email, password);
  await nav(page).waitFor();
  return page;
}

// Debian's Chromium: `apt-get install -y chromium` (.ci/run installs it).
describe.skipIf(!existsSync(CHROMIUM))('web console', () => {
  beforeAll(async () => {
    stack = await startConsoleStack();
    owner = await signedUpUser(stack.service, 'console-owner');
    orgName = 'console-owner Inc';
    // A member of the owner's org (and of no other), through an invitation like any real one.
    const invited = await callAction(stack.service, 'inviteMember', { email: member.email, role: 'member' }, owner.session);
    expect(invited.status, JSON.stringify(invited.body)).toBe(200);
    const token = await mailedToken(stack.service, EMAIL_TOPICS.invitation, member.email);
    const accepted = await callAction(stack.service, 'acceptInvitation', { token, password: member.password, display_name: member.name });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await stack?.close();
    await sql.end();
    await adminSql.end();
  });

  it('shows why a sign-in with a wrong password fails, and stays on the sign-in page', async () => {
    const page = await newPage();
    await signIn(page, owner.email, 'not the right password at all');
    await expect.poll(() => page.getByRole('main').getByRole('alert').textContent()).toBe('Email or password is incorrect.');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('signs in to the dashboard of the org, and the session survives a reload through the httpOnly cookie', async () => {
    const page = await signedIn(owner.email, owner.password);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(orgName);
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    const cookies = await page.context().cookies();
    expect(cookies.find((cookie) => cookie.name === '__Host-workgrid_refresh')).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
    expect(await page.evaluate('document.cookie')).toBe('');

    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(orgName);
    // Keyboard: the first Tab reaches the skip link, which moves focus to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('main');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto('/dashboard');
    await page.waitForURL(/\/sign-in\?next=%2Fdashboard/);
  });

  it('follows the system colour scheme until the theme menu pins one, across reloads', async () => {
    const page = await newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/sign-in');
    const background = () => page.evaluate('getComputedStyle(document.body).backgroundColor');
    expect(await background()).toBe('rgb(16, 19, 24)');
    await page.getByLabel('Theme').selectOption('light');
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.reload();
    expect(await background()).toBe('rgb(255, 255, 255)');
  });

  it('lists a notification as unread and marks it read in the database', async () => {
    const [row] = await sql<{ id: string }[]>`
      insert into notifications (org_id, user_id, event_type, title, body)
      values (${owner.orgId}, ${owner.userId}, 'test.console', 'Quarterly report is ready', 'Open it from the reports page.')
      returning id`;
    const page = await signedIn(owner.email, owner.password);
    await expect.poll(() => nav(page).getByRole('link', { name: /Notifications/ }).textContent()).toContain('1');
    await nav(page).getByRole('link', { name: /Notifications/ }).click();
    const item = page.getByRole('listitem').filter({ hasText: 'Quarterly report is ready' });
    await expect.poll(() => item.textContent()).toContain('(unread)');

    await item.getByRole('button', { name: 'Mark read: Quarterly report is ready' }).click();
    await item.getByRole('button', { name: 'Mark unread: Quarterly report is ready' }).waitFor();
    const [after] = await sql<{ read_at: Date | null }[]>`select read_at from notifications where id = ${row!.id}`;
    expect(after?.read_at).toBeInstanceOf(Date);
    await expect.poll(() => page.getByText('Nothing unread.').count()).toBe(1);
  });

  it('sends an invitation whose email the developer mailbox shows, and whose link lets the invitee join', async () => {
    const invitee = uniqueEmail('console-invitee');
    const page = await signedIn(owner.email, owner.password);
    await nav(page).getByRole('link', { name: 'Invitations' }).click();
    await page.getByLabel('Email').fill(invitee);
    await page.getByLabel('Role').selectOption('agent');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe(`Invitation sent to ${invitee}.`);
    const row = page.getByRole('row').filter({ hasText: invitee });
    await expect.poll(() => row.textContent()).toContain('pending');
    const [invitation] = await sql<{ role: string; org_id: string }[]>`select role, org_id from invitations where email = ${invitee}`;
    expect(invitation).toEqual({ role: 'agent', org_id: owner.orgId });

    await deliverEmailOf(stack.service, sql, EMAIL_TOPICS.invitation, invitee, stack.baseUrl);
    await nav(page).getByRole('link', { name: 'Mailbox' }).click();
    const mail = page.getByRole('row').filter({ hasText: invitee });
    await expect.poll(() => mail.textContent()).toContain('sent');
    await mail.getByRole('button').click();
    const message = page.locator('section[aria-labelledby="message-heading"]');
    await expect.poll(() => message.getByText(invitee).count()).toBe(1);
    await expect.poll(() => message.locator('pre.text-body').textContent()).toContain(`${stack.baseUrl}/invitations/accept?token=`);
    expect(await message.locator('iframe').getAttribute('sandbox')).toBe('');

    // The invitee follows the link from the email and lands in the org as an agent.
    const link = /https?:\/\/\S+\/invitations\/accept\?token=\S+/.exec((await message.locator('pre.text-body').textContent()) ?? '')?.[0];
    const invitePage = await newPage();
    await invitePage.goto(link!);
    await invitePage.getByLabel('Your name (new accounts)').fill('Ivy Invitee');
    await invitePage.getByLabel('Password').fill(STRONG_PASSWORD);
    await invitePage.getByRole('button', { name: 'Accept invitation' }).click();
    await expect.poll(() => invitePage.getByRole('heading', { level: 1 }).textContent()).toBe(orgName);
    await expect.poll(() => invitePage.getByRole('main').textContent()).toContain('Ivy Invitee');
    await expect.poll(() => invitePage.getByRole('main').textContent()).toContain(', agent.');
  });

  it('keeps a member out of the admin screens', async () => {
    const page = await signedIn(member.email, member.password);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(orgName);
    expect(await nav(page).getByRole('link', { name: 'Members' }).count()).toBe(0);

    await page.goto('/admin/members');
    await expect.poll(() => page.getByRole('main').getByRole('alert').textContent()).toBe(`Only owners and admins of ${orgName} can open this page.`);
    expect(await page.getByRole('table').count()).toBe(0);
  });

  it('creates a webhook showing its secret once, sends a signed test and redelivers it', async () => {
    const receiver = await startReceiver();
    try {
      const page = await signedIn(owner.email, owner.password);
      await nav(page).getByRole('link', { name: 'Webhooks' }).click();
      await page.getByLabel('URL').fill(receiver.url);
      await page.getByLabel('Event types').fill('comment.created, webhook.test');
      await page.getByRole('button', { name: 'Add webhook' }).click();
      const secret = await page.getByLabel('Signing secret').textContent();
      expect(secret?.length).toBeGreaterThan(20);

      const row = page.getByRole('row').filter({ hasText: receiver.url });
      await row.getByRole('button', { name: `Send test to ${receiver.url}` }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Test to' }).textContent()).toBe(`Test to ${receiver.url}: Delivery succeeded (HTTP 200).`);
      expect(receiver.received).toHaveLength(1);
      expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ type: 'webhook.test' });

      const deliveries = page.locator('section[aria-labelledby="deliveries-heading"]');
      await deliveries.getByRole('button', { name: 'Redeliver webhook.test' }).click();
      await expect.poll(() => deliveries.getByRole('row').count()).toBe(3);
      expect(receiver.received).toHaveLength(2);
      expect(receiver.received[1]!.body).toBe(receiver.received[0]!.body);
    } finally {
      await receiver.close();
    }
  });

  it('shows a new API key once, and revoking it makes the key useless', async () => {
    const page = await signedIn(owner.email, owner.password);
    await nav(page).getByRole('link', { name: 'API keys' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Reporting script');
    await page.getByRole('button', { name: 'Create key' }).click();
    const apiKey = (await page.getByLabel('New API key').textContent()) ?? '';
    expect(apiKey).toMatch(/^wgk_/);
    const exchange = () => callAction(stack.service, 'exchangeApiKey', { api_key: apiKey });
    expect((await exchange()).status).toBe(200);

    await page.getByRole('button', { name: 'Revoke Reporting script' }).click();
    await page.getByRole('row').filter({ hasText: 'Reporting script' }).getByText('revoked').waitFor();
    expect(await exchange()).toMatchObject({ status: 401, body: { extensions: { code: 'api_key_invalid' } } });
  });

  it('changes a member\'s role and finds the change in the audit log by filter', async () => {
    const page = await signedIn(owner.email, owner.password);
    await nav(page).getByRole('link', { name: 'Members' }).click();
    await page.getByLabel(`Role of ${member.name}`).selectOption('agent');
    await expect.poll(() => page.getByRole('main').getByRole('status').textContent()).toBe(`${member.name} is now agent.`);
    const [membership] = await sql<{ role: string }[]>`
      select m.role from org_memberships m join users u on u.id = m.user_id where u.email = ${member.email} and m.org_id = ${owner.orgId}`;
    expect(membership?.role).toBe('agent');

    await nav(page).getByRole('link', { name: 'Audit log' }).click();
    await page.getByLabel('Table').fill('org_memberships');
    await page.getByLabel('Change').selectOption('update');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const rows = page.getByRole('main').getByRole('table').getByRole('row');
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => rows.nth(1).textContent()).toContain(owner.email);
  });

  it('asks for the second factor when MFA is on, and signs in with a backup code', async () => {
    const user = await signedUpUser(stack.service, 'console-mfa');
    const enrollment = await callAction(stack.service, 'enrollMfa', {}, user.session);
    const code = await generate({ secret: enrollment.body.secret!, epoch: Math.floor(Date.now() / 1000) });
    const verified = await callAction(stack.service, 'verifyMfa', { code }, user.session);
    const [backupCode] = verified.body.backup_codes!;

    const page = await newPage();
    await signIn(page, user.email, user.password);
    await page.getByLabel('Verification code').fill('000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => page.getByRole('main').getByRole('alert').textContent()).toBe('That code is not valid.');
    await page.getByLabel('Verification code').fill(backupCode!);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('console-mfa Inc');
  });

  it('switches to another org of the user and shows what that org holds', async () => {
    const other = await createTestOrg(sql, 'Elsewhere', 0);
    await sql`insert into org_memberships (org_id, user_id, role) values (${other.orgId}, ${owner.userId}, 'member')`;
    const page = await signedIn(owner.email, owner.password);
    await page.getByLabel('Organization').selectOption({ label: 'Elsewhere' });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Elsewhere');
    expect(await nav(page).getByRole('link', { name: 'Members' }).count()).toBe(0);

    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Elsewhere');
  });

  it('turns on two-step sign-in and changes the password, keeping this session and ending the others', async () => {
    const user = await signedUpUser(stack.service, 'console-security');
    const other = await callAction(stack.service, 'signIn', { email: user.email, password: user.password });
    const page = await signedIn(user.email, user.password);
    await nav(page).getByRole('link', { name: 'Security' }).click();

    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    const secret = (await page.getByLabel('Authenticator key').textContent()) ?? '';
    await page.getByLabel('Code from the app').fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) }));
    await page.getByRole('button', { name: 'Confirm' }).click();
    expect(((await page.getByLabel('Backup codes').textContent()) ?? '').split(' ').length).toBeGreaterThanOrEqual(8);
    const [factor] = await sql<{ enabled_at: Date | null }[]>`select enabled_at from app_private.mfa_factors where user_id = ${user.userId}`;
    expect(factor?.enabled_at).toBeInstanceOf(Date);

    const newPassword = 'a brand new passphrase 2027';
    await page.getByLabel('Current password').fill(user.password);
    await page.getByLabel('New password').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Password changed' }).count()).toBe(1);
    expect((await callAction(stack.service, 'refreshToken', { refresh_token: other.body.refresh_token })).status).toBe(401);
    expect((await callAction(stack.service, 'signIn', { email: user.email, password: user.password })).body.extensions?.code).toBe('invalid_credentials');

    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Account security');
  });

  it('lists a dead letter of the org and sends it back to the queue', async () => {
    const [dead] = await sql<{ id: string }[]>`
      insert into outbox_events (org_id, topic, idempotency_key, attempts, dead_at, last_error, available_at)
      values (${owner.orgId}, 'test.console_dead', ${`test:console-dead:${owner.orgId}`}, 8, now(), 'receiver said 500', now() + interval '1 day')
      returning id`;
    const page = await signedIn(owner.email, owner.password);
    await nav(page).getByRole('link', { name: 'Dead letters' }).click();
    const row = page.getByRole('row').filter({ hasText: 'test.console_dead' });
    await expect.poll(() => row.textContent()).toContain('receiver said 500');
    await row.getByRole('button', { name: 'Retry test.console_dead' }).click();
    await expect.poll(() => page.getByRole('main').getByRole('status').textContent()).toBe('test.console_dead is back in the queue.');
    await expect.poll(() => row.count()).toBe(0);
    const [after] = await sql<{ dead_at: Date | null; attempts: number }[]>`select dead_at, attempts from outbox_events where id = ${dead!.id}`;
    expect(after).toEqual({ dead_at: null, attempts: 0 });
  });

  it('renames the org in its settings, and the shell shows the new name', async () => {
    const user = await signedUpUser(stack.service, 'console-settings');
    const page = await signedIn(user.email, user.password);
    await nav(page).getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Name').fill('Renamed Works');
    await page.getByLabel('Time zone').fill('Europe/Zurich');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('main').getByRole('status').textContent()).toBe('Settings saved.');
    const [org] = await sql<{ name: string; timezone: string }[]>`select name, timezone from orgs where id = ${user.orgId}`;
    expect(org).toEqual({ name: 'Renamed Works', timezone: 'Europe/Zurich' });
    await expect.poll(() => page.getByRole('banner').textContent()).toContain('Renamed Works');
  });

  it('signs up, verifies the address through the emailed link, then signs in to the new org', async () => {
    const email = uniqueEmail('console-signup');
    const page = await newPage();
    await page.goto('/sign-up');
    await page.getByLabel('Your name').fill('Sam Signup');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(STRONG_PASSWORD);
    await page.getByLabel('Organization name').fill('Signup Studio');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('main').getByRole('status').waitFor();

    const token = await mailedToken(stack.service, EMAIL_TOPICS.verifyEmail, email);
    await page.goto(`/verify-email?token=${encodeURIComponent(token)}`);
    await expect.poll(() => page.getByRole('main').getByRole('status').textContent()).toContain('Your email address is verified.');
    await signIn(page, email, STRONG_PASSWORD);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Signup Studio');
  });

  // Live updates cross the engine, Postgres notifications and the socket: give them room on a busy machine.
  describe('live data', { timeout: 60_000 }, () => {
    const eventually = <T>(read: () => Promise<T>, timeout = 10_000) => expect.poll(read, { timeout });
    let planner: SignedUpUser;
    const asPlanner = (query: string, variables: Record<string, unknown> = {}) => graphqlAs(planner, query, variables);

    beforeAll(async () => {
      planner = await signedUpUser(stack.service, 'console-planner');
    });

    /** Someone who joins the org of `inviter` with `role`, through an invitation like any real one. */
    async function joinOrgOf(inviter: SignedUpUser, role: string, prefix: string, name: string) {
      const person = { email: uniqueEmail(prefix), password: STRONG_PASSWORD, name };
      const invited = await callAction(stack.service, 'inviteMember', { email: person.email, role }, inviter.session);
      expect(invited.status, JSON.stringify(invited.body)).toBe(200);
      const token = await mailedToken(stack.service, EMAIL_TOPICS.invitation, person.email);
      expect((await callAction(stack.service, 'acceptInvitation', { token, password: person.password, display_name: name })).status).toBe(200);
      const [user] = await sql<{ id: string }[]>`select id from users where email = ${person.email}`;
      return { ...person, userId: user!.id };
    }

    it('keeps the inbox and the unread count live while another client reads a notification', async () => {
      const page = await signedIn(planner.email, planner.password);
      await nav(page).getByRole('link', { name: /Notifications/ }).click();
      await page.getByText('Nothing unread.').waitFor();
      await page.evaluate('window.sameDocument = true');

      await sql`
        insert into notifications (org_id, user_id, event_type, title)
        values (${planner.orgId}, ${planner.userId}, 'test.console', 'Build 42 is green')`;
      const item = page.getByRole('listitem').filter({ hasText: 'Build 42 is green' });
      await eventually(() => item.textContent()).toContain('(unread)');
      await eventually(() => nav(page).getByRole('link', { name: /Notifications/ }).textContent()).toContain('1');

      const read = await asPlanner('mutation { update_notifications(where: {read_at: {_is_null: true}}, _set: {read_at: "now()"}) { affected_rows } }');
      expect(read).toEqual({ update_notifications: { affected_rows: 1 } });
      await eventually(() => item.textContent()).not.toContain('(unread)');
      await page.getByText('Nothing unread.').waitFor();
      expect(await page.evaluate('window.sameDocument')).toBe(true);
    });

    it('moves a task on the board by keyboard and by drag and drop, refuses a full column clearly, and follows moves made elsewhere', async () => {
      const board = await createBoard(asPlanner, 'LIVE');
      const page = await signedIn(planner.email, planner.password);
      await nav(page).getByRole('link', { name: 'Projects' }).click();
      await page.getByRole('link', { name: 'Sprint' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sprint' }).waitFor();
      const column = (name: string) => page.getByRole('list', { name: `Tasks in ${name}` });
      await eventually(() => column('To do').getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('Draft the plan'), expect.stringContaining('Review the plan')]);

      // Keyboard: the card's button moves it; the database agrees.
      await page.getByRole('button', { name: 'Move LIVE-1 to Doing' }).focus();
      await page.keyboard.press('Enter');
      await eventually(() => column('Doing').textContent()).toContain('Draft the plan');
      await eventually(async () => (await sql<{ column_id: string }[]>`select column_id from tasks where id = ${board.tasks[0]}`)[0]?.column_id).toBe(board.columns.doing);

      // Doing holds one task at most.
      await page.getByRole('button', { name: 'Move LIVE-2 to Doing' }).click();
      await eventually(() => page.getByRole('main').getByRole('alert').textContent()).toBe('That column is at its work-in-progress limit: finish or move a task out of it first.');
      expect((await sql<{ column_id: string }[]>`select column_id from tasks where id = ${board.tasks[1]}`)[0]?.column_id).toBe(board.columns.todo);

      // Drag and drop into Done.
      await column('Doing').getByRole('listitem').filter({ hasText: 'Draft the plan' }).dragTo(column('Done'));
      await eventually(() => column('Done').textContent()).toContain('Draft the plan');
      expect((await sql<{ status: string }[]>`select status from tasks where id = ${board.tasks[0]}`)[0]?.status).toBe('done');

      // Another client moves a task: the board follows without a reload.
      await page.evaluate('window.sameDocument = true');
      const [seen] = await sql<{ version: number }[]>`select version from tasks where id = ${board.tasks[1]}`;
      await asPlanner('mutation ($task: uuid!, $column: uuid!, $seen: Int) { move_task(args: {task_id: $task, column_id: $column, expected_version: $seen}) { id } }', {
        task: board.tasks[1],
        column: board.columns.doing,
        seen: seen!.version,
      });
      await eventually(() => column('Doing').textContent()).toContain('Review the plan');
      expect(await page.evaluate('window.sameDocument')).toBe(true);
    });

    it('opens a task from my work: ticks its checklist, comments with a mention, and shows comments from elsewhere live', async () => {
      const { project, columns } = await createBoard(asPlanner, 'TASK');
      const created = (await asPlanner(
        `mutation ($project: uuid!, $column: uuid!, $me: uuid!) {
          insert_tasks_one(object: {project_id: $project, column_id: $column, title: "Ship the release", priority: "high", due_date: "2030-01-15",
            assignees: {data: [{project_id: $project, user_id: $me}]},
            checklists: {data: [{project_id: $project, title: "Definition of done", items: {data: [{project_id: $project, title: "Notes written"}]}}]}
          }) { id }
        }`,
        { project, column: columns.todo, me: planner.userId },
      )) as { insert_tasks_one: { id: string } };
      const taskId = created.insert_tasks_one.id;
      const page = await signedIn(planner.email, planner.password);
      await nav(page).getByRole('link', { name: 'My work' }).click();
      await page.getByRole('link', { name: 'TASK-3 Ship the release' }).click();
      await page.getByRole('heading', { level: 1, name: /Ship the release/ }).waitFor();
      expect(await page.getByRole('main').textContent()).toContain('2030-01-15');

      // The box shows what the database holds: ticked once the change is stored and pushed back.
      await page.getByLabel('Notes written').click();
      await eventually(() => page.getByLabel('Notes written').isChecked()).toBe(true);
      await eventually(async () => (await sql<{ done: boolean }[]>`select i.done from task_checklist_items i join task_checklists c on c.id = i.checklist_id where c.task_id = ${taskId}`)[0]?.done).toBe(true);

      await page.getByLabel('Comment', { exact: true }).fill('Ready for a last look,');
      await page.getByLabel('Mention').selectOption({ label: 'console-planner' });
      await page.getByRole('button', { name: 'Insert mention' }).click();
      await page.getByRole('button', { name: 'Comment', exact: true }).click();
      const comments = page.getByRole('list', { name: 'Comments' });
      await eventually(() => comments.textContent()).toContain('Ready for a last look, @console-planner');
      const [stored] = await sql<{ mentions: string[] }[]>`select mentions from comments where entity_id = ${taskId}`;
      expect(stored?.mentions).toEqual([planner.userId]);

      await page.evaluate('window.sameDocument = true');
      await asPlanner('mutation ($task: uuid!) { insert_comments_one(object: {entity_type: task, entity_id: $task, body: "Looks good from here."}) { id } }', { task: taskId });
      await eventually(() => comments.textContent()).toContain('Looks good from here.');
      expect(await page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').count()).toBeGreaterThan(0);
      expect(await page.evaluate('window.sameDocument')).toBe(true);
    });

    it('shows the agent\'s reply and a macro\'s reply to the requester live, never the internal note, and takes the requester\'s reply', async () => {
      const requester = await joinOrgOf(planner, 'requester', 'console-requester', 'Rita Requester');

      // The requester raises a request in the portal and keeps it open.
      const portal = await signedIn(requester.email, requester.password);
      expect(await nav(portal).getByRole('link', { name: 'Queue' }).count()).toBe(0);
      await nav(portal).getByRole('link', { name: 'My requests' }).click();
      await portal.getByLabel('Subject').fill('VPN drops every hour');
      await portal.getByRole('button', { name: 'Raise request' }).click();
      await portal.getByRole('link', { name: /VPN drops every hour/ }).click();
      await portal.getByRole('heading', { level: 1, name: /VPN drops every hour/ }).waitFor();
      await portal.evaluate('window.sameDocument = true');

      // The desk answers publicly and leaves an internal note.
      const desk = await signedIn(planner.email, planner.password);
      await nav(desk).getByRole('link', { name: 'Queue' }).click();
      await desk.getByRole('link', { name: /VPN drops every hour/ }).click();
      await desk.getByLabel('Message').fill('Please update the VPN client to 5.2.');
      await desk.getByRole('button', { name: 'Send reply' }).click();
      await eventually(() => desk.getByRole('list', { name: 'Conversation' }).textContent()).toContain('Please update the VPN client to 5.2.');
      await desk.getByLabel('Internal note (desk only)').check();
      await desk.getByLabel('Message').fill('Known issue with the 5.1 client.');
      await desk.getByRole('button', { name: 'Add note' }).click();
      await eventually(() => desk.getByRole('list', { name: 'Conversation' }).textContent()).toContain('Internal note · ');
      await eventually(() => desk.getByRole('main').textContent()).toContain('Status' + 'Open');

      const conversation = portal.getByRole('list', { name: 'Conversation' });
      await eventually(() => conversation.textContent()).toContain('Please update the VPN client to 5.2.');
      await portal.waitForTimeout(500);
      expect(await portal.getByRole('main').textContent()).not.toContain('Known issue');
      expect(await portal.evaluate('window.sameDocument')).toBe(true);

      // The requester's reply reaches the desk, live.
      await portal.getByLabel('Message').fill('Updated, it holds now.');
      await portal.getByRole('button', { name: 'Send reply' }).click();
      await eventually(() => desk.getByRole('list', { name: 'Conversation' }).textContent()).toContain('Updated, it holds now.');

      // A macro replies and moves the ticket on.
      await asPlanner(`mutation { insert_ticket_macros_one(object: {name: "Ask for logs", reply_body: "Hi {{requester.name}}, please send the logs of #{{ticket.number}}.", reply_visibility: "public", set_status: "pending"}) { id } }`);
      await desk.reload();
      await desk.getByLabel('Macro').selectOption({ label: 'Ask for logs' });
      await desk.getByRole('button', { name: 'Apply macro' }).click();
      await eventually(() => conversation.textContent()).toContain('Hi Rita Requester, please send the logs of #');
      await eventually(() => desk.getByRole('main').textContent()).toContain('Status' + 'Pending');

      // Status moves along the state machine.
      await desk.getByRole('button', { name: 'Mark resolved' }).click();
      await desk.getByRole('button', { name: 'Mark closed' }).waitFor();
      await eventually(() => portal.getByRole('main').textContent()).toContain('Status: Resolved');
    });

    it('keeps my work live while another client changes an assigned task', async () => {
      const { project, columns } = await createBoard(asPlanner, 'MINE');
      const created = (await asPlanner(
        `mutation ($project: uuid!, $column: uuid!, $me: uuid!) {
          insert_tasks_one(object: {project_id: $project, column_id: $column, title: "Write the changelog", assignees: {data: [{project_id: $project, user_id: $me}]}}) { id }
        }`,
        { project, column: columns.todo, me: planner.userId },
      )) as { insert_tasks_one: { id: string } };
      const page = await signedIn(planner.email, planner.password);
      await nav(page).getByRole('link', { name: 'My work' }).click();
      const row = page.getByRole('table', { name: 'My tasks' }).getByRole('row').filter({ hasText: 'Write the changelog' });
      await eventually(() => row.textContent()).toContain('todo');
      await page.evaluate('window.sameDocument = true');

      const setStatus = (status: string) =>
        asPlanner('mutation ($id: uuid!, $status: String!) { update_tasks_by_pk(pk_columns: {id: $id}, _set: {status: $status}) { id } }', { id: created.insert_tasks_one.id, status });
      await setStatus('in_progress');
      await eventually(() => row.textContent()).toContain('in_progress');
      // Done work leaves the list.
      await setStatus('done');
      await eventually(() => row.count()).toBe(0);
      expect(await page.evaluate('window.sameDocument')).toBe(true);
    });

    it('lets an agent of the ticket\'s queue assign it, change its priority and move it to another queue, live in the queue, says why a change is refused, including a move out of their queues', async () => {
      // An org of its own: its queue holds this ticket only, whatever the other cases leave open.
      const deskOwner = await signedUpUser(stack.service, 'console-desk');
      const asDeskOwner = (query: string, variables: Record<string, unknown> = {}) => graphqlAs(deskOwner, query, variables);
      const agent = await joinOrgOf(deskOwner, 'agent', 'console-agent', 'Ada Agent');
      const colleague = await joinOrgOf(deskOwner, 'agent', 'console-colleague', 'Cole Colleague');
      const teams = (await asDeskOwner(
        'mutation { hardware: insert_teams_one(object: {name: "Hardware", key: "HW"}) { id } network: insert_teams_one(object: {name: "Network", key: "NET"}) { id } facilities: insert_teams_one(object: {name: "Facilities", key: "FAC"}) { id } }',
      )) as {
        hardware: { id: string };
        network: { id: string };
        facilities: { id: string };
      };
      await asDeskOwner('mutation ($rows: [team_members_insert_input!]!) { insert_team_members(objects: $rows) { affected_rows } }', {
        rows: [teams.hardware.id, teams.network.id].map((team) => ({ team_id: team, user_id: agent.userId })),
      });
      const raised = (await asDeskOwner('mutation ($team: uuid!) { insert_tickets_one(object: {subject: "Switch port 12 is dead", team_id: $team}) { id } }', { team: teams.hardware.id })) as {
        insert_tickets_one: { id: string };
      };
      const ticketId = raised.insert_tickets_one.id;

      // The owner watches the queue while the agent works the ticket.
      const queue = await signedIn(deskOwner.email, deskOwner.password);
      await nav(queue).getByRole('link', { name: 'Queue' }).click();
      const row = queue.getByRole('row').filter({ hasText: 'Switch port 12 is dead' });
      await eventually(() => row.textContent()).toMatch(/normal.*Hardware.*Unassigned/);
      await queue.evaluate('window.sameDocument = true');

      const desk = await signedIn(agent.email, agent.password);
      await nav(desk).getByRole('link', { name: 'Queue' }).click();
      await desk.getByRole('link', { name: /Switch port 12 is dead/ }).click();
      const facts = () => desk.locator('dl.facts').textContent();
      await desk.getByLabel('Assignee', { exact: true }).selectOption({ label: 'Cole Colleague' });
      await eventually(facts).toContain('Assignee' + 'Cole Colleague');
      await desk.getByLabel('Priority', { exact: true }).selectOption('urgent');
      await eventually(facts).toContain('Priority' + 'urgent');
      await desk.getByLabel('Queue', { exact: true }).selectOption({ label: 'Network' });
      await eventually(facts).toContain('Queue' + 'Network');

      await eventually(() => row.textContent()).toMatch(/urgent.*Network.*Cole Colleague/);
      expect(await queue.evaluate('window.sameDocument')).toBe(true);
      const [stored] = await sql<{ assignee_id: string; priority: string; team_id: string }[]>`select assignee_id, priority, team_id from tickets where id = ${ticketId}`;
      expect(stored).toEqual({ assignee_id: colleague.userId, priority: 'urgent', team_id: teams.network.id });

      // Cole stops being desk staff elsewhere: the database refuses him as assignee, and the agent reads why.
      await desk.getByLabel('Assignee', { exact: true }).selectOption({ label: 'Unassigned' });
      await eventually(facts).toContain('Assignee' + 'Unassigned');
      await sql`update org_memberships set role = 'member' where org_id = ${deskOwner.orgId} and user_id = ${colleague.userId}`;
      await desk.getByLabel('Assignee', { exact: true }).selectOption({ label: 'Cole Colleague' });
      await eventually(() => desk.getByRole('main').getByRole('alert').textContent()).toBe('Only agents, managers, admins and owners of the organization can take a ticket.');
      expect(await desk.getByLabel('Assignee', { exact: true }).inputValue()).toBe('');
      expect((await sql<{ assignee_id: string | null }[]>`select assignee_id from tickets where id = ${ticketId}`)[0]?.assignee_id).toBeNull();

      // Facilities is not the agent's queue: the database refuses the move, and the agent reads why.
      await desk.getByLabel('Queue', { exact: true }).selectOption({ label: 'Facilities' });
      await eventually(() => desk.getByRole('main').getByRole('alert').textContent()).toBe(
        'You can move a ticket only to a queue you are in, unless it is assigned to you. Ask a manager to move it, or take it first.',
      );
      expect(await desk.getByLabel('Queue', { exact: true }).inputValue()).toBe(teams.network.id);
      expect((await sql<{ team_id: string }[]>`select team_id from tickets where id = ${ticketId}`)[0]?.team_id).toBe(teams.network.id);
    });

    it('gives a requester none of the desk\'s controls on their own ticket', async () => {
      const requester = await joinOrgOf(planner, 'requester', 'console-asker', 'Ari Asker');
      const page = await signedIn(requester.email, requester.password);
      await nav(page).getByRole('link', { name: 'My requests' }).click();
      await page.getByLabel('Subject').fill('Monitor stays black');
      await page.getByRole('button', { name: 'Raise request' }).click();
      await page.getByRole('link', { name: /Monitor stays black/ }).waitFor();
      const [ticket] = await sql<{ id: string }[]>`select id from tickets where org_id = ${planner.orgId} and subject = 'Monitor stays black'`;

      // Even at the desk's address of the ticket: the ticket and a reply box, nothing to work it with.
      await page.goto(`/desk/tickets/${ticket!.id}`);
      await page.getByRole('heading', { level: 1, name: /Monitor stays black/ }).waitFor();
      await page.getByRole('button', { name: 'Send reply' }).waitFor();
      expect(await page.getByRole('main').getByRole('combobox').count()).toBe(0);
      expect(await page.getByRole('main').getByRole('button', { name: /^Mark / }).count()).toBe(0);
      expect(await page.getByLabel('Internal note (desk only)').count()).toBe(0);
    });

    it('counts the SLA down in the queue and follows a priority change made elsewhere', async () => {
      await asPlanner(`mutation { insert_sla_policies(objects: [
        {name: "Normal", priority: "normal", first_response_minutes: 480, resolution_minutes: 2400},
        {name: "Urgent", priority: "urgent", first_response_minutes: 5, resolution_minutes: 60}
      ]) { affected_rows } }`);
      const raised = (await asPlanner('mutation { insert_tickets_one(object: {subject: "Printer on fire"}) { id } }')) as { insert_tickets_one: { id: string } };
      const page = await signedIn(planner.email, planner.password);
      await nav(page).getByRole('link', { name: 'Queue' }).click();
      const row = page.getByRole('row').filter({ hasText: 'Printer on fire' });
      await eventually(() => row.textContent()).toMatch(/first response due in 7 h 5\d min/);
      await page.evaluate('window.sameDocument = true');
      // The countdown ticks without new data.
      const before = await row.getByRole('cell').last().textContent();
      await eventually(() => row.getByRole('cell').last().textContent(), 3000).not.toBe(before);

      await asPlanner('mutation ($id: uuid!) { update_tickets_by_pk(pk_columns: {id: $id}, _set: {priority: "urgent"}) { id } }', { id: raised.insert_tickets_one.id });
      await eventually(() => row.textContent()).toMatch(/urgent.*first response due in [45] min/);
      // Soonest due first.
      expect(await page.getByRole('row').nth(1).textContent()).toContain('Printer on fire');
      expect(await page.evaluate('window.sameDocument')).toBe(true);
    });
  });
});

/** GraphQL over HTTP as a signed-up user: another client, next to the browser. */
async function graphqlAs(user: SignedUpUser, query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await fetch(`${stack.baseUrl}/v1/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${user.accessToken}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data!;
}

/** A workspace, project `key` and kanban board Sprint: To do, Doing (at most one task), Done; two tasks to do. */
async function createBoard(as: (query: string, variables?: Record<string, unknown>) => Promise<Record<string, unknown>>, key: string) {
  const created = (await as(
    `mutation ($key: String!) {
      insert_workspaces_one(object: {name: "Delivery", projects: {data: [{key: $key, name: "Live project", visibility: "workspace"}]}}) {
        projects { id }
      }
    }`,
    { key },
  )) as { insert_workspaces_one: { projects: { id: string }[] } };
  const project = created.insert_workspaces_one.projects[0]!.id;
  const board = (await as(
    `mutation ($project: uuid!) {
      insert_boards_one(object: {project_id: $project, name: "Sprint", view_type: "kanban", columns: {data: [
        {project_id: $project, name: "To do", maps_to_status: "todo", position: 1},
        {project_id: $project, name: "Doing", maps_to_status: "in_progress", position: 2, wip_limit: 1},
        {project_id: $project, name: "Done", maps_to_status: "done", position: 3}
      ]}}) { id columns(order_by: {position: asc}) { id } }
    }`,
    { project },
  )) as { insert_boards_one: { id: string; columns: { id: string }[] } };
  const [todo, doing, done] = board.insert_boards_one.columns.map((column) => column.id);
  const tasks: string[] = [];
  for (const title of ['Draft the plan', 'Review the plan']) {
    const task = (await as('mutation ($project: uuid!, $column: uuid!, $title: String!) { insert_tasks_one(object: {project_id: $project, column_id: $column, title: $title}) { id } }', {
      project,
      column: todo,
      title,
    })) as { insert_tasks_one: { id: string } };
    tasks.push(task.insert_tasks_one.id);
  }
  return { project, board: board.insert_boards_one.id, columns: { todo: todo!, doing: doing!, done: done! }, tasks: tasks as [string, string] };
}
