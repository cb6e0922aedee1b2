import { describe, expect, it } from 'vitest';
import { actAs, actAsSuperuser, errorOf, inRollback, SERVICE_ROLES, sql, type ServiceRole, type Tx } from './support/database.ts';
import { createOrg, insertRow, sessionOf, TENANT_TABLES, TRIGGER_WRITTEN_TABLES, type OrgFixture } from './support/fixtures.ts';

const tables = [...Object.keys(TENANT_TABLES), ...TRIGGER_WRITTEN_TABLES];

async function privilegesOf(role: ServiceRole, table: string) {
  const [row] = await sql`
    select has_table_privilege(${role}, ${`public.${table}`}, 'select') as can_select,
           has_table_privilege(${role}, ${`public.${table}`}, 'delete') as can_delete,
           (select min(column_name) from information_schema.column_privileges
             where grantee = ${role} and table_schema = 'public' and table_name = ${table}
               and privilege_type = 'UPDATE') as updatable_column`;
  return row as { can_select: boolean; can_delete: boolean; updatable_column: string | null };
}

async function canInsert(role: ServiceRole, table: string, columns: string[]): Promise<boolean> {
  const [row] = await sql`
    select bool_and(has_column_privilege(${role}, ${`public.${table}`}, c, 'insert')) as ok
      from unnest(${columns}::text[]) as c`;
  return Boolean(row?.ok);
}

/** Two orgs; the caller acts as the most powerful member of org a (the owner). */
async function withTwoOrgs(fn: (tx: Tx, a: OrgFixture, b: OrgFixture) => Promise<void>) {
  await inRollback(async (tx) => fn(tx, await createOrg(tx, 'Alpha'), await createOrg(tx, 'Beta')));
}

const countWhere = async (tx: Tx, table: string, orgId: string) =>
  Number((await tx`select count(*) as n from ${tx(table)} where org_id = ${orgId}`)[0]!.n);

describe.each(SERVICE_ROLES)('tenant isolation as %s', (role) => {
  describe.each(tables)('%s', (table) => {
    it('shows the own org\'s rows and none of another org, not even to its owner', async () => {
      const privileges = await privilegesOf(role, table);
      await withTwoOrgs(async (tx, a, b) => {
        await actAs(tx, role, sessionOf(a, 'owner'));
        if (!privileges.can_select) {
          expect((await errorOf(tx, (sp) => sp`select 1 from ${sp(table)}`)).code).toBe('42501');
          return;
        }
        expect(await countWhere(tx, table, b.orgId)).toBe(0);
        expect(await countWhere(tx, table, a.orgId)).toBeGreaterThan(0);
      });
    });

    it('cannot update or delete another org\'s rows', async () => {
      const { can_delete, updatable_column } = await privilegesOf(role, table);
      await withTwoOrgs(async (tx, a, b) => {
        await actAs(tx, role, sessionOf(a, 'owner'));
        if (updatable_column) {
          const updated = await tx`update ${tx(table)} set ${tx(updatable_column)} = ${tx(updatable_column)} where org_id = ${b.orgId}`;
          expect(updated.count).toBe(0);
        } else {
          const error = await errorOf(tx, (sp) => sp`update ${sp(table)} set org_id = org_id where org_id = ${b.orgId}`);
          expect(error.code).toBe('42501');
        }
        if (can_delete) {
          expect((await tx`delete from ${tx(table)} where org_id = ${b.orgId}`).count).toBe(0);
        } else {
          expect((await errorOf(tx, (sp) => sp`delete from ${sp(table)} where org_id = ${b.orgId}`)).code).toBe('42501');
        }
        await actAsSuperuser(tx);
        expect(await countWhere(tx, table, b.orgId)).toBeGreaterThan(0);
      });
    });

    it('sees nothing and changes nothing without a session', async () => {
      const { can_select, can_delete, updatable_column } = await privilegesOf(role, table);
      await withTwoOrgs(async (tx, a) => {
        await actAs(tx, role);
        if (can_select) expect(Number((await tx`select count(*) as n from ${tx(table)}`)[0]!.n)).toBe(0);
        if (updatable_column) {
          expect((await tx`update ${tx(table)} set ${tx(updatable_column)} = ${tx(updatable_column)}`).count).toBe(0);
        }
        if (can_delete) expect((await tx`delete from ${tx(table)} where org_id = ${a.orgId}`).count).toBe(0);
      });
    });
  });

  describe.each(Object.entries(TENANT_TABLES))('%s inserts', (table, fixture) => {
    it('writes into the own org but never into another org or without a session', async () => {
      const columns = Object.keys(fixture.row(placeholderOrg, 1));
      const allowed = await canInsert(role, table, columns) && (fixture.writer === 'owner' || role === 'workgrid_app');
      await withTwoOrgs(async (tx, a, b) => {
        await actAs(tx, role, sessionOf(a, fixture.writer));
        if (!allowed) {
          const error = await errorOf(tx, (sp) => insertRow(sp, table, fixture.row(a, 1)));
          expect(error.code).toBe('42501');
          return;
        }
        await insertRow(tx, table, fixture.row(a, 1));

        const crossOrg = await errorOf(tx, (sp) => insertRow(sp, table, { ...fixture.row(a, 1), org_id: b.orgId }));
        expect(crossOrg.code).toBe('42501');
        expect(crossOrg.message).toMatch(/row-level security/);

        await actAs(tx, role);
        const sessionless = await errorOf(tx, (sp) => insertRow(sp, table, fixture.row(a, 1)));
        expect(sessionless.code).toBe('42501');
      });
    });
  });
});

const placeholderOrg: OrgFixture = {
  orgId: '00000000-0000-0000-0000-000000000000',
  users: { owner: '', admin: '', manager: '', agent: '', member: '', requester: '', guest: '' },
  outsiders: ['', ''],
  joiner: '',
  teamId: '',
  tagId: '',
  commentId: '',
  webhookId: '',
  ticketId: '',
  slaPolicyId: '',
  workspaceId: '',
  projectId: '',
  boardId: '',
  columnId: '',
  taskIds: ['', '', ''],
  checklistId: '',
  automationId: '',
};
