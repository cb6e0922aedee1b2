import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ACTIONS_SECRET } from './support/config.ts';
import { adminSql, callAction, mailedToken, sessionOfToken, startService, STRONG_PASSWORD, uniqueEmail, type TestService } from './support/identity.ts';

let service: TestService;
beforeAll(async () => {
  service = await startService({}, true);
});
afterAll(async () => {
  await service.app.close();
  await adminSql.end();
});

describe('logs of a full identity flow', () => {
  it('contain no password, token, code, key or secret', async () => {
    const secrets: string[] = [STRONG_PASSWORD, TEST_ACTIONS_SECRET];
    const email = uniqueEmail('logged');
    await callAction(service, 'signUp', { email, password: STRONG_PASSWORD, display_name: 'Logan', org_name: 'Logs' });
    const verifyToken = await mailedToken(service, 'identity.email_verification_requested', email);
    secrets.push(verifyToken);
    await callAction(service, 'verifyEmail', { token: verifyToken });
    await callAction(service, 'signIn', { email, password: 'a wrong password here' });
    const signIn = await callAction(service, 'signIn', { email, password: STRONG_PASSWORD });
    secrets.push(signIn.body.access_token!, signIn.body.refresh_token!);
    const session = sessionOfToken(signIn.body.access_token!);

    const enrollment = await callAction(service, 'enrollMfa', {}, session);
    secrets.push(enrollment.body.secret!);
    const code = await generate({ secret: enrollment.body.secret! });
    const verified = await callAction(service, 'verifyMfa', { code }, session);
    secrets.push(...verified.body.backup_codes!);
    const ticket = await callAction(service, 'signIn', { email, password: STRONG_PASSWORD });
    secrets.push(ticket.body.mfa_token!);
    const done = await callAction(service, 'challengeMfa', { mfa_token: ticket.body.mfa_token, code: verified.body.backup_codes![0] });
    secrets.push(done.body.access_token!, done.body.refresh_token!);
    const refreshed = await callAction(service, 'refreshToken', { refresh_token: done.body.refresh_token });
    secrets.push(refreshed.body.refresh_token!);
    await callAction(service, 'refreshToken', { refresh_token: done.body.refresh_token });

    const key = await callAction(service, 'createApiKey', { name: 'logs', scopes: ['read'] }, session);
    secrets.push(key.body.api_key!);
    const exchanged = await callAction(service, 'exchangeApiKey', { api_key: key.body.api_key });
    secrets.push(exchanged.body.access_token!);

    const invitee = uniqueEmail('invitee');
    await callAction(service, 'inviteMember', { email: invitee }, session);
    const invitation = await mailedToken(service, 'identity.invitation_sent', invitee);
    secrets.push(invitation);
    await callAction(service, 'acceptInvitation', { token: invitation, password: 'invitee passphrase 2026' });
    secrets.push('invitee passphrase 2026');

    await callAction(service, 'requestPasswordReset', { email });
    const reset = await mailedToken(service, 'identity.password_reset_requested', email);
    secrets.push(reset);
    await callAction(service, 'resetPassword', { token: reset, new_password: 'the reset passphrase 31' });
    secrets.push('the reset passphrase 31');

    const logs = service.logs.join('');
    expect(service.logs.length).toBeGreaterThan(20);
    expect(logs).toContain('action refused');
    for (const secret of secrets) {
      expect(logs.includes(secret), `a secret (${secret.slice(0, 4)}…) in the logs`).toBe(false);
    }
    // Nor the hashed forms stored in the database.
    const [hash] = await adminSql`select password_hash from app_private.password_credentials pc join users u on u.id = pc.user_id where u.email = ${email}`;
    expect(logs.includes(hash!.password_hash as string)).toBe(false);
  });
});
