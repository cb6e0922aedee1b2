import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminSql, authEvents, callAction, mailedToken, sessionOfToken, signedUpUser, STRONG_PASSWORD, startService, uniqueEmail, userSession, type SignedUpUser, type TestService,
} from './support/identity.ts';

const TOPIC = 'identity.invitation_sent';

let service: TestService;
let owner: SignedUpUser;
beforeAll(async () => {
  service = await startService();
  owner = await signedUpUser(service, 'inviter');
});
afterAll(async () => {
  await service.app.close();
  await adminSql.end();
});

async function invite(email: string, role = 'member', by = owner) {
  const response = await callAction(service, 'inviteMember', { email, role }, by.session);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return { invitationId: response.body.invitation_id!, token: await mailedToken(service, TOPIC, email) };
}

describe('inviting and accepting', () => {
  it('creates the account when needed, makes it a member with the invited role, and signs it in', async () => {
    const email = uniqueEmail('newcomer');
    const { invitationId, token } = await invite(email, 'agent');
    const [event] = await adminSql`select payload::text as payload, org_id from outbox_events where topic = ${TOPIC} and payload ->> 'email' = ${email}`;
    expect(event!.payload).not.toContain(token);
    expect(event!.org_id).toBe(owner.orgId);

    const accepted = await callAction(service, 'acceptInvitation', { token, password: STRONG_PASSWORD, display_name: 'Nina Newcomer' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.org_id).toBe(owner.orgId);
    const session = sessionOfToken(accepted.body.access_token!);
    expect(session['x-hasura-org-id']).toBe(owner.orgId);
    const [membership] = await adminSql`select role, invited_by from org_memberships where org_id = ${owner.orgId} and user_id = ${accepted.body.user_id!}`;
    expect(membership).toEqual({ role: 'agent', invited_by: owner.userId });
    const [invitation] = await adminSql`select accepted_at, accepted_by from invitations where id = ${invitationId}`;
    expect(invitation!.accepted_by).toBe(accepted.body.user_id);
    expect((await authEvents(accepted.body.user_id!)).map((e) => e.event)).toContain('auth.invitation_accepted');

    // Single use.
    const reuse = await callAction(service, 'acceptInvitation', { token, password: STRONG_PASSWORD });
    expect(reuse.status).toBeGreaterThanOrEqual(400);
    expect(['invitation_invalid', 'invitation_used']).toContain(reuse.body.extensions?.code);
    // The invited user can sign in on their own now.
    expect((await callAction(service, 'signIn', { email, password: STRONG_PASSWORD })).status).toBe(200);
  });

  it('asks an existing account for its password and adds the membership', async () => {
    const colleague = await signedUpUser(service, 'existing');
    const { token } = await invite(colleague.email);
    const wrong = await callAction(service, 'acceptInvitation', { token, password: 'not my password at all' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.extensions?.code).toBe('invalid_credentials');
    const accepted = await callAction(service, 'acceptInvitation', { token, password: colleague.password });
    expect(accepted.status).toBe(200);
    expect(accepted.body.org_id).toBe(owner.orgId);
    const orgs = await adminSql`select org_id from org_memberships where user_id = ${colleague.userId} order by created_at`;
    expect(orgs.map((r) => r.org_id)).toEqual([colleague.orgId, owner.orgId]);
    // Now a member of both: switching works both ways.
    const switched = await callAction(service, 'switchOrganization', { org_id: colleague.orgId }, sessionOfToken(accepted.body.access_token!));
    expect(switched.status).toBe(200);
  });

  it('counts the invitation as proof of the address for an unverified account', async () => {
    const email = uniqueEmail('unverified');
    await callAction(service, 'signUp', { email, password: STRONG_PASSWORD, display_name: 'U', org_name: 'U org' });
    const { token } = await invite(email);
    const accepted = await callAction(service, 'acceptInvitation', { token, password: STRONG_PASSWORD });
    expect(accepted.status).toBe(200);
    const [user] = await adminSql`select email_verified_at from users where email = ${email}`;
    expect(user!.email_verified_at).not.toBeNull();
  });

  it('refuses an expired invitation', async () => {
    const email = uniqueEmail('late');
    const { invitationId, token } = await invite(email);
    // created_at is immutable by trigger: age the row with triggers off, as the superuser.
    await adminSql.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      await tx`update invitations set created_at = now() - interval '8 days', expires_at = now() - interval '1 day' where id = ${invitationId}`;
    });
    const response = await callAction(service, 'acceptInvitation', { token, password: STRONG_PASSWORD });
    expect(response.status).toBe(410);
    expect(response.body.extensions?.code).toBe('invitation_expired');
  });

  it('refuses a revoked invitation; resending replaces the token', async () => {
    const first = await invite(uniqueEmail('revoked'));
    expect((await callAction(service, 'revokeInvitation', { invitation_id: first.invitationId }, owner.session)).body).toEqual({ ok: true });
    expect((await callAction(service, 'acceptInvitation', { token: first.token, password: STRONG_PASSWORD })).body.extensions?.code).toBe('invitation_invalid');

    const email = uniqueEmail('resent');
    const second = await invite(email);
    const resent = await callAction(service, 'resendInvitation', { invitation_id: second.invitationId }, owner.session);
    expect(resent.status).toBe(200);
    const newToken = await mailedToken(service, TOPIC, email);
    expect(newToken).not.toBe(second.token);
    expect((await callAction(service, 'acceptInvitation', { token: second.token, password: STRONG_PASSWORD })).body.extensions?.code).toBe('invitation_invalid');
    expect((await callAction(service, 'acceptInvitation', { token: newToken, password: STRONG_PASSWORD })).status).toBe(200);
  });

  it('refuses a second pending invitation for the same address and inviting an owner', async () => {
    const email = uniqueEmail('twice');
    await invite(email);
    const again = await callAction(service, 'inviteMember', { email }, owner.session);
    expect(again.status).toBe(409);
    expect(again.body.extensions?.code).toBe('invitation_pending');
    const asOwner = await callAction(service, 'inviteMember', { email: uniqueEmail('boss'), role: 'owner' }, owner.session);
    expect(asOwner.status).toBe(400);
    expect(asOwner.body.extensions?.code).toBe('validation-failed');
  });
});

describe('who may manage invitations', () => {
  it('refuses members who are not owners or admins', async () => {
    const memberEmail = uniqueEmail('plain');
    const { token } = await invite(memberEmail, 'member');
    const member = await callAction(service, 'acceptInvitation', { token, password: STRONG_PASSWORD });
    const memberSession = sessionOfToken(member.body.access_token!);
    const refused = await callAction(service, 'inviteMember', { email: uniqueEmail('friend') }, memberSession);
    expect(refused.status).toBe(403);
    expect(refused.body.extensions?.code).toBe('permission-denied');
    const pending = await invite(uniqueEmail('pending'));
    expect((await callAction(service, 'revokeInvitation', { invitation_id: pending.invitationId }, memberSession)).status).toBe(404);
    expect((await callAction(service, 'resendInvitation', { invitation_id: pending.invitationId }, memberSession)).status).toBe(404);
  });

  it('never lets an owner of org B act on org A, even naming org A in the session', async () => {
    const other = await signedUpUser(service, 'rival');
    const pending = await invite(uniqueEmail('target'));
    expect((await callAction(service, 'revokeInvitation', { invitation_id: pending.invitationId }, other.session)).status).toBe(404);
    expect((await callAction(service, 'resendInvitation', { invitation_id: pending.invitationId }, other.session)).status).toBe(404);
    // A forged session naming org A: row-level security still finds no membership there.
    const forged = userSession(other.userId, owner.orgId);
    expect((await callAction(service, 'inviteMember', { email: uniqueEmail('sneak') }, forged)).status).toBe(403);
    expect((await callAction(service, 'revokeInvitation', { invitation_id: pending.invitationId }, forged)).status).toBe(404);
    const [state] = await adminSql`select revoked_at from invitations where id = ${pending.invitationId}`;
    expect(state!.revoked_at).toBeNull();
  });
});
