import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { actAs, actAsSuperuser, errorOf, inRollback, sql, type Tx } from './support/database.ts';
import { createOrg, sessionOf, type OrgFixture } from './support/fixtures.ts';
import { createTask } from './support/work.ts';

// The dependency graph stays acyclic; a task is blocked while a blocker is open, and its unblocking
// is announced once.

const parallel = postgres(inject('superuserUrl'), { max: 4, onnotice: () => {} });
const committedOrgs: string[] = [];
afterAll(async () => {
  if (committedOrgs.length > 0) await sql`delete from orgs where id = any(${committedOrgs}::uuid[])`;
  await parallel.end();
});

async function depend(tx: Tx, org: OrgFixture, blocker: string, blocked: string, kind = 'finish_to_start'): Promise<void> {
  await tx`
    insert into task_dependencies (org_id, project_id, blocker_id, blocked_id, kind, created_by)
    values (${org.orgId}, ${org.projectId}, ${blocker}, ${blocked}, ${kind}, ${org.users.member})`;
}

const unblockedEvents = (tx: Tx, taskId: string) =>
  tx`select payload from outbox_events where topic = 'task.unblocked' and payload ->> 'task_id' = ${taskId}`;

describe('task dependencies', () => {
  it('refuses a dependency on itself and any edge that closes a cycle, with task_dependency_cycle', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const [t0, t1, t2] = a.taskIds;
      const t3 = (await createTask(tx, a, a.projectId)).id as string;
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'member'));
      // The fixture already has t0 -> t1.
      await depend(tx, a, t1, t3);
      for (const [blocker, blocked] of [[t3, t0], [t1, t0], [t3, t3]] as const) {
        const error = await errorOf(tx, (sp) => depend(sp, a, blocker, blocked));
        expect(error.message, `${blocker} -> ${blocked}`).toBe('task_dependency_cycle');
      }
      await depend(tx, a, t2, t3); // a diamond is not a cycle
    });
  });

  it('refuses one of two concurrent edges that together would close a cycle', async () => {
    let org: OrgFixture | undefined;
    await sql.begin(async (tx) => {
      org = await createOrg(tx, 'Cycles');
    });
    committedOrgs.push(org!.orgId);
    const [t0, , t2] = org!.taskIds;
    const results = await Promise.allSettled(
      [[t2, t0], [t0, t2]].map(([blocker, blocked]) =>
        parallel.begin(async (tx) => {
          await actAs(tx, 'workgrid_engine', sessionOf(org!, 'member'));
          await depend(tx, org!, blocker!, blocked!);
        }),
      ),
    );
    const edges = await sql`select blocker_id, blocked_id from task_dependencies
                             where (blocker_id, blocked_id) in ((${t0}::uuid, ${t2}::uuid), (${t2}::uuid, ${t0}::uuid))`;
    expect(edges).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
  });

  it('blocks a task while a blocker is open and announces the unblocking once', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const [t0, t1] = a.taskIds;
      const second = (await createTask(tx, a, a.projectId)).id as string;
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'member'));
      await depend(tx, a, second, t1);
      const isBlocked = async () => (await tx`select is_blocked from tasks where id = ${t1}`)[0]!.is_blocked as boolean;
      expect(await isBlocked()).toBe(true);

      await tx`update tasks set status = 'done' where id = ${t0}`;
      expect(await isBlocked()).toBe(true);
      await actAsSuperuser(tx);
      expect(await unblockedEvents(tx, t1)).toHaveLength(0);

      await actAs(tx, 'workgrid_engine', sessionOf(a, 'member'));
      await tx`update tasks set status = 'done' where id = ${second}`;
      await tx`update tasks set title = 'Done and renamed' where id = ${second}`;
      await tx`update tasks set status = 'cancelled' where id = ${second}`;
      expect(await isBlocked()).toBe(false);
      await actAsSuperuser(tx);
      expect(await unblockedEvents(tx, t1)).toHaveLength(1);
    });
  });

  it('treats start-to-start as blocking until the blocker starts, and finish-to-finish as not blocking the start', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const [, t1, t2] = a.taskIds;
      const lead = (await createTask(tx, a, a.projectId)).id as string;
      const other = (await createTask(tx, a, a.projectId)).id as string;
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'member'));
      await tx`delete from task_dependencies where blocked_id in (${t1}, ${t2})`;
      await depend(tx, a, lead, t1, 'start_to_start');
      await depend(tx, a, other, t2, 'finish_to_finish');
      const blocked = async (id: string) => (await tx`select is_blocked from tasks where id = ${id}`)[0]!.is_blocked as boolean;
      expect([await blocked(t1), await blocked(t2)]).toEqual([true, false]);
      await tx`update tasks set status = 'in_progress' where id = ${lead}`;
      expect(await blocked(t1)).toBe(false);
    });
  });

  it('returns gantt rows with their edges', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'guest'));
      await tx`update tasks set start_date = '2026-03-01', due_date = '2026-03-05' where id = ${a.taskIds[0]}`;
      const rows = await tx`select id from project_gantt(${a.projectId}, '2026-03-02', '2026-03-31')`;
      expect(rows.map((r) => r.id)).toEqual([a.taskIds[0]]);
      const edges = await tx`select blocked_id from task_dependencies where blocker_id = ${a.taskIds[0]}`;
      expect(edges.map((r) => r.blocked_id)).toEqual([a.taskIds[1]]);
    });
  });
});
