import type { Job } from 'bullmq';
import postgres, { type Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { outboxEventProcessor } from '../src/jobs/outbox-event.ts';
import type { OutboxJobData } from '../src/outbox/relay.ts';
import { createTestOrg, superuserSql, type TestOrg } from './support/org.ts';

// Task notifications from outbox events: who is told about an assignment, a status change, an
// unblocking and a comment, honouring preferences, and exactly once even when an event's job runs
// again (a redelivery after a worker restart). The processor runs here directly, without a relay.

const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };
const sql = superuserSql();
const app: Sql = postgres(inject('appUrl'), { max: 4, onnotice: () => {} });
const processEvent = outboxEventProcessor({ sql: app, queues: {}, log: silent, backoff: { baseMs: 10, maxMs: 40 }, leaseSeconds: 60 });

afterAll(async () => {
  await sql.end();
  await app.end();
});

let org: TestOrg;
let projectId = '';

/** Gives the transaction the session of a user of the org. */
async function setSession(tx: postgres.TransactionSql, userId: string): Promise<void> {
  await tx`select set_config('hasura.user', ${JSON.stringify({ 'x-hasura-role': 'user', 'x-hasura-org-id': org.orgId, 'x-hasura-user-id': userId })}, true)`;
}

/** Runs statements as a user of the org (committed), as the GraphQL engine would. */
async function asUser<T>(userId: string, run: (tx: postgres.TransactionSql) => Promise<T>): Promise<T> {
  return (await sql.begin(async (tx) => {
    await tx`set local role workgrid_engine`;
    await setSession(tx, userId);
    return run(tx);
  })) as T;
}

/** Runs every pending event of the org's tasks and comments twice, as a redelivered job would. */
async function runPendingTwice(): Promise<void> {
  const events = await sql`
    select id, topic from outbox_events
     where org_id = ${org.orgId} and (topic like 'task.%' or topic = 'comment.created') and delivered_at is null order by created_at`;
  for (const event of events) {
    const job = { data: { eventId: event.id, orgId: org.orgId, topic: event.topic }, attemptsMade: 0, opts: { attempts: 3 } } as unknown as Job<OutboxJobData>;
    await processEvent(job);
    await processEvent(job);
  }
}

async function notificationsOf(userId: string, eventType: string): Promise<string[]> {
  const rows = await sql`select title from notifications where org_id = ${org.orgId} and user_id = ${userId} and event_type = ${eventType} order by created_at`;
  return rows.map((r) => r.title as string);
}

beforeAll(async () => {
  org = await createTestOrg(sql, 'Notify', 3);
  await asUser(org.owner, async (tx) => {
    const [workspace] = await tx`insert into workspaces (org_id, name, created_by) values (${org.orgId}, 'Product', ${org.owner}) returning id`;
    const [project] = await tx`
      insert into projects (org_id, workspace_id, key, name, created_by)
      values (${org.orgId}, ${workspace!.id as string}, 'NTF', 'Notifications', ${org.owner}) returning id`;
    projectId = project!.id as string;
  });
});

describe('task notifications', () => {
  it('tells the assignee once, and the assignees once when the last blocker finishes', async () => {
    const [, first, second] = await asUser(org.owner, async (tx) => {
      const ids: string[] = [];
      for (const title of ['Launch', 'Legal review', 'Pricing page']) {
        const [row] = await tx`insert into tasks (org_id, project_id, title, created_by) values (${org.orgId}, ${projectId}, ${title}, ${org.owner}) returning id`;
        ids.push(row!.id as string);
      }
      for (const blocker of ids.slice(1)) {
        await tx`insert into task_dependencies (org_id, project_id, blocker_id, blocked_id, created_by)
                 values (${org.orgId}, ${projectId}, ${blocker}, ${ids[0]!}, ${org.owner})`;
      }
      await tx`insert into task_assignees (org_id, project_id, task_id, user_id) values (${org.orgId}, ${projectId}, ${ids[0]!}, ${org.members[0]!})`;
      return ids;
    });
    await runPendingTwice();
    expect(await notificationsOf(org.members[0]!, 'task.assigned')).toEqual(['NTF-1 was assigned to you: Launch']);

    await asUser(org.admin, (tx) => tx`update tasks set status = 'done' where id = ${first!}`);
    await runPendingTwice();
    expect(await notificationsOf(org.members[0]!, 'task.unblocked')).toEqual([]);

    await asUser(org.admin, (tx) => tx`update tasks set status = 'done' where id = ${second!}`);
    await asUser(org.admin, (tx) => tx`update tasks set title = 'Pricing page v2' where id = ${second!}`);
    await runPendingTwice();
    expect(await notificationsOf(org.members[0]!, 'task.unblocked')).toEqual(['NTF-1 is no longer blocked: Launch']);
    // The owner created the blockers (so watches them) but finished none of them: told of both status changes.
    expect(await notificationsOf(org.owner, 'task.status_changed')).toHaveLength(2);
    expect(await notificationsOf(org.admin, 'task.status_changed')).toEqual([]);
  });

  it('tells watchers and assignees of status changes and comments, except the actor, the mentioned and those who opted out', async () => {
    const taskId = await asUser(org.owner, async (tx) => {
      const [row] = await tx`insert into tasks (org_id, project_id, title, created_by) values (${org.orgId}, ${projectId}, 'Docs', ${org.owner}) returning id`;
      await tx`insert into task_assignees (org_id, project_id, task_id, user_id) values (${org.orgId}, ${projectId}, ${row!.id as string}, ${org.members[0]!})`;
      return row!.id as string;
    });
    await asUser(org.members[1]!, (tx) => tx`insert into task_watchers (org_id, project_id, task_id, user_id) values (${org.orgId}, ${projectId}, ${taskId}, ${org.members[1]!})`);
    await asUser(org.members[2]!, async (tx) => {
      await tx`insert into task_watchers (org_id, project_id, task_id, user_id) values (${org.orgId}, ${projectId}, ${taskId}, ${org.members[2]!})`;
      await tx`insert into notification_preferences (org_id, user_id, event_type, channel, enabled)
               values (${org.orgId}, ${org.members[2]!}, 'task.status_changed', 'in_app', false)`;
    });
    await runPendingTwice();

    await asUser(org.admin, (tx) => tx`update tasks set status = 'in_review' where id = ${taskId}`);
    await asUser(org.admin, (tx) => tx`
      insert into comments (org_id, entity_type, entity_id, author_id, body)
      values (${org.orgId}, 'task', ${taskId}, ${org.admin}, ${`Please check @[Member](user:${org.members[0]!})`})`);
    await runPendingTwice();

    const told = async (eventType: string) => {
      const rows = await sql`select user_id, count(*)::int as n from notifications
                              where org_id = ${org.orgId} and entity_id = ${taskId} and event_type = ${eventType} group by user_id`;
      return Object.fromEntries(rows.map((r) => [r.user_id as string, r.n as number]));
    };
    expect(await told('task.status_changed')).toEqual({ [org.owner]: 1, [org.members[0]!]: 1, [org.members[1]!]: 1 });
    expect(await told('comment.mention')).toEqual({ [org.members[0]!]: 1 });
    expect(await told('task.commented')).toEqual({ [org.owner]: 1, [org.members[1]!]: 1, [org.members[2]!]: 1 });
  });

  it('tells a guest of public comments only, and nothing once they can no longer see the task', async () => {
    const [guestRow] = await sql`insert into users (email, display_name) values (${`guest-${org.orgId}@people.example`}, 'Guest') returning id`;
    const guest = guestRow!.id as string;
    await sql`insert into org_memberships (org_id, user_id, role) values (${org.orgId}, ${guest}, 'guest')`;
    await sql`insert into project_members (org_id, project_id, user_id, role) values (${org.orgId}, ${projectId}, ${guest}, 'viewer')`;
    const taskId = await asUser(org.owner, async (tx) => {
      const [row] = await tx`insert into tasks (org_id, project_id, title, created_by) values (${org.orgId}, ${projectId}, 'Partner brief', ${org.owner}) returning id`;
      return row!.id as string;
    });
    await sql`insert into task_watchers (org_id, project_id, task_id, user_id) values (${org.orgId}, ${projectId}, ${taskId}, ${guest})`;
    await runPendingTwice();

    const comment = (visibility: string, body: string) => asUser(org.admin, (tx) => tx`
      insert into comments (org_id, entity_type, entity_id, author_id, body, visibility)
      values (${org.orgId}, 'task', ${taskId}, ${org.admin}, ${body}, ${visibility})`);
    await comment('internal', `Margins are thin, keep it from @[Guest](user:${guest})`);
    await runPendingTwice();
    expect(await notificationsOf(guest, 'task.commented')).toEqual([]);
    expect(await notificationsOf(guest, 'comment.mention')).toEqual([]);
    // Staff watchers still hear of the internal comment (the owner created the task, so watches it).
    expect(await notificationsOf(org.owner, 'task.commented')).toContain('New comment on NTF-5: Partner brief');

    await comment('public', 'Draft attached');
    await runPendingTwice();
    expect(await notificationsOf(guest, 'task.commented')).toEqual(['New comment on NTF-5: Partner brief']);

    await sql`delete from project_members where project_id = ${projectId} and user_id = ${guest}`;
    await asUser(org.admin, (tx) => tx`update tasks set status = 'in_progress' where id = ${taskId}`);
    await comment('public', 'Sent to the partner');
    await runPendingTwice();
    expect(await notificationsOf(guest, 'task.status_changed')).toEqual([]);
    expect(await notificationsOf(guest, 'task.commented')).toHaveLength(1);
  });

  it('handles every id Postgres accepts, not only RFC 9562 ones (the demo data derives its ids from md5)', async () => {
    // Inserted as the owner of the schema (roles may not choose ids), in the org's session like a seed.
    const [task] = (await sql.begin(async (tx) => {
      await setSession(tx, org.owner);
      return tx`insert into tasks (id, org_id, project_id, title, created_by)
                values (md5('notify:any-uuid')::uuid, ${org.orgId}, ${projectId}, 'Any uuid', ${org.owner}) returning id`;
    })) as unknown as { id: string }[];
    expect(task!.id).toBe('ff11a844-9a5a-f50e-857f-7b943b421732'); // version nibble f: no RFC 9562 version
    await asUser(org.owner, (tx) => tx`insert into task_assignees (org_id, project_id, task_id, user_id) values (${org.orgId}, ${projectId}, ${task!.id as string}, ${org.members[2]!})`);
    await runPendingTwice();
    expect(await notificationsOf(org.members[2]!, 'task.assigned')).toEqual([expect.stringMatching(/was assigned to you: Any uuid$/)]);
    expect(await sql`select topic from outbox_events where org_id = ${org.orgId} and dead_at is not null`).toEqual([]);
  });
});
