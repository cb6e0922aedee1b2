import { describe, expect, it } from 'vitest';
import { actAs, actAsSuperuser, errorOf, inRollback, sql } from './support/database.ts';
import { createOrg, sessionOf } from './support/fixtures.ts';

// The second line behind the metadata: under the read-only API role `reader` (tokens of API keys
// without the write scope) every write statement fails, on every table, while reads work as for
// the key's user.

const guardedTables = (await sql`
  select c.relname as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relrowsecurity
     and has_table_privilege('workgrid_engine', c.oid, 'DELETE')
   order by 1`).map((row) => String(row.name));

describe('read-only sessions', () => {
  it('read what the key\'s user reads', async () => {
    await inRollback(async (tx) => {
      const org = await createOrg(tx, 'Alpha');
      await actAs(tx, 'workgrid_engine', { ...sessionOf(org, 'manager'), role: 'reader' });
      expect(await tx`select id from teams`).toEqual([{ id: org.teamId }]);
      const [role] = await tx`select app.org_role() as role`;
      expect(role!.role).toBe('manager');
    });
  });

  it('refuse inserts, updates and deletes with read_only_session', async () => {
    await inRollback(async (tx) => {
      const org = await createOrg(tx, 'Alpha');
      await actAs(tx, 'workgrid_engine', { ...sessionOf(org, 'owner'), role: 'reader' });
      const writes = [
        (sp: typeof tx) => sp`insert into tags (org_id, name, created_by) values (${org.orgId}, 'x', ${org.users.owner})`,
        (sp: typeof tx) => sp`update teams set description = 'changed' where id = ${org.teamId}`,
        (sp: typeof tx) => sp`delete from teams where id = ${org.teamId}`,
        (sp: typeof tx) => sp`update orgs set name = 'renamed' where id = ${org.orgId}`,
      ];
      for (const write of writes) {
        const error = await errorOf(tx, write);
        expect(error.message).toBe('read_only_session');
        expect(error.hint).toMatch(/may only read/);
      }
      await actAsSuperuser(tx);
      const [team] = await tx`select description from teams where id = ${org.teamId}`;
      expect(team!.description).not.toBe('changed');
    });
  });

  it.each(guardedTables)('guard %s even when the statement touches no row', async (table) => {
    await inRollback(async (tx) => {
      const org = await createOrg(tx, 'Alpha');
      await actAs(tx, 'workgrid_engine', { ...sessionOf(org, 'owner'), role: 'reader' });
      expect((await errorOf(tx, (sp) => sp`delete from ${sp(table)} where false`)).message).toBe('read_only_session');
    });
  });

  it('let the same user write with the user role', async () => {
    await inRollback(async (tx) => {
      const org = await createOrg(tx, 'Alpha');
      await actAs(tx, 'workgrid_engine', sessionOf(org, 'owner'));
      const updated = await tx`update teams set description = 'changed' where id = ${org.teamId}`;
      expect(updated.count).toBe(1);
    });
  });
});
