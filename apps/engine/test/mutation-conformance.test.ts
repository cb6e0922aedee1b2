import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TableMetadata } from '../src/metadata.ts';
import { asAdmin, asRole, createTestSchema, gql, metadataOf, startEngine, type TestEngine } from './support/harness.ts';

// Mutations as Hasura documents them: inserts with presets and checks, upserts, updates with every
// operator, deletes, returning, one transaction per operation, and Postgres errors in Hasura's codes.
const SCHEMA = 'conf_mutation';

const SETUP = `
create table author (id serial primary key, name text unique not null, user_id int, bio text, meta jsonb, score int default 0, seen_session text);
create table article (id serial primary key, title text not null, author_id int not null references author(id));
create function record_session() returns trigger language plpgsql as $$
begin new.seen_session := current_setting('hasura.user', true); return new; end $$;
create trigger record_session before insert on author for each row execute function record_session();
create function bump_scores(amount int) returns setof author language sql volatile set search_path from current as $$
  update author set score = score + amount returning * $$;
`;

const own = { user_id: { _eq: 'X-Hasura-User-Id' } };
const TABLES: TableMetadata[] = [
  {
    table: { schema: SCHEMA, name: 'author' },
    configuration: { custom_name: 'author' },
    array_relationships: [{ name: 'articles', using: { foreign_key_constraint_on: { table: { schema: SCHEMA, name: 'article' }, column: 'author_id' } } }],
    select_permissions: [
      { role: 'user', permission: { columns: ['id', 'name', 'user_id', 'bio', 'seen_session'], filter: {} } },
      { role: 'editor', permission: { columns: ['id', 'name', 'user_id', 'bio'], filter: {} } },
    ],
    insert_permissions: [
      { role: 'user', permission: { columns: ['name', 'user_id', 'bio'], check: own } },
      { role: 'editor', permission: { columns: ['name', 'user_id', 'bio'], check: own } },
      { role: 'preset', permission: { columns: ['name', 'bio'], check: {}, set: { user_id: 'x-hasura-user-id' } } },
      { role: 'p1', permission: { columns: ['name'], check: {} } },
      { role: 'p2', permission: { columns: ['name'], check: {} } },
      { role: 'q1', permission: { columns: ['name'], check: {} } },
      { role: 'q2', permission: { columns: ['name', 'bio'], check: {} } },
    ],
    update_permissions: [
      { role: 'user', permission: { columns: ['bio', 'name'], filter: own, check: { bio: { _neq: 'bad' } } } },
      { role: 'editor', permission: { columns: ['bio'], filter: own, check: { bio: { _neq: 'bad' } } } },
    ],
    delete_permissions: [{ role: 'user', permission: { filter: own } }],
  },
  {
    table: { schema: SCHEMA, name: 'article' },
    configuration: { custom_name: 'article' },
    object_relationships: [{ name: 'author', using: { foreign_key_constraint_on: 'author_id' } }],
    select_permissions: [
      { role: 'user', permission: { columns: ['id', 'title', 'author_id'], filter: {} } },
      { role: 'editor', permission: { columns: ['id', 'title', 'author_id'], filter: {} } },
    ],
    insert_permissions: [{ role: 'editor', permission: { columns: ['title', 'author_id'], check: {} } }],
  },
];

let engine: TestEngine;
let sql: postgres.Sql;
beforeAll(async () => {
  await createTestSchema(SCHEMA, SETUP);
  engine = await startEngine({
    ...metadataOf(TABLES, [{ function: { schema: SCHEMA, name: 'bump_scores' }, configuration: { custom_name: 'bump_scores' } }]),
    inherited_roles: [
      { role_name: 'p12', role_set: ['p1', 'p2'] },
      { role_name: 'q12', role_set: ['q1', 'q2'] },
    ],
  });
  sql = postgres(inject('superuserUrl'), { max: 1, onnotice: () => undefined });
});
afterAll(async () => {
  await engine?.close();
  await sql?.end();
});

async function reset(): Promise<void> {
  await sql.unsafe(`truncate ${SCHEMA}.article, ${SCHEMA}.author restart identity cascade;
    insert into ${SCHEMA}.author (name, user_id, meta) values ('Ann', 10, '{"a": 1}'), ('Bob', 20, null);
    insert into ${SCHEMA}.article (title, author_id) values ('First', 1), ('Third', 2);`);
}

const m = (query: string, headers: Record<string, string> = asAdmin, variables?: Record<string, unknown>) =>
  gql(engine.app, { query, headers, ...(variables ? { variables } : {}) });
const user10 = asRole('user', { 'x-hasura-user-id': '10' });

describe('insert', () => {
  it('inserts rows and returns affected_rows and returning', async () => {
    await reset();
    expect(await m('mutation { insert_author(objects: [{name: "C"}, {name: "D", bio: "b"}]) { affected_rows returning { id name bio } } }')).toEqual({
      data: { insert_author: { affected_rows: 2, returning: [{ id: 3, name: 'C', bio: null }, { id: 4, name: 'D', bio: 'b' }] } },
    });
    expect(await m('mutation { insert_author_one(object: {name: "E"}) { id __typename } }')).toEqual({ data: { insert_author_one: { id: 5, __typename: 'author' } } });
  });

  it('maps a uniqueness violation to constraint-violation on the objects path', async () => {
    await reset();
    const result = (await m('mutation { insert_author(objects: [{name: "Ann"}]) { affected_rows } }')) as { errors: { message: string; extensions: { code: string; path: string } }[] };
    expect(result.errors[0]?.extensions).toMatchObject({ code: 'constraint-violation', path: '$.selectionSet.insert_author.args.objects' });
    expect(result.errors[0]?.message).toMatch(/^Uniqueness violation\. duplicate key value violates unique constraint "author_name_key"/);
    expect(result).not.toHaveProperty('data');
  });

  it('enforces the insert check after the write and writes nothing on failure', async () => {
    await reset();
    expect(await m('mutation { insert_author(objects: [{name: "X", user_id: 20}]) { affected_rows } }', user10)).toEqual({
      errors: [{ message: 'check constraint of an insert/update permission has failed', extensions: { path: '$.selectionSet.insert_author.args.objects', code: 'permission-error' } }],
    });
    expect(await sql.unsafe(`select 1 from ${SCHEMA}.author where name = 'X'`)).toHaveLength(0);
    expect(await m('mutation { insert_author_one(object: {name: "Y", user_id: 10}) { name user_id } }', user10)).toEqual({ data: { insert_author_one: { name: 'Y', user_id: 10 } } });
  });

  it('applies presets from the session and hides preset columns', async () => {
    await reset();
    const preset = asRole('preset', { 'x-hasura-user-id': '10' });
    expect(await m('mutation { insert_author(objects: [{name: "P", user_id: 20}]) { affected_rows } }', preset)).toEqual({
      errors: [{ message: "field 'user_id' not found in type: 'author_insert_input'", extensions: { path: '$.selectionSet.insert_author.args.objects[0].user_id', code: 'validation-failed' } }],
    });
    expect(await m('mutation { insert_author(objects: [{name: "P"}]) { affected_rows } }', preset)).toEqual({ data: { insert_author: { affected_rows: 1 } } });
    expect((await sql.unsafe(`select user_id from ${SCHEMA}.author where name = 'P'`))[0]).toEqual({ user_id: 10 });
  });

  it('sets hasura.user for the mutation transaction', async () => {
    await reset();
    const result = (await m('mutation { insert_author_one(object: {name: "S", user_id: 10}) { seen_session } }', user10)) as { data: { insert_author_one: { seen_session: string } } };
    expect(JSON.parse(result.data.insert_author_one.seen_session)).toMatchObject({ 'x-hasura-role': 'user', 'x-hasura-user-id': '10' });
  });

  it('runs every root field in one transaction', async () => {
    await reset();
    const result = (await m('mutation { a: insert_author_one(object: {name: "X"}) { id } b: insert_author_one(object: {name: "X"}) { id } }')) as { errors: unknown[] };
    expect(result.errors).toHaveLength(1);
    expect(result).not.toHaveProperty('data');
    expect(await sql.unsafe(`select 1 from ${SCHEMA}.author where name = 'X'`)).toHaveLength(0);
  });

  it('upserts on a constraint, and does nothing with empty update_columns', async () => {
    await reset();
    expect(
      await m('mutation { insert_author(objects: [{name: "Ann", bio: "new"}], on_conflict: {constraint: author_name_key, update_columns: [bio]}) { affected_rows returning { id bio } } }'),
    ).toEqual({ data: { insert_author: { affected_rows: 1, returning: [{ id: 1, bio: 'new' }] } } });
    expect(await m('mutation { insert_author(objects: [{name: "Ann", bio: "newer"}], on_conflict: {constraint: author_name_key, update_columns: []}) { affected_rows returning { id } } }')).toEqual({
      data: { insert_author: { affected_rows: 0, returning: [] } },
    });
  });

  it('inserts nested array relationships, linking children to the new parent', async () => {
    await reset();
    expect(await m('mutation { insert_author_one(object: {name: "D", articles: {data: [{title: "t1"}, {title: "t2"}]}}) { name articles(order_by: {id: asc}) { title } } }')).toEqual({
      data: { insert_author_one: { name: 'D', articles: [{ title: 't1' }, { title: 't2' }] } },
    });
    expect(await m('mutation { insert_author(objects: [{name: "E", articles: {data: [{title: "t3"}]}}, {name: "F"}]) { affected_rows returning { name articles { title } } } }')).toEqual({
      data: { insert_author: { affected_rows: 3, returning: [{ name: 'E', articles: [{ title: 't3' }] }, { name: 'F', articles: [] }] } },
    });
  });

  it('inserts nested object relationships first and copies their key', async () => {
    await reset();
    expect(await m('mutation { insert_article_one(object: {title: "Solo", author: {data: {name: "G"}}}) { title author { name } } }')).toEqual({
      data: { insert_article_one: { title: 'Solo', author: { name: 'G' } } },
    });
    const clash = (await m('mutation { insert_article_one(object: {title: "X", author_id: 1, author: {data: {name: "H"}}}) { id } }')) as { errors: { message: string }[] };
    expect(clash.errors[0]?.message).toBe('cannot insert object relationship "author" as "author_id" column values are already determined');
  });

  it('upserts the parent of a nested insert and links the children to it', async () => {
    await reset();
    expect(
      await m('mutation { insert_author_one(object: {name: "Ann", bio: "up", articles: {data: [{title: "Extra"}]}}, on_conflict: {constraint: author_name_key, update_columns: [bio]}) { id bio articles(order_by: {id: asc}) { title } } }'),
    ).toEqual({ data: { insert_author_one: { id: 1, bio: 'up', articles: [{ title: 'First' }, { title: 'Extra' }] } } });
  });

  it('refuses array children of a parent the upsert left alone', async () => {
    await reset();
    expect(await m('mutation { insert_author_one(object: {name: "Ann", articles: {data: [{title: "Orphan"}]}}, on_conflict: {constraint: author_name_key, update_columns: []}) { id } }')).toEqual({
      errors: [{ message: 'cannot proceed to insert array relations since insert to table "conf_mutation.author" affects zero rows', extensions: { path: '$.selectionSet.insert_author_one.args.object', code: 'not-supported' } }],
    });
    expect(await sql.unsafe(`select 1 from ${SCHEMA}.article where title = 'Orphan'`)).toHaveLength(0);
  });

  it('upserts a nested object relationship and links the parent to the existing row', async () => {
    await reset();
    expect(
      await m('mutation { insert_article_one(object: {title: "Linked", author: {data: {name: "Ann", bio: "via article"}, on_conflict: {constraint: author_name_key, update_columns: [bio]}}}) { title author { id name bio } } }'),
    ).toEqual({ data: { insert_article_one: { title: 'Linked', author: { id: 1, name: 'Ann', bio: 'via article' } } } });
    expect(await m('mutation { insert_article_one(object: {title: "Lost", author: {data: {name: "Ann"}, on_conflict: {constraint: author_name_key, update_columns: []}}}) { id } }')).toEqual({
      errors: [{ message: 'cannot proceed to insert object relation "author" since insert to table "conf_mutation.author" affects zero rows', extensions: { path: '$.selectionSet.insert_article_one.args.object', code: 'not-supported' } }],
    });
    expect(await sql.unsafe(`select 1 from ${SCHEMA}.article where title = 'Lost'`)).toHaveLength(0);
  });

  it('upserts nested array relationship rows on their own constraint', async () => {
    await reset();
    expect(
      await m('mutation { insert_author_one(object: {name: "J", articles: {data: [{id: 1, title: "Moved"}, {title: "Fresh"}], on_conflict: {constraint: article_pkey, update_columns: [title, author_id]}}}) { name articles(order_by: {id: asc}) { id title } } }'),
    ).toEqual({ data: { insert_author_one: { name: 'J', articles: [{ id: 1, title: 'Moved' }, { id: 3, title: 'Fresh' }] } } });
  });

  it('joins the update filter and applies the update check to rows a nested upsert updated', async () => {
    await reset();
    const editor = asRole('editor', { 'x-hasura-user-id': '10' });
    const upsert = (name: string, bio: string) =>
      m(`mutation { insert_article_one(object: {title: "By ${name}", author: {data: {name: "${name}", user_id: 10, bio: "${bio}"}, on_conflict: {constraint: author_name_key, update_columns: [bio]}}}) { author { id bio } } }`, editor);
    expect(await upsert('Ann', 'edited')).toEqual({ data: { insert_article_one: { author: { id: 1, bio: 'edited' } } } });
    // Bob belongs to user 20: the update filter leaves his row alone, so there is no author to link.
    expect(await upsert('Bob', 'edited')).toEqual({
      errors: [{ message: 'cannot proceed to insert object relation "author" since insert to table "conf_mutation.author" affects zero rows', extensions: { path: '$.selectionSet.insert_article_one.args.object', code: 'not-supported' } }],
    });
    expect(await upsert('Ann', 'bad')).toEqual({
      errors: [{ message: 'check constraint of an insert/update permission has failed', extensions: { path: '$.selectionSet.insert_article_one.args.object', code: 'permission-error' } }],
    });
    // The same holds for the top-level row of a nested insert.
    expect(
      await m('mutation { insert_author_one(object: {name: "Ann", user_id: 10, bio: "bad", articles: {data: [{title: "Child"}]}}, on_conflict: {constraint: author_name_key, update_columns: [bio]}) { id } }', editor),
    ).toEqual({ errors: [{ message: 'check constraint of an insert/update permission has failed', extensions: { path: '$.selectionSet.insert_author_one.args.object', code: 'permission-error' } }] });
    expect(await sql.unsafe(`select name, bio from ${SCHEMA}.author where id <= 2 order by id`)).toEqual([
      { name: 'Ann', bio: 'edited' },
      { name: 'Bob', bio: null },
    ]);
  });

  it('offers on_conflict in nested relationship inputs', async () => {
    const fields = (await m('{ __type(name: "author_obj_rel_insert_input") { inputFields { name type { name } } } }')) as { data: { __type: { inputFields: { name: string; type: { name: string | null } }[] } } };
    expect(fields.data.__type.inputFields).toEqual([
      { name: 'data', type: { name: null } },
      { name: 'on_conflict', type: { name: 'author_on_conflict' } },
    ]);
  });

  it('rolls back the whole nested insert when a child fails', async () => {
    await reset();
    const result = (await m('mutation { insert_author_one(object: {name: "I", articles: {data: [{title: "ok"}, {}]}}) { id } }')) as { errors: { extensions: { code: string } }[] };
    expect(result.errors[0]?.extensions.code).toBe('constraint-violation');
    expect(await sql.unsafe(`select 1 from ${SCHEMA}.author where name = 'I'`)).toHaveLength(0);
  });

  it('checks rows an upsert updated against the update permission', async () => {
    await reset();
    const upsert = (bio: string) =>
      m(`mutation { insert_author(objects: [{name: "Ann", user_id: 10, bio: "${bio}"}], on_conflict: {constraint: author_name_key, update_columns: [bio]}) { affected_rows } }`, user10);
    expect(await upsert('fine')).toEqual({ data: { insert_author: { affected_rows: 1 } } });
    expect(await upsert('bad')).toEqual({
      errors: [{ message: 'check constraint of an insert/update permission has failed', extensions: { path: '$.selectionSet.insert_author.args.objects', code: 'permission-error' } }],
    });
    expect((await sql.unsafe(`select bio from ${SCHEMA}.author where name = 'Ann'`))[0]).toEqual({ bio: 'fine' });
  });

  it('returns relationships of inserted rows', async () => {
    await reset();
    expect(await m('mutation { insert_article_one(object: {title: "New", author_id: 1}) { title author { name } } }')).toEqual({ data: { insert_article_one: { title: 'New', author: { name: 'Ann' } } } });
  });
});

describe('update', () => {
  it('updates with _set and _inc and jsonb operators', async () => {
    await reset();
    expect(await m('mutation { update_author(where: {id: {_eq: 1}}, _set: {bio: "x"}, _inc: {score: 2}) { affected_rows returning { bio score } } }')).toEqual({
      data: { update_author: { affected_rows: 1, returning: [{ bio: 'x', score: 2 }] } },
    });
    expect(await m('mutation { update_author_by_pk(pk_columns: {id: 1}, _append: {meta: {b: 2}}) { meta } }')).toEqual({ data: { update_author_by_pk: { meta: { a: 1, b: 2 } } } });
    expect(await m('mutation { update_author_by_pk(pk_columns: {id: 1}, _delete_key: {meta: "a"}) { meta } }')).toEqual({ data: { update_author_by_pk: { meta: { b: 2 } } } });
    expect(await m('mutation { update_author_by_pk(pk_columns: {id: 1}, _prepend: {meta: {c: 3}}) { meta } }')).toEqual({ data: { update_author_by_pk: { meta: { b: 2, c: 3 } } } });
    expect(await m('mutation { update_author_by_pk(pk_columns: {id: 1}, _delete_at_path: {meta: ["c"]}) { meta } }')).toEqual({ data: { update_author_by_pk: { meta: { b: 2 } } } });
    expect(await m('mutation { update_author_by_pk(pk_columns: {id: 99}, _set: {bio: "y"}) { id } }')).toEqual({ data: { update_author_by_pk: null } });
  });

  it('updates many in order', async () => {
    await reset();
    expect(
      await m('mutation { update_author_many(updates: [{where: {id: {_eq: 1}}, _set: {bio: "one"}}, {where: {bio: {_eq: "one"}}, _set: {bio: "two"}}]) { affected_rows } }'),
    ).toEqual({ data: { update_author_many: [{ affected_rows: 1 }, { affected_rows: 1 }] } });
    expect((await sql.unsafe(`select bio from ${SCHEMA}.author where id = 1`))[0]).toEqual({ bio: 'two' });
  });

  it('leaves rows outside the filter untouched and enforces the update check', async () => {
    await reset();
    expect(await m('mutation { update_author(where: {id: {_eq: 2}}, _set: {bio: "hi"}) { affected_rows } }', user10)).toEqual({ data: { update_author: { affected_rows: 0 } } });
    expect(await m('mutation { update_author(where: {id: {_eq: 1}}, _set: {bio: "bad"}) { affected_rows } }', user10)).toEqual({
      errors: [{ message: 'check constraint of an insert/update permission has failed', extensions: { path: '$', code: 'permission-error' } }],
    });
    expect((await sql.unsafe(`select bio from ${SCHEMA}.author where id = 1`))[0]).toEqual({ bio: null });
  });
});

describe('tracked volatile functions', () => {
  it('run as mutation root fields in the mutation transaction', async () => {
    await reset();
    expect(await m('mutation { bump_scores(args: {amount: 5}, order_by: {id: asc}) { id score } }')).toEqual({ data: { bump_scores: [{ id: 1, score: 5 }, { id: 2, score: 5 }] } });
    const failed = (await m('mutation { bump_scores(args: {amount: 5}) { id } insert_author_one(object: {name: "Ann"}) { id } }')) as { errors: unknown[] };
    expect(failed.errors).toHaveLength(1);
    expect((await sql.unsafe(`select score from ${SCHEMA}.author where id = 1`))[0]).toEqual({ score: 5 });
  });
});

describe('delete', () => {
  it('deletes within the filter and returns the deleted rows', async () => {
    await reset();
    await sql.unsafe(`delete from ${SCHEMA}.article`);
    expect(await m('mutation { delete_author(where: {}) { affected_rows returning { name } } }', user10)).toEqual({ data: { delete_author: { affected_rows: 1, returning: [{ name: 'Ann' }] } } });
    expect(await m('mutation { delete_author_by_pk(id: 2) { name } }', user10)).toEqual({ data: { delete_author_by_pk: null } });
    expect(await m('mutation { delete_author_by_pk(id: 2) { name } }')).toEqual({ data: { delete_author_by_pk: { name: 'Bob' } } });
  });

  it('maps a foreign key violation to constraint-violation', async () => {
    await reset();
    const result = (await m('mutation { delete_author_by_pk(id: 1) { id } }')) as { errors: { message: string; extensions: { code: string } }[] };
    expect(result.errors[0]?.extensions.code).toBe('constraint-violation');
    expect(result.errors[0]?.message).toMatch(/^Foreign key violation\. /);
  });
});

describe('inherited roles', () => {
  it('inherit a mutation permission only when all parents agree', async () => {
    await reset();
    expect(await m('mutation { insert_author(objects: [{name: "Inherited"}]) { affected_rows } }', asRole('p12'))).toEqual({ data: { insert_author: { affected_rows: 1 } } });
    expect(await m('mutation { insert_author(objects: [{name: "Nope"}]) { affected_rows } }', asRole('q12'))).toEqual({
      errors: [{ message: 'no mutations exist', extensions: { path: '$', code: 'validation-failed' } }],
    });
  });
});

describe('mutation schema per role', () => {
  it('exposes only permitted mutation fields and columns', async () => {
    const result = (await m('{ __schema { mutationType { fields { name } } } __type(name: "author_set_input") { inputFields { name } } }', user10)) as {
      data: { __schema: { mutationType: { fields: { name: string }[] } }; __type: { inputFields: { name: string }[] } };
    };
    expect(result.data.__schema.mutationType.fields.map((field) => field.name).sort()).toEqual(
      ['delete_author', 'delete_author_by_pk', 'insert_author', 'insert_author_one', 'update_author', 'update_author_by_pk', 'update_author_many'].sort(),
    );
    expect(result.data.__type.inputFields.map((field) => field.name).sort()).toEqual(['bio', 'name']);
  });
});
