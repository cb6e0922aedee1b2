import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSchema, gql, metadataOf, startEngine, type TestEngine } from './support/harness.ts';

// Validation errors in the words of Hasura's own tests and parser (hasura/graphql-engine).
let engine: TestEngine;

beforeAll(async () => {
  await createTestSchema('conf_errors', `create table article (id int primary key, title text, author_id int);`);
  engine = await startEngine(metadataOf([{ table: { schema: 'conf_errors', name: 'article' }, configuration: { custom_name: 'article' } }]));
});
afterAll(async () => engine.close());

const failure = (message: string, path: string) => ({ errors: [{ message, extensions: { path, code: 'validation-failed' } }] });

describe('validation error texts', () => {
  it('names the allowed values of an enum literal, at its argument', async () => {
    expect(await gql(engine.app, { query: '{ article(distinct_on: published) { id } }' })).toEqual(
      failure("expected one of the values ['id', 'title', 'author_id'] for type 'article_select_column', but found 'published'", '$.selectionSet.article.args.distinct_on'),
    );
    expect(await gql(engine.app, { query: '{ article(order_by: {id: up}) { id } }' })).toEqual(
      failure("expected one of the values ['asc', 'asc_nulls_first', 'asc_nulls_last', 'desc', 'desc_nulls_first', 'desc_nulls_last'] for type 'order_by', but found 'up'", '$.selectionSet.article.args.order_by.id'),
    );
  });

  it('names the allowed values of an enum variable', async () => {
    const call = { query: 'query q($c: [article_select_column!]) { article(distinct_on: $c) { id } }', variables: { c: ['published'] } };
    expect(await gql(engine.app, call)).toEqual(failure("expected one of the values ['id', 'title', 'author_id'] for type 'article_select_column', but found 'published'", '$'));
  });

  it('refuses distinct_on columns that do not lead order_by', async () => {
    expect(await gql(engine.app, { query: '{ article(distinct_on: title, order_by: {id: asc}) { id } }' })).toEqual(
      failure('"distinct_on" columns must match initial "order_by" columns', '$.selectionSet.article.args'),
    );
  });
});
