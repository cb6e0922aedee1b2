import { describe, expect, it } from 'vitest';
import { tokenHash } from '../src/identity/secrets.ts';
import {
  adminSql, authEvents, callAction, mailedToken, sessionOfToken, signedUpUser, STRONG_PASSWORD, uniqueEmail, useService, type TestService,
} from './support/identity.ts';

let service: TestService;
useService((started) => (service = started));

describe('signUp and verifyEmail', () => {
  it('creates the user, an org they own, and a verification mail whose payload hides the token', async () => {
    const email = uniqueEmail('founder');
    const response = await callAction(service, 'signUp', { email, password: STRONG_PASSWORD, display_name: 'Fay Founder', org_name: 'Fay & Co' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ accepted: true, message: expect.any(String) });

    const [user] = await adminSql`select id, email_verified_at from users where email = ${email}`;
    expect(user!.email_verified_at).toBeNull();
    const memberships = await adminSql`select m.role, o.created_by from org_memberships m join orgs o on o.id = m.org_id where m.user_id = ${user!.id}`;
    expect(memberships).toEqual([{ role: 'owner', created_by: user!.id }]);
    const [credential] = await adminSql`select password_hash from app_private.password_credentials where user_id = ${user!.id}`;
    expect(credential!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    const token = await mailedToken(service, 'identity.email_verification_requested', email);
    const [event] = await adminSql`select payload::text as payload, org_id from outbox_events where payload ->> 'email' = ${email}`;
    expect(event!.payload).not.toContain(token);
    expect(event!.payload).not.toContain(token.slice(4, 20));
    const [stored] = await adminSql`select count(*)::int as n from app_private.email_tokens where token_hash = ${tokenHash(token)}`;
    expect(stored!.n).toBe(1);

    // Unverified accounts cannot sign in yet (only someone with the password learns this).
    const early = await callAction(service, 'signIn', { email, password: STRONG_PASSWORD });
    expect(early.status).toBe(403);
    expect(early.body.extensions?.code).toBe('email_not_verified');

    expect((await callAction(service, 'verifyEmail', { token })).status).toBe(200);
    const [verified] = await adminSql`select email_verified_at from users where email = ${email}`;
    expect(verified!.email_verified_at).not.toBeNull();
    // Single use.
    const again = await callAction(service, 'verifyEmail', { token });
    expect(again.status).toBe(400);
    expect(again.body.extensions?.code).toBe('token_invalid');
  });

  it('answers the same for a registered address and tells its owner by mail instead', async () => {
    const user = await signedUpUser(service, 'taken');
    const fresh = await callAction(service, 'signUp', { email: uniqueEmail('free'), password: STRONG_PASSWORD, display_name: 'X', org_name: 'X' });
    const taken = await callAction(service, 'signUp', { email: user.email, password: STRONG_PASSWORD, display_name: 'X', org_name: 'X' });
    expect(taken.status).toBe(fresh.status);
    expect(taken.body).toEqual(fresh.body);
    const [notice] = await adminSql`select count(*)::int as n from outbox_events where topic = 'identity.sign_up_attempted' and payload ->> 'user_id' = ${user.userId}`;
    expect(notice!.n).toBe(1);
  });

  it('refuses short, common and self-describing passwords', async () => {
    for (const [password, code] of [
      ['short pw', 'password_too_short'],
      ['password1234', 'password_too_common'],
      ['aaaaaaaaaaaaaaa', 'password_too_common'],
    ] as const) {
      const response = await callAction(service, 'signUp', { email: uniqueEmail('weak'), password, display_name: 'W', org_name: 'W' });
      expect(response.status, password).toBe(400);
      expect(response.body.extensions?.code).toBe(code);
    }
    const email = uniqueEmail('selfie');
    const own = await callAction(service, 'signUp', { email, password: `${email.split('@')[0]}!!`, display_name: 'S', org_name: 'S' });
    expect(own.body.extensions?.code).toBe('password_too_common');
  });

  it('mails a new verification link on request, once a minute, answering the same for anyone', async () => {
    const email = uniqueEmail('lostmail');
    await callAction(service, 'signUp', { email, password: STRONG_PASSWORD, display_name: 'L', org_name: 'L' });
    const firstToken = await mailedToken(service, 'identity.email_verification_requested', email);
    // The cooldown starts with the request, not the sign-up mail.
    const asked = await callAction(service, 'requestEmailVerification', { email });
    const unknown = await callAction(service, 'requestEmailVerification', { email: uniqueEmail('nobody') });
    const again = await callAction(service, 'requestEmailVerification', { email });
    expect(asked.body).toEqual(unknown.body);
    expect(again.body).toEqual(unknown.body);
    const [mails] = await adminSql`select count(*)::int as n from outbox_events where topic = 'identity.email_verification_requested' and payload ->> 'email' = ${email}`;
    expect(mails!.n).toBe(2);
    const secondToken = await mailedToken(service, 'identity.email_verification_requested', email);
    expect(secondToken).not.toBe(firstToken);
    expect((await callAction(service, 'verifyEmail', { token: secondToken })).status).toBe(200);
  });

  it('refuses tampered and unknown verification tokens', async () => {
    const response = await callAction(service, 'verifyEmail', { token: 'wge_not-a-real-token-at-all-000000' });
    expect(response.status).toBe(400);
    expect(response.body.extensions?.code).toBe('token_invalid');
  });
});

describe('signIn', () => {
  it('answers tokens for the user and their org, and records the sign-in with IP and user agent', async () => {
    const user = await signedUpUser(service, 'signer');
    expect(user.session).toEqual({ 'x-hasura-role': 'user', 'x-hasura-user-id': user.userId, 'x-hasura-org-id': user.orgId });
    expect(user.refreshToken).toMatch(/^wgr_/);
    const events = await authEvents(user.userId);
    const signIn = events.find((e) => e.event === 'auth.sign_in_succeeded');
    expect(signIn).toMatchObject({ user_agent: 'vitest-client/1.0' });
    expect(signIn!.ip).toMatch(/^10\./);
  });

  it('gives the same answer for an unknown address and a wrong password, and audits both', async () => {
    const user = await signedUpUser(service, 'enum');
    const wrong = await callAction(service, 'signIn', { email: user.email, password: 'not the password at all' });
    const unknown = await callAction(service, 'signIn', { email: uniqueEmail('ghost'), password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.extensions?.code).toBe('invalid_credentials');
    expect((await authEvents(user.userId)).map((e) => e.event)).toContain('auth.sign_in_failed');
  });

  it('takes similar time for an unknown address and a wrong password (both hash)', async () => {
    const user = await signedUpUser(service, 'timing');
    const time = async (email: string) => {
      const started = performance.now();
      await callAction(service, 'signIn', { email, password: 'still not the password' });
      return performance.now() - started;
    };
    await time(uniqueEmail('warm'));
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      known.push(await time(user.email));
      unknown.push(await time(uniqueEmail('ghost')));
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[1]!;
    // Without the dummy hash the unknown address would answer in ~1 ms instead of ~25 ms.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });

  it('lands in the requested org only when the user belongs to it', async () => {
    const user = await signedUpUser(service, 'lander');
    const other = await signedUpUser(service, 'otherorg');
    const response = await callAction(service, 'signIn', { email: user.email, password: user.password, org_id: other.orgId });
    expect(response.status).toBe(200);
    expect(response.body.org_id).toBe(user.orgId);
  });
});

describe('password hashes', () => {
  it('are upgraded to the current argon2id parameters at the next sign-in', async () => {
    const user = await signedUpUser(service, 'legacy');
    const { hash } = await import('@node-rs/argon2');
    const weak = await hash(user.password, { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await adminSql`update app_private.password_credentials set password_hash = ${weak} where user_id = ${user.userId}`;
    expect((await callAction(service, 'signIn', { email: user.email, password: user.password })).status).toBe(200);
    const [row] = await adminSql`select password_hash from app_private.password_credentials where user_id = ${user.userId}`;
    expect(row!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe('refreshToken', () => {
  it('rotates on every use; reusing a rotated token revokes the family and is audited', async () => {
    const user = await signedUpUser(service, 'rotator');
    const first = await callAction(service, 'refreshToken', { refresh_token: user.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.refresh_token).not.toBe(user.refreshToken);
    expect(sessionOfToken(first.body.access_token!)).toEqual(user.session);
    const second = await callAction(service, 'refreshToken', { refresh_token: first.body.refresh_token });
    expect(second.status).toBe(200);

    // The first token again: an attacker's copy. The whole family ends, including the newest token.
    const reuse = await callAction(service, 'refreshToken', { refresh_token: user.refreshToken });
    expect(reuse.status).toBe(401);
    expect(reuse.body.extensions?.code).toBe('refresh_token_reused');
    const newest = await callAction(service, 'refreshToken', { refresh_token: second.body.refresh_token });
    expect(newest.status).toBe(401);
    expect(newest.body.extensions?.code).toBe('refresh_token_invalid');
    const [family] = await adminSql`select revoked_reason from app_private.refresh_token_families where user_id = ${user.userId}`;
    expect(family!.revoked_reason).toBe('reuse');
    expect((await authEvents(user.userId)).map((e) => e.event)).toContain('auth.refresh_token_reused');
  });

  it('stores only hashes of refresh tokens', async () => {
    const user = await signedUpUser(service, 'hashed');
    const rows = await adminSql`select token_hash from app_private.refresh_tokens where user_id = ${user.userId}`;
    expect(rows).toHaveLength(1);
    expect(Buffer.from(rows[0]!.token_hash as Uint8Array).equals(tokenHash(user.refreshToken))).toBe(true);
  });

  it('refuses unknown and expired tokens', async () => {
    expect((await callAction(service, 'refreshToken', { refresh_token: 'wgr_unknown-token-value-0000000000' })).body.extensions?.code).toBe('refresh_token_invalid');
    const user = await signedUpUser(service, 'expired');
    await adminSql`update app_private.refresh_tokens set created_at = now() - interval '31 days', expires_at = now() - interval '1 day' where user_id = ${user.userId}`;
    expect((await callAction(service, 'refreshToken', { refresh_token: user.refreshToken })).body.extensions?.code).toBe('refresh_token_invalid');
  });

  it('drops the org from the token once the membership is gone', async () => {
    const user = await signedUpUser(service, 'leaver');
    const other = await signedUpUser(service, 'keeper');
    // The user joins a second org, lands there, then is removed from it.
    await adminSql`insert into org_memberships (org_id, user_id, role) values (${other.orgId}, ${user.userId}, 'member')`;
    const switched = await callAction(service, 'switchOrganization', { org_id: other.orgId }, user.session);
    expect(switched.body.org_id).toBe(other.orgId);
    await adminSql`delete from org_memberships where org_id = ${other.orgId} and user_id = ${user.userId}`;
    const refreshed = await callAction(service, 'refreshToken', { refresh_token: switched.body.refresh_token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.org_id).toBe('00000000-0000-0000-0000-000000000000');
  });
});

describe('signOut and signOutAll', () => {
  it('ends one session, or all of them', async () => {
    const user = await signedUpUser(service, 'leaving');
    const second = await callAction(service, 'signIn', { email: user.email, password: user.password });
    const third = await callAction(service, 'signIn', { email: user.email, password: user.password });

    expect((await callAction(service, 'signOut', { refresh_token: user.refreshToken }, user.session)).body).toEqual({ ok: true });
    expect((await callAction(service, 'refreshToken', { refresh_token: user.refreshToken })).status).toBe(401);
    expect((await callAction(service, 'refreshToken', { refresh_token: second.body.refresh_token })).status).toBe(200);

    const all = await callAction(service, 'signOutAll', {}, user.session);
    expect(all.body).toEqual({ ok: true, sessions_ended: 2 });
    expect((await callAction(service, 'refreshToken', { refresh_token: third.body.refresh_token })).status).toBe(401);
  });

  it('cannot end another user\'s session', async () => {
    const victim = await signedUpUser(service, 'victim');
    const attacker = await signedUpUser(service, 'attacker');
    await callAction(service, 'signOut', { refresh_token: victim.refreshToken }, attacker.session);
    expect((await callAction(service, 'refreshToken', { refresh_token: victim.refreshToken })).status).toBe(200);
  });
});

describe('password reset and change', () => {
  it('answers the same whether the address exists; the reset link works once and ends every session', async () => {
    const user = await signedUpUser(service, 'forgetful');
    const known = await callAction(service, 'requestPasswordReset', { email: user.email });
    const unknown = await callAction(service, 'requestPasswordReset', { email: uniqueEmail('nobody') });
    expect(known.status).toBe(200);
    expect(known.body).toEqual(unknown.body);

    const token = await mailedToken(service, 'identity.password_reset_requested', user.email);
    const weak = await callAction(service, 'resetPassword', { token, new_password: 'password1234' });
    expect(weak.body.extensions?.code).toBe('password_too_common');
    const newPassword = 'a brand new passphrase 77';
    expect((await callAction(service, 'resetPassword', { token, new_password: newPassword })).body).toEqual({ ok: true });
    expect((await callAction(service, 'resetPassword', { token, new_password: 'yet another passphrase 88' })).body.extensions?.code).toBe('token_invalid');

    expect((await callAction(service, 'refreshToken', { refresh_token: user.refreshToken })).status).toBe(401);
    expect((await callAction(service, 'signIn', { email: user.email, password: user.password })).status).toBe(401);
    expect((await callAction(service, 'signIn', { email: user.email, password: newPassword })).status).toBe(200);
  });

  it('sends at most one reset email per account per minute, answering the same', async () => {
    const user = await signedUpUser(service, 'flooded');
    const first = await callAction(service, 'requestPasswordReset', { email: user.email });
    const second = await callAction(service, 'requestPasswordReset', { email: user.email.toUpperCase() });
    expect(second.body).toEqual(first.body);
    const [mails] = await adminSql`select count(*)::int as n from outbox_events where topic = 'identity.password_reset_requested' and payload ->> 'user_id' = ${user.userId}`;
    expect(mails!.n).toBe(1);
  });

  it('refuses an expired reset link', async () => {
    const user = await signedUpUser(service, 'slow');
    await callAction(service, 'requestPasswordReset', { email: user.email });
    const token = await mailedToken(service, 'identity.password_reset_requested', user.email);
    await adminSql`update app_private.email_tokens set created_at = now() - interval '2 hours', expires_at = now() - interval '1 hour' where token_hash = ${tokenHash(token)}`;
    expect((await callAction(service, 'resetPassword', { token, new_password: 'a brand new passphrase 77' })).body.extensions?.code).toBe('token_invalid');
  });

  it('changes the password with the current one and ends other sessions', async () => {
    const user = await signedUpUser(service, 'changer');
    const wrong = await callAction(service, 'changePassword', { current_password: 'wrong wrong wrong', new_password: 'a brand new passphrase 77' }, user.session);
    expect(wrong.status).toBe(401);
    const changed = await callAction(service, 'changePassword', { current_password: user.password, new_password: 'a brand new passphrase 77' }, user.session);
    expect(changed.status).toBe(200);
    expect(changed.body.refresh_token).toMatch(/^wgr_/);
    expect((await callAction(service, 'refreshToken', { refresh_token: user.refreshToken })).status).toBe(401);
    expect((await callAction(service, 'refreshToken', { refresh_token: changed.body.refresh_token })).status).toBe(200);
  });
});

describe('switchOrganization', () => {
  it('issues a token only for an org the caller belongs to', async () => {
    const user = await signedUpUser(service, 'switcher');
    const stranger = await signedUpUser(service, 'stranger');
    const refused = await callAction(service, 'switchOrganization', { org_id: stranger.orgId }, user.session);
    expect(refused.status).toBe(403);
    expect(refused.body.extensions?.code).toBe('not_a_member');
    const own = await callAction(service, 'switchOrganization', { org_id: user.orgId }, user.session);
    expect(own.status).toBe(200);
    expect(sessionOfToken(own.body.access_token!)['x-hasura-org-id']).toBe(user.orgId);
  });
});

describe('the demo logins', () => {
  it('verify with the seeded hash and the password in demo-logins.json', async () => {
    const { readFileSync } = await import('node:fs');
    const { verifyPassword } = await import('../src/identity/passwords.ts');
    const logins = JSON.parse(readFileSync(new URL('../../db/seeds/demo-logins.json', import.meta.url), 'utf8')) as { password: string };
    const seed = readFileSync(new URL('../../db/seeds/002_demo-passwords.sql', import.meta.url), 'utf8');
    const hash = /'(\$argon2id\$[^']+)'/.exec(seed)?.[1];
    expect(hash).toBeDefined();
    expect(await verifyPassword(hash, logins.password)).toBe(true);
  });
});

