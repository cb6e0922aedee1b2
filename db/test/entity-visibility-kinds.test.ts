import { describe, expect, it } from 'vitest';
import { actAs, actAsSuperuser, inRollback, SERVICE_ROLES, type Tx } from './support/database.ts';
import { createOrg, insertRow, sessionOf, TENANT_TABLES, type OrgFixture, type OrgRole } from './support/fixtures.ts';
import { createProject, createTask } from './support/work.ts';

// Each entity kind's case of app.visible_entity, as the policies of the pointing tables inline it:
// comments, files, tags and links on a thing follow that thing's own RLS, for every kind and role.

/** The id of each row pointing at an entity, by table (comments, files, entity_tags, entity_links). */
type Pointing = Partial<Record<'comments' | 'files' | 'entity_tags' | 'entity_links', string>>;
/** Tickets keep their conversation in ticket_messages: the comments table refuses both kinds. */
const TICKET_KINDS = ['ticket', 'ticket_message'];

/** A public comment, a public file, a tag and a link (from a team) on the entity, written as the owner. */
async function pointAt(tx: Tx, a: OrgFixture, entityType: string, entityId: string): Promise<Pointing> {
  await actAsSuperuser(tx, sessionOf(a, 'owner'));
  const on = { entity_type: entityType, entity_id: entityId };
  const id = async (table: string, row: Parameters<typeof insertRow>[2]) => (await insertRow(tx, table, row)).id as string;
  return {
    ...(TICKET_KINDS.includes(entityType) ? {} : { comments: await id('comments', { ...TENANT_TABLES.comments!.row(a, 1), ...on, visibility: 'public' }) }),
    files: await id('files', { ...TENANT_TABLES.files!.row(a, 1), ...on, visibility: 'public' }),
    entity_tags: await id('entity_tags', { ...TENANT_TABLES.entity_tags!.row(a, 1), ...on }),
    entity_links: await id('entity_links', { ...TENANT_TABLES.entity_links!.row(a, 1), target_type: entityType, target_id: entityId }),
  };
}

/** Which of the pointing rows the caller sees, by table. */
async function seen(tx: Tx, role: (typeof SERVICE_ROLES)[number], a: OrgFixture, who: OrgRole, rows: Pointing): Promise<Record<string, boolean>> {
  await actAs(tx, role, sessionOf(a, who));
  const result: Record<string, boolean> = {};
  for (const [table, id] of Object.entries(rows)) result[table] = (await tx`select from ${tx(table)} where id = ${id}`).length === 1;
  return result;
}

const all = (rows: Pointing, visible: boolean) => Object.fromEntries(Object.keys(rows).map((t) => [t, visible]));
/** Requesters and guests see public comments and files only; tags and links are for staff. */
const publicOnly = (rows: Pointing, visible: boolean) =>
  Object.fromEntries(Object.keys(rows).map((t) => [t, visible && (t === 'comments' || t === 'files')]));

describe.each(SERVICE_ROLES)('what points at an entity follows the entity, as %s', (role) => {
  it('workspace, project, board and task of a private project: its members and owners, not other staff or guests', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const secret = await createProject(tx, a, { visibility: 'private', creator: 'manager' });
      await actAsSuperuser(tx, sessionOf(a, 'owner'));
      const board = await insertRow(tx, 'boards', { org_id: a.orgId, project_id: secret, name: 'Roadmap', created_by: a.users.owner });
      const task = await createTask(tx, a, secret, {}, 'manager');
      const [fixtureBoard] = await tx`insert into boards (org_id, project_id, name, created_by)
                                      values (${a.orgId}, ${a.projectId}, 'Sprint', ${a.users.owner}) returning id`;

      const hidden = [
        await pointAt(tx, a, 'project', secret),
        await pointAt(tx, a, 'board', board.id as string),
        await pointAt(tx, a, 'task', task.id as string),
      ];
      // The guest is a member of the fixture project only.
      const shown = [
        await pointAt(tx, a, 'workspace', a.workspaceId),
        await pointAt(tx, a, 'project', a.projectId),
        await pointAt(tx, a, 'board', fixtureBoard!.id as string),
        await pointAt(tx, a, 'task', a.taskIds[0]!),
      ];
      for (const rows of hidden) {
        expect(await seen(tx, role, a, 'member', rows)).toEqual(all(rows, false));
        expect(await seen(tx, role, a, 'guest', rows)).toEqual(all(rows, false));
        expect(await seen(tx, role, a, 'manager', rows)).toEqual(all(rows, true));
        expect(await seen(tx, role, a, 'admin', rows)).toEqual(all(rows, true));
      }
      for (const rows of shown) {
        expect(await seen(tx, role, a, 'member', rows)).toEqual(all(rows, true));
        expect(await seen(tx, role, a, 'guest', rows)).toEqual(publicOnly(rows, true));
        expect(await seen(tx, role, a, 'requester', rows)).toEqual(publicOnly(rows, false));
      }
    });
  });

  it('ticket and ticket message: the requester sees what is on their ticket and its replies, never on an internal note', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAsSuperuser(tx, sessionOf(a, 'owner'));
      const [ticket] = await tx`insert into tickets (org_id, subject, requester_id, team_id, created_by)
                                values (${a.orgId}, 'Printer on fire', ${a.users.requester}, ${a.teamId}, ${a.users.owner}) returning id`;
      await actAsSuperuser(tx, sessionOf(a, 'agent'));
      const message = async (visibility: string) =>
        (await tx`insert into ticket_messages (org_id, ticket_id, author_id, visibility, body)
                  values (${a.orgId}, ${ticket!.id as string}, ${a.users.agent}, ${visibility}, 'Noted') returning id`)[0]!.id as string;
      const onTicket = await pointAt(tx, a, 'ticket', ticket!.id as string);
      const onReply = await pointAt(tx, a, 'ticket_message', await message('public'));
      const onNote = await pointAt(tx, a, 'ticket_message', await message('internal'));

      expect(await seen(tx, role, a, 'requester', onTicket)).toEqual(publicOnly(onTicket, true));
      expect(await seen(tx, role, a, 'requester', onReply)).toEqual(publicOnly(onReply, true));
      expect(await seen(tx, role, a, 'requester', onNote)).toEqual(publicOnly(onNote, false));
      // Members are staff elsewhere, but neither see another requester's ticket nor internal notes.
      for (const rows of [onTicket, onReply, onNote]) expect(await seen(tx, role, a, 'member', rows)).toEqual(all(rows, false));
      for (const rows of [onTicket, onReply, onNote]) expect(await seen(tx, role, a, 'agent', rows)).toEqual(all(rows, true));
    });
  });
});
