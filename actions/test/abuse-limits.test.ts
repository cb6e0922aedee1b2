import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSql, callAction, randomIp, signedUpUser, startService, uniqueEmail, type TestService } from './support/identity.ts';

const LOCKOUT_SECONDS = 2;
const MAX_FAILURES = 3;
const IP_MAX_ATTEMPTS = 8;

let service: TestService;
beforeAll(async () => {
  service = await startService({
    AUTH_MAX_FAILURES: String(MAX_FAILURES),
    AUTH_LOCKOUT_SECONDS: String(LOCKOUT_SECONDS),
    AUTH_IP_MAX_ATTEMPTS: String(IP_MAX_ATTEMPTS),
  });
});
afterAll(async () => {
  await service.app.close();
  await adminSql.end();
});

describe('account lockout', () => {
  it('locks after repeated failures, refuses even the right password before comparing, and expires', async () => {
    const user = await signedUpUser(service, 'locked');
    for (let i = 0; i < MAX_FAILURES; i += 1) {
      const failed = await callAction(service, 'signIn', { email: user.email, password: `wrong password ${i}` });
      expect(failed.body.extensions?.code).toBe('invalid_credentials');
    }
    const locked = await callAction(service, 'signIn', { email: user.email, password: user.password });
    expect(locked.status).toBe(429);
    expect(locked.body.extensions?.code).toBe('account_locked');
    expect(locked.body.extensions?.retry_after).toBeGreaterThan(0);
    expect(locked.body.extensions?.retry_after).toBeLessThanOrEqual(LOCKOUT_SECONDS);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);

    await new Promise((resolve) => setTimeout(resolve, LOCKOUT_SECONDS * 1000 + 200));
    const after = await callAction(service, 'signIn', { email: user.email, password: user.password });
    expect(after.status).toBe(200);
  });

  it('locks unknown addresses the same way (no enumeration through the lockout)', async () => {
    const email = uniqueEmail('phantom');
    for (let i = 0; i < MAX_FAILURES; i += 1) await callAction(service, 'signIn', { email, password: `wrong password ${i}` });
    const locked = await callAction(service, 'signIn', { email, password: 'wrong password again' });
    expect(locked.body.extensions?.code).toBe('account_locked');
  });

  it('counts failures per account whatever the address they come from, case-insensitively', async () => {
    const user = await signedUpUser(service, 'spread');
    for (let i = 0; i < MAX_FAILURES; i += 1) {
      await callAction(service, 'signIn', { email: i % 2 ? user.email.toUpperCase() : user.email, password: `wrong password ${i}` }, undefined, { ip: randomIp() });
    }
    expect((await callAction(service, 'signIn', { email: user.email, password: user.password })).body.extensions?.code).toBe('account_locked');
  });

  it('a success clears the count', async () => {
    const user = await signedUpUser(service, 'recover');
    for (let i = 0; i < MAX_FAILURES - 1; i += 1) await callAction(service, 'signIn', { email: user.email, password: `wrong password ${i}` });
    expect((await callAction(service, 'signIn', { email: user.email, password: user.password })).status).toBe(200);
    await callAction(service, 'signIn', { email: user.email, password: 'wrong password x' });
    expect((await callAction(service, 'signIn', { email: user.email, password: user.password })).status).toBe(200);
  });
});

describe('per-IP limits', () => {
  it('refuses an address past its budget with a retry-after, whatever the account', async () => {
    const ip = randomIp();
    for (let i = 0; i < IP_MAX_ATTEMPTS; i += 1) {
      const attempt = await callAction(service, 'signIn', { email: uniqueEmail('spray'), password: 'spray password 123' }, undefined, { ip });
      expect(attempt.body.extensions?.code).toBe('invalid_credentials');
    }
    const limited = await callAction(service, 'signIn', { email: uniqueEmail('spray'), password: 'spray password 123' }, undefined, { ip });
    expect(limited.status).toBe(429);
    expect(limited.body.extensions?.code).toBe('rate_limited');
    expect(limited.body.extensions?.retry_after).toBeGreaterThan(0);
    // Another address is unaffected.
    expect((await callAction(service, 'signIn', { email: uniqueEmail('spray'), password: 'spray password 123' })).body.extensions?.code).toBe('invalid_credentials');
  });

  it('limits password reset requests per address too', async () => {
    const ip = randomIp();
    for (let i = 0; i < IP_MAX_ATTEMPTS; i += 1) await callAction(service, 'requestPasswordReset', { email: uniqueEmail('r') }, undefined, { ip });
    expect((await callAction(service, 'requestPasswordReset', { email: uniqueEmail('r') }, undefined, { ip })).status).toBe(429);
  });
});
