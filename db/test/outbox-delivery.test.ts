import { describe, expect, it } from 'vitest';
import { actAs, actAsSuperuser, errorOf, inRollback, sql, type Tx } from './support/database.ts';
import { createOrg, sessionOf, type OrgFixture } from './support/fixtures.ts';

// The worker's way through the outbox (0024_outbox-delivery.sql): claim, lock, deliver, fail, dead, retry.

async function emit(tx: Tx, org: OrgFixture, key: string): Promise<string> {
  await actAsSuperuser(tx, { orgId: org.orgId, userId: org.users.owner });
  const [row] = await tx`select app.emit_event('test.delivery', '{"n": 1}'::jsonb, ${key}) as id`;
  await actAsSuperuser(tx);
  return row!.id as string;
}

/** Only this test's events are due: every other row is pushed into the future. */
async function onlyDue(tx: Tx, ids: string[]): Promise<void> {
  await actAsSuperuser(tx);
  await tx`update outbox_events set available_at = now() + interval '1 day' where not (id = any(${ids}::uuid[]))`;
  await tx`update outbox_events set available_at = now() - interval '1 second' where id = any(${ids}::uuid[])`;
}

describe('outbox delivery functions', () => {
  it('are executable by workgrid_app only', async () => {
    const rows = await sql`
      select p.proname, has_function_privilege('workgrid_app', p.oid, 'execute') as app,
             has_function_privilege('workgrid_engine', p.oid, 'execute') as engine,
             has_function_privilege('public', p.oid, 'execute') as anyone, p.prosecdef as definer
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'app' and p.proname like 'outbox\\_%' order by p.proname`;
    expect(rows.map((r) => r.proname)).toEqual(['outbox_claim', 'outbox_lock', 'outbox_mark_delivered', 'outbox_mark_failed', 'outbox_retry']);
    for (const row of rows) expect(row).toMatchObject({ app: true, engine: false, anyone: false, definer: true });
  });

  it('let the worker claim due events of every org without a session, each once', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const b = await createOrg(tx, 'Beta');
      const ids = [await emit(tx, a, `t:${a.orgId}:1`), await emit(tx, b, `t:${b.orgId}:1`)];
      await onlyDue(tx, ids);
      await actAs(tx, 'workgrid_app');
      const first = await tx`select * from app.outbox_claim(10, interval '1 minute')`;
      expect(first.map((r) => r.id).sort()).toEqual([...ids].sort());
      expect(new Set(first.map((r) => r.org_id))).toEqual(new Set([a.orgId, b.orgId]));
      // Claimed rows are hidden for the lease.
      expect(await tx`select * from app.outbox_claim(10, interval '1 minute')`).toHaveLength(0);
      // And the role still cannot read the table directly without a session.
      expect(await tx`select id from outbox_events`).toHaveLength(0);
    });
  });

  it('are refused to the engine role', async () => {
    await inRollback(async (tx) => {
      await actAs(tx, 'workgrid_engine');
      expect((await errorOf(tx, (sp) => sp`select * from app.outbox_claim(10, interval '1 minute')`)).code).toBe('42501');
    });
  });

  it('deliver once, record failures and end in a dead letter an admin can retry', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const b = await createOrg(tx, 'Beta');
      const id = await emit(tx, a, `t:${a.orgId}:2`);
      await actAs(tx, 'workgrid_app');
      expect((await tx`select app.outbox_mark_failed(${id}, 'boom', now() + interval '1 minute') as s`)[0]!.s).toBe('retrying');
      expect((await tx`select app.outbox_mark_failed(${id}, 'boom again', null) as s`)[0]!.s).toBe('dead');
      expect(await tx`select * from app.outbox_lock(${id})`).toHaveLength(0);
      expect((await tx`select app.outbox_mark_delivered(${id}) as ok`)[0]!.ok).toBe(false);

      await actAsSuperuser(tx);
      const [dead] = await tx`select attempts, last_error, dead_at is not null as dead from outbox_events where id = ${id}`;
      expect(dead).toEqual({ attempts: 2, last_error: 'boom again', dead: true });

      // Admins of the org see it (through the actions service's role); a member does not, and may not retry it.
      await actAs(tx, 'workgrid_app', sessionOf(a, 'admin'));
      expect(await tx`select id from outbox_events where dead_at is not null and id = ${id}`).toHaveLength(1);
      await actAs(tx, 'workgrid_app', sessionOf(a, 'member'));
      expect(await tx`select id from outbox_events where id = ${id}`).toHaveLength(0);
      await actAs(tx, 'workgrid_app', sessionOf(a, 'member'));
      expect((await errorOf(tx, (sp) => sp`select app.outbox_retry(${id})`)).message).toBe('outbox_event_not_found');
      await actAs(tx, 'workgrid_app', sessionOf(b, 'owner'));
      expect((await errorOf(tx, (sp) => sp`select app.outbox_retry(${id})`)).message).toBe('outbox_event_not_found');

      await actAs(tx, 'workgrid_app', sessionOf(a, 'admin'));
      expect((await tx`select app.outbox_retry(${id}) as ok`)[0]!.ok).toBe(true);
      expect((await errorOf(tx, (sp) => sp`select app.outbox_retry(${id})`)).message).toBe('outbox_event_not_dead');

      await actAs(tx, 'workgrid_app');
      expect(await tx`select id, attempts from app.outbox_lock(${id})`).toEqual([{ id, attempts: 0 }]);
      expect((await tx`select app.outbox_mark_delivered(${id}) as ok`)[0]!.ok).toBe(true);
      expect((await tx`select app.outbox_mark_delivered(${id}) as ok`)[0]!.ok).toBe(false);
    });
  });
});

describe('app.org_admin_ids', () => {
  it('lists owners and admins to background work of the org only', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, 'workgrid_app', sessionOf(a, 'service'));
      const [row] = await tx`select app.org_admin_ids() as ids`;
      expect([...(row!.ids as string[])].sort()).toEqual([a.users.owner, a.users.admin].sort());
      await actAs(tx, 'workgrid_app', sessionOf(a, 'owner'));
      expect((await tx`select app.org_admin_ids() as ids`)[0]!.ids).toEqual([]);
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'service'));
      expect((await errorOf(tx, (sp) => sp`select app.org_admin_ids()`)).code).toBe('42501');
    });
  });
});

describe('worker-only lookups', () => {
  it.each([
    'app.digest_recipients(text)', 'app.overdue_side_effects(interval)', 'app.member_contact(uuid)',
    'app.email_log_apply_provider_event(text, text, text, text)', 'app.account_contact(uuid)', 'app.invitation_mail(uuid, bytea)',
  ])(
    '%s is executable by workgrid_app only',
    async (fn) => {
      const [row] = await sql`
        select has_function_privilege('workgrid_app', ${fn}::regprocedure, 'execute') as app,
               has_function_privilege('workgrid_engine', ${fn}::regprocedure, 'execute') as engine`;
      expect(row).toEqual({ app: true, engine: false });
    },
  );

  it('app.member_contact answers for members of the session org only, and only to background work', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const b = await createOrg(tx, 'Beta');
      await actAs(tx, 'workgrid_app', sessionOf(a, 'service'));
      expect(await tx`select email from app.member_contact(${a.users.member})`).toHaveLength(1);
      expect(await tx`select email from app.member_contact(${b.users.member})`).toHaveLength(0);
      await actAs(tx, 'workgrid_app', sessionOf(a, 'owner'));
      expect(await tx`select email from app.member_contact(${a.users.member})`).toHaveLength(0);
    });
  });

  it('org-less email_log rows (account emails) are reached by the org-less service session only', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, 'workgrid_app', { role: 'service' });
      const [row] = await tx`insert into email_log (to_address, template_key) values ('ada@people.example', 'identity.reset_password') returning id, org_id`;
      expect(row!.org_id).toBeNull();
      await tx`update email_log set status = 'sent', html_body = 'link' where id = ${row!.id as string}`;
      expect(await tx`select 1 from email_log where id = ${row!.id as string}`).toHaveLength(1);
      await actAsSuperuser(tx);
      expect(await tx`select 1 from audit_log where row_id = ${row!.id as string}`).toHaveLength(0);
      for (const session of [sessionOf(a, 'service'), sessionOf(a, 'owner')]) {
        await actAs(tx, 'workgrid_app', session);
        expect(await tx`select 1 from email_log where id = ${row!.id as string}`).toHaveLength(0);
        expect((await errorOf(tx, (sp) => sp`insert into email_log (org_id, to_address, template_key) values (null, 'x@people.example', 'notification')`)).code).toBe('42501');
      }
      await actAs(tx, 'workgrid_engine', { role: 'service' });
      expect(await tx`select 1 from email_log where id = ${row!.id as string}`).toHaveLength(0);
    });
  });

  it('app.account_contact and app.invitation_mail answer background work only', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const b = await createOrg(tx, 'Beta');
      const hash = Buffer.alloc(32, 7);
      const [invitation] = await tx`insert into invitations (org_id, email, invited_by) values (${a.orgId}, 'new@people.example', ${a.users.owner}) returning id`;
      await tx`insert into app_private.invitation_tokens (invitation_id, token_hash) values (${invitation!.id as string}, ${hash})`;
      await actAs(tx, 'workgrid_app', { role: 'service' });
      expect(await tx`select locale from app.account_contact(${a.users.member})`).toHaveLength(1);
      await actAs(tx, 'workgrid_app', sessionOf(a, 'service'));
      expect(await tx`select org_name from app.invitation_mail(${invitation!.id as string}, ${hash})`).toHaveLength(1);
      expect(await tx`select org_name from app.invitation_mail(${invitation!.id as string}, ${Buffer.alloc(32, 8)})`).toHaveLength(0);
      await actAs(tx, 'workgrid_app', sessionOf(b, 'service'));
      expect(await tx`select org_name from app.invitation_mail(${invitation!.id as string}, ${hash})`).toHaveLength(0);
      await actAs(tx, 'workgrid_app', sessionOf(a, 'owner'));
      expect(await tx`select locale from app.account_contact(${a.users.member})`).toHaveLength(0);
      expect(await tx`select org_name from app.invitation_mail(${invitation!.id as string}, ${hash})`).toHaveLength(0);
    });
  });
});
