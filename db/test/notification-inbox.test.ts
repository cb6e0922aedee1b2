import { describe, expect, it } from 'vitest';
import { actAs, actAsSuperuser, inRollback, type Tx } from './support/database.ts';
import { createOrg, sessionOf, type OrgFixture } from './support/fixtures.ts';

// Unread count, mark read and mark all read are plain GraphQL operations on notifications
// (aggregate and update_notifications, hasura/metadata public_notifications.yaml); RLS makes them
// apply to the caller's own inbox only.

async function notify(tx: Tx, org: OrgFixture, userId: string, n: number): Promise<void> {
  await actAs(tx, 'workgrid_app', sessionOf(org, 'service'));
  for (let i = 0; i < n; i += 1) {
    await tx`insert into notifications (org_id, user_id, event_type, title) values (${org.orgId}, ${userId}, 'comment.mention', ${`n${i}`})`;
  }
}

const unread = async (tx: Tx) => Number((await tx`select count(*) as n from notifications where read_at is null`)[0]!.n);

describe('notification inbox', () => {
  it('counts, marks read and marks all read in the caller\'s own inbox only', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const b = await createOrg(tx, 'Beta');
      await notify(tx, a, a.users.member, 3);
      await notify(tx, a, a.users.agent, 2);
      await notify(tx, b, b.users.member, 4);
      await actAsSuperuser(tx);
      await tx`update notifications set read_at = now() where org_id = ${a.orgId} and user_id = ${a.users.owner}`;

      await actAs(tx, 'workgrid_engine', sessionOf(a, 'member'));
      expect(await unread(tx)).toBe(3);
      const [first] = await tx`select id from notifications order by title limit 1`;
      expect((await tx`update notifications set read_at = now() where id = ${first!.id as string}`).count).toBe(1);
      expect(await unread(tx)).toBe(2);
      // "Mark all read" touches only the caller's rows, in the session org.
      expect((await tx`update notifications set read_at = now() where read_at is null`).count).toBe(2);
      expect(await unread(tx)).toBe(0);

      await actAs(tx, 'workgrid_engine', sessionOf(a, 'agent'));
      expect(await unread(tx)).toBe(2);
      await actAsSuperuser(tx);
      const [others] = await tx`select count(*)::int as n from notifications where org_id = ${b.orgId} and read_at is null`;
      expect(others!.n).toBeGreaterThanOrEqual(4);
    });
  });

  it('keeps read_at and archived_at the only columns a member may change', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await notify(tx, a, a.users.member, 1);
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'member'));
      const error = await tx.savepoint((sp) => sp`update notifications set title = 'changed'`).catch((e: unknown) => e as { code: string });
      expect((error as { code: string }).code).toBe('42501');
    });
  });
});
