import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { tokenHash } from '../src/identity/secrets.ts';
import { CLAIMS_NAMESPACE } from '../src/identity/tokens.ts';
import { adminSql, authEvents, callAction, sessionOfToken, signedUpUser, startService, userSession, type SignedUpUser, type TestService } from './support/identity.ts';

let service: TestService;
let user: SignedUpUser;
beforeAll(async () => {
  service = await startService();
  user = await signedUpUser(service, 'automator');
});
afterAll(async () => {
  await service.app.close();
  await adminSql.end();
});

async function createKey(scopes: string[], extra: Record<string, unknown> = {}) {
  const created = await callAction(service, 'createApiKey', { name: 'CI', scopes, ...extra }, user.session);
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  return created.body;
}

describe('API keys', () => {
  it('shows the secret once and stores only its hash', async () => {
    const key = await createKey(['read']);
    expect(key.api_key).toMatch(/^wgk_/);
    expect(key.prefix).toBe(key.api_key!.slice(0, 12));
    const [row] = await adminSql`select secret_hash, scopes, org_id, user_id from app_private.api_keys where id = ${key.id!}`;
    expect(Buffer.from(row!.secret_hash as Uint8Array).equals(tokenHash(key.api_key!))).toBe(true);
    expect(row).toMatchObject({ scopes: ['read'], org_id: user.orgId, user_id: user.userId });
    expect((await authEvents(user.userId)).map((e) => e.event)).toContain('auth.api_key_created');
  });

  it('exchanges for a 15-minute token of its org and scopes, and refuses scopes beyond the key', async () => {
    const key = await createKey(['read', 'write']);
    const all = await callAction(service, 'exchangeApiKey', { api_key: key.api_key });
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ token_type: 'Bearer', expires_in: 900, scopes: ['read', 'write'] });
    expect(sessionOfToken(all.body.access_token!)).toEqual({
      'x-hasura-role': 'user',
      'x-hasura-user-id': user.userId,
      'x-hasura-org-id': user.orgId,
      'x-hasura-api-key-id': key.id,
      'x-hasura-api-scopes': '{read,write}',
    });
    const narrowed = await callAction(service, 'exchangeApiKey', { api_key: key.api_key, scopes: ['read'] });
    expect(sessionOfToken(narrowed.body.access_token!)).toMatchObject({ 'x-hasura-role': 'reader', 'x-hasura-api-scopes': '{read}' });
    expect(decodeJwt(narrowed.body.access_token!)[CLAIMS_NAMESPACE]).toMatchObject({ 'x-hasura-allowed-roles': ['reader'] });

    const readOnly = await createKey(['read']);
    const beyond = await callAction(service, 'exchangeApiKey', { api_key: readOnly.api_key, scopes: ['write'] });
    expect(beyond.status).toBe(403);
    expect(beyond.body.extensions?.code).toBe('api_key_scope_exceeded');
    const unknownScope = await callAction(service, 'exchangeApiKey', { api_key: readOnly.api_key, scopes: ['admin'] });
    expect(unknownScope.status).toBe(400);
  });

  it('refuses a revoked, an expired and an unknown key', async () => {
    const key = await createKey(['read']);
    expect((await callAction(service, 'revokeApiKey', { api_key_id: key.id }, user.session)).body).toEqual({ ok: true });
    expect((await callAction(service, 'exchangeApiKey', { api_key: key.api_key })).body.extensions?.code).toBe('api_key_invalid');

    const expiring = await createKey(['read'], { expires_in_days: 1 });
    await adminSql`update app_private.api_keys set expires_at = now() - interval '1 second' where id = ${expiring.id!}`;
    expect((await callAction(service, 'exchangeApiKey', { api_key: expiring.api_key })).body.extensions?.code).toBe('api_key_invalid');
    expect((await callAction(service, 'exchangeApiKey', { api_key: 'wgk_this-key-does-not-exist-000000000' })).status).toBe(401);
  });

  it('stops working once its user leaves the org', async () => {
    const member = await signedUpUser(service, 'leavingkeys');
    await adminSql`insert into org_memberships (org_id, user_id, role) values (${user.orgId}, ${member.userId}, 'member')`;
    const switched = await callAction(service, 'switchOrganization', { org_id: user.orgId }, member.session);
    const created = await callAction(service, 'createApiKey', { name: 'mine', scopes: ['read'] }, sessionOfToken(switched.body.access_token!));
    expect(created.status).toBe(200);
    await adminSql`delete from org_memberships where org_id = ${user.orgId} and user_id = ${member.userId}`;
    expect((await callAction(service, 'exchangeApiKey', { api_key: created.body.api_key })).body.extensions?.code).toBe('api_key_invalid');
  });

  it('gives tokens that cannot manage credentials', async () => {
    const key = await createKey(['read', 'write']);
    const session = sessionOfToken((await callAction(service, 'exchangeApiKey', { api_key: key.api_key })).body.access_token!);
    for (const [name, input] of [
      ['createApiKey', { name: 'more', scopes: ['read'] }],
      ['revokeApiKey', { api_key_id: key.id }],
      ['changePassword', { current_password: user.password, new_password: 'another long passphrase 9' }],
      ['enrollMfa', {}],
      ['switchOrganization', { org_id: user.orgId }],
    ] as const) {
      const response = await callAction(service, name, input, session);
      expect(response.status, name).toBe(403);
      expect(response.body.extensions?.code).toBe('api_key_not_allowed');
    }
  });

  it('gives read-only tokens no mutation actions, and write tokens only non-credential ones', async () => {
    const readOnly = await createKey(['read']);
    const readSession = sessionOfToken((await callAction(service, 'exchangeApiKey', { api_key: readOnly.api_key })).body.access_token!);
    const refused = await callAction(service, 'inviteMember', { email: 'someone@example.test' }, readSession);
    expect(refused.status).toBe(403);
    expect(refused.body.extensions?.code).toBe('api_key_scope_exceeded');
    const writer = await createKey(['read', 'write']);
    const writeSession = sessionOfToken((await callAction(service, 'exchangeApiKey', { api_key: writer.api_key })).body.access_token!);
    expect((await callAction(service, 'inviteMember', { email: `bot-${Date.now()}@example.test` }, writeSession)).status).toBe(200);
  });

  it('cannot be revoked by another user, nor created for an org the caller is not in', async () => {
    const key = await createKey(['read']);
    const other = await signedUpUser(service, 'keythief');
    expect((await callAction(service, 'revokeApiKey', { api_key_id: key.id }, other.session)).status).toBe(404);
    expect((await callAction(service, 'revokeApiKey', { api_key_id: key.id }, userSession(other.userId, user.orgId))).status).toBe(404);
    const forged = await callAction(service, 'createApiKey', { name: 'x', scopes: ['read'] }, userSession(other.userId, user.orgId));
    expect(forged.status).toBe(403);
    expect(forged.body.extensions?.code).toBe('not_a_member');
    expect((await callAction(service, 'exchangeApiKey', { api_key: key.api_key })).status).toBe(200);
  });

  it('lists the caller\'s own keys of the session org, newest first, without their secrets', async () => {
    const owner = await signedUpUser(service, 'keylister');
    const colleague = await signedUpUser(service, 'keycolleague');
    await adminSql`insert into org_memberships (org_id, user_id, role) values (${owner.orgId}, ${colleague.userId}, 'member')`;
    const colleagueHere = sessionOfToken((await callAction(service, 'switchOrganization', { org_id: owner.orgId }, colleague.session)).body.access_token!);
    const create = async (session: typeof owner.session, name: string) =>
      (await callAction(service, 'createApiKey', { name, scopes: ['read'] }, session)).body;
    const first = await create(owner.session, 'Deploys');
    const second = await create(owner.session, 'Reports');
    await callAction(service, 'revokeApiKey', { api_key_id: first.id }, owner.session);
    await create(colleagueHere, 'Colleague here');
    const colleagueElsewhere = await create(colleague.session, 'Colleague at home');

    const listed = await callAction(service, 'apiKeys', {}, owner.session);
    expect(listed.status).toBe(200);
    const keys = listed.body as unknown as Record<string, unknown>[];
    expect(keys.map((key) => key.name)).toEqual(['Reports', 'Deploys']);
    expect(Object.keys(keys[0]!).sort()).toEqual(['created_at', 'expires_at', 'id', 'last_used_at', 'name', 'prefix', 'revoked_at', 'scopes']);
    expect(keys[0]).toMatchObject({ id: second.id, prefix: second.prefix, scopes: ['read'], revoked_at: null, last_used_at: null });
    expect(keys[1]!.revoked_at).toEqual(expect.any(String));

    // The colleague sees only their key of whichever org the session is in.
    const home = (await callAction(service, 'apiKeys', {}, colleague.session)).body as unknown as Record<string, unknown>[];
    expect(home.map((key) => key.id)).toEqual([colleagueElsewhere.id]);
    const here = (await callAction(service, 'apiKeys', {}, colleagueHere)).body as unknown as Record<string, unknown>[];
    expect(here.map((key) => key.name)).toEqual(['Colleague here']);

    const token = (await callAction(service, 'exchangeApiKey', { api_key: second.api_key })).body.access_token!;
    expect((await callAction(service, 'apiKeys', {}, sessionOfToken(token))).status).toBe(403);
  });
});
