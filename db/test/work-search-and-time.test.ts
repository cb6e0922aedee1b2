import { describe, expect, it } from 'vitest';
import { actAs, errorOf, inRollback, SERVICE_ROLES } from './support/database.ts';
import { createOrg, insertRow, sessionOf } from './support/fixtures.ts';
import { createProject, createTask } from './support/work.ts';

// Search, my work, calendar, timeline and timers, each answering only with rows the caller may see.

describe.each(SERVICE_ROLES)('search as %s', (role) => {
  it('ranks key, title, description and comment matches and never returns hidden or foreign tasks', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const b = await createOrg(tx, 'Beta');
      const secret = await createProject(tx, a, { visibility: 'private', creator: 'manager' });
      const byTitle = await createTask(tx, a, a.projectId, { title: 'Invoice export crashes' });
      const byDescription = await createTask(tx, a, a.projectId, { title: 'Billing follow-up', description: 'The invoice PDF is blank' });
      const byComment = await createTask(tx, a, a.projectId, { title: 'Customer call' });
      await insertRow(tx, 'comments', { org_id: a.orgId, entity_type: 'task', entity_id: byComment.id as string, author_id: a.users.owner, body: 'They asked about the invoice' });
      const hidden = await createTask(tx, a, secret, { title: 'Invoice fraud investigation' }, 'manager');
      const foreign = await createTask(tx, b, b.projectId, { title: 'Invoice export for Beta' });

      await actAs(tx, role, sessionOf(a, 'member'));
      const hits = (await tx`select id from search_work('invoice')`).map((r) => r.id);
      expect(hits.slice(0, 2)).toContain(byTitle.id);
      expect(hits).toEqual(expect.arrayContaining([byTitle.id, byDescription.id, byComment.id]));
      expect(hits).not.toContain(hidden.id);
      expect(hits).not.toContain(foreign.id);
      expect((await tx`select id from search_work(${byTitle.key as string})`)[0]!.id).toBe(byTitle.id);
      expect((await tx`select id from search_work('invoce exprt')`).map((r) => r.id)).toContain(byTitle.id);

      await actAs(tx, role, sessionOf(a, 'manager'));
      expect((await tx`select id from search_work('invoice')`).map((r) => r.id)).toContain(hidden.id);
      await actAs(tx, role, sessionOf(a, 'guest'));
      expect((await tx`select id from search_projects('Project')`).map((r) => r.id)).toEqual([]);
      await actAs(tx, role, sessionOf(a, 'member'));
      expect((await tx`select id from search_projects('Launch')`).map((r) => r.id)).toEqual([a.projectId]);
    });
  });
});

describe('my work, calendar and timeline', () => {
  it('lists my open tasks overdue first, and the tasks of a calendar range', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const later = await createTask(tx, a, a.projectId, { title: 'Later', due_date: '2999-01-01' });
      const overdue = await createTask(tx, a, a.projectId, { title: 'Overdue', due_date: '2020-01-01' });
      const done = await createTask(tx, a, a.projectId, { title: 'Done', status: 'done' });
      for (const task of [later, overdue, done]) {
        await insertRow(tx, 'task_assignees', { org_id: a.orgId, project_id: a.projectId, task_id: task.id as string, user_id: a.users.agent });
      }
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'agent'));
      expect((await tx`select title from my_work()`).map((r) => r.title)).toEqual(['Overdue', 'Later']);
      expect((await tx`select title from tasks_in_range('2019-12-01', '2020-02-01')`).map((r) => r.title)).toEqual(['Overdue']);
    });
  });

  it('merges activity and comments of a task, oldest first', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const task = a.taskIds[0];
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'member'));
      await tx`update tasks set status = 'in_progress' where id = ${task}`;
      await tx`insert into comments (org_id, entity_type, entity_id, author_id, body) values (${a.orgId}, 'task', ${task}, ${a.users.member}, 'On it')`;
      await tx`update tasks set due_date = '2026-05-01' where id = ${task}`;
      const timeline = await tx`select verb, summary, created_at from task_timeline(${task})`;
      expect(timeline.map((r) => r.verb)).toEqual(expect.arrayContaining(['task.created', 'task.assigned', 'task.status_changed', 'comment.created', 'task.dates_changed']));
      expect(timeline.find((r) => r.verb === 'comment.created')!.summary).toBe('On it');
      const times = timeline.map((r) => (r.created_at as Date).getTime());
      expect(times).toEqual([...times].sort((x, y) => x - y));
    });
  });
});

describe('time entries', () => {
  it('keeps one running timer per member: starting another stops the first; a second running row is refused', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'member'));
      const [first] = await tx`select id from start_timer(${a.taskIds[0]})`;
      const [second] = await tx`select id, ended_at from start_timer(${a.taskIds[1]}, true)`;
      expect(second!.ended_at).toBeNull();
      const [stopped] = await tx`select ended_at, duration_seconds from time_entries where id = ${first!.id as string}`;
      expect(stopped!.ended_at).toBeInstanceOf(Date);
      const duplicate = await errorOf(tx, (sp) => sp`
        insert into time_entries (org_id, project_id, task_id, user_id) values (${a.orgId}, ${a.projectId}, ${a.taskIds[2]}, ${a.users.member})`);
      expect(duplicate.code).toBe('23505');
      expect(duplicate.constraint_name).toBe('time_entries_one_running_idx');
      const [ended] = await tx`select id from stop_timer()`;
      expect(ended!.id).toBe(second!.id);
      expect(await tx`select id from stop_timer()`).toHaveLength(0);
    });
  });

  it('logs manual entries only for oneself, and sums them per project for a date range', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'member'));
      await tx`insert into time_entries (org_id, project_id, task_id, user_id, started_at, ended_at, billable)
               values (${a.orgId}, ${a.projectId}, ${a.taskIds[1]}, ${a.users.member}, '2026-01-06T09:00:00Z', '2026-01-06T09:45:00Z', true)`;
      const forSomeoneElse = await errorOf(tx, (sp) => sp`
        insert into time_entries (org_id, project_id, task_id, user_id, started_at, ended_at)
        values (${a.orgId}, ${a.projectId}, ${a.taskIds[1]}, ${a.users.agent}, '2026-01-06T09:00:00Z', '2026-01-06T10:00:00Z')`);
      expect(forSomeoneElse.code).toBe('42501');
      const [report] = await tx`
        select sum(duration_seconds)::int as total, sum(duration_seconds) filter (where billable)::int as billable
          from time_entries where project_id = ${a.projectId} and started_at >= '2026-01-01' and started_at < '2026-02-01'`;
      // 1h30 from the fixture (owner) and 45 min billable (member).
      expect(report).toEqual({ total: 135 * 60, billable: 45 * 60 });
    });
  });
});
