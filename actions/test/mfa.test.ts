import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSql, authEvents, callAction, sessionOfToken, signedUpUser, startService, type SignedUpUser, type TestService } from './support/identity.ts';

let service: TestService;
beforeAll(async () => {
  service = await startService({ AUTH_MAX_FAILURES: '3' });
});
afterAll(async () => {
  await service.app.close();
  await adminSql.end();
});

/** A code for the step after `stepsAhead` steps (30 s each), so a test need not wait for the clock. */
const totp = (secret: string, stepsAhead = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });

async function enrolled(label: string): Promise<{ user: SignedUpUser; secret: string; backupCodes: string[] }> {
  const user = await signedUpUser(service, label);
  const enrollment = await callAction(service, 'enrollMfa', {}, user.session);
  expect(enrollment.status).toBe(200);
  expect(enrollment.body.otpauth_url).toMatch(/^otpauth:\/\/totp\/WorkGrid:/);
  const secret = enrollment.body.secret!;
  const verified = await callAction(service, 'verifyMfa', { code: await totp(secret) }, user.session);
  expect(verified.status, JSON.stringify(verified.body)).toBe(200);
  expect(verified.body.backup_codes).toHaveLength(10);
  return { user, secret, backupCodes: verified.body.backup_codes! };
}

describe('MFA enrolment', () => {
  it('stores the secret encrypted and the backup codes hashed', async () => {
    const { user, secret, backupCodes } = await enrolled('vault');
    const [factor] = await adminSql`select secret_ciphertext, enabled_at from app_private.mfa_factors where user_id = ${user.userId}`;
    expect(factor!.enabled_at).not.toBeNull();
    expect(factor!.secret_ciphertext).not.toContain(secret);
    const codes = await adminSql`select code_hash from app_private.mfa_backup_codes where user_id = ${user.userId}`;
    expect(codes).toHaveLength(10);
    const stored = codes.map((row) => Buffer.from(row.code_hash as Uint8Array).toString('utf8')).join();
    for (const code of backupCodes) expect(stored).not.toContain(code.replace(/-/g, ''));
    expect((await authEvents(user.userId)).map((e) => e.event)).toEqual(expect.arrayContaining(['auth.mfa_enrollment_started', 'auth.mfa_enabled']));
  });

  it('refuses a wrong first code and a second enrolment while on', async () => {
    const user = await signedUpUser(service, 'fumble');
    const enrollment = await callAction(service, 'enrollMfa', {}, user.session);
    expect((await callAction(service, 'verifyMfa', { code: '000000' }, user.session)).body.extensions?.code).toBe('mfa_code_invalid');
    await callAction(service, 'verifyMfa', { code: await totp(enrollment.body.secret!) }, user.session);
    expect((await callAction(service, 'enrollMfa', {}, user.session)).body.extensions?.code).toBe('mfa_already_enabled');
  });
});

describe('signing in with MFA', () => {
  it('asks for a code, accepts a TOTP code once, and refuses its replay', async () => {
    const { user, secret } = await enrolled('twofactor');
    const first = await callAction(service, 'signIn', { email: user.email, password: user.password });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ mfa_required: true, access_token: null, refresh_token: null });
    expect(first.body.mfa_token).toMatch(/^wgm_/);

    // The enrolment code used the current step, so the next one must be newer.
    const code = await totp(secret, 1);
    const done = await callAction(service, 'challengeMfa', { mfa_token: first.body.mfa_token, code });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.mfa_required).toBe(false);
    expect(sessionOfToken(done.body.access_token!)['x-hasura-user-id']).toBe(user.userId);

    // The same code on a new sign-in: replay, refused.
    const second = await callAction(service, 'signIn', { email: user.email, password: user.password });
    const replay = await callAction(service, 'challengeMfa', { mfa_token: second.body.mfa_token, code });
    expect(replay.status).toBe(401);
    expect(replay.body.extensions?.code).toBe('mfa_code_invalid');
    // And a ticket is single use.
    expect((await callAction(service, 'challengeMfa', { mfa_token: first.body.mfa_token, code: await totp(secret, 1) })).body.extensions?.code).toBe('mfa_challenge_invalid');
  });

  it('accepts each backup code once', async () => {
    const { user, backupCodes } = await enrolled('backup');
    const ticket = (await callAction(service, 'signIn', { email: user.email, password: user.password })).body.mfa_token;
    expect((await callAction(service, 'challengeMfa', { mfa_token: ticket, code: backupCodes[0] })).status).toBe(200);
    const again = (await callAction(service, 'signIn', { email: user.email, password: user.password })).body.mfa_token;
    expect((await callAction(service, 'challengeMfa', { mfa_token: again, code: backupCodes[0] })).body.extensions?.code).toBe('mfa_code_invalid');
    expect((await callAction(service, 'challengeMfa', { mfa_token: again, code: backupCodes[1]!.toUpperCase() })).status).toBe(200);
  });

  it('locks the MFA step after repeated wrong codes', async () => {
    const { user, secret } = await enrolled('guesser');
    const ticket = (await callAction(service, 'signIn', { email: user.email, password: user.password })).body.mfa_token;
    for (const code of ['111111', '222222', '333333']) {
      expect((await callAction(service, 'challengeMfa', { mfa_token: ticket, code })).body.extensions?.code).toBe('mfa_code_invalid');
    }
    const locked = await callAction(service, 'challengeMfa', { mfa_token: ticket, code: await totp(secret, 1) });
    expect(locked.body.extensions?.code).toBe('account_locked');
    expect((await authEvents(user.userId)).filter((e) => e.event === 'auth.mfa_failed')).toHaveLength(3);
  });

  it('turns off with a valid code only', async () => {
    const { user, secret } = await enrolled('disabler');
    expect((await callAction(service, 'disableMfa', { code: '123456' }, user.session)).status).toBe(400);
    expect((await callAction(service, 'disableMfa', { code: await totp(secret, 1) }, user.session)).body).toEqual({ enabled: false, backup_codes_remaining: 0 });
    const plain = await callAction(service, 'signIn', { email: user.email, password: user.password });
    expect(plain.body.mfa_required).toBe(false);
    expect((await authEvents(user.userId)).map((e) => e.event)).toContain('auth.mfa_disabled');
  });
});

describe('MFA status', () => {
  it('tells the caller whether MFA is on and how many backup codes remain, of their own account only', async () => {
    const bystander = await signedUpUser(service, 'nomfa');
    expect((await callAction(service, 'mfaStatus', {}, bystander.session)).body).toEqual({ enabled: false, backup_codes_remaining: 0 });
    const { user, backupCodes } = await enrolled('counted');
    expect((await callAction(service, 'mfaStatus', {}, user.session)).body).toEqual({ enabled: true, backup_codes_remaining: 10 });
    const ticket = (await callAction(service, 'signIn', { email: user.email, password: user.password })).body.mfa_token;
    expect((await callAction(service, 'challengeMfa', { mfa_token: ticket, code: backupCodes[0] })).status).toBe(200);
    expect((await callAction(service, 'mfaStatus', {}, user.session)).body).toEqual({ enabled: true, backup_codes_remaining: 9 });
    expect((await callAction(service, 'mfaStatus', {}, bystander.session)).body).toEqual({ enabled: false, backup_codes_remaining: 0 });
  });
});
