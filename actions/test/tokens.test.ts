import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, SignJWT, UnsecuredJWT, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyStore } from '../src/identity/keys.ts';
import { CLAIMS_NAMESPACE, TokenIssuer } from '../src/identity/tokens.ts';
import { adminSql, signedUpUser, startService, type SignedUpUser, type TestService } from './support/identity.ts';

const scratch = mkdtempSync(join(tmpdir(), 'workgrid-token-test-'));
const keyDir = (label: string) => mkdtempSync(join(scratch, `${label}-`));

let service: TestService;
let user: SignedUpUser;
let jwks: JSONWebKeySet;
beforeAll(async () => {
  service = await startService({ JWT_AUDIENCE: 'workgrid-test', JWT_ISSUER: 'https://id.workgrid.test' });
  user = await signedUpUser(service, 'bearer');
  jwks = (await service.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json<JSONWebKeySet>();
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await service.app.close();
  await adminSql.end();
});

const verifyOptions = { audience: 'workgrid-test', issuer: 'https://id.workgrid.test' };

describe('the JWKS', () => {
  it('publishes the Ed25519 public key with a kid and cache headers, and nothing private', async () => {
    const response = await service.app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(response.headers['content-type']).toMatch(/^application\/jwk-set\+json/);
    const { keys } = response.json<JSONWebKeySet>();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.any(String), kid: expect.any(String), alg: 'EdDSA', use: 'sig' });
  });

  it('keeps the key files private (0600)', () => {
    const dir = service.config.JWT_KEYS_DIR;
    const files = readdirSync(dir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
  });
});

describe('access tokens', () => {
  it('verify against the JWKS with audience and issuer, last 15 minutes and carry the Hasura claims', async () => {
    const { payload, protectedHeader } = await jwtVerify(user.accessToken, createLocalJWKSet(jwks), verifyOptions);
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'JWT', kid: jwks.keys[0]!.kid });
    expect(payload.exp! - payload.iat!).toBe(900);
    expect(payload.sub).toBe(user.userId);
    expect(payload[CLAIMS_NAMESPACE]).toEqual({
      'x-hasura-default-role': 'user',
      'x-hasura-allowed-roles': ['user'],
      'x-hasura-user-id': user.userId,
      'x-hasura-org-id': user.orgId,
    });
  });

  it('are refused with a wrong audience or issuer, once expired, tampered with, or unsigned', async () => {
    const keySet = createLocalJWKSet(jwks);
    await expect(jwtVerify(user.accessToken, keySet, { ...verifyOptions, audience: 'other' })).rejects.toThrow(/aud/);
    await expect(jwtVerify(user.accessToken, keySet, { ...verifyOptions, issuer: 'other' })).rejects.toThrow(/iss/);
    await expect(jwtVerify(user.accessToken, keySet, { ...verifyOptions, currentDate: new Date(Date.now() + 901_000) })).rejects.toThrow(/exp/);

    const [header, body, signature] = user.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString()) as Record<string, Record<string, string>>;
    claims[CLAIMS_NAMESPACE]!['x-hasura-org-id'] = '00000000-0000-4000-8000-000000000001';
    const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    await expect(jwtVerify(tampered, keySet, verifyOptions)).rejects.toThrow(/signature/);

    const unsigned = new UnsecuredJWT(claims).setIssuer(verifyOptions.issuer).setAudience(verifyOptions.audience).setExpirationTime('5m').encode();
    await expect(jwtVerify(unsigned, keySet, verifyOptions)).rejects.toThrow();
  });

  it('are refused when signed by a key outside the JWKS', async () => {
    const rogue = await KeyStore.open(keyDir('rogue'), 30);
    const forged = await new TokenIssuer(rogue, verifyOptions.issuer, verifyOptions.audience).accessToken({ userId: user.userId, orgId: user.orgId });
    await expect(jwtVerify(forged.access_token, createLocalJWKSet(jwks), verifyOptions)).rejects.toThrow();
    // Same kid as ours, different key: the signature check still fails.
    const { privateKey } = rogue.signer();
    const sameKid = await new SignJWT({}).setProtectedHeader({ alg: 'EdDSA', kid: jwks.keys[0]!.kid! }).setIssuer(verifyOptions.issuer)
      .setAudience(verifyOptions.audience).setExpirationTime('5m').sign(privateKey);
    await expect(jwtVerify(sameKid, createLocalJWKSet(jwks), verifyOptions)).rejects.toThrow(/signature/);
  });
});

describe('key rotation', () => {
  it('publishes a new key before it signs, and keeps the old one published until its tokens have expired', async () => {
    const dir = keyDir('rotation');
    const start = new Date('2026-01-01T00:00:00Z');
    const store = await KeyStore.open(dir, 30, start);
    const oldKid = store.signer(start).kid;
    const minutesAfter = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);

    expect(await store.rotateIfDue(new Date('2026-01-15T00:00:00Z'))).toBe(false);
    const rotatedAt = new Date('2026-02-01T00:00:00Z');
    expect(await store.rotateIfDue(rotatedAt)).toBe(true);
    const kids = store.jwks(rotatedAt).keys.map((k) => k.kid);
    expect(kids).toHaveLength(2);
    const newKid = kids[1];

    // For the JWKS cache lifetime (5 min) plus a minute the old key still signs; both are published.
    expect(store.signer(minutesAfter(rotatedAt, 5)).kid).toBe(oldKid);
    expect(store.signer(minutesAfter(rotatedAt, 7)).kid).toBe(newKid);
    // The old key stays published 20 minutes after it stopped signing (15-minute tokens + margin).
    expect(store.jwks(minutesAfter(rotatedAt, 6 + 19)).keys.map((k) => k.kid)).toEqual([oldKid, newKid]);
    expect(store.jwks(minutesAfter(rotatedAt, 6 + 21)).keys.map((k) => k.kid)).toEqual([newKid]);

    // A restart finds both keys.
    const reopened = await KeyStore.open(dir, 30, minutesAfter(rotatedAt, 10));
    expect(reopened.signer(minutesAfter(rotatedAt, 10)).kid).toBe(newKid);
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('publishes keys made by another replica sharing the folder, and rotates once under concurrency', async () => {
    const dir = keyDir('replicas');
    const start = new Date('2026-03-01T00:00:00Z');
    const one = await KeyStore.open(dir, 30, start);
    const two = await KeyStore.open(dir, 30, start);
    expect(two.jwks(start).keys).toHaveLength(1);
    const later = new Date('2026-04-01T00:00:00Z');
    expect(await Promise.all([one.rotateIfDue(later), one.rotateIfDue(later)])).toEqual([true, true]);
    expect(readdirSync(dir)).toHaveLength(2);
    // The other replica learns of the new key the next time its JWKS is asked for.
    expect(await two.rotateIfDue(later)).toBe(false);
    expect(two.jwks(later).keys.map((k) => k.kid)).toEqual(one.jwks(later).keys.map((k) => k.kid));
  });

  it('signs tokens with the signer\'s kid', async () => {
    const store = await KeyStore.open(keyDir('kid'), 30);
    const token = (await new TokenIssuer(store, 'i', 'a').accessToken({ userId: 'u', orgId: null })).access_token;
    expect(decodeProtectedHeader(token).kid).toBe(store.signer().kid);
  });
});
