import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ACTIONS_SECRET } from '../../../actions/test/support/config.ts';
import { callAction, signedUpUser, startService, type SignedUpUser, type TestService } from '../../../actions/test/support/identity.ts';
import { superuserSql } from '../../../actions/test/support/org.ts';
import { loadMetadataDirectory, type Metadata } from '../src/metadata.ts';
import { gql, startEngine, type TestEngine } from './support/harness.ts';

// API keys through the real WorkGrid metadata and actions service: a token from a read-only key
// (API role `reader`) reads what its user reads and cannot write by any GraphQL path; the database
// refuses its writes even when the metadata would let one through.
const METADATA_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'hasura', 'metadata');

interface GraphqlAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

let service: TestService;
let engines: TestEngine[] = [];
let user: SignedUpUser;
const sql = superuserSql();

async function engineWith(metadata: Metadata): Promise<TestEngine> {
  const base = `http://127.0.0.1:${(service.app.server.address() as { port: number }).port}`;
  const engine = await startEngine(metadata, {
    jwtSecret: JSON.stringify({ jwk_url: `${base}/.well-known/jwks.json`, audience: service.config.JWT_AUDIENCE, issuer: service.config.JWT_ISSUER }),
    environment: { ACTIONS_BASE_URL: base, ACTIONS_SECRET: TEST_ACTIONS_SECRET },
  });
  engines.push(engine);
  return engine;
}

async function tokenOfKey(scopes: string[]): Promise<string> {
  const created = await callAction(service, 'createApiKey', { name: `key ${scopes.join('+')}`, scopes }, user.session);
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  const exchanged = await callAction(service, 'exchangeApiKey', { api_key: created.body.api_key });
  expect(exchanged.status, JSON.stringify(exchanged.body)).toBe(200);
  return exchanged.body.access_token!;
}

const call = (engine: TestEngine, token: string, query: string, headers: Record<string, string> = {}) =>
  gql(engine.app, { query, headers: { authorization: `Bearer ${token}`, ...headers } }) as Promise<GraphqlAnswer>;

const MUTATIONS = [
  'mutation { insert_tags_one(object: {name: "from a read key"}) { id } }',
  'mutation { update_tags(where: {}, _set: {color: "#000000"}) { affected_rows } }',
  'mutation { delete_tags(where: {}) { affected_rows } }',
  'mutation { update_orgs_by_pk(pk_columns: {id: "00000000-0000-0000-0000-000000000000"}, _set: {name: "x"}) { id } }',
  'mutation { inviteMember(email: "someone@example.test") { __typename } }',
];

beforeAll(async () => {
  service = await startService();
  await service.app.listen({ port: 0, host: '127.0.0.1' });
  user = await signedUpUser(service, 'read-keys');
  await sql`insert into tags (org_id, name, created_by) values (${user.orgId}, 'existing', ${user.userId})`;
});

afterAll(async () => {
  await Promise.all(engines.map((engine) => engine.close()));
  engines = [];
  await service?.app.close();
  await sql.end();
});

describe('API keys with the read scope only', () => {
  it('read what their user reads and have no mutation in their schema', async () => {
    const engine = await engineWith(loadMetadataDirectory(METADATA_DIR));
    const token = await tokenOfKey(['read']);
    expect(await call(engine, token, '{ tags { name } orgs { id } }')).toEqual({ data: { tags: [{ name: 'existing' }], orgs: [{ id: user.orgId }] } });
    for (const mutation of MUTATIONS) {
      const answer = await call(engine, token, mutation);
      expect(answer.data ?? null, mutation).toBeNull();
      expect(answer.errors?.[0]?.extensions?.code, mutation).toBe('validation-failed');
    }
    const [row] = await sql`select count(*)::int as tags from tags where org_id = ${user.orgId}`;
    expect(row!.tags).toBe(1);
  });

  it('cannot ask for the user role instead', async () => {
    const engine = await engineWith(loadMetadataDirectory(METADATA_DIR));
    const token = await tokenOfKey(['read']);
    const answer = await call(engine, token, 'mutation { insert_tags_one(object: {name: "escalated"}) { id } }', { 'x-hasura-role': 'user' });
    expect(answer.errors?.[0]?.extensions?.code).toBe('access-denied');
  });

  it('are refused by the database when the metadata would let a write through', async () => {
    // A metadata slip: the reader role gets the user's insert permission on tags.
    const metadata = loadMetadataDirectory(METADATA_DIR);
    const tags = metadata.sources[0]!.tables.find((table) => table.table.name === 'tags')!;
    const userInsert = tags.insert_permissions!.find((permission) => permission.role === 'user')!;
    tags.insert_permissions!.push({ ...userInsert, role: 'reader' });
    const engine = await engineWith(metadata);
    const token = await tokenOfKey(['read']);
    const answer = await call(engine, token, 'mutation { insert_tags_one(object: {name: "slipped through"}) { id } }');
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'read_only_session' } });
    expect(await sql`select from tags where name = 'slipped through'`).toHaveLength(0);
  });
});

describe('API keys with the write scope', () => {
  it('read and write like their user', async () => {
    const engine = await engineWith(loadMetadataDirectory(METADATA_DIR));
    const token = await tokenOfKey(['read', 'write']);
    const inserted = await call(engine, token, 'mutation { insert_tags_one(object: {name: "from a write key"}) { name created_by } }');
    expect(inserted).toEqual({ data: { insert_tags_one: { name: 'from a write key', created_by: user.userId } } });
  });
});
