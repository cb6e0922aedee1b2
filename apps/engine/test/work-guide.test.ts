import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { snapshotPath } from '../src/snapshot.ts';

describe('docs/graphql-guide-work.md', () => {
  it('every GraphQL example validates against the committed user schema', () => {
    const schema = buildSchema(readFileSync(snapshotPath('user'), 'utf8'));
    const guide = readFileSync(new URL('../../../docs/graphql-guide-work.md', import.meta.url), 'utf8');
    const blocks = [...guide.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
    expect(blocks.length).toBeGreaterThan(20);
    for (const block of blocks) expect(validate(schema, parse(block)).map((error) => error.message), block.split('\n')[0]).toEqual([]);
  });
});
