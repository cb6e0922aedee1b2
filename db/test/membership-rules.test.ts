import { describe, expect, it } from 'vitest';
import { actAs, actAsSuperuser, errorOf, inRollback, SERVICE_ROLES } from './support/database.ts';
import { createOrg, sessionOf } from './support/fixtures.ts';

const count = (rows: readonly unknown[]) => rows.length;

describe.each(SERVICE_ROLES)('membership rules as %s', (role) => {
  it('a removed membership loses access on the very next statement', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, role, sessionOf(a, 'member'));
      expect(count(await tx`select id from teams`)).toBeGreaterThan(0);

      await actAsSuperuser(tx);
      await tx`delete from org_memberships where org_id = ${a.orgId} and user_id = ${a.users.member}`;

      await actAs(tx, role, sessionOf(a, 'member'));
      expect(count(await tx`select id from teams`)).toBe(0);
      expect(count(await tx`select id from settings`)).toBe(0);
      expect(count(await tx`select id from orgs where id = ${a.orgId}`)).toBe(0);
    });
  });

  it('a role change takes effect on the next statement, whatever the token said', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, role, sessionOf(a, 'member'));
      expect((await tx`update settings set value = '{"v": 1}' where org_id = ${a.orgId}`).count).toBe(0);

      await actAsSuperuser(tx);
      await tx`update org_memberships set role = 'admin' where org_id = ${a.orgId} and user_id = ${a.users.member}`;

      await actAs(tx, role, sessionOf(a, 'member'));
      expect((await tx`update settings set value = '{"v": 1}' where org_id = ${a.orgId}`).count).toBeGreaterThan(0);
    });
  });

  it('a user in two orgs sees only the org of the session', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const b = await createOrg(tx, 'Beta');
      await tx`insert into org_memberships (org_id, user_id, role) values (${b.orgId}, ${a.users.member}, 'member')`;

      await actAs(tx, role, { orgId: a.orgId, userId: a.users.member });
      const teamOrgs = await tx`select distinct org_id from teams`;
      expect(teamOrgs.map((r) => r.org_id)).toEqual([a.orgId]);
      // The org switcher still lists both orgs the user belongs to.
      expect(count(await tx`select id from orgs where id in (${a.orgId}, ${b.orgId})`)).toBe(2);
      expect(count(await tx`select id from orgs`)).toBe(2);
    });
  });

  it('a disabled user loses access to every org', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await tx`update users set disabled_at = now() where id = ${a.users.admin}`;
      await actAs(tx, role, sessionOf(a, 'admin'));
      expect(count(await tx`select id from teams`)).toBe(0);
    });
  });

  it('the last owner can neither leave nor be demoted', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, role, sessionOf(a, 'owner'));
      const leave = await errorOf(tx, (sp) => sp`delete from org_memberships where user_id = ${a.users.owner} and org_id = ${a.orgId}`);
      expect(leave.message).toBe('org_last_owner');
      const demote = await errorOf(tx, (sp) => sp`update org_memberships set role = 'admin' where user_id = ${a.users.owner} and org_id = ${a.orgId}`);
      expect(demote.message).toBe('org_last_owner');

      // With a second owner, the first may step down.
      await tx`update org_memberships set role = 'owner' where user_id = ${a.users.admin} and org_id = ${a.orgId}`;
      expect((await tx`update org_memberships set role = 'admin' where user_id = ${a.users.owner} and org_id = ${a.orgId}`).count).toBe(1);
    });
  });

  it('admins manage members but cannot touch or create owners', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, role, sessionOf(a, 'admin'));
      expect((await tx`update org_memberships set role = 'agent' where user_id = ${a.users.member} and org_id = ${a.orgId}`).count).toBe(1);
      expect((await tx`update org_memberships set role = 'member' where user_id = ${a.users.owner} and org_id = ${a.orgId}`).count).toBe(0);
      const promote = await errorOf(tx, (sp) => sp`update org_memberships set role = 'owner' where user_id = ${a.users.agent} and org_id = ${a.orgId}`);
      expect(promote.code).toBe('42501');
      expect((await tx`delete from org_memberships where user_id = ${a.users.owner} and org_id = ${a.orgId}`).count).toBe(0);
    });
  });

  it('members cannot manage members but can leave', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, role, sessionOf(a, 'member'));
      expect((await tx`update org_memberships set role = 'admin' where user_id = ${a.users.member}`).count).toBe(0);
      expect((await tx`delete from org_memberships where user_id = ${a.users.agent}`).count).toBe(0);
      expect((await tx`delete from org_memberships where user_id = ${a.users.member}`).count).toBe(1);
    });
  });

  it('requesters and guests see themselves and staff, not other requesters, and no internal comments', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAsSuperuser(tx, sessionOf(a, 'agent'));
      await tx`insert into comments (org_id, entity_type, entity_id, author_id, body, visibility)
               values (${a.orgId}, 'team', ${a.teamId}, ${a.users.agent}, 'We are on it', 'public')`;
      for (const restricted of ['requester', 'guest'] as const) {
        await actAs(tx, role, sessionOf(a, restricted));
        const visible = (await tx`select id from users`).map((r) => r.id);
        expect(visible).toContain(a.users[restricted]);
        expect(visible).toContain(a.users.agent);
        expect(visible).not.toContain(a.users[restricted === 'guest' ? 'requester' : 'guest']);
        const comments = await tx`select visibility from comments`;
        expect(comments.map((c) => c.visibility)).toEqual(['public']);
        expect(count(await tx`select id from teams`)).toBe(0);
        await actAsSuperuser(tx);
      }
    });
  });

  it('members see the users of their org but not of other orgs', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const b = await createOrg(tx, 'Beta');
      await actAs(tx, role, sessionOf(a, 'member'));
      const visible = (await tx`select id from users`).map((r) => r.id);
      expect(visible).toEqual(expect.arrayContaining(Object.values(a.users)));
      expect(visible).not.toContain(b.users.owner);
      expect(visible).not.toContain(a.outsiders[0]);
      expect((await tx`update users set display_name = 'Someone else' where id = ${a.users.admin}`).count).toBe(0);
      expect((await tx`update users set display_name = 'Me, renamed' where id = ${a.users.member}`).count).toBe(1);
    });
  });
});

describe('creating an org', () => {
  it('makes its creator the owner, and only the actions role may create one', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const creator = a.outsiders[0];
      await actAs(tx, 'workgrid_engine', { userId: creator });
      const denied = await errorOf(tx, (sp) => sp`insert into orgs (name, slug, created_by) values ('New', 'new-org-x1', ${creator})`);
      expect(denied.code).toBe('42501');

      await actAs(tx, 'workgrid_app', { userId: creator });
      const spoofed = await errorOf(tx, (sp) => sp`insert into orgs (name, slug, created_by) values ('New', 'new-org-x1', ${a.users.owner})`);
      expect(spoofed.code).toBe('42501');
      await tx`insert into orgs (name, slug, created_by) values ('New', 'new-org-x1', ${creator})`;

      await actAsSuperuser(tx);
      const [membership] = await tx`
        select m.role from org_memberships m join orgs o on o.id = m.org_id where o.slug = 'new-org-x1'`;
      expect(membership?.role).toBe('owner');
    });
  });
});

describe('anonymous sessions', () => {
  it.each(SERVICE_ROLES)('identify nobody as %s, whatever user and org ids they carry', async (role) => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, role, { ...sessionOf(a, 'owner'), role: 'anonymous' });
      const [ids] = await tx`select app.user_id() as user_id, app.org_id() as org_id, app.org_role() as org_role`;
      expect(ids).toEqual({ user_id: null, org_id: null, org_role: null });
      expect((await tx`select id from teams`).length).toBe(0);
      expect((await tx`select id from users`).length).toBe(0);
      expect((await tx`update settings set value = '{}'`).count).toBe(0);
    });
  });
});
