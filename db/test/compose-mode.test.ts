import { describe, expect, it } from 'vitest';
import { actAs, inRollback, type Tx } from './support/database.ts';
import { createOrg, sessionOf } from './support/fixtures.ts';

// Real Hasura (compose) sends no session to SQL for queries; with the compose-only role setting the
// engine's session-less reads rely on Hasura's metadata permission filters instead of RLS.
const trustMetadata = (tx: Tx) => tx`select set_config('workgrid.engine_trusts_metadata', 'on', true)`;

describe('compose mode setting workgrid.engine_trusts_metadata', () => {
  it('is off by default: a session-less engine sees nothing', async () => {
    await inRollback(async (tx) => {
      await createOrg(tx, 'Alpha');
      await actAs(tx, 'workgrid_engine');
      expect((await tx`select id from teams`).length).toBe(0);
    });
  });

  it('lets session-less engine reads through when on', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const b = await createOrg(tx, 'Beta');
      await actAs(tx, 'workgrid_engine');
      await trustMetadata(tx);
      const orgs = (await tx`select distinct org_id from teams where org_id in (${a.orgId}, ${b.orgId})`).map((r) => r.org_id);
      expect(orgs.sort()).toEqual([a.orgId, b.orgId].sort());
    });
  });

  it('never relaxes writes, statements with a session, or the actions role', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const b = await createOrg(tx, 'Beta');

      await actAs(tx, 'workgrid_engine');
      await trustMetadata(tx);
      expect((await tx`update teams set name = name`).count).toBe(0);
      expect((await tx`delete from team_members`).count).toBe(0);

      await actAs(tx, 'workgrid_engine', sessionOf(a, 'owner'));
      await trustMetadata(tx);
      expect((await tx`select id from teams where org_id = ${b.orgId}`).length).toBe(0);

      await actAs(tx, 'workgrid_app');
      await trustMetadata(tx);
      expect((await tx`select id from teams`).length).toBe(0);
    });
  });
});
