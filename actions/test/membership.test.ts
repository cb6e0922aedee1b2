import { describe, expect, it } from 'vitest';
import {
  adminSql, authEvents, callAction, mailedToken, sessionOfToken, signedUpUser, STRONG_PASSWORD, uniqueEmail, useService, type SessionVariables, type SignedUpUser, type TestService,
} from './support/identity.ts';

let service: TestService;
useService((started) => (service = started));

interface Member {
  userId: string;
  session: SessionVariables;
  membershipId: string;
}

async function join(owner: SignedUpUser, role: string): Promise<Member> {
  const email = uniqueEmail(role);
  await callAction(service, 'inviteMember', { email, role }, owner.session);
  const accepted = await callAction(service, 'acceptInvitation', { token: await mailedToken(service, 'identity.invitation_sent', email), password: STRONG_PASSWORD });
  const userId = accepted.body.user_id!;
  const [row] = await adminSql`select id from org_memberships where org_id = ${owner.orgId} and user_id = ${userId}`;
  return { userId, session: sessionOfToken(accepted.body.access_token!), membershipId: row!.id as string };
}

async function membershipOf(orgId: string, userId: string): Promise<{ id: string; role: string } | undefined> {
  const [row] = await adminSql<{ id: string; role: string }[]>`select id, role from org_memberships where org_id = ${orgId} and user_id = ${userId}`;
  return row;
}

describe('membership management', () => {
  it('lets owners and admins change roles, audited with IP and user agent; members may not', async () => {
    const owner = await signedUpUser(service, 'boss');
    const admin = await join(owner, 'admin');
    const member = await join(owner, 'member');
    expect((await callAction(service, 'changeMemberRole', { membership_id: member.membershipId, role: 'manager' }, admin.session)).body).toEqual({ ok: true });
    expect((await membershipOf(owner.orgId, member.userId))!.role).toBe('manager');
    const events = await authEvents(admin.userId);
    expect(events.find((e) => e.event === 'org.member_role_changed')).toMatchObject({
      user_agent: 'vitest-client/1.0',
      detail: { membership_id: member.membershipId, from: 'member', to: 'manager' },
    });
    const [audited] = await adminSql`select count(*)::int as n from audit_log where table_name = 'org_memberships' and row_id = ${member.membershipId} and action = 'update'`;
    expect(audited!.n).toBe(1);

    const refused = await callAction(service, 'changeMemberRole', { membership_id: admin.membershipId, role: 'guest' }, member.session);
    expect(refused.status).toBe(403);
    expect((await membershipOf(owner.orgId, admin.userId))!.role).toBe('admin');
  });

  it('keeps admins away from owners, and the last owner in place', async () => {
    const owner = await signedUpUser(service, 'sole');
    const admin = await join(owner, 'admin');
    const ownerMembership = (await membershipOf(owner.orgId, owner.userId))!;
    expect((await callAction(service, 'changeMemberRole', { membership_id: ownerMembership.id, role: 'member' }, admin.session)).status).toBe(403);
    expect((await callAction(service, 'removeMember', { membership_id: ownerMembership.id }, admin.session)).status).toBe(403);
    expect((await callAction(service, 'changeMemberRole', { membership_id: admin.membershipId, role: 'owner' }, admin.session)).status).toBe(403);

    const demoteSelf = await callAction(service, 'changeMemberRole', { membership_id: ownerMembership.id, role: 'admin' }, owner.session);
    expect(demoteSelf.status).toBe(409);
    expect(demoteSelf.body.extensions?.code).toBe('org_last_owner');
    const leave = await callAction(service, 'removeMember', { membership_id: ownerMembership.id }, owner.session);
    expect(leave.body.extensions?.code).toBe('org_last_owner');
  });

  it('removes members, and lets anyone leave', async () => {
    const owner = await signedUpUser(service, 'remover');
    const agent = await join(owner, 'agent');
    const guest = await join(owner, 'guest');
    expect((await callAction(service, 'removeMember', { membership_id: agent.membershipId }, owner.session)).body).toEqual({ ok: true });
    expect(await membershipOf(owner.orgId, agent.userId)).toBeUndefined();
    expect((await callAction(service, 'removeMember', { membership_id: guest.membershipId }, guest.session)).body).toEqual({ ok: true });
    expect(await membershipOf(owner.orgId, guest.userId)).toBeUndefined();
  });

  it('transfers ownership in one step, owners only', async () => {
    const owner = await signedUpUser(service, 'founder');
    const admin = await join(owner, 'admin');
    expect((await callAction(service, 'transferOwnership', { user_id: owner.userId }, admin.session)).status).toBe(403);
    expect((await callAction(service, 'transferOwnership', { user_id: admin.userId }, owner.session)).body).toEqual({ ok: true });
    expect((await membershipOf(owner.orgId, admin.userId))!.role).toBe('owner');
    expect((await membershipOf(owner.orgId, owner.userId))!.role).toBe('admin');
    expect((await authEvents(owner.userId)).map((e) => e.event)).toContain('org.ownership_transferred');
  });

  it('never reaches another org', async () => {
    const alpha = await signedUpUser(service, 'alpha');
    const beta = await signedUpUser(service, 'beta');
    const betaMember = await join(beta, 'member');
    expect((await callAction(service, 'changeMemberRole', { membership_id: betaMember.membershipId, role: 'guest' }, alpha.session)).status).toBe(404);
    expect((await callAction(service, 'removeMember', { membership_id: betaMember.membershipId }, alpha.session)).status).toBe(404);
    expect((await callAction(service, 'transferOwnership', { user_id: betaMember.userId }, alpha.session)).status).toBe(404);
    // Even with a session naming beta's org, alpha is no member there: RLS hides or refuses everything.
    const forged = { ...alpha.session, 'x-hasura-org-id': beta.orgId };
    expect((await callAction(service, 'changeMemberRole', { membership_id: betaMember.membershipId, role: 'guest' }, forged)).status).toBeGreaterThanOrEqual(403);
    expect((await callAction(service, 'removeMember', { membership_id: betaMember.membershipId }, forged)).status).toBeGreaterThanOrEqual(403);
    expect((await callAction(service, 'transferOwnership', { user_id: betaMember.userId }, forged)).status).toBeGreaterThanOrEqual(403);
    expect((await membershipOf(beta.orgId, betaMember.userId))!.role).toBe('member');
  });
});
