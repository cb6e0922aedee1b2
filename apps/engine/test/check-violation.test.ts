import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { Engine } from '../src/engine.ts';
import { asRole, gql, metadataOf, testConfig } from './support/harness.ts';

// Mutation statements raise through Hasura's hdb_catalog.check_violation(msg) when a row fails its
// permission check. WorkGrid's migration 0078 creates it; on a source without it the engine creates it
// where its role may (as Hasura creates its catalog in a source) and refuses to start where it may not.
const DATABASE = 'conf_check_violation';
const superuser = postgres(inject('superuserUrl'), { max: 1, onnotice: () => undefined });

function urlOf(base: string): string {
  const url = new URL(base);
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

const metadata = metadataOf([
  {
    table: { schema: 'public', name: 'note' },
    select_permissions: [{ role: 'user', permission: { columns: ['id', 'owner_id'], filter: {} } }],
    insert_permissions: [{ role: 'user', permission: { columns: ['owner_id'], check: { owner_id: { _eq: 'X-Hasura-User-Id' } } } }],
  },
]);

beforeAll(async () => {
  await superuser.unsafe(`drop database if exists ${DATABASE}`);
  await superuser.unsafe(`create database ${DATABASE}`);
  const database = postgres(urlOf(inject('superuserUrl')), { max: 1, onnotice: () => undefined });
  try {
    await database.unsafe('create table note (id serial primary key, owner_id int not null); grant select, insert on note to workgrid_engine; grant usage on sequence note_id_seq to workgrid_engine');
  } finally {
    await database.end();
  }
});
afterAll(async () => {
  await superuser.unsafe(`drop database if exists ${DATABASE}`);
  await superuser.end();
});

describe("the source's hdb_catalog.check_violation", () => {
  it('is in the WorkGrid database, raising check_violation with the message it is given', async () => {
    const error = await superuser`select hdb_catalog.check_violation('no')`.catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: '23514', message: 'no' });
  });

  it('refuses to start on a source without it that the role may not create it in', async () => {
    const engine = new Engine(testConfig({ databaseUrl: urlOf(inject('engineUrl')) }));
    try {
      await expect(engine.replaceMetadata(metadata, false)).rejects.toThrow(/no hdb_catalog\.check_violation\(text\) and this role may not create it/);
    } finally {
      await engine.close();
    }
  });

  it("is created where the role may, and a failed insert check then answers Hasura's error", async () => {
    const engine = new Engine(testConfig({ databaseUrl: urlOf(inject('superuserUrl')) }));
    try {
      expect(await engine.replaceMetadata(metadata, false)).toEqual([]);
      const app = buildApp(engine);
      const headers = asRole('user', { 'x-hasura-user-id': '1' });
      expect(await gql(app, { query: 'mutation { insert_note_one(object: {owner_id: 2}) { id } }', headers })).toEqual({
        errors: [{ message: 'check constraint of an insert/update permission has failed', extensions: { path: '$.selectionSet.insert_note_one.args.object', code: 'permission-error' } }],
      });
      expect(await gql(app, { query: 'mutation { insert_note_one(object: {owner_id: 1}) { owner_id } }', headers })).toEqual({ data: { insert_note_one: { owner_id: 1 } } });
    } finally {
      await engine.close();
    }
  });
});
