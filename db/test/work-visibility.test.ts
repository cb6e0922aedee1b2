import { describe, expect, it } from 'vitest';
import { actAs, actAsSuperuser, errorOf, inRollback, SERVICE_ROLES, type Tx } from './support/database.ts';
import { createOrg, insertRow, sessionOf, type OrgFixture, type OrgRole } from './support/fixtures.ts';
import { addProjectMember, createProject, createTask, projectKey } from './support/work.ts';

// Who sees which project, and everything under it: owners and admins all projects; staff the
// workspace- and org-visible ones; any member (guests too) the projects they are a member of.

async function visibleIds(tx: Tx, role: 'workgrid_app' | 'workgrid_engine', org: OrgFixture, as: OrgRole, table: string): Promise<string[]> {
  await actAs(tx, role, sessionOf(org, as));
  return (await tx`select id from ${tx(table)}`).map((r) => r.id as string);
}

interface Scene {
  a: OrgFixture;
  shared: string;
  secret: string;
  sharedTask: string;
  secretTask: string;
}

/** Org a: the fixture project (guest is an editor member), a shared project and a private one (the agent is its only extra member). */
async function scene(tx: Tx): Promise<Scene> {
  const a = await createOrg(tx, 'Alpha');
  const shared = await createProject(tx, a, { visibility: 'org' });
  const secret = await createProject(tx, a, { visibility: 'private', creator: 'manager' });
  await addProjectMember(tx, a, secret, 'agent', 'viewer');
  const sharedTask = (await createTask(tx, a, shared)).id as string;
  const secretTask = (await createTask(tx, a, secret, {}, 'manager')).id as string;
  return { a, shared, secret, sharedTask, secretTask };
}

describe.each(SERVICE_ROLES)('project visibility as %s', (role) => {
  it('shows owners and admins every project, staff the shared ones and their private ones, guests only their own', async () => {
    await inRollback(async (tx) => {
      const { a, shared, secret } = await scene(tx);
      for (const who of ['owner', 'admin'] as const) {
        expect(await visibleIds(tx, role, a, who, 'projects')).toEqual(expect.arrayContaining([a.projectId, shared, secret]));
      }
      const member = await visibleIds(tx, role, a, 'member', 'projects');
      expect(member).toEqual(expect.arrayContaining([a.projectId, shared]));
      expect(member).not.toContain(secret);
      expect(await visibleIds(tx, role, a, 'agent', 'projects')).toContain(secret);
      expect(await visibleIds(tx, role, a, 'manager', 'projects')).toContain(secret);
      expect((await visibleIds(tx, role, a, 'guest', 'projects')).sort()).toEqual([a.projectId]);
      expect(await visibleIds(tx, role, a, 'requester', 'projects')).toEqual([]);
    });
  });

  it('hides the tasks, boards, dependencies and checklists of a hidden project', async () => {
    await inRollback(async (tx) => {
      const { a, sharedTask, secretTask } = await scene(tx);
      const memberTasks = await visibleIds(tx, role, a, 'member', 'tasks');
      expect(memberTasks).toContain(sharedTask);
      expect(memberTasks).not.toContain(secretTask);
      const guestTasks = await visibleIds(tx, role, a, 'guest', 'tasks');
      expect(guestTasks).toEqual(expect.arrayContaining(a.taskIds));
      expect(guestTasks).not.toContain(sharedTask);
      expect(guestTasks).not.toContain(secretTask);
      for (const table of ['boards', 'board_columns', 'task_dependencies', 'task_checklists', 'task_checklist_items', 'task_assignees']) {
        expect((await visibleIds(tx, role, a, 'requester', table)).length, table).toBe(0);
        expect((await visibleIds(tx, role, a, 'guest', table)).length, table).toBeGreaterThan(0);
      }
    });
  });

  it('hides comments, tags and activity of a task in a private project from non-members', async () => {
    await inRollback(async (tx) => {
      const { a, secretTask } = await scene(tx);
      await actAsSuperuser(tx, sessionOf(a, 'manager'));
      const onTask = { org_id: a.orgId, entity_type: 'task', entity_id: secretTask };
      const comment = await insertRow(tx, 'comments', { ...onTask, author_id: a.users.manager, body: 'Acquisition target: Initech' });
      const tag = await insertRow(tx, 'entity_tags', { ...onTask, tag_id: a.tagId, created_by: a.users.manager });

      for (const [who, sees] of [['member', false], ['guest', false], ['agent', true], ['admin', true]] as const) {
        expect((await visibleIds(tx, role, a, who, 'comments')).includes(comment.id as string), `${who} comments`).toBe(sees);
        if (who !== 'guest') {
          expect((await visibleIds(tx, role, a, who, 'entity_tags')).includes(tag.id as string), `${who} tags`).toBe(sees);
          await actAs(tx, role, sessionOf(a, who));
          const activity = await tx`select id from activity_feed where entity_type = 'task' and entity_id = ${secretTask}`;
          expect(activity.length > 0, `${who} activity`).toBe(sees);
        }
      }
      await actAs(tx, role, sessionOf(a, 'member'));
      const refused = await errorOf(tx, (sp) => sp`
        insert into comments (org_id, entity_type, entity_id, author_id, body)
        values (${a.orgId}, 'task', ${secretTask}, ${a.users.member}, 'Hello?')`);
      expect(refused.code).toBe('42501');
    });
  });

  it('lets project editors (guests too) work on tasks, but not viewers or outsiders of a private project', async () => {
    await inRollback(async (tx) => {
      const { a, secret, secretTask } = await scene(tx);
      await actAs(tx, role, sessionOf(a, 'guest'));
      const created = await tx`
        insert into tasks (org_id, project_id, title, created_by) values (${a.orgId}, ${a.projectId}, 'Guest idea', ${a.users.guest}) returning key`;
      expect(created[0]!.key).toMatch(/^[A-Z][A-Z0-9]+-\d+$/);

      await actAs(tx, role, sessionOf(a, 'agent'));
      expect((await tx`update tasks set title = 'Renamed' where id = ${secretTask}`).count).toBe(0);
      await actAs(tx, role, sessionOf(a, 'member'));
      const insert = await errorOf(tx, (sp) => sp`
        insert into tasks (org_id, project_id, title, created_by) values (${a.orgId}, ${secret}, 'Sneaky', ${a.users.member})`);
      expect(insert.code).toBe('42501');
      await actAs(tx, role, sessionOf(a, 'manager'));
      expect((await tx`update tasks set title = 'Renamed' where id = ${secretTask}`).count).toBe(1);
    });
  });

  it('follows project membership from one statement to the next, in a statement reading several projects', async () => {
    await inRollback(async (tx) => {
      const { a, secret, sharedTask, secretTask } = await scene(tx);
      const rename = async () => {
        await actAs(tx, role, sessionOf(a, 'member'));
        return (await tx`update tasks set title = 'Renamed' where id = ${secretTask}`).count;
      };
      await addProjectMember(tx, a, secret, 'member', 'viewer');
      expect(await visibleIds(tx, role, a, 'member', 'tasks')).toEqual(expect.arrayContaining([...a.taskIds, sharedTask, secretTask]));
      expect(await rename()).toBe(0);

      await actAsSuperuser(tx);
      await tx`update project_members set role = 'editor' where project_id = ${secret} and user_id = ${a.users.member}`;
      expect(await rename()).toBe(1);

      await actAsSuperuser(tx);
      await tx`delete from project_members where project_id = ${secret} and user_id = ${a.users.member}`;
      const after = await visibleIds(tx, role, a, 'member', 'tasks');
      expect(after).toContain(sharedTask);
      expect(after).not.toContain(secretTask);
    });
  });

  it('lets a project admin without an org management role manage that project only', async () => {
    await inRollback(async (tx) => {
      const { a, shared, secret } = await scene(tx);
      await addProjectMember(tx, a, secret, 'member', 'admin');
      await addProjectMember(tx, a, shared, 'member', 'editor');
      await actAs(tx, role, sessionOf(a, 'member'));
      expect((await tx`update projects set description = 'Ours' where id in ${tx([secret, shared])}`).count).toBe(1);
      const addBoard = (sp: Tx, projectId: string) => sp`
        insert into boards (org_id, project_id, name, created_by) values (${a.orgId}, ${projectId}, 'Plan', ${a.users.member})`;
      await addBoard(tx, secret);
      expect((await errorOf(tx, (sp) => addBoard(sp, shared))).code).toBe('42501');
    });
  });

  it('shows guests the workspaces of their projects only', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAsSuperuser(tx);
      const other = await insertRow(tx, 'workspaces', { org_id: a.orgId, name: 'Elsewhere', created_by: a.users.owner });
      await insertRow(tx, 'projects', {
        org_id: a.orgId, workspace_id: other.id as string, key: projectKey(), name: 'Elsewhere', created_by: a.users.owner,
      });
      expect(await visibleIds(tx, role, a, 'guest', 'workspaces')).toEqual([a.workspaceId]);
      expect((await visibleIds(tx, role, a, 'member', 'workspaces')).sort()).toEqual([a.workspaceId, other.id].sort());
    });
  });

  it('never shows another org its projects or tasks, even to its owner', async () => {
    await inRollback(async (tx) => {
      const { a, secretTask } = await scene(tx);
      const b = await createOrg(tx, 'Beta');
      expect(await visibleIds(tx, role, b, 'owner', 'projects')).not.toContain(a.projectId);
      expect(await visibleIds(tx, role, b, 'owner', 'tasks')).not.toContain(secretTask);
      await actAs(tx, role, sessionOf(b, 'owner'));
      const crossProject = await errorOf(tx, (sp) => sp`
        insert into tasks (org_id, project_id, title, created_by) values (${b.orgId}, ${a.projectId}, 'Cross', ${b.users.owner})`);
      // The composite key (org_id, project_id) keeps a task in its project's org.
      expect(crossProject.code).toBe('23503');
    });
  });
});
