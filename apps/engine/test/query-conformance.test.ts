import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableMetadata } from '../src/metadata.ts';
import { asAdmin, asRole, createTestSchema, gql, metadataOf, startEngine, type TestEngine } from './support/harness.ts';

// Cases follow the examples of Hasura's documentation (queries, filters, sorting, pagination,
// aggregates, permissions) on its running author/article example, in a schema of their own.
const SCHEMA = 'conf_query';

const SETUP = `
create table color (value text primary key, comment text);
insert into color values ('red', 'Red'), ('green', 'Green');
create table author (id serial primary key, name text unique not null, user_id int, bio text, meta jsonb, rating numeric, fav_color text references color(value));
create table article (id serial primary key, title text not null, author_id int not null references author(id), is_published boolean default false, tags text[], views int, published_on date);
insert into author (name, user_id, bio, meta, rating, fav_color) values
  ('Ann', 10, 'writes', '{"a": 1, "x": {"y": "deep"}}', 4.5, 'red'),
  ('Bob', 20, null, '{"b": 2}', 3.5, 'green'),
  ('Cid', 10, 'also writes', null, null, null);
create function author_label(author_row author) returns text language sql stable set search_path from current as $$ select author_row.name || ' (' || author_row.id || ')' $$;
create function author_articles_since(author_row author, min_views int) returns setof article language sql stable set search_path from current as $$ select * from article where author_id = author_row.id and views >= min_views $$;
create function slow_authors() returns setof author language sql stable set search_path from current as $$ select author.* from author, pg_sleep(0.5) $$;
create function search_authors(search text) returns setof author language sql stable set search_path from current as $$ select * from author where name ilike search $$;
create function my_authors(hasura_session json) returns setof author language sql stable set search_path from current as $$ select * from author where user_id = (hasura_session ->> 'x-hasura-user-id')::int $$;
insert into article (title, author_id, is_published, tags, views, published_on) values
  ('First', 1, true, '{a,b}', 100, '2024-05-01'),
  ('Second', 1, false, '{b}', 50, null),
  ('Third', 2, true, '{}', 10, '2024-01-02'),
  ('Fourth', 2, true, null, 70, '2023-12-31');
`;

const userFilter = { user_id: { _eq: 'X-Hasura-User-Id' } };

const TABLES: TableMetadata[] = [
  { table: { schema: SCHEMA, name: 'color' }, is_enum: true, configuration: { custom_name: 'color' } },
  {
    table: { schema: SCHEMA, name: 'author' },
    configuration: { custom_name: 'author' },
    array_relationships: [{ name: 'articles', using: { foreign_key_constraint_on: { table: { schema: SCHEMA, name: 'article' }, column: 'author_id' } } }],
    computed_fields: [
      { name: 'label', definition: { function: { schema: SCHEMA, name: 'author_label' } } },
      { name: 'popular_articles', definition: { function: { schema: SCHEMA, name: 'author_articles_since' }, table_argument: 'author_row' } },
    ],
    select_permissions: [
      { role: 'user', permission: { columns: ['id', 'name', 'user_id'], filter: userFilter, computed_fields: ['label'] } },
      { role: 'reader', permission: { columns: '*', filter: {}, allow_aggregations: true, limit: 2 } },
      { role: 'names', permission: { columns: ['id', 'name'], filter: { id: { _eq: 1 } } } },
      { role: 'bios', permission: { columns: ['id', 'bio'], filter: { id: { _in: [2, 3] } } } },
    ],
  },
  {
    table: { schema: SCHEMA, name: 'article' },
    configuration: { custom_name: 'article', column_config: { is_published: { custom_name: 'isPublished' } } },
    object_relationships: [{ name: 'author', using: { foreign_key_constraint_on: 'author_id' } }],
    select_permissions: [{ role: 'reader', permission: { columns: ['id', 'title', 'author_id', 'is_published'], filter: { is_published: { _eq: true } }, allow_aggregations: true } }],
  },
];

let engine: TestEngine;
beforeAll(async () => {
  await createTestSchema(SCHEMA, SETUP);
  engine = await startEngine({
    ...metadataOf(TABLES, [
      { function: { schema: SCHEMA, name: 'search_authors' }, configuration: { custom_name: 'search_authors' } },
      { function: { schema: SCHEMA, name: 'slow_authors' }, configuration: { custom_name: 'slow_authors' } },
      { function: { schema: SCHEMA, name: 'my_authors' }, configuration: { custom_name: 'my_authors', session_argument: 'hasura_session' } },
    ]),
    inherited_roles: [{ role_name: 'names_and_bios', role_set: ['names', 'bios'] }],
  });
});
afterAll(async () => engine?.close());

const q = (query: string, headers: Record<string, string> = asAdmin, variables?: Record<string, unknown>) =>
  gql(engine.app, { query, headers, ...(variables ? { variables } : {}) });

describe('queries (admin)', () => {
  it('lists rows in order with selected columns', async () => {
    expect(await q('{ author(order_by: {id: asc}) { id name } }')).toEqual({
      data: { author: [{ id: 1, name: 'Ann' }, { id: 2, name: 'Bob' }, { id: 3, name: 'Cid' }] },
    });
  });

  it('returns null for a missing primary key', async () => {
    expect(await q('{ author_by_pk(id: 99) { id } }')).toEqual({ data: { author_by_pk: null } });
    expect(await q('{ author_by_pk(id: 2) { name } }')).toEqual({ data: { author_by_pk: { name: 'Bob' } } });
  });

  it('honours aliases and __typename', async () => {
    expect(await q('{ a: author(limit: 1, order_by: {id: asc}) { __typename id } __typename }')).toEqual({
      data: { a: [{ __typename: 'author', id: 1 }], __typename: 'query_root' },
    });
  });

  it('filters with comparison, text pattern, list and null operators', async () => {
    const names = async (where: string) =>
      ((await q(`{ author(where: ${where}, order_by: {id: asc}) { name } }`)) as { data: { author: { name: string }[] } }).data.author.map((row) => row.name);
    expect(await names('{name: {_ilike: "%an%"}}')).toEqual(['Ann']);
    expect(await names('{name: {_like: "B%"}}')).toEqual(['Bob']);
    expect(await names('{name: {_nlike: "B%"}}')).toEqual(['Ann', 'Cid']);
    expect(await names('{name: {_regex: "^[AC]"}}')).toEqual(['Ann', 'Cid']);
    expect(await names('{name: {_similar: "(A|B)%"}}')).toEqual(['Ann', 'Bob']);
    expect(await names('{id: {_in: [1, 3]}}')).toEqual(['Ann', 'Cid']);
    expect(await names('{id: {_nin: [1, 3]}}')).toEqual(['Bob']);
    expect(await names('{id: {_in: []}}')).toEqual([]);
    expect(await names('{bio: {_is_null: true}}')).toEqual(['Bob']);
    expect(await names('{id: {_gt: 1, _lte: 2}}')).toEqual(['Bob']);
    expect(await names('{rating: {_gte: "4"}}')).toEqual(['Ann']);
    expect(await names('{_or: [{id: {_eq: 1}}, {name: {_eq: "Bob"}}]}')).toEqual(['Ann', 'Bob']);
    expect(await names('{_not: {id: {_eq: 1}}}')).toEqual(['Bob', 'Cid']);
    expect(await names('{_and: [{user_id: {_eq: 10}}, {bio: {_neq: "writes"}}]}')).toEqual(['Cid']);
    expect(await names('{}')).toEqual(['Ann', 'Bob', 'Cid']);
  });

  it('filters jsonb with _has_key, _contains, _contained_in, _has_keys_any and _cast', async () => {
    const names = async (where: string) =>
      ((await q(`{ author(where: ${where}, order_by: {id: asc}) { name } }`)) as { data: { author: { name: string }[] } }).data.author.map((row) => row.name);
    expect(await names('{meta: {_has_key: "x"}}')).toEqual(['Ann']);
    expect(await names('{meta: {_contains: {a: 1}}}')).toEqual(['Ann']);
    expect(await names('{meta: {_contained_in: {b: 2, c: 3}}}')).toEqual(['Bob']);
    expect(await names('{meta: {_has_keys_any: ["a", "b"]}}')).toEqual(['Ann', 'Bob']);
    expect(await names('{meta: {_has_keys_all: ["a", "b"]}}')).toEqual([]);
    expect(await names('{meta: {_cast: {String: {_ilike: "%deep%"}}}}')).toEqual(['Ann']);
  });

  it('filters through relationships (array: some related row matches)', async () => {
    expect(await q('{ author(where: {articles: {views: {_gt: 60}}}, order_by: {id: asc}) { name } }')).toEqual({ data: { author: [{ name: 'Ann' }, { name: 'Bob' }] } });
    expect(await q('{ article(where: {author: {name: {_eq: "Bob"}}}, order_by: {id: asc}) { title } }')).toEqual({ data: { article: [{ title: 'Third' }, { title: 'Fourth' }] } });
  });

  it('filters by array-relationship aggregates (count predicate with filter and distinct)', async () => {
    const names = async (where: string) =>
      ((await q(`{ author(where: ${where}, order_by: {id: asc}) { name } }`)) as { data: { author: { name: string }[] } }).data.author.map((row) => row.name);
    expect(await names('{articles_aggregate: {count: {predicate: {_gt: 1}}}}')).toEqual(['Ann', 'Bob']);
    expect(await names('{articles_aggregate: {count: {predicate: {_eq: 0}}}}')).toEqual(['Cid']);
    expect(await names('{articles_aggregate: {count: {predicate: {_eq: 2}, filter: {isPublished: {_eq: true}}}}}')).toEqual(['Bob']);
    expect(await names('{articles_aggregate: {count: {predicate: {_eq: 1}, arguments: [author_id], distinct: true}}}')).toEqual(['Ann', 'Bob']);
  });

  it('filters by bool_and / bool_or aggregate predicates over boolean columns', async () => {
    const names = async (where: string, headers: Record<string, string> = asAdmin) =>
      ((await q(`{ author(where: ${where}, order_by: {id: asc}) { name } }`, headers)) as { data: { author: { name: string }[] } }).data.author.map((row) => row.name);
    expect(await names('{articles_aggregate: {bool_and: {arguments: isPublished, predicate: {_eq: true}}}}')).toEqual(['Bob']);
    expect(await names('{articles_aggregate: {bool_and: {arguments: isPublished, predicate: {_eq: false}}}}')).toEqual(['Ann']);
    expect(await names('{articles_aggregate: {bool_or: {arguments: isPublished, predicate: {_eq: true}}}}')).toEqual(['Ann', 'Bob']);
    expect(await names('{articles_aggregate: {bool_or: {arguments: isPublished, filter: {views: {_lt: 60}}, predicate: {_eq: true}}}}')).toEqual(['Bob']);
    expect(await names('{articles_aggregate: {bool_or: {arguments: isPublished, predicate: {_eq: true}}, count: {predicate: {_eq: 2}}}}')).toEqual(['Ann', 'Bob']);
    // The target's select filter (reader: published articles only) applies to the folded rows.
    const reader = asRole('reader');
    expect(await names('{articles_aggregate: {bool_and: {arguments: isPublished, predicate: {_eq: true}}}}', reader)).toEqual(['Ann', 'Bob']);
    expect(await names('{articles_aggregate: {count: {predicate: {_eq: 1}}}}', reader)).toEqual(['Ann']);
  });

  it('types aggregate predicates under Hasura\'s input names', async () => {
    const fields = async (type: string) =>
      ((await q(`{ __type(name: "${type}") { inputFields { name type { kind name ofType { name } } } enumValues { name } } }`)) as {
        data: { __type: { inputFields: { name: string; type: { kind: string; name: string | null; ofType: { name: string } | null } }[] | null; enumValues: { name: string }[] | null } };
      }).data.__type;
    expect((await fields('article_aggregate_bool_exp')).inputFields?.map((field) => field.name)).toEqual(['bool_and', 'bool_or', 'count']);
    expect((await fields('article_aggregate_bool_exp_bool_or')).inputFields).toEqual([
      { name: 'arguments', type: { kind: 'NON_NULL', name: null, ofType: { name: 'article_select_column_article_aggregate_bool_exp_bool_or_arguments_columns' } } },
      { name: 'distinct', type: { kind: 'SCALAR', name: 'Boolean', ofType: null } },
      { name: 'filter', type: { kind: 'INPUT_OBJECT', name: 'article_bool_exp', ofType: null } },
      { name: 'predicate', type: { kind: 'NON_NULL', name: null, ofType: { name: 'Boolean_comparison_exp' } } },
    ]);
    expect((await fields('article_select_column_article_aggregate_bool_exp_bool_and_arguments_columns')).enumValues).toEqual([{ name: 'isPublished' }]);
  });

  it('orders with nulls placement, through object relationships and by array aggregates', async () => {
    const ids = async (orderBy: string, table = 'author') =>
      ((await q(`{ ${table}(order_by: ${orderBy}) { id } }`)) as { data: Record<string, { id: number }[]> }).data[table]?.map((row) => row.id);
    expect(await ids('{bio: desc}')).toEqual([2, 1, 3]);
    expect(await ids('{bio: desc_nulls_last}')).toEqual([1, 3, 2]);
    expect(await ids('{bio: asc}')).toEqual([3, 1, 2]);
    expect(await ids('{bio: asc_nulls_first}')).toEqual([2, 3, 1]);
    expect(await ids('[{user_id: desc}, {id: desc}]')).toEqual([2, 3, 1]);
    expect(await ids('{articles_aggregate: {count: desc}, id: asc}')).toEqual([1, 2, 3]);
    expect(await ids('{articles_aggregate: {max: {views: asc}}, id: asc}')).toEqual([2, 1, 3]);
    expect(await ids('{author: {name: desc}, id: asc}', 'article')).toEqual([3, 4, 1, 2]);
  });

  it('paginates with limit and offset and picks distinct rows', async () => {
    expect(await q('{ article(order_by: {id: asc}, limit: 2, offset: 1) { id } }')).toEqual({ data: { article: [{ id: 2 }, { id: 3 }] } });
    expect(await q('{ article(distinct_on: author_id, order_by: [{author_id: asc}, {views: desc}]) { id } }')).toEqual({ data: { article: [{ id: 1 }, { id: 4 }] } });
    const mismatch = (await q('{ article(distinct_on: author_id, order_by: {views: desc}) { id } }')) as { errors: { extensions: { code: string } }[] };
    expect(mismatch.errors[0]?.extensions.code).toBe('validation-failed');
  });

  it('nests object and array relationships with their own arguments', async () => {
    expect(
      await q(`{ author(where: {id: {_eq: 1}}) { name articles(order_by: {id: desc}, limit: 1) { title author { name } } articles_aggregate { aggregate { count } } } }`),
    ).toEqual({ data: { author: [{ name: 'Ann', articles: [{ title: 'Second', author: { name: 'Ann' } }], articles_aggregate: { aggregate: { count: 2 } } }] } });
  });

  it('answers compact JSON text, as Hasura does (nested aggregates, lists, jsonb values)', async () => {
    const response = await engine.app.inject({
      method: 'POST',
      url: '/v1/graphql',
      headers: { 'content-type': 'application/json', ...asAdmin },
      payload: JSON.stringify({ query: '{ author(where: {id: {_lt: 3}}, order_by: {id: asc}) { name meta articles_aggregate { aggregate { count max { views } } nodes { title } } } }' }),
    });
    expect(response.body).toBe(
      '{"data":{"author":[' +
        '{"name":"Ann","meta":{"a":1,"x":{"y":"deep"}},"articles_aggregate":{"aggregate":{"count":2,"max":{"views":100}},"nodes":[{"title":"First"},{"title":"Second"}]}},' +
        '{"name":"Bob","meta":{"b":2},"articles_aggregate":{"aggregate":{"count":2,"max":{"views":70}},"nodes":[{"title":"Third"},{"title":"Fourth"}]}}]}}',
    );
  });

  it('aggregates count (columns, distinct), sum, avg, min, max and nodes', async () => {
    const result = await q(`{ article_aggregate(where: {views: {_gte: 50}}) {
      aggregate { count c: count(columns: published_on) d: count(columns: author_id, distinct: true) sum { views } avg { views } max { views title published_on } min { views } }
      nodes { id }
    } }`);
    expect(result).toEqual({
      data: {
        article_aggregate: {
          aggregate: { count: 3, c: 2, d: 2, sum: { views: 220 }, avg: { views: 220 / 3 }, max: { views: 100, title: 'Second', published_on: '2024-05-01' }, min: { views: 50 } },
          nodes: [{ id: 1 }, { id: 2 }, { id: 4 }],
        },
      },
    });
  });

  it('renders numeric, date, array, jsonb and enum-table values as Postgres JSON', async () => {
    expect(await q('{ author_by_pk(id: 1) { rating meta fav_color x: meta(path: "$.x.y") } article_by_pk(id: 1) { tags published_on isPublished } }')).toEqual({
      data: { author_by_pk: { rating: 4.5, meta: { a: 1, x: { y: 'deep' } }, fav_color: 'red', x: 'deep' }, article_by_pk: { tags: ['a', 'b'], published_on: '2024-05-01', isPublished: true } },
    });
    expect(await q('{ author(where: {fav_color: {_eq: green}}) { name } }')).toEqual({ data: { author: [{ name: 'Bob' }] } });
  });

  it('supports variables, defaults, fragments, inline fragments, @skip and @include', async () => {
    const query = `query Q($id: Int = 1, $withBio: Boolean!, $skipName: Boolean!) {
      author(where: {id: {_eq: $id}}) { ...Basic ... on author { bio @include(if: $withBio) } name @skip(if: $skipName) }
    }
    fragment Basic on author { id }`;
    expect(await q(query, asAdmin, { withBio: true, skipName: true })).toEqual({ data: { author: [{ id: 1, bio: 'writes' }] } });
    expect(await q(query, asAdmin, { id: 2, withBio: false, skipName: false })).toEqual({ data: { author: [{ id: 2, name: 'Bob' }] } });
  });

  it('answers introspection with the role schema and Hasura names', async () => {
    const result = (await q('{ __schema { queryType { name } } __type(name: "author_bool_exp") { inputFields { name } } }')) as {
      data: { __schema: { queryType: { name: string } }; __type: { inputFields: { name: string }[] } };
    };
    expect(result.data.__schema.queryType.name).toBe('query_root');
    expect(result.data.__type.inputFields.map((field) => field.name)).toEqual(expect.arrayContaining(['_and', '_or', '_not', 'id', 'name', 'meta', 'articles']));
    const types = (await q('{ __schema { types { name } } }')) as { data: { __schema: { types: { name: string }[] } } };
    const names = types.data.__schema.types.map((type) => type.name);
    expect(names).toEqual(
      expect.arrayContaining(['author', 'author_aggregate', 'author_aggregate_fields', 'author_select_column', 'author_order_by', 'order_by', 'Int_comparison_exp', 'String_comparison_exp', 'jsonb', 'jsonb_comparison_exp', 'numeric', 'date', '_text', 'color_enum', 'color_enum_comparison_exp', 'article_sum_fields']),
    );
  });

  it('executes batched requests in order', async () => {
    const response = await engine.app.inject({
      method: 'POST',
      url: '/v1/graphql',
      headers: { 'content-type': 'application/json', ...asAdmin },
      payload: JSON.stringify([{ query: '{ author_by_pk(id: 1) { id } }' }, { query: '{ nope { id } }' }]),
    });
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual([
      { data: { author_by_pk: { id: 1 } } },
      { errors: [{ message: "field 'nope' not found in type: 'query_root'", extensions: { path: '$.selectionSet.nope', code: 'validation-failed' } }] },
    ]);
  });
});

describe('computed fields and tracked functions', () => {
  it('computes scalar and table computed fields, with their own arguments', async () => {
    expect(await q('{ author_by_pk(id: 1) { label popular_articles(args: {min_views: 60}, order_by: {id: asc}) { title } } }')).toEqual({
      data: { author_by_pk: { label: 'Ann (1)', popular_articles: [{ title: 'First' }] } },
    });
  });

  it('exposes tracked functions as root fields with args and the select arguments', async () => {
    expect(await q('{ search_authors(args: {search: "%b%"}, order_by: {id: asc}) { name } }')).toEqual({ data: { search_authors: [{ name: 'Bob' }] } });
    expect(await q('{ search_authors(args: {search: "%"}, where: {id: {_gt: 1}}, limit: 1, order_by: {id: desc}) { id } }')).toEqual({ data: { search_authors: [{ id: 3 }] } });
    expect(await q('{ search_authors_aggregate(args: {search: "%"}, where: {id: {_gt: 1}}) { aggregate { count } nodes { id } } }')).toEqual({
      data: { search_authors_aggregate: { aggregate: { count: 2 }, nodes: [{ id: 2 }, { id: 3 }] } },
    });
  });

  it('passes the session to a session argument and applies the select permission', async () => {
    expect(await q('{ my_authors(order_by: {id: asc}) { id label } }', asRole('user', { 'x-hasura-user-id': '10' }))).toEqual({
      data: { my_authors: [{ id: 1, label: 'Ann (1)' }, { id: 3, label: 'Cid (3)' }] },
    });
    const hidden = (await q('{ author { popular_articles(args: {min_views: 1}) { id } } }', asRole('user', { 'x-hasura-user-id': '10' }))) as { errors: { message: string }[] };
    expect(hidden.errors[0]?.message).toBe("field 'popular_articles' not found in type: 'author'");
  });
});

describe('errors', () => {
  it('rejects an explicit null in a comparison', async () => {
    const result = await q('query ($id: Int) { author(where: {id: {_eq: $id}}) { id } }', asAdmin, { id: null });
    expect(result).toEqual({ errors: [{ message: "unexpected null value for type 'Int'", extensions: { path: '$.selectionSet.author.args.where.id._eq', code: 'validation-failed' } }] });
  });

  it('requires non-nullable variables', async () => {
    expect(await q('query ($id: Int!) { author_by_pk(id: $id) { id } }', asAdmin, {})).toEqual({
      errors: [{ message: 'expecting a value for non-nullable variable: "id"', extensions: { path: '$', code: 'validation-failed' } }],
    });
  });

  it('reports parse failures, missing query, invalid JSON and unknown operations', async () => {
    expect(await q('{ author { id }')).toEqual({ errors: [{ message: 'not a valid graphql query', extensions: { path: '$.query', code: 'validation-failed' } }] });
    const post = async (payload: string) =>
      JSON.parse((await engine.app.inject({ method: 'POST', url: '/v1/graphql', headers: { 'content-type': 'application/json', ...asAdmin }, payload })).body) as unknown;
    expect(await post('{"variables": {}}')).toEqual({ errors: [{ message: "the key 'query' was not present", extensions: { path: '$', code: 'parse-failed' } }] });
    expect(((await post('{nope')) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('invalid-json');
    expect(await post(JSON.stringify({ query: 'query A { author { id } }', operationName: 'B' }))).toEqual({
      errors: [{ message: 'no such operation found in the document: "B"', extensions: { path: '$', code: 'validation-failed' } }],
    });
    expect(await post(JSON.stringify({ query: 'query A { author { id } } query B { author { id } }' }))).toEqual({
      errors: [{ message: 'exactly one operation has to be present in the document when operationName is not specified', extensions: { path: '$', code: 'validation-failed' } }],
    });
  });

  it('refuses subscriptions over HTTP and mutations when none exist', async () => {
    expect(await q('subscription { author { id } }')).toEqual({
      errors: [{ message: 'subscriptions are not supported over HTTP, use websockets instead', extensions: { path: '$', code: 'unexpected-payload' } }],
    });
    expect(await q('mutation { x }', asRole('user', { 'x-hasura-user-id': '10' }))).toEqual({ errors: [{ message: 'no mutations exist', extensions: { path: '$', code: 'validation-failed' } }] });
  });
});

describe('HASURA_GRAPHQL_STRINGIFY_NUMERIC_TYPES', () => {
  it('renders numeric (and bigint, double precision) values as strings', async () => {
    const strings = await startEngine(metadataOf(TABLES), { stringifyNumeric: true });
    try {
      expect(await gql(strings.app, { query: '{ author_by_pk(id: 1) { id rating } author_aggregate { aggregate { max { rating } sum { id } } } }' })).toEqual({
        data: { author_by_pk: { id: 1, rating: '4.5' }, author_aggregate: { aggregate: { max: { rating: '4.5' }, sum: { id: 6 } } } },
      });
    } finally {
      await strings.close();
    }
  });
});

describe('limits', () => {
  it('refuses oversized bodies and too deep selections with a clear error', async () => {
    const small = await startEngine(metadataOf(TABLES, [{ function: { schema: SCHEMA, name: 'slow_authors' }, configuration: { custom_name: 'slow_authors' } }]), {
      bodyLimit: 2_000,
      maxDepth: 3,
      maxFields: 12,
      statementTimeoutMs: 100,
    });
    try {
      const big = await small.app.inject({ method: 'POST', url: '/v1/graphql', headers: { 'content-type': 'application/json', ...asAdmin }, payload: JSON.stringify({ query: `{ author { id } } # ${'x'.repeat(5_000)}` }) });
      expect(big.statusCode).toBe(200);
      expect(JSON.parse(big.body)).toEqual({ errors: [{ message: 'request body too large', extensions: { path: '$', code: 'bad-request' } }] });
      const deep = (await gql(small.app, { query: '{ author { articles { author { articles { author { id } } } } } }' })) as { errors: { extensions: { code: string }; message: string }[] };
      expect(deep.errors[0]?.extensions.code).toBe('validation-failed');
      expect(deep.errors[0]?.message).toBe('the query exceeds the maximum depth of 3');
      expect(await gql(small.app, { query: '{ author(where: {id: {_eq: 1}}) { articles(limit: 1) { author { id } } } }' })).toEqual({ data: { author: [{ articles: [{ author: { id: 1 } }] }] } });
      const slow = (await gql(small.app, { query: '{ slow_authors { id } }' })) as { errors: { message: string; extensions: { code: string } }[] };
      expect(slow.errors[0]?.message).toBe('the operation took too long and was cancelled');
      const wide = (await gql(small.app, { query: '{ a: author { id name bio } b: author { id name bio } c: author { id name bio } d: author { id } }' })) as { errors: { message: string }[] };
      expect(wide.errors[0]?.message).toBe('the query exceeds the maximum of 12 selected fields');
    } finally {
      await small.close();
    }
  });
});

describe('permissions', () => {
  const user10 = asRole('user', { 'x-hasura-user-id': '10' });

  it('hides tables, columns and aggregates the role may not see', async () => {
    expect(await q('{ article { id } }', user10)).toEqual({
      errors: [{ message: "field 'article' not found in type: 'query_root'", extensions: { path: '$.selectionSet.article', code: 'validation-failed' } }],
    });
    expect(await q('{ author { bio } }', user10)).toEqual({
      errors: [{ message: "field 'bio' not found in type: 'author'", extensions: { path: '$.selectionSet.author.selectionSet.bio', code: 'validation-failed' } }],
    });
    expect(await q('{ author_aggregate { aggregate { count } } }', user10)).toEqual({
      errors: [{ message: "field 'author_aggregate' not found in type: 'query_root'", extensions: { path: '$.selectionSet.author_aggregate', code: 'validation-failed' } }],
    });
  });

  it('applies the row filter with the session variable', async () => {
    expect(await q('{ author(order_by: {id: asc}) { id } }', user10)).toEqual({ data: { author: [{ id: 1 }, { id: 3 }] } });
    expect(await q('{ author_by_pk(id: 2) { id } }', user10)).toEqual({ data: { author_by_pk: null } });
    expect(await q('{ author(where: {id: {_eq: 2}}) { id } }', asRole('user', { 'X-Hasura-User-Id': '20' }))).toEqual({ data: { author: [{ id: 2 }] } });
  });

  it('reports a missing session variable', async () => {
    expect(await q('{ author { id } }', asRole('user'))).toEqual({
      errors: [{ message: 'missing session variable: "x-hasura-user-id"', extensions: { path: '$', code: 'not-found' } }],
    });
  });

  it('applies filters to relationships, aggregates and the permission limit', async () => {
    const reader = asRole('reader');
    expect(await q('{ author(order_by: {id: asc}) { id } }', reader)).toEqual({ data: { author: [{ id: 1 }, { id: 2 }] } });
    expect(await q('{ author(where: {id: {_eq: 1}}) { articles { title } articles_aggregate { aggregate { count } } } }', reader)).toEqual({
      data: { author: [{ articles: [{ title: 'First' }], articles_aggregate: { aggregate: { count: 1 } } }] },
    });
    expect(await q('{ article_aggregate { aggregate { count } } }', reader)).toEqual({ data: { article_aggregate: { aggregate: { count: 3 } } } });
    expect(await q('{ author(where: {articles: {title: {_eq: "Second"}}}) { id } }', reader)).toEqual({ data: { author: [] } });
  });

  it('combines the parents of an inherited role row by row and column by column', async () => {
    expect(await q('{ author(order_by: {id: asc}) { id name bio } }', asRole('names_and_bios'))).toEqual({
      data: {
        author: [
          { id: 1, name: 'Ann', bio: null },
          { id: 2, name: null, bio: null },
          { id: 3, name: null, bio: 'also writes' },
        ],
      },
    });
  });

  it('gives an unknown role the empty schema', async () => {
    expect(await q('{ __typename }', asRole('stranger'))).toEqual({ data: { __typename: 'query_root' } });
    const empty = (await q('{ no_queries_available }', asRole('stranger'))) as { data: { no_queries_available: string } };
    expect(typeof empty.data.no_queries_available).toBe('string');
  });
});

describe('endpoints', () => {
  it('serves /healthz, /v1/version and Hasura 404s', async () => {
    const health = await engine.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.body).toBe('OK');
    const version = await engine.app.inject({ method: 'GET', url: '/v1/version' });
    expect(typeof (JSON.parse(version.body) as { version: string }).version).toBe('string');
    const missing = await engine.app.inject({ method: 'GET', url: '/nope' });
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body)).toEqual({ path: '$', error: 'resource does not exist', code: 'not-found' });
  });

  it('answers CORS preflights for any origin', async () => {
    const response = await engine.app.inject({ method: 'OPTIONS', url: '/v1/graphql', headers: { origin: 'http://localhost:3300', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('http://localhost:3300');
    expect(response.headers['access-control-allow-headers']).toBe('authorization, content-type');
  });

  it('gzips large responses when asked', async () => {
    const response = await engine.app.inject({
      method: 'POST',
      url: '/v1/graphql',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip', ...asAdmin },
      payload: JSON.stringify({ query: '{ __schema { types { name } } }' }),
    });
    expect(response.headers['content-encoding']).toBe('gzip');
    const body = JSON.parse(gunzipSync(response.rawPayload).toString('utf8')) as { data: { __schema: { types: unknown[] } } };
    expect(body.data.__schema.types.length).toBeGreaterThan(10);
  });

  it('echoes x-request-id', async () => {
    const response = await engine.app.inject({ method: 'POST', url: '/v1/graphql', headers: { 'content-type': 'application/json', 'x-request-id': 'abc-1', ...asAdmin }, payload: '{"query":"{__typename}"}' });
    expect(response.headers['x-request-id']).toBe('abc-1');
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  });
});
