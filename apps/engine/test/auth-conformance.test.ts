import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TableMetadata } from '../src/metadata.ts';
import { ADMIN_SECRET, asAdmin, createTestSchema, gql, metadataOf, startEngine, type TestEngine } from './support/harness.ts';

// Hasura's authentication rules: admin secret and impersonation, JWT mode (HASURA_GRAPHQL_JWT_SECRET),
// allowed roles, the unauthorized role, and the documented error codes and messages.
const SCHEMA = 'conf_auth';
const KEY = 'an-hs256-secret-that-is-long-enough-for-tests';

const TABLES: TableMetadata[] = [
  {
    table: { schema: SCHEMA, name: 'note' },
    configuration: { custom_name: 'note' },
    select_permissions: [
      { role: 'user', permission: { columns: ['id', 'owner'], filter: { owner: { _eq: 'X-Hasura-User-Id' } } } },
      { role: 'editor', permission: { columns: ['id', 'owner', 'body'], filter: {} } },
      { role: 'anonymous', permission: { columns: ['id'], filter: { id: { _eq: 1 } } } },
    ],
    insert_permissions: [{ role: 'editor', permission: { columns: ['id', 'owner', 'body'], check: {}, backend_only: true } }],
  },
];

const claims = (extra: Record<string, unknown> = {}): JWTPayload => ({
  sub: '42',
  'https://hasura.io/jwt/claims': { 'x-hasura-allowed-roles': ['user', 'editor'], 'x-hasura-default-role': 'user', 'x-hasura-user-id': '42', ...extra },
});

const sign = (payload: JWTPayload, expiresIn: string | Date = '5m', key = KEY) =>
  new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime(expiresIn).sign(new TextEncoder().encode(key));

let engine: TestEngine;
beforeAll(async () => {
  await createTestSchema(SCHEMA, `create table note (id int primary key, owner text, body text); insert into note values (1, '42', 'mine'), (2, '7', 'theirs');`);
  engine = await startEngine(metadataOf(TABLES), { jwtSecret: JSON.stringify({ type: 'HS256', key: KEY }) });
});
afterAll(async () => engine?.close());

const ask = (headers: Record<string, string>, query = '{ note(order_by: {id: asc}) { id } }') => gql(engine.app, { query, headers });
const error = (code: string, message: string) => ({ errors: [{ message, extensions: { path: '$', code } }] });

describe('admin secret', () => {
  it('grants admin, and impersonation through x-hasura-role and session headers', async () => {
    expect(await ask(asAdmin, '{ note(order_by: {id: asc}) { id body } }')).toEqual({ data: { note: [{ id: 1, body: 'mine' }, { id: 2, body: 'theirs' }] } });
    expect(await ask({ ...asAdmin, 'x-hasura-role': 'user', 'x-hasura-user-id': '7' })).toEqual({ data: { note: [{ id: 2 }] } });
  });

  it('refuses a wrong secret', async () => {
    expect(await ask({ 'x-hasura-admin-secret': 'nope' })).toEqual(error('access-denied', 'invalid x-hasura-admin-secret/x-hasura-access-key'));
  });
});

describe('JWT mode', () => {
  it('uses the default role and the claims as session', async () => {
    expect(await ask({ authorization: `Bearer ${await sign(claims())}` })).toEqual({ data: { note: [{ id: 1 }] } });
  });

  it('switches to an allowed role and refuses others', async () => {
    const token = await sign(claims());
    expect(await ask({ authorization: `Bearer ${token}`, 'x-hasura-role': 'editor' }, '{ note(order_by: {id: asc}) { body } }')).toEqual({ data: { note: [{ body: 'mine' }, { body: 'theirs' }] } });
    expect(await ask({ authorization: `Bearer ${token}`, 'x-hasura-role': 'admin' })).toEqual(error('access-denied', 'Your requested role is not in allowed roles'));
  });

  it('ignores x-hasura-* request headers other than the role', async () => {
    expect(await ask({ authorization: `Bearer ${await sign(claims())}`, 'x-hasura-user-id': '7' })).toEqual({ data: { note: [{ id: 1 }] } });
  });

  it('reports expired, badly signed and malformed tokens as invalid-jwt', async () => {
    const expired = await sign(claims(), new Date('2020-01-01T00:00:00Z'));
    expect(await ask({ authorization: `Bearer ${expired}` })).toEqual(error('invalid-jwt', 'Could not verify JWT: JWTExpired'));
    expect(await ask({ authorization: `Bearer ${await sign(claims(), '5m', `${KEY}-other`)}` })).toEqual(error('invalid-jwt', 'Could not verify JWT: JWSError JWSInvalidSignature'));
    expect(((await ask({ authorization: 'Bearer abc' })) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('invalid-jwt');
  });

  it('refuses a token it verified before once that token has expired', async () => {
    const token = await sign(claims(), '1m');
    expect(await ask({ authorization: `Bearer ${token}` })).toEqual({ data: { note: [{ id: 1 }] } });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 61_000);
      expect(await ask({ authorization: `Bearer ${token}` })).toEqual(error('invalid-jwt', 'Could not verify JWT: JWTExpired'));
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a malformed header, missing claims and missing roles', async () => {
    expect(await ask({ authorization: 'Token x' })).toEqual(error('invalid-headers', 'Malformed Authorization header'));
    expect(await ask({ authorization: `Bearer ${await sign({ sub: '1' })}` })).toEqual(error('jwt-invalid-claims', "claims key: 'https://hasura.io/jwt/claims' not found"));
    expect(await ask({ authorization: `Bearer ${await sign({ 'https://hasura.io/jwt/claims': { 'x-hasura-user-id': '1' } })}` })).toEqual(
      error('jwt-missing-role-claims', 'JWT claim does not contain x-hasura-allowed-roles'),
    );
  });

  it('falls back to the unauthorized role without a token', async () => {
    expect(await ask({})).toEqual({ data: { note: [{ id: 1 }] } });
  });
});

describe('JWT configuration', () => {
  it('without an unauthorized role, a missing token is an error', async () => {
    const strict = await startEngine(metadataOf(TABLES), { jwtSecret: JSON.stringify({ type: 'HS256', key: KEY }), unauthorizedRole: undefined });
    try {
      expect(await gql(strict.app, { query: '{ note { id } }', headers: {} })).toEqual(error('invalid-headers', 'Missing Authorization header in JWT authentication mode'));
    } finally {
      await strict.close();
    }
  });

  it('admin-secret-only mode without unauthorized role requires the secret', async () => {
    const strict = await startEngine(metadataOf(TABLES), { unauthorizedRole: undefined });
    try {
      expect(await gql(strict.app, { query: '{ note { id } }', headers: {} })).toEqual(error('access-denied', 'x-hasura-admin-secret/x-hasura-access-key required, but not found'));
    } finally {
      await strict.close();
    }
  });

  it('reads claims_namespace_path, checks audience and issuer, and fetches keys from jwk_url honouring Cache-Control', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    let fetches = 0;
    const server: Server = createServer((_request, response) => {
      fetches += 1;
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=300' });
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    const remote = await startEngine(metadataOf(TABLES), {
      jwtSecret: JSON.stringify({ jwk_url: url, claims_namespace_path: '$.hasura.claims', audience: 'workgrid', issuer: 'workgrid' }),
    });
    try {
      const token = (payload: JWTPayload, audience = 'workgrid') =>
        new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer('workgrid').setAudience(audience).setExpirationTime('5m').sign(privateKey);
      const payload = { hasura: { claims: { 'x-hasura-allowed-roles': ['user'], 'x-hasura-default-role': 'user', 'x-hasura-user-id': '7' } } };
      expect(await gql(remote.app, { query: '{ note { id } }', headers: { authorization: `Bearer ${await token(payload)}` } })).toEqual({ data: { note: [{ id: 2 }] } });
      expect(await gql(remote.app, { query: '{ note { id } }', headers: { authorization: `Bearer ${await token(payload)}` } })).toEqual({ data: { note: [{ id: 2 }] } });
      expect(fetches).toBe(1);
      expect(await gql(remote.app, { query: '{ note { id } }', headers: { authorization: `Bearer ${await token(payload, 'other')}` } })).toEqual(
        error('invalid-jwt', 'Could not verify JWT: JWTNotInAudience'),
      );
    } finally {
      await remote.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('webhook mode (HASURA_GRAPHQL_AUTH_HOOK)', () => {
  it('takes the session from the hook (GET and POST), and maps 401 to access-denied', async () => {
    const seen: string[] = [];
    const server: Server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const auth = request.method === 'POST' ? (JSON.parse(body) as { headers: Record<string, string>; request: { query: string } }) : undefined;
        if (auth) seen.push(auth.request.query);
        const header = auth ? auth.headers['authorization'] : request.headers.authorization;
        if (header === 'Bearer good') {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ 'X-Hasura-Role': 'user', 'X-Hasura-User-Id': '7' }));
        } else {
          response.writeHead(401);
          response.end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/auth`;
    try {
      for (const mode of ['GET', 'POST'] as const) {
        const hooked = await startEngine(metadataOf(TABLES), { authHook: { url, mode }, unauthorizedRole: undefined });
        try {
          expect(await gql(hooked.app, { query: '{ note { id } }', headers: { authorization: 'Bearer good' } })).toEqual({ data: { note: [{ id: 2 }] } });
          expect(await gql(hooked.app, { query: '{ note { id } }', headers: { authorization: 'Bearer bad' } })).toEqual(error('access-denied', 'Authentication hook unauthorized this request'));
          expect(await gql(hooked.app, { query: '{ note { id body } }', headers: asAdmin })).toEqual({ data: { note: [{ id: 1, body: 'mine' }, { id: 2, body: 'theirs' }] } });
        } finally {
          await hooked.close();
        }
      }
      expect(seen).toContain('{ note { id } }');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('backend_only permissions', () => {
  const insert = 'mutation { insert_note_one(object: {id: 3, body: "b"}) { id } }';
  it('hide the mutation unless the admin secret and x-hasura-use-backend-only-permissions are sent', async () => {
    expect(await ask({ ...asAdmin, 'x-hasura-role': 'editor' }, insert)).toEqual({ errors: [{ message: 'no mutations exist', extensions: { path: '$', code: 'validation-failed' } }] });
    const token = await sign(claims());
    expect(await ask({ authorization: `Bearer ${token}`, 'x-hasura-role': 'editor', 'x-hasura-use-backend-only-permissions': 'true' }, insert)).toEqual({
      errors: [{ message: 'no mutations exist', extensions: { path: '$', code: 'validation-failed' } }],
    });
    expect(await ask({ ...asAdmin, 'x-hasura-role': 'editor', 'x-hasura-use-backend-only-permissions': 'true' }, insert)).toEqual({ data: { insert_note_one: { id: 3 } } });
  });
});

describe('claims_map', () => {
  it('maps session variables from arbitrary claim paths, with defaults', async () => {
    const mapped = await startEngine(metadataOf(TABLES), {
      jwtSecret: JSON.stringify({
        type: 'HS256',
        key: KEY,
        claims_map: {
          'x-hasura-allowed-roles': { path: '$.roles' },
          'x-hasura-default-role': { path: '$.role', default: 'user' },
          'x-hasura-user-id': { path: '$.user.id' },
        },
      }),
    });
    try {
      const token = await sign({ roles: ['user'], user: { id: '7' } });
      expect(await gql(mapped.app, { query: '{ note { id } }', headers: { authorization: `Bearer ${token}` } })).toEqual({ data: { note: [{ id: 2 }] } });
    } finally {
      await mapped.close();
    }
  });
});

describe('metadata API', () => {
  const post = (body: unknown, headers: Record<string, string> = asAdmin) =>
    engine.app.inject({ method: 'POST', url: '/v1/metadata', headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify(body) });

  it('is admin only', async () => {
    const response = await post({ type: 'export_metadata', args: {} }, { 'x-hasura-admin-secret': ADMIN_SECRET, 'x-hasura-role': 'user' });
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'access-denied' });
    expect((await post({ type: 'export_metadata', args: {} }, {})).statusCode).toBe(400);
  });

  it('exports, reports consistency, reloads and replaces metadata (refusing inconsistent metadata)', async () => {
    const exported = JSON.parse((await post({ type: 'export_metadata', args: {} })).body) as { version: number; sources: { tables: unknown[] }[] };
    expect(exported.version).toBe(3);
    expect(exported.sources[0]?.tables).toHaveLength(1);
    expect(JSON.parse((await post({ type: 'get_inconsistent_metadata', args: {} })).body)).toEqual({ is_consistent: true, inconsistent_objects: [] });
    expect(JSON.parse((await post({ type: 'reload_metadata', args: {} })).body)).toMatchObject({ message: 'success' });

    const broken = metadataOf([...TABLES, { table: { schema: SCHEMA, name: 'missing' } }]);
    const refused = await post({ type: 'replace_metadata', args: broken });
    expect(refused.statusCode).toBe(400);
    expect(await ask(asAdmin, '{ note_by_pk(id: 1) { id } }')).toEqual({ data: { note_by_pk: { id: 1 } } });

    const renamed = metadataOf([{ ...TABLES[0]!, configuration: { custom_name: 'memo' } }]);
    expect(JSON.parse((await post({ type: 'replace_metadata', args: renamed })).body)).toEqual({ message: 'success' });
    expect(await ask(asAdmin, '{ memo_by_pk(id: 1) { id } }')).toEqual({ data: { memo_by_pk: { id: 1 } } });
    const v2 = JSON.parse((await post({ type: 'replace_metadata', args: { metadata: metadataOf(TABLES), allow_inconsistent_metadata: false } })).body) as unknown;
    expect(v2).toEqual({ is_consistent: true, inconsistent_objects: [] });
  });

  it('answers the CLI catalog state calls, bulk and clear_metadata', async () => {
    expect(JSON.parse((await post({ type: 'get_catalog_state', args: {} })).body)).toMatchObject({ cli_state: {}, console_state: {} });
    expect(JSON.parse((await post({ type: 'set_catalog_state', args: { type: 'cli', state: { settings: { x: 1 } } } })).body)).toEqual({ message: 'success' });
    expect(JSON.parse((await post({ type: 'get_catalog_state', args: {} })).body)).toMatchObject({ cli_state: { settings: { x: 1 } } });
    const bulk = JSON.parse((await post({ type: 'bulk', args: [{ type: 'get_inconsistent_metadata', args: {} }, { type: 'reload_metadata', args: {} }] })).body) as unknown[];
    expect(bulk).toHaveLength(2);
    const exported = (await post({ type: 'export_metadata', args: {} })).body;
    expect(JSON.parse((await post({ type: 'clear_metadata', args: {} })).body)).toEqual({ message: 'success' });
    expect(await ask(asAdmin, '{ __typename }')).toEqual({ data: { __typename: 'query_root' } });
    expect((await post({ type: 'replace_metadata', args: JSON.parse(exported) as unknown })).statusCode).toBe(200);
    expect(JSON.parse((await post({ type: 'pg_create_event_trigger', args: {} })).body)).toMatchObject({ code: 'not-supported' });
  });

  it('serves the console from bundled assets', async () => {
    const page = await engine.app.inject({ method: 'GET', url: '/console' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('/console/assets/graphiql.js');
    expect(page.body).not.toMatch(/https?:\/\/(?!127)/);
    const script = await engine.app.inject({ method: 'GET', url: '/console/assets/graphiql.js' });
    expect(script.statusCode).toBe(200);
    expect(script.body.length).toBeGreaterThan(100_000);
  });
});
