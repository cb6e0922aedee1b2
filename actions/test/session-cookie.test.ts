import { describe, expect, it } from 'vitest';
import { REFRESH_COOKIE } from '../src/routes/session-cookie.ts';
import { callAction, sessionOfToken, signedUpUser, useService, type TestService } from './support/identity.ts';

let service: TestService;
useService((started) => (service = started));

const CSRF = { 'x-workgrid-csrf': '1' };

function cookieFrom(setCookie: string | string[] | number | undefined): { value: string; attributes: string } {
  const header = String(Array.isArray(setCookie) ? setCookie[0] : setCookie);
  const [pair, ...attributes] = header.split('; ');
  return { value: pair!.slice(REFRESH_COOKIE.length + 1), attributes: attributes.join('; ') };
}

describe('the console cookie flow', () => {
  it('moves the refresh token into an httpOnly cookie, rotates it there, and signs out', async () => {
    const user = await signedUpUser(service, 'browser');
    const adopted = await service.app.inject({ method: 'POST', url: '/auth/cookie', headers: CSRF, payload: { refresh_token: user.refreshToken } });
    expect(adopted.statusCode).toBe(200);
    expect(adopted.headers['cache-control']).toBe('no-store');
    const first = cookieFrom(adopted.headers['set-cookie']);
    expect(first.attributes).toBe('Max-Age=2592000; Path=/; HttpOnly; Secure; SameSite=Strict');
    expect(first.value).toMatch(/^wgr_/);
    expect(adopted.json()).not.toHaveProperty('refresh_token');
    expect(sessionOfToken(adopted.json<{ access_token: string }>().access_token)['x-hasura-user-id']).toBe(user.userId);
    // The token given to /auth/cookie is spent.
    expect((await callAction(service, 'refreshToken', { refresh_token: user.refreshToken })).body.extensions?.code).toBe('refresh_token_reused');

    const other = await signedUpUser(service, 'browser2');
    const adopted2 = await service.app.inject({ method: 'POST', url: '/auth/cookie', headers: CSRF, payload: { refresh_token: other.refreshToken } });
    const cookie = cookieFrom(adopted2.headers['set-cookie']).value;
    const refreshed = await service.app.inject({ method: 'POST', url: '/auth/refresh', headers: { ...CSRF, cookie: `${REFRESH_COOKIE}=${cookie}` } });
    expect(refreshed.statusCode).toBe(200);
    const next = cookieFrom(refreshed.headers['set-cookie']).value;
    expect(next).not.toBe(cookie);

    const signedOut = await service.app.inject({ method: 'POST', url: '/auth/sign-out', headers: { ...CSRF, cookie: `${REFRESH_COOKIE}=${next}` } });
    expect(signedOut.statusCode).toBe(204);
    expect(cookieFrom(signedOut.headers['set-cookie']).attributes).toMatch(/^Max-Age=0;/);
    const after = await service.app.inject({ method: 'POST', url: '/auth/refresh', headers: { ...CSRF, cookie: `${REFRESH_COOKIE}=${next}` } });
    expect(after.statusCode).toBe(401);
    expect(after.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(after.json()).toMatchObject({ status: 401, code: 'refresh_token_invalid' });
  });

  it('refuses requests without the CSRF header and without a cookie', async () => {
    const noHeader = await service.app.inject({ method: 'POST', url: '/auth/refresh' });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json()).toMatchObject({ code: 'csrf_header_missing' });
    const noCookie = await service.app.inject({ method: 'POST', url: '/auth/refresh', headers: CSRF });
    expect(noCookie.statusCode).toBe(401);
  });
});
