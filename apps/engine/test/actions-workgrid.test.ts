import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ACTIONS_SECRET } from '../../../actions/test/support/config.ts';
import { randomIp, signedUpUser, startService, type TestService } from '../../../actions/test/support/identity.ts';
import { createTestOrg, superuserSql } from '../../../actions/test/support/org.ts';
import { loadMetadataDirectory } from '../src/metadata.ts';
import { gql, startEngine, type TestEngine } from './support/harness.ts';

// End to end: the real WorkGrid metadata and the real actions service. A client signs in through
// the engine (action signIn as the anonymous role) and queries with the token the action answered.
const METADATA_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'hasura', 'metadata');

let service: TestService;
let engine: TestEngine;
const sql = superuserSql();

beforeAll(async () => {
  service = await startService();
  const base = await service.app.listen({ port: 0, host: '127.0.0.1' });
  engine = await startEngine(loadMetadataDirectory(METADATA_DIR), {
    jwtSecret: JSON.stringify({ jwk_url: `${base}/.well-known/jwks.json`, audience: service.config.JWT_AUDIENCE, issuer: service.config.JWT_ISSUER }),
    environment: { ACTIONS_BASE_URL: base, ACTIONS_SECRET: TEST_ACTIONS_SECRET },
  });
});

afterAll(async () => {
  await engine?.close();
  await service?.app.close();
  await sql.end();
});

describe('WorkGrid actions through the engine', () => {
  it('signIn as anonymous, then the access token sees only the user\'s org', async () => {
    const user = await signedUpUser(service, 'engine-e2e');
    await createTestOrg(sql, 'Elsewhere', 0);
    const signIn = (await gql(engine.app, {
      query: 'mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { mfa_required access_token token_type user_id org_id } }',
      variables: { email: user.email, password: user.password },
      headers: { 'x-forwarded-for': randomIp(), 'user-agent': 'engine-e2e/1' },
    })) as { data: { signIn: { mfa_required: boolean; access_token: string; token_type: string; user_id: string; org_id: string } } };
    expect(signIn.data.signIn).toMatchObject({ mfa_required: false, token_type: 'Bearer', user_id: user.userId, org_id: user.orgId });
    const orgs = await gql(engine.app, { query: '{ orgs { id } }', headers: { authorization: `Bearer ${signIn.data.signIn.access_token}` } });
    expect(orgs).toEqual({ data: { orgs: [{ id: user.orgId }] } });
  });

  it('inviteMember answers the invitation row through the action relationship', async () => {
    const owner = await signedUpUser(service, 'engine-invite');
    const email = `invitee-${Date.now()}@example.test`;
    const invited = (await gql(engine.app, {
      query: 'mutation ($email: String!) { inviteMember(email: $email, role: "manager") { invitation_id invitation { id email role org_id accepted_at } } }',
      variables: { email },
      headers: { authorization: `Bearer ${owner.accessToken}` },
    })) as { data: { inviteMember: { invitation_id: string; invitation: unknown } } };
    const { invitation_id: id, invitation } = invited.data.inviteMember;
    expect(invitation).toEqual({ id, email, role: 'manager', org_id: owner.orgId, accepted_at: null });
  });
});
