import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { Engine } from '../src/engine.ts';
import type { Metadata } from '../src/metadata.ts';
import { asAdmin, asRole, createTestSchema, gql, metadataOf, testConfig } from './support/harness.ts';

// Metadata set through /v1/metadata survives restarts in hdb_catalog.hdb_metadata (Hasura's table),
// created by migration 0073 in the WorkGrid database, where the engine's role workgrid_engine may
// write the row but create nothing.
const SCHEMA = 'conf_persist';
const started: Engine[] = [];
const superuser = postgres(inject('superuserUrl'), { max: 1, onnotice: () => undefined });
const directory = mkdtempSync(join(tmpdir(), 'engine-metadata-'));

async function boot(overrides: Parameters<typeof testConfig>[0] = {}): Promise<{ engine: Engine; app: ReturnType<typeof buildApp> }> {
  const engine = new Engine(testConfig(overrides));
  started.push(engine);
  expect(await engine.start()).toEqual([]);
  const app = buildApp(engine);
  await app.ready();
  return { engine, app };
}

async function call(app: ReturnType<typeof buildApp>, body: unknown): Promise<{ status: number; body: unknown }> {
  const reply = await app.inject({ method: 'POST', url: '/v1/metadata', headers: { 'content-type': 'application/json', ...asAdmin }, payload: JSON.stringify(body) });
  return { status: reply.statusCode, body: JSON.parse(reply.body) as unknown };
}

async function exported(app: ReturnType<typeof buildApp>): Promise<{ resource_version: number; metadata: Metadata }> {
  return (await call(app, { type: 'export_metadata', version: 2, args: {} })).body as { resource_version: number; metadata: Metadata };
}

async function storedRow(): Promise<{ metadata: unknown; resource_version: number } | undefined> {
  const [row] = await superuser<{ metadata: unknown; resource_version: number }[]>`select metadata, resource_version from hdb_catalog.hdb_metadata where id = 1`;
  return row;
}

const itemTable = { table: { schema: SCHEMA, name: 'item' }, configuration: { custom_name: 'item' } };

beforeAll(async () => createTestSchema(SCHEMA, `create table item (id int primary key, label text, owner text); insert into item values (1, 'one', 'u1'), (2, 'two', 'u2');`));
afterAll(async () => {
  for (const engine of started) await engine.close();
  // Later engines started on the test database begin from an empty catalog again.
  await superuser`delete from hdb_catalog.hdb_metadata`;
  await superuser.end();
  rmSync(directory, { recursive: true, force: true });
});

describe('metadata persistence', () => {
  it('uses the migrated catalog although workgrid_engine may create no schema or table', async () => {
    const [privileges] = await superuser<{ database: boolean; schema: boolean }[]>`
      select has_database_privilege('workgrid_engine', current_database(), 'create') as database,
             has_schema_privilege('workgrid_engine', 'hdb_catalog', 'create') as schema`;
    expect(privileges).toEqual({ database: false, schema: false });
    const { engine } = await boot();
    expect(engine.persistsMetadata).toBe(true);
  });

  it('keeps replace_metadata across a restart, bumping resource_version', async () => {
    const first = await boot();
    const before = await exported(first.app);
    const metadata = metadataOf([itemTable]);
    expect(await call(first.app, { type: 'replace_metadata', version: 2, resource_version: before.resource_version, args: { metadata } })).toEqual({ status: 200, body: { is_consistent: true, inconsistent_objects: [] } });
    expect(await gql(first.app, { query: '{ item(order_by: {id: asc}) { label } }' })).toEqual({ data: { item: [{ label: 'one' }, { label: 'two' }] } });
    // As in Hasura, the first row written to an empty catalog keeps version 1; later writes bump it.
    const written = await exported(first.app);
    expect(await call(first.app, { type: 'replace_metadata', version: 2, resource_version: written.resource_version, args: { metadata } })).toMatchObject({ status: 200 });
    const after = await exported(first.app);
    expect(after.resource_version).toBe(written.resource_version + 1);
    expect((await storedRow())?.resource_version).toBe(after.resource_version);

    const second = await boot();
    expect(await gql(second.app, { query: '{ item(order_by: {id: asc}) { label } }' })).toEqual({ data: { item: [{ label: 'one' }, { label: 'two' }] } });
    expect(await exported(second.app)).toEqual({ resource_version: after.resource_version, metadata });
  });

  it('refuses a stale resource_version and changes nothing, in memory or in the catalog', async () => {
    const { app } = await boot();
    const current = await exported(app);
    const row = await storedRow();
    const refused = await call(app, { type: 'replace_metadata', version: 2, resource_version: current.resource_version - 1, args: { metadata: metadataOf([]) } });
    expect(refused).toEqual({ status: 409, body: { path: '$', error: `metadata resource version referenced (${current.resource_version - 1}) did not match current version`, code: 'conflict' } });
    expect(await exported(app)).toEqual(current);
    expect(await storedRow()).toEqual(row);
    expect(await gql(app, { query: '{ item_by_pk(id: 1) { label } }' })).toEqual({ data: { item_by_pk: { label: 'one' } } });
    const stalePermission = await call(app, { type: 'pg_create_select_permission', resource_version: current.resource_version + 7, args: { table: { schema: SCHEMA, name: 'item' }, role: 'user', permission: { columns: ['id'], filter: {} } } });
    expect(stalePermission.status).toBe(409);
    expect((await exported(app)).metadata).toEqual(current.metadata);
  });

  it('keeps fine-grained changes across a restart', async () => {
    const first = await boot();
    const created = await call(first.app, {
      type: 'pg_create_select_permission',
      args: { source: 'default', table: { schema: SCHEMA, name: 'item' }, role: 'user', permission: { columns: ['id', 'label'], filter: { owner: { _eq: 'X-Hasura-User-Id' } } } },
    });
    expect(created).toEqual({ status: 200, body: { message: 'success' } });
    const asUser = asRole('user', { 'x-hasura-user-id': 'u2' });
    expect(await gql(first.app, { query: '{ item { id label } }', headers: asUser })).toEqual({ data: { item: [{ id: 2, label: 'two' }] } });

    const second = await boot();
    expect(await gql(second.app, { query: '{ item { id label } }', headers: asUser })).toEqual({ data: { item: [{ id: 2, label: 'two' }] } });
    expect(await call(second.app, { type: 'pg_drop_select_permission', args: { table: { schema: SCHEMA, name: 'item' }, role: 'user' } })).toEqual({ status: 200, body: { message: 'success' } });
    const third = await boot();
    expect(await gql(third.app, { query: '{ item { id } }', headers: asUser })).toMatchObject({ errors: [{ extensions: { code: 'validation-failed' } }] });
  });

  it('applies the metadata directory at every start over what the catalog holds, and stores it', async () => {
    mkdirSync(join(directory, 'databases'), { recursive: true });
    writeFileSync(join(directory, 'version.yaml'), 'version: 3\n');
    const fromDirectory = metadataOf([{ table: { schema: SCHEMA, name: 'item' }, configuration: { custom_name: 'thing' } }]);
    writeFileSync(join(directory, 'databases', 'databases.yaml'), JSON.stringify(fromDirectory.sources));
    const { app } = await boot({ metadataDir: directory });
    expect(await gql(app, { query: '{ thing_by_pk(id: 1) { label } }' })).toEqual({ data: { thing_by_pk: { label: 'one' } } });
    expect((await storedRow())?.metadata).toEqual((await exported(app)).metadata);

    const withoutDirectory = await boot();
    expect(await gql(withoutDirectory.app, { query: '{ thing_by_pk(id: 2) { label } }' })).toEqual({ data: { thing_by_pk: { label: 'two' } } });
  });

  it("honours the source's database_url from_env", async () => {
    const metadata = metadataOf([itemTable]);
    const source = metadata.sources[0];
    if (source) source.configuration = { connection_info: { database_url: { from_env: 'OTHER_DATABASE_URL' } } };
    const engine = new Engine(testConfig({ databaseUrl: 'postgres://nobody:wrong@127.0.0.1:1/none', environment: { OTHER_DATABASE_URL: inject('engineUrl') } }));
    started.push(engine);
    expect(await engine.replaceMetadata(metadata, false)).toEqual([]);
    const app = buildApp(engine);
    expect(await gql(app, { query: '{ item_by_pk(id: 1) { label } }' })).toEqual({ data: { item_by_pk: { label: 'one' } } });
  });

  it('keeps metadata in memory where no catalog exists and the role may not create one', async () => {
    await superuser.unsafe('drop database if exists conf_persist_bare');
    await superuser.unsafe('create database conf_persist_bare');
    const url = new URL(inject('engineUrl'));
    url.pathname = '/conf_persist_bare';
    const engine = new Engine(testConfig({ metadataDatabaseUrl: url.toString() }));
    try {
      await engine.start();
      expect(engine.persistsMetadata).toBe(false);
    } finally {
      await engine.close();
      await superuser.unsafe('drop database conf_persist_bare');
    }
  });
});
