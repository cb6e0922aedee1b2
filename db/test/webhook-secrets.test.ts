import { describe, expect, it } from 'vitest';
import { actAs, actAsSuperuser, errorOf, inRollback } from './support/database.ts';
import { createOrg, sessionOf } from './support/fixtures.ts';

// app_private.webhook_secrets (0025_outbound-webhooks.sql): signing secrets, outside the engine's reach.

describe('webhook signing secrets', () => {
  it('are readable by the org\'s owners, admins and background work only, and never across orgs', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const b = await createOrg(tx, 'Beta');
      await actAsSuperuser(tx);
      for (const org of [a, b]) {
        await tx`insert into app_private.webhook_secrets (subscription_id, org_id, secret) values (${org.webhookId}, ${org.orgId}, ${`whsec_${org.orgId}`})`;
      }
      for (const role of ['owner', 'admin', 'service'] as const) {
        await actAs(tx, 'workgrid_app', sessionOf(a, role));
        expect((await tx`select org_id from app_private.webhook_secrets`).map((r) => r.org_id), role).toEqual([a.orgId]);
      }
      for (const role of ['manager', 'member', 'guest'] as const) {
        await actAs(tx, 'workgrid_app', sessionOf(a, role));
        expect(await tx`select 1 from app_private.webhook_secrets`, role).toHaveLength(0);
      }
      await actAs(tx, 'workgrid_app', sessionOf(a, 'admin'));
      expect((await tx`update app_private.webhook_secrets set secret = ${'x'.repeat(40)} where org_id = ${b.orgId}`).count).toBe(0);
      const crossInsert = await errorOf(tx, (sp) => sp`insert into app_private.webhook_secrets (subscription_id, org_id, secret) values (${b.webhookId}, ${b.orgId}, ${'y'.repeat(40)})`);
      expect(crossInsert.code).toBe('42501');
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'owner'));
      expect((await errorOf(tx, (sp) => sp`select 1 from app_private.webhook_secrets`)).code).toBe('42501');
    });
  });

  it('forced row-level security is on', async () => {
    await inRollback(async (tx) => {
      const [row] = await tx`select relrowsecurity, relforcerowsecurity from pg_class where oid = 'app_private.webhook_secrets'::regclass`;
      expect(row).toEqual({ relrowsecurity: true, relforcerowsecurity: true });
    });
  });
});
