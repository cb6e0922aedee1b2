import type { Job } from 'bullmq';
import postgres, { type Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dueAutomationsProcessor } from '../src/jobs/automations.ts';
import { outboxEventProcessor } from '../src/jobs/outbox-event.ts';
import type { QueueName } from '../src/queues.ts';
import type { Queue } from 'bullmq';
import type { OutboxJobData } from '../src/outbox/relay.ts';
import { createTestOrg, superuserSql, type TestOrg } from './support/org.ts';

// Automations run from outbox events: once per (automation, event) even when the event's job runs
// again, with their outcome logged, and chains of automations stop at a depth limit.

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
let tagId = '';

async function asOwner<T>(run: (tx: postgres.TransactionSql) => Promise<T>): Promise<T> {
  return (await sql.begin(async (tx) => {
    await tx`set local role workgrid_engine`;
    await tx`select set_config('hasura.user', ${JSON.stringify({ 'x-hasura-role': 'user', 'x-hasura-org-id': org.orgId, 'x-hasura-user-id': org.owner })}, true)`;
    return run(tx);
  })) as T;
}

/** Processes the org's pending task events, each twice (a redelivery), until none is left (automations cause more). */
async function drain(): Promise<void> {
  for (let round = 0; round < 10; round += 1) {
    const events = await sql`select id, topic from outbox_events where org_id = ${org.orgId} and topic like 'task.%' and delivered_at is null order by created_at`;
    if (events.length === 0) return;
    for (const event of events) {
      const job = { data: { eventId: event.id, orgId: org.orgId, topic: event.topic }, attemptsMade: 0, opts: { attempts: 3 } } as unknown as Job<OutboxJobData>;
      await processEvent(job);
      await processEvent(job);
    }
  }
}

beforeAll(async () => {
  org = await createTestOrg(sql, 'Auto', 2);
  await asOwner(async (tx) => {
    const [workspace] = await tx`insert into workspaces (org_id, name, created_by) values (${org.orgId}, 'Eng', ${org.owner}) returning id`;
    const [project] = await tx`insert into projects (org_id, workspace_id, key, name, created_by) values (${org.orgId}, ${workspace!.id as string}, 'AUT', 'Automated', ${org.owner}) returning id`;
    projectId = project!.id as string;
    const [tag] = await tx`insert into tags (org_id, name, created_by) values (${org.orgId}, 'triage', ${org.owner}) returning id`;
    tagId = tag!.id as string;
  });
});

const automation = (name: string, trigger: string, conditions: object, actions: object[]) =>
  asOwner((tx) => tx`
    insert into automations (org_id, project_id, name, trigger, conditions, actions, created_by)
    values (${org.orgId}, ${projectId}, ${name}, ${trigger}, ${tx.json(conditions as postgres.JSONValue)}, ${tx.json(actions as postgres.JSONValue)}, ${org.owner})
    returning id`.then((rows) => rows[0]!.id as string));

describe('automations', () => {
  it('runs matching automations once per event, logs each run, and stops a chain at the depth limit', async () => {
    const tagUrgent = await automation('Tag urgent work', 'created', { priority: 'urgent' }, [
      { type: 'add_tag', tag_id: tagId },
      { type: 'assign', user_id: org.members[0]! },
      { type: 'create_subtask', title: 'Write the post-mortem' },
    ]);
    // Assigning moves the task on; moving it assigns again: each step's changes carry a deeper depth.
    const pingPong = await automation('Review when assigned', 'assigned', {}, [{ type: 'set_field', field: 'status', value: 'in_review' }]);
    const bounce = await automation('Bounce review', 'status_changed', { to: 'in_review' }, [
      { type: 'set_field', field: 'status', value: 'todo' },
      { type: 'notify', to: 'assignees', title: 'Review bounced' },
    ]);
    const [urgent, calm] = await asOwner(async (tx) => {
      const rows = [];
      for (const [title, priority] of [['Outage', 'urgent'], ['Polish', 'low']]) {
        rows.push((await tx`insert into tasks (org_id, project_id, title, priority, created_by) values (${org.orgId}, ${projectId}, ${title!}, ${priority!}, ${org.owner}) returning id`)[0]!.id as string);
      }
      return rows;
    });
    await drain();

    const tagged = await sql`select entity_id from entity_tags where tag_id = ${tagId}`;
    expect(tagged.map((r) => r.entity_id)).toEqual([urgent]);
    const subtasks = await sql`select title from tasks where parent_id = ${urgent!}`;
    expect(subtasks.map((r) => r.title)).toEqual(['Write the post-mortem']);

    const runs = await sql`select automation_id, task_id, status, depth, detail from automation_runs where org_id = ${org.orgId} order by created_at, depth`;
    const of = (id: string, task = urgent) => runs.filter((r) => r.automation_id === id && r.task_id === task);
    expect(of(tagUrgent).map((r) => r.status)).toEqual(['succeeded']);
    expect(of(tagUrgent, calm).map((r) => [r.status, r.detail])).toEqual([['skipped', 'conditions not met']]);
    expect(of(pingPong).map((r) => r.status)).toEqual(['succeeded']);
    expect(of(bounce).map((r) => r.status)).toContain('succeeded');
    expect(runs.some((r) => r.status === 'skipped' && String(r.detail).startsWith('stopped'))).toBe(true);
    expect(Math.max(...runs.map((r) => r.depth as number))).toBe(3);
    const bounced = await sql`select count(*)::int as n from notifications where org_id = ${org.orgId} and event_type = 'automation.notify'`;
    expect(bounced[0]!.n).toBeGreaterThan(0);
  });

  it('logs a failed run when an action cannot be carried out, without its partial changes', async () => {
    const broken = await automation('Broken', 'created', {}, [
      { type: 'set_field', field: 'priority', value: 'high' },
      { type: 'assign', user_id: '00000000-0000-4000-8000-000000000000' },
    ]);
    const taskId = await asOwner(async (tx) =>
      (await tx`insert into tasks (org_id, project_id, title, created_by) values (${org.orgId}, ${projectId}, 'Fragile', ${org.owner}) returning id`)[0]!.id as string);
    await drain();
    const [run] = await sql`select status, detail from automation_runs where automation_id = ${broken} and task_id = ${taskId}`;
    expect(run!.status).toBe('failed');
    expect((await sql`select priority from tasks where id = ${taskId}`)[0]!.priority).toBe('none');
  });

  it('runs due-soon and overdue automations once per task and due date, across repeated sweeps', async () => {
    const overdue = await automation('Flag overdue', 'overdue', {}, [{ type: 'set_field', field: 'priority', value: 'urgent' }]);
    const dueSoon = await automation('Nudge', 'due_soon', {}, [{ type: 'notify', to: 'assignees', title: 'Due soon' }]);
    const [late, soon] = await asOwner(async (tx) => {
      const ids: string[] = [];
      for (const due of ['2020-01-01', new Date().toISOString().slice(0, 10)]) {
        ids.push((await tx`insert into tasks (org_id, project_id, title, due_date, created_by) values (${org.orgId}, ${projectId}, 'Dated', ${due}, ${org.owner}) returning id`)[0]!.id as string);
      }
      return ids;
    });
    await drain();
    const sweep = dueAutomationsProcessor({ sql: app, queues: {} as Record<QueueName, Queue>, log: silent });
    await sweep();
    await sweep();
    const runs = await sql`select automation_id, task_id, status from automation_runs where automation_id in (${overdue}, ${dueSoon})`;
    expect(runs.filter((r) => r.automation_id === overdue).map((r) => [r.task_id, r.status])).toEqual([[late, 'succeeded']]);
    expect(runs.filter((r) => r.automation_id === dueSoon).map((r) => [r.task_id, r.status])).toEqual([[soon, 'succeeded']]);
    expect((await sql`select priority from tasks where id = ${late!}`)[0]!.priority).toBe('urgent');
  });
});
