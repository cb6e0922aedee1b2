import { describe, expect, it } from 'vitest';
import { actAs, actAsSuperuser, errorOf, inRollback } from './support/database.ts';
import { createOrg, sessionOf } from './support/fixtures.ts';

describe('row triggers', () => {
  it('bump version and set updated_at on every update, keeping created_at', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'manager'));
      const [before] = await tx`select version, created_at, updated_at from teams where id = ${a.teamId}`;
      await actAsSuperuser(tx, sessionOf(a, 'manager'));
      const [after] = await tx`
        update teams set description = 'New', created_at = '2000-01-01', updated_at = '2000-01-01'
         where id = ${a.teamId} and version = ${before!.version}
        returning version, created_at, updated_at`;
      expect(after!.version).toBe(before!.version + 1);
      expect(after!.created_at).toEqual(before!.created_at);
      expect(after!.updated_at.getFullYear()).toBeGreaterThan(2000);
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'manager'));

      // Optimistic concurrency: a writer holding the old version changes nothing.
      const stale = await tx`update teams set description = 'Stale' where id = ${a.teamId} and version = ${before!.version}`;
      expect(stale.count).toBe(0);
    });
  });

  it('ignore client-supplied created_at, updated_at and version', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAsSuperuser(tx, sessionOf(a, 'owner'));
      const [row] = await tx`
        insert into tags (org_id, name, created_by, created_at, updated_at, version)
        values (${a.orgId}, 'backdated', ${a.users.owner}, '2000-01-01', '2000-01-01', 99)
        returning created_at, version`;
      expect(row!.created_at.getFullYear()).toBeGreaterThan(2000);
      expect(row!.version).toBe(1);
    });
  });

  it('stamp who moved a row to the trash and clear it on restore', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'member'));
      const [trashed] = await tx`update tags set deleted_at = '1999-01-01' where id = ${a.tagId} returning deleted_at, deleted_by`;
      expect(trashed!.deleted_by).toBe(a.users.member);
      expect(trashed!.deleted_at.getFullYear()).toBeGreaterThan(1999);

      // Purging is for admins, and only from the trash.
      expect((await tx`delete from tags where id = ${a.tagId}`).count).toBe(0);
      const [restored] = await tx`update tags set deleted_at = null where id = ${a.tagId} returning deleted_by`;
      expect(restored!.deleted_by).toBeNull();

      await actAs(tx, 'workgrid_engine', sessionOf(a, 'admin'));
      expect((await tx`delete from tags where id = ${a.tagId}`).count).toBe(0);
      await tx`update tags set deleted_at = now() where id = ${a.tagId}`;
      expect((await tx`delete from tags where id = ${a.tagId}`).count).toBe(1);
    });
  });

  it('refuse a reply on a different entity than its parent', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'member'));
      const error = await errorOf(tx, (sp) => sp`
        insert into comments (org_id, entity_type, entity_id, parent_id, author_id, body)
        values (${a.orgId}, 'org', ${a.orgId}, ${a.commentId}, ${a.users.member}, 'Wrong thread')`);
      expect(error.message).toBe('comment_parent_mismatch');
    });
  });
});
