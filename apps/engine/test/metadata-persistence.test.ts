import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { Engine } from '../src/engine.ts';
import { asAdmin, createTestSchema, gql, metadataOf, testConfig } from './support/harness.ts';

// Metadata set through /v1/metadata survives restarts in hdb_catalog (Hasura's hdb_metadata table),
// here kept in a metadata database the engine may write (HASURA_GRAPHQL_METADATA_DATABASE_URL).
const SCHEMA = 'conf_persist';
const started: Engine[] = [];

async function boot(): Promise<{ engine: Engine; app: ReturnType<typeof buildApp> }> {
  const engine = new Engine(testConfig({ metadataDatabaseUrl: inject('superuserUrl') }));
  started.push(engine);
  await engine.start();
  const app = buildApp(engine);
  await app.ready();
  return { engine, app };
}

beforeAll(async () => createTestSchema(SCHEMA, `create table item (id int primary key, label text); insert into item values (1, 'one');`));
afterAll(async () => {
  for (const engine of started) await engine.close();
});

describe('metadata persistence', () => {
  it('keeps replace_metadata across a restart', async () => {
    const first = await boot();
    expect(first.engine.persistsMetadata).toBe(true);
    const metadata = metadataOf([{ table: { schema: SCHEMA, name: 'item' }, configuration: { custom_name: 'item' } }]);
    const reply = await first.app.inject({ method: 'POST', url: '/v1/metadata', headers: { 'content-type': 'application/json', ...asAdmin }, payload: JSON.stringify({ type: 'replace_metadata', args: { metadata } }) });
    expect(JSON.parse(reply.body)).toEqual({ is_consistent: true, inconsistent_objects: [] });
    expect(await gql(first.app, { query: '{ item { label } }' })).toEqual({ data: { item: [{ label: 'one' }] } });

    const second = await boot();
    expect(await gql(second.app, { query: '{ item { label } }' })).toEqual({ data: { item: [{ label: 'one' }] } });
    const exported = JSON.parse((await second.app.inject({ method: 'POST', url: '/v1/metadata', headers: { 'content-type': 'application/json', ...asAdmin }, payload: '{"type":"export_metadata","version":2,"args":{}}' })).body) as {
      resource_version: number;
      metadata: unknown;
    };
    expect(exported.metadata).toEqual(metadata);
  });

  it("honours the source's database_url from_env", async () => {
    const metadata = metadataOf([{ table: { schema: SCHEMA, name: 'item' }, configuration: { custom_name: 'item' } }]);
    const source = metadata.sources[0];
    if (source) source.configuration = { connection_info: { database_url: { from_env: 'OTHER_DATABASE_URL' } } };
    const engine = new Engine(testConfig({ databaseUrl: 'postgres://nobody:wrong@127.0.0.1:1/none', environment: { OTHER_DATABASE_URL: inject('engineUrl') } }));
    started.push(engine);
    expect(await engine.replaceMetadata(metadata, false)).toEqual([]);
    const app = buildApp(engine);
    expect(await gql(app, { query: '{ item { label } }' })).toEqual({ data: { item: [{ label: 'one' }] } });
  });

  it('the WorkGrid engine role cannot create hdb_catalog: metadata then lives in memory only', async () => {
    const engine = new Engine(testConfig());
    started.push(engine);
    await engine.start();
    expect(engine.persistsMetadata).toBe(false);
  });
});
