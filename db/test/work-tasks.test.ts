import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { actAs, actAsSuperuser, errorOf, inRollback, sql } from './support/database.ts';
import { createOrg, sessionOf, type OrgFixture } from './support/fixtures.ts';
import { createColumn, createProject, createTask } from './support/work.ts';

// Tasks: keys, board moves, WIP limits, optimistic concurrency, trash, bulk changes, checklists.

const parallel = postgres(inject('superuserUrl'), { max: 12, onnotice: () => {} });
const committedOrgs: string[] = [];
afterAll(async () => {
  if (committedOrgs.length > 0) await sql`delete from orgs where id = any(${committedOrgs}::uuid[])`;
  await parallel.end();
});

/** An org whose rows are committed, for tests that need several connections at once. */
async function committedOrg(name: string): Promise<OrgFixture> {
  let org: OrgFixture | undefined;
  await sql.begin(async (tx) => {
    org = await createOrg(tx, name);
  });
  committedOrgs.push(org!.orgId);
  return org!;
}

describe('task keys', () => {
  it('numbers tasks per project from 1 and keeps the key when the task changes', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const project = await createProject(tx, a, { key: 'ENG' });
      const other = await createProject(tx, a, { key: 'OPS' });
      const keys = [];
      for (const projectId of [project, project, other, project]) keys.push((await createTask(tx, a, projectId)).key);
      expect(keys).toEqual(['ENG-1', 'ENG-2', 'OPS-1', 'ENG-3']);
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'member'));
      const [renamed] = await tx`update tasks set title = 'Renamed' where key = 'ENG-2' and org_id = ${a.orgId} returning key, number`;
      expect(renamed).toEqual({ key: 'ENG-2', number: 2 });
    });
  });

  it('keeps number, key and completion consistent whatever an update writes, and records activity only for what it tracks', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const project = await createProject(tx, a, { key: 'ENG' });
      const task = (await createTask(tx, a, project)).id as string;
      const state = async () => (await tx`select number, key, status, completed_at is not null as completed from tasks where id = ${task}`)[0];
      const verbs = async () => (await tx`select verb from activity_feed where entity_id = ${task} order by verb`).map((r) => r.verb as string);
      await actAsSuperuser(tx, sessionOf(a, 'owner')); // the owner role may write every column

      // One column per statement: each must make the trigger that guards it run.
      await tx`update tasks set number = 99 where id = ${task}`;
      await tx`update tasks set key = 'OPS-99' where id = ${task}`;
      await tx`update tasks set completed_at = now() where id = ${task}`;
      expect(await state()).toEqual({ number: 1, key: 'ENG-1', status: 'todo', completed: false });
      await tx`update tasks set status = 'done' where id = ${task}`;
      await tx`update tasks set title = 'Renamed while done' where id = ${task}`;
      expect(await state()).toEqual({ number: 1, key: 'ENG-1', status: 'done', completed: true });
      await tx`update tasks set status = 'todo' where id = ${task}`;
      expect(await state()).toMatchObject({ status: 'todo', completed: false });
      await tx`update tasks set due_date = '2026-12-24' where id = ${task}`;
      await tx`update tasks set title = 'Renamed again', estimate = 3 where id = ${task}`;
      await tx`update tasks set deleted_at = now() where id = ${task}`;
      expect(await verbs()).toEqual(['task.created', 'task.dates_changed', 'task.status_changed', 'task.status_changed', 'task.trashed']);
    });
  });

  it('gives concurrent inserts distinct, gap-free numbers; a rolled back insert gives its number back', async () => {
    const a = await committedOrg('Keys');
    const insert = (title: string, rollBack = false) =>
      parallel
        .begin(async (tx) => {
          await actAs(tx, 'workgrid_engine', sessionOf(a, 'member'));
          await tx`insert into tasks (org_id, project_id, title, created_by) values (${a.orgId}, ${a.projectId}, ${title}, ${a.users.member})`;
          if (rollBack) throw new Error('rolled back on purpose');
        })
        .catch((error: unknown) => {
          if (!rollBack) throw error;
        });
    await Promise.all([...Array.from({ length: 10 }, (_, i) => insert(`Task ${i}`)), insert('Abandoned', true), insert('Abandoned too', true)]);
    const numbers = (await sql`select number from tasks where project_id = ${a.projectId} order by number`).map((r) => r.number as number);
    // The fixture's project holds 4 tasks already.
    expect(numbers).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
  });
});

describe('moving tasks on a board', () => {
  it('places a task after another and at the top, and takes the column status', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const todo = await createColumn(tx, a, a.projectId, { maps_to_status: 'todo' });
      const doing = await createColumn(tx, a, a.projectId, { maps_to_status: 'in_progress' });
      const ids: string[] = [];
      for (const title of ['one', 'two', 'three']) ids.push((await createTask(tx, a, a.projectId, { title, column_id: todo })).id as string);
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'member'));
      const [moved] = await tx`select * from move_task(${ids[2]!}, ${doing})`;
      expect(moved!.status).toBe('in_progress');
      await tx`select * from move_task(${ids[0]!}, ${doing}, ${ids[2]!})`;
      await tx`select * from move_task(${ids[1]!}, ${doing})`;
      const order = await tx`select title from tasks where column_id = ${doing} order by position`;
      expect(order.map((r) => r.title)).toEqual(['two', 'three', 'one']);
    });
  });

  it('keeps a total order when many tasks are moved after the same task at once', async () => {
    const a = await committedOrg('Moves');
    let column = '';
    const ids: string[] = [];
    await sql.begin(async (tx) => {
      column = await createColumn(tx, a, a.projectId);
      for (let i = 0; i < 12; i += 1) ids.push((await createTask(tx, a, a.projectId, { title: `card ${i}`, column_id: column })).id as string);
    });
    const anchor = ids[0]!;
    // Everyone moves their card right after the anchor at the same time; the last to commit lands first after it.
    await Promise.all(
      ids.slice(1).map((id) =>
        parallel.begin(async (tx) => {
          await actAs(tx, 'workgrid_engine', sessionOf(a, 'member'));
          await tx`select id from move_task(${id}, ${column}, ${anchor})`;
        }),
      ),
    );
    const rows = await sql`select id, position from tasks where column_id = ${column} order by position`;
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((r) => String(r.position))).size).toBe(12);
    expect(rows[0]!.id).toBe(anchor);
  });

  it('refuses a move past the WIP limit, and a move of a task changed since it was read', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const narrow = await createColumn(tx, a, a.projectId, { wip_limit: '1' });
      await createTask(tx, a, a.projectId, { column_id: narrow });
      const task = await createTask(tx, a, a.projectId);
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'member'));
      expect((await errorOf(tx, (sp) => sp`select * from move_task(${task.id as string}, ${narrow})`)).message).toBe('board_column_wip_limit');
      const wide = await createColumn(tx, a, a.projectId);
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'member'));
      const stale = await errorOf(tx, (sp) => sp`select * from move_task(${task.id as string}, ${wide}, null, ${(task.version as number) + 5})`);
      expect(stale.message).toBe('task_version_conflict');
      const [moved] = await tx`select version from move_task(${task.id as string}, ${wide}, null, ${task.version as number})`;
      expect(moved!.version).toBe((task.version as number) + 1);
    });
  });
});

describe('task rules', () => {
  it('detects lost updates through version', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const task = await createTask(tx, a, a.projectId);
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'member'));
      const seen = task.version as number;
      expect((await tx`update tasks set title = 'First' where id = ${task.id as string} and version = ${seen}`).count).toBe(1);
      expect((await tx`update tasks set title = 'Second' where id = ${task.id as string} and version = ${seen}`).count).toBe(0);
    });
  });

  it('moves a task to the trash, restores it, and purges only what stayed in the trash too long', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const kept = await createTask(tx, a, a.projectId);
      const old = await createTask(tx, a, a.projectId);
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'member'));
      const [trashed] = await tx`update tasks set deleted_at = now() where id = ${kept.id as string} returning deleted_by`;
      expect(trashed!.deleted_by).toBe(a.users.member);
      const [restored] = await tx`update tasks set deleted_at = null where id = ${kept.id as string} returning deleted_at, deleted_by`;
      expect(restored).toEqual({ deleted_at: null, deleted_by: null });
      await tx`update tasks set deleted_at = now() where id = ${old.id as string}`;
      await actAsSuperuser(tx);
      await tx`alter table tasks disable trigger _200_soft_delete`;
      await tx`update tasks set deleted_at = now() - interval '40 days' where id = ${old.id as string}`;
      await tx`alter table tasks enable trigger _200_soft_delete`;
      const [purge] = await tx`select app.purge_trashed_tasks(interval '30 days') as n`;
      expect(purge!.n).toBeGreaterThanOrEqual(1);
      expect((await tx`select id from tasks where id in (${kept.id as string}, ${old.id as string})`).map((r) => r.id)).toEqual([kept.id]);
    });
  });

  it('lets only owners and admins change tasks in bulk', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'manager'));
      const refused = await errorOf(tx, (sp) => sp`select * from bulk_update_tasks(${a.taskIds}::uuid[], 'done')`);
      expect(refused.message).toBe('bulk_update_forbidden');
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'admin'));
      const changed = await tx`select status from bulk_update_tasks(${a.taskIds}::uuid[], 'in_review', ${a.users.agent})`;
      expect(changed.map((r) => r.status)).toEqual(['in_review', 'in_review', 'in_review']);
      const assignees = await tx`select distinct user_id from task_assignees where task_id = any(${a.taskIds}::uuid[])`;
      expect(assignees.map((r) => r.user_id)).toEqual([a.users.agent]);
    });
  });

  it('stamps who ticked a checklist item and when, whatever the client sends', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'guest'));
      const [item] = await tx`
        insert into task_checklist_items (org_id, project_id, checklist_id, title) values (${a.orgId}, ${a.projectId}, ${a.checklistId}, 'Ship')
        returning id, done_by`;
      expect(item!.done_by).toBeNull();
      const [ticked] = await tx`update task_checklist_items set done = true where id = ${item!.id as string} returning done_by, done_at`;
      expect(ticked!.done_by).toBe(a.users.guest);
      expect(ticked!.done_at).toBeInstanceOf(Date);
    });
  });

  it('allows subtasks to any depth but refuses a parent cycle', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const [t0, t1, t2] = a.taskIds;
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'member'));
      await tx`update tasks set parent_id = ${t0} where id = ${t1}`;
      await tx`update tasks set parent_id = ${t1} where id = ${t2}`;
      expect((await errorOf(tx, (sp) => sp`update tasks set parent_id = ${t2} where id = ${t0}`)).message).toBe('task_parent_cycle');
    });
  });
});
