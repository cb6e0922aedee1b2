import { describe, expect, it } from 'vitest';
import { actAs, actAsSuperuser, errorOf, inRollback, type Tx } from './support/database.ts';
import { createOrg, sessionOf, type OrgFixture } from './support/fixtures.ts';
import { addProjectMember, createProject, createTask } from './support/work.ts';

// Custom fields of a project's tasks: defined per project by those who configure it, checked in SQL
// on every write of tasks.custom_fields; and tasks.version counting edits by people only.

async function defineFields(tx: Tx, org: OrgFixture, projectId: string): Promise<void> {
  await actAs(tx, 'workgrid_engine', sessionOf(org, 'manager'));
  await tx`
    insert into project_custom_fields (org_id, project_id, key, label, type, options, required) values
      (${org.orgId}, ${projectId}, 'customer', 'Customer', 'text', null, true),
      (${org.orgId}, ${projectId}, 'points', 'Story points', 'number', null, false),
      (${org.orgId}, ${projectId}, 'launch', 'Launch date', 'date', null, false),
      (${org.orgId}, ${projectId}, 'tier', 'Tier', 'select', ${['gold', 'silver']}, false)`;
}

describe('task custom fields', () => {
  it('accepts fields of their types and refuses unknown, missing required and mistyped ones with task_custom_fields_invalid', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const projectId = await createProject(tx, a);
      await defineFields(tx, a, projectId);
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'member'));
      const write = (fields: object) => (sp: Tx) =>
        sp`insert into tasks (org_id, project_id, title, custom_fields, created_by)
           values (${a.orgId}, ${projectId}, 'Onboard', ${sp.json(fields as never)}, ${a.users.member})`;

      await write({ customer: 'Acme', points: 3, launch: '2026-03-01', tier: 'gold' })(tx);
      const refusals: [object, string][] = [
        [{ points: 3 }, 'The custom field "customer" is required.'],
        [{ customer: null }, 'The custom field "customer" is required.'],
        [{ customer: 'Acme', colour: 'red' }, 'The project has no custom field "colour".'],
        [{ customer: 'Acme', points: '3' }, 'The custom field "points" must be a number.'],
        [{ customer: 'Acme', launch: '2026-02-30' }, 'The custom field "launch" must be a date (YYYY-MM-DD).'],
        [{ customer: 'Acme', launch: 'tomorrow' }, 'The custom field "launch" must be a date (YYYY-MM-DD).'],
        [{ customer: 'Acme', tier: 'bronze' }, 'The custom field "tier" must be one of gold, silver.'],
      ];
      for (const [fields, hint] of refusals) {
        const error = await errorOf(tx, write(fields));
        expect([error.message, error.hint]).toEqual(['task_custom_fields_invalid', hint]);
      }
      // An update is checked too; a project without definitions takes no custom fields.
      const [task] = await tx`select id from tasks where project_id = ${projectId}`;
      const update = await errorOf(tx, (sp) => sp`update tasks set custom_fields = '{"customer": 42}' where id = ${task!.id as string}`);
      expect(update.message).toBe('task_custom_fields_invalid');
      const bare = await errorOf(tx, (sp) => sp`update tasks set custom_fields = '{"customer": "Acme"}' where id = ${a.taskIds[0]!}`);
      expect(bare.hint).toBe('The project has no custom field "customer".');
    });
  });

  it('lets project admins and managers define fields, members and other orgs only read or not see them', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const b = await createOrg(tx, 'Beta');
      const projectId = await createProject(tx, a, { visibility: 'private' });
      await defineFields(tx, a, projectId);
      await addProjectMember(tx, a, projectId, 'member', 'editor');
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'member'));
      expect(await tx`select key from project_custom_fields where project_id = ${projectId} order by key`).toHaveLength(4);
      const refused = await errorOf(tx, (sp) => sp`
        insert into project_custom_fields (org_id, project_id, key, label, type) values (${a.orgId}, ${projectId}, 'extra', 'Extra', 'text')`);
      expect(refused.code).toBe('42501');
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'agent'));
      expect(await tx`select key from project_custom_fields where project_id = ${projectId}`).toHaveLength(0);
      await actAs(tx, 'workgrid_engine', sessionOf(b, 'owner'));
      expect(await tx`select key from project_custom_fields where project_id = ${projectId}`).toHaveLength(0);
    });
  });

  it('refuses a select without options and options on other types', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'owner'));
      for (const [type, options] of [['select', null], ['text', ['a']]] as const) {
        const error = await errorOf(tx, (sp) => sp`
          insert into project_custom_fields (org_id, project_id, key, label, type, options)
          values (${a.orgId}, ${a.projectId}, 'kind', 'Kind', ${type}, ${options as string[] | null})`);
        expect(error.code).toBe('23514');
      }
    });
  });
});

describe('task version', () => {
  it('is bumped by edits, not by the blocked flag the database maintains', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const blocker = (await createTask(tx, a, a.projectId)).id as string;
      const blocked = (await createTask(tx, a, a.projectId)).id as string;
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'member'));
      const state = async () => (await tx`select is_blocked, version from tasks where id = ${blocked}`)[0];
      const before = (await state())!.version as number;
      await tx`insert into task_dependencies (org_id, project_id, blocker_id, blocked_id, created_by)
               values (${a.orgId}, ${a.projectId}, ${blocker}, ${blocked}, ${a.users.member})`;
      expect(await state()).toEqual({ is_blocked: true, version: before });
      await tx`update tasks set status = 'done' where id = ${blocker}`;
      expect(await state()).toEqual({ is_blocked: false, version: before });
      // A client's optimistic update with the version it read still goes through, and bumps it.
      const [updated] = await tx`update tasks set title = 'Ship it' where id = ${blocked} and version = ${before} returning version`;
      expect(updated).toEqual({ version: before + 1 });
      // Writing the values a task already holds is no edit; changing another column is one.
      const [rewritten] = await tx`update tasks set title = title, custom_fields = custom_fields where id = ${blocked} returning version`;
      expect(rewritten).toEqual({ version: before + 1 });
      const [edited] = await tx`update tasks set estimate = 3 where id = ${blocked} returning version`;
      expect(edited).toEqual({ version: before + 2 });
      await actAsSuperuser(tx);
    });
  });
});
