import { describe, expect, it } from 'vitest';
import { actAs, actAsSuperuser, inRollback, type Tx } from './support/database.ts';
import { createOrg, sessionOf, type OrgFixture, type OrgRole } from './support/fixtures.ts';

// public.security_events: the org's own security events and its members' account events, for its
// owners and admins only, never another org's.

async function recordEvent(tx: Tx, event: string, userId: string | null, orgId: string | null, at = 'now()'): Promise<void> {
  await tx.unsafe(
    `insert into app_private.auth_events (event, user_id, org_id, ip, user_agent, detail, occurred_at)
     values ($1, $2, $3, '203.0.113.7', 'agent/1', '{"reason": "wrong_password"}', ${at})`,
    [event, userId, orgId],
  );
}

async function visibleEvents(tx: Tx, org: OrgFixture, role: OrgRole) {
  await actAs(tx, 'workgrid_engine', sessionOf(org, role));
  const rows = await tx`select event, user_id, org_id, account_event, ip, user_agent from security_events order by event`;
  await actAsSuperuser(tx);
  return rows;
}

describe('security events', () => {
  it('show owners and admins the events of their org, with IP and user agent', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await recordEvent(tx, 'auth.mfa_enabled', a.users.member, a.orgId);
      for (const role of ['owner', 'admin'] as const) {
        expect(await visibleEvents(tx, a, role)).toEqual([
          { event: 'auth.mfa_enabled', user_id: a.users.member, org_id: a.orgId, account_event: false, ip: '203.0.113.7', user_agent: 'agent/1' },
        ]);
      }
    });
  });

  it('show nothing to the other roles of the org', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await recordEvent(tx, 'auth.mfa_enabled', a.users.member, a.orgId);
      await recordEvent(tx, 'auth.sign_in_failed', a.users.member, null);
      for (const role of ['manager', 'agent', 'member', 'requester', 'guest'] as const) {
        expect(await visibleEvents(tx, a, role), role).toEqual([]);
      }
    });
  });

  it('never show another org\'s events, nor account events of people outside the org', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const b = await createOrg(tx, 'Beta');
      await recordEvent(tx, 'auth.sign_in_succeeded', b.users.member, b.orgId);
      await recordEvent(tx, 'auth.sign_in_failed', b.users.member, null);
      await recordEvent(tx, 'auth.sign_in_failed', null, null);
      expect(await visibleEvents(tx, a, 'owner')).toEqual([]);
      expect((await visibleEvents(tx, b, 'owner')).map((e) => e.event)).toEqual(['auth.sign_in_failed', 'auth.sign_in_succeeded']);
    });
  });

  it('show members\' account events from the day they joined, without IP or user agent', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const b = await createOrg(tx, 'Beta');
      await tx`insert into org_memberships (org_id, user_id, role) values (${b.orgId}, ${a.users.member}, 'member')`;
      await recordEvent(tx, 'auth.password_reset', a.users.member, null, "now() - interval '1 day'");
      await recordEvent(tx, 'auth.sign_in_failed', a.users.member, null, "now() + interval '1 second'");
      // Backdate the Alpha membership (row triggers keep created_at, so they are off for this one update).
      await tx`set local session_replication_role = replica`;
      await tx`update org_memberships set created_at = now() - interval '2 days' where org_id = ${a.orgId} and user_id = ${a.users.member}`;
      await tx`set local session_replication_role = origin`;
      const account = { user_id: a.users.member, account_event: true, ip: null, user_agent: null };
      expect(await visibleEvents(tx, a, 'admin')).toEqual([
        { event: 'auth.password_reset', org_id: a.orgId, ...account },
        { event: 'auth.sign_in_failed', org_id: a.orgId, ...account },
      ]);
      // Joined Beta today: yesterday's password reset is not Beta's business.
      expect(await visibleEvents(tx, b, 'owner')).toEqual([{ event: 'auth.sign_in_failed', org_id: b.orgId, ...account }]);
    });
  });

  it('show nothing without a session', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await recordEvent(tx, 'auth.mfa_enabled', a.users.member, a.orgId);
      await actAs(tx, 'workgrid_engine');
      expect(await tx`select from security_events`).toHaveLength(0);
    });
  });
});
