import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRole, createTestSchema, gql, metadataOf, startEngine, type TestEngine } from './support/harness.ts';

// The fine-grained /v1/metadata calls of the Hasura console and CLI (request → expected answer, in
// Hasura's words), each taking effect at once; bulk, resource_version and inconsistency handling.
const SCHEMA = 'conf_meta';
const author = { schema: SCHEMA, name: 'author' };
const article = { schema: SCHEMA, name: 'article' };
let engine: TestEngine;

async function call(body: unknown): Promise<{ status: number; body: unknown }> {
  const reply = await engine.app.inject({ method: 'POST', url: '/v1/metadata', headers: { 'content-type': 'application/json', 'x-hasura-admin-secret': 's3cret' }, payload: JSON.stringify(body) });
  return { status: reply.statusCode, body: JSON.parse(reply.body) as unknown };
}

const success = { status: 200, body: { message: 'success' } };
const exported = async () => (await call({ type: 'export_metadata', version: 2, args: {} })).body as { resource_version: number; metadata: ReturnType<typeof metadataOf> };

beforeAll(async () => {
  await createTestSchema(
    SCHEMA,
    `create table author (id int primary key, name text not null);
     create table article (id int primary key, title text not null, author_id int not null references author (id));
     insert into author values (1, 'Ada'), (2, 'Brian');
     insert into article values (10, 'Engines', 1), (11, 'Looms', 1), (12, 'Pipes', 2);
     create function search_authors(q text) returns setof author language sql stable as $$ select * from conf_meta.author where name ilike '%' || q || '%' $$;
     create function author_shout(a author) returns text language sql stable as $$ select upper(a.name) $$;`,
  );
  engine = await startEngine(metadataOf([]));
});
afterAll(async () => engine.close());

describe('tables', () => {
  it('tracks a table at once and refuses to track it twice', async () => {
    expect(await call({ type: 'pg_track_table', args: { source: 'default', table: author, configuration: { custom_name: 'author' } } })).toEqual(success);
    expect(await gql(engine.app, { query: '{ author(order_by: {id: asc}) { name } }' })).toEqual({ data: { author: [{ name: 'Ada' }, { name: 'Brian' }] } });
    expect(await call({ type: 'pg_track_table', args: { table: author } })).toEqual({ status: 400, body: { path: '$.args', error: 'view/table already tracked: "conf_meta.author"', code: 'already-tracked' } });
    expect(await call({ type: 'pg_track_table', args: { table: article, configuration: { custom_name: 'article' } } })).toEqual(success);
  });

  it('refuses a table that does not exist, leaving the metadata as it was', async () => {
    const before = await exported();
    const refused = await call({ type: 'pg_track_table', args: { table: { schema: SCHEMA, name: 'nothing' } } });
    expect(refused).toMatchObject({ status: 400, body: { path: '$.args', code: 'invalid-configuration', error: 'Inconsistent object: no such table/view exists in source: "conf_meta.nothing"' } });
    expect(await exported()).toEqual(before);
  });

  it('answers a missing argument as Hasura does', async () => {
    expect(await call({ type: 'pg_track_table', args: {} })).toEqual({ status: 400, body: { path: '$.args', error: 'key "table" not found', code: 'parse-failed' } });
    expect(await call({ type: 'pg_create_select_permission', args: { table: author, permission: { columns: '*', filter: {} } } })).toEqual({ status: 400, body: { path: '$.args', error: 'key "role" not found', code: 'parse-failed' } });
    expect(await call({ type: 'pg_set_table_customization', args: { table: { schema: SCHEMA, name: 'nothing' }, configuration: {} } })).toEqual({
      status: 400,
      body: { path: '$.args', error: 'table "conf_meta.nothing" does not exist in source: default', code: 'not-exists' },
    });
  });

  it('customizes a table', async () => {
    expect(await call({ type: 'pg_set_table_customization', args: { table: author, configuration: { custom_name: 'writer', custom_root_fields: { select_by_pk: 'writer_one' } } } })).toEqual(success);
    expect(await gql(engine.app, { query: '{ writer_one(id: 2) { name } }' })).toEqual({ data: { writer_one: { name: 'Brian' } } });
    expect(await call({ type: 'pg_set_table_customization', args: { table: author, configuration: { custom_name: 'author' } } })).toEqual(success);
  });
});

describe('relationships', () => {
  it('creates, renames and drops object and array relationships', async () => {
    expect(await call({ type: 'pg_create_object_relationship', args: { table: article, name: 'author', using: { foreign_key_constraint_on: 'author_id' } } })).toEqual(success);
    expect(await call({ type: 'pg_create_array_relationship', args: { table: author, name: 'articles', using: { foreign_key_constraint_on: { table: article, column: 'author_id' } } } })).toEqual(success);
    expect(await gql(engine.app, { query: '{ author_by_pk(id: 2) { articles { title author { name } } } }' })).toEqual({ data: { author_by_pk: { articles: [{ title: 'Pipes', author: { name: 'Brian' } }] } } });
    expect(await call({ type: 'pg_create_object_relationship', args: { table: article, name: 'author', using: { foreign_key_constraint_on: 'author_id' } } })).toEqual({
      status: 400,
      body: { path: '$.args', error: 'column/relationship "author" of table "conf_meta.article" already exists', code: 'already-exists' },
    });

    expect(await call({ type: 'pg_rename_relationship', args: { table: article, name: 'author', new_name: 'writer' } })).toEqual(success);
    expect(await gql(engine.app, { query: '{ article_by_pk(id: 12) { writer { name } } }' })).toEqual({ data: { article_by_pk: { writer: { name: 'Brian' } } } });
    expect(await call({ type: 'pg_drop_relationship', args: { table: article, relationship: 'writer' } })).toEqual(success);
    expect(await call({ type: 'pg_drop_relationship', args: { table: article, relationship: 'writer' } })).toEqual({ status: 400, body: { path: '$.args', error: 'relationship "writer" does not exist', code: 'not-exists' } });
  });
});

describe('permissions', () => {
  const asUser = asRole('user', { 'x-hasura-user-id': '1' });

  it('creates and drops select permissions, with Hasura’s errors for duplicates and missing ones', async () => {
    const permission = { columns: ['id', 'title'], filter: { author_id: { _eq: 'X-Hasura-User-Id' } } };
    expect(await call({ type: 'pg_create_select_permission', args: { table: article, role: 'user', permission } })).toEqual(success);
    expect(await gql(engine.app, { query: '{ article(order_by: {id: asc}) { title } }', headers: asUser })).toEqual({ data: { article: [{ title: 'Engines' }, { title: 'Looms' }] } });
    expect(await call({ type: 'pg_create_select_permission', args: { table: article, role: 'user', permission } })).toEqual({
      status: 400,
      body: { path: '$.args', error: 'select permission already defined on table "conf_meta.article" with role "user"', code: 'already-exists' },
    });
    expect(await call({ type: 'pg_drop_select_permission', args: { table: article, role: 'user' } })).toEqual(success);
    expect(await gql(engine.app, { query: '{ article { title } }', headers: asUser })).toMatchObject({ errors: [{ extensions: { code: 'validation-failed' } }] });
    expect(await call({ type: 'pg_drop_select_permission', args: { table: article, role: 'user' } })).toEqual({
      status: 400,
      body: { path: '$.args', error: `'select' permission on "conf_meta.article" for role "user" does not exist`, code: 'permission-denied' },
    });
  });

  it('creates and drops insert, update and delete permissions', async () => {
    const table = article;
    expect(await call({ type: 'pg_create_select_permission', args: { table, role: 'user', permission: { columns: '*', filter: {} } } })).toEqual(success);
    expect(await call({ type: 'pg_create_insert_permission', args: { table, role: 'user', permission: { columns: ['id', 'title', 'author_id'], check: { author_id: { _eq: 'X-Hasura-User-Id' } } } } })).toEqual(success);
    expect(await call({ type: 'pg_create_update_permission', args: { table, role: 'user', permission: { columns: ['title'], filter: { author_id: { _eq: 'X-Hasura-User-Id' } }, check: {} } } })).toEqual(success);
    expect(await call({ type: 'pg_create_delete_permission', args: { table, role: 'user', permission: { filter: { author_id: { _eq: 'X-Hasura-User-Id' } } } } })).toEqual(success);
    const insert = 'mutation { insert_article_one(object: {id: 20, title: "Gears", author_id: 2}) { id } }';
    expect(await gql(engine.app, { query: insert, headers: asUser })).toMatchObject({ errors: [{ extensions: { code: 'permission-error' } }] });
    expect(await gql(engine.app, { query: 'mutation { update_article(where: {}, _set: {title: "Engines II"}) { affected_rows } }', headers: asUser })).toEqual({ data: { update_article: { affected_rows: 2 } } });
    expect(await gql(engine.app, { query: 'mutation { delete_article(where: {id: {_eq: 12}}) { affected_rows } }', headers: asUser })).toEqual({ data: { delete_article: { affected_rows: 0 } } });

    for (const kind of ['insert', 'update', 'delete']) expect(await call({ type: `pg_drop_${kind}_permission`, args: { table, role: 'user' } })).toEqual(success);
    expect(await gql(engine.app, { query: 'mutation { delete_article(where: {}) { affected_rows } }', headers: asUser })).toMatchObject({ errors: [{ extensions: { code: 'validation-failed' } }] });
    expect((await exported()).metadata.sources[0]?.tables.find((entry) => entry.table.name === 'article')).not.toHaveProperty('insert_permissions');
  });
});

describe('functions and computed fields', () => {
  it('tracks and untracks a function', async () => {
    expect(await call({ type: 'pg_track_function', args: { function: { schema: SCHEMA, name: 'search_authors' }, configuration: { custom_name: 'search_authors' } } })).toEqual(success);
    expect(await gql(engine.app, { query: '{ search_authors(args: {q: "bri"}) { name } }' })).toEqual({ data: { search_authors: [{ name: 'Brian' }] } });
    expect(await call({ type: 'pg_track_function', args: { function: { schema: SCHEMA, name: 'search_authors' } } })).toMatchObject({ status: 400, body: { path: '$.args', code: 'already-tracked' } });
    expect(await call({ type: 'pg_untrack_function', args: { function: { schema: SCHEMA, name: 'search_authors' } } })).toEqual(success);
    expect(await gql(engine.app, { query: '{ search_authors(args: {q: "bri"}) { name } }' })).toMatchObject({ errors: [{ extensions: { code: 'validation-failed' } }] });
  });

  it('adds and drops a computed field', async () => {
    expect(await call({ type: 'pg_add_computed_field', args: { table: author, name: 'shout', definition: { function: { schema: SCHEMA, name: 'author_shout' } } } })).toEqual(success);
    expect(await gql(engine.app, { query: '{ author_by_pk(id: 1) { shout } }' })).toEqual({ data: { author_by_pk: { shout: 'ADA' } } });
    expect(await call({ type: 'pg_drop_computed_field', args: { table: author, name: 'shout' } })).toEqual(success);
    expect(await call({ type: 'pg_drop_computed_field', args: { table: author, name: 'shout' } })).toMatchObject({ status: 400, body: { path: '$.args', code: 'not-exists' } });
  });
});

describe('untracking with dependents', () => {
  it('refuses while relationships point at the table, and drops them with cascade', async () => {
    expect(await call({ type: 'pg_create_object_relationship', args: { table: article, name: 'author', using: { manual_configuration: { remote_table: author, column_mapping: { author_id: 'id' } } } } })).toEqual(success);
    expect(await call({ type: 'pg_untrack_table', args: { table: author } })).toEqual({
      status: 400,
      body: { path: '$.args', error: 'cannot drop due to the following dependent objects: relationship article.author in source "default"', code: 'dependency-error' },
    });
    expect(await call({ type: 'pg_untrack_table', args: { table: author, cascade: true } })).toEqual(success);
    expect(await call({ type: 'pg_untrack_table', args: { table: author } })).toEqual({ status: 400, body: { path: '$.args', error: 'view/table already untracked: "conf_meta.author"', code: 'already-untracked' } });
    expect(await call({ type: 'pg_track_table', args: { table: author, configuration: { custom_name: 'author' } } })).toEqual(success);
  });
});

describe('bulk, resource_version and inconsistencies', () => {
  it('bulk applies all calls or none', async () => {
    const before = await exported();
    const refused = await call({ type: 'bulk', args: [{ type: 'pg_create_select_permission', args: { table: author, role: 'guest', permission: { columns: '*', filter: {} } } }, { type: 'pg_track_table', args: { table: author } }] });
    expect(refused).toEqual({ status: 400, body: { path: '$.args[1].args', error: 'view/table already tracked: "conf_meta.author"', code: 'already-tracked' } });
    expect((await exported()).metadata).toEqual(before.metadata);
    expect(await call({ type: 'bulk', args: [{ type: 'pg_create_select_permission', args: { table: author, role: 'guest', permission: { columns: ['name'], filter: {} } } }, { type: 'export_metadata', args: {} }] })).toMatchObject({ status: 200, body: [{ message: 'success' }, { version: 3 }] });
  });

  it('bulk_keep_going answers each call', async () => {
    expect(await call({ type: 'bulk_keep_going', args: [{ type: 'pg_drop_select_permission', args: { table: author, role: 'guest' } }, { type: 'pg_drop_select_permission', args: { table: author, role: 'guest' } }] })).toMatchObject({
      status: 200,
      body: [{ message: 'success' }, { path: '$.args', code: 'permission-denied' }],
    });
  });

  it('refuses a stale resource_version with nothing changed', async () => {
    const current = await exported();
    const refused = await call({ type: 'pg_set_table_customization', resource_version: current.resource_version - 1, args: { table: article, configuration: { custom_name: 'paper' } } });
    expect(refused).toEqual({ status: 409, body: { path: '$', error: `metadata resource version referenced (${current.resource_version - 1}) did not match current version`, code: 'conflict' } });
    expect(await exported()).toEqual(current);
    expect(await call({ type: 'pg_set_table_customization', resource_version: current.resource_version, args: { table: article, configuration: { custom_name: 'article' } } })).toEqual(success);
    expect((await exported()).resource_version).toBe(current.resource_version + 1);
  });

  it('drop_inconsistent_metadata removes what no longer matches the database; clear_metadata empties it', async () => {
    const { metadata } = await exported();
    metadata.sources[0]?.tables.push({ table: { schema: SCHEMA, name: 'gone' } });
    expect(await call({ type: 'replace_metadata', version: 2, args: { metadata, allow_inconsistent_metadata: true } })).toMatchObject({ status: 200, body: { is_consistent: false, inconsistent_objects: [{ type: 'table' }] } });
    expect(await call({ type: 'pg_set_table_customization', args: { table: article, configuration: { custom_name: 'article' } } })).toEqual(success);
    expect(await call({ type: 'drop_inconsistent_metadata', args: {} })).toEqual(success);
    expect(await call({ type: 'get_inconsistent_metadata', args: {} })).toEqual({ status: 200, body: { is_consistent: true, inconsistent_objects: [] } });
    expect((await exported()).metadata.sources[0]?.tables.map((entry) => entry.table.name).sort()).toEqual(['article', 'author']);
    expect(await call({ type: 'clear_metadata', args: {} })).toEqual(success);
    expect((await exported()).metadata).toEqual({ version: 3, sources: [] });
  });
});
