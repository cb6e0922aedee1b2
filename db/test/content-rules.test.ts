import { describe, expect, it } from 'vitest';
import { actAs, actAsSuperuser, errorOf, inRollback, SERVICE_ROLES } from './support/database.ts';
import { createOrg, insertRow, sessionOf, TENANT_TABLES } from './support/fixtures.ts';

describe.each(SERVICE_ROLES)('content rules as %s', (role) => {
  it('a former member can no longer edit their own comment', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAsSuperuser(tx, sessionOf(a, 'member'));
      const comment = await insertRow(tx, 'comments', { ...TENANT_TABLES.comments!.row(a, 1), author_id: a.users.member });

      await actAs(tx, role, sessionOf(a, 'member'));
      expect((await tx`update comments set body = 'Edited' where id = ${comment.id as string}`).count).toBe(1);

      await actAsSuperuser(tx);
      await tx`delete from org_memberships where org_id = ${a.orgId} and user_id = ${a.users.member}`;
      await actAs(tx, role, sessionOf(a, 'member'));
      expect((await tx`update comments set body = 'Edited again' where id = ${comment.id as string}`).count).toBe(0);
    });
  });

  it('requesters keep their files internal and cannot see internal files of others', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAsSuperuser(tx, sessionOf(a, 'requester'));
      const file = await insertRow(tx, 'files', { ...TENANT_TABLES.files!.row(a, 1), uploaded_by: a.users.requester });

      await actAs(tx, role, sessionOf(a, 'requester'));
      expect((await tx`select id from files`).map((f) => f.id)).toEqual([file.id]);
      expect((await tx`update files set filename = 'renamed.txt' where id = ${file.id as string}`).count).toBe(1);
      const publish = await errorOf(tx, (sp) => sp`update files set visibility = 'public' where id = ${file.id as string}`);
      expect(publish.code).toBe('42501');
    });
  });

  it('a revoked invitation is stamped with server time and stays revoked', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, role, sessionOf(a, 'admin'));
      const [revoked] = await tx`update invitations set revoked_at = '2001-01-01' where org_id = ${a.orgId} returning id, revoked_at`;
      expect(revoked!.revoked_at.getFullYear()).toBeGreaterThan(2001);
      const undo = await errorOf(tx, (sp) => sp`update invitations set revoked_at = null where id = ${revoked!.id as string}`);
      expect(undo.message).toBe('invitation_revoked');
    });
  });

  it('members cannot revoke invitations or change settings', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, role, sessionOf(a, 'manager'));
      expect((await tx`update invitations set revoked_at = now()`).count).toBe(0);
      expect((await tx`select id from invitations`).length).toBe(0);
      expect((await tx`update settings set value = '{}'`).count).toBe(0);
      expect((await tx`select id from settings`).length).toBeGreaterThan(0);
    });
  });
});
