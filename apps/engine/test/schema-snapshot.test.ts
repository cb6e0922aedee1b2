import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMetadataDirectory } from '../src/metadata.ts';
import { renderSnapshot, SNAPSHOT_ROLES, snapshotPath } from '../src/snapshot.ts';
import { startEngine, type TestEngine } from './support/harness.ts';

const METADATA_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'hasura', 'metadata');

describe('committed per-role SDL snapshots', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await startEngine(loadMetadataDirectory(METADATA_DIR));
  });
  afterAll(async () => engine?.close());

  it('the WorkGrid metadata is consistent with the migrated schema', () => {
    expect(engine.engine.inconsistencies).toEqual([]);
  });

  it.each(SNAPSHOT_ROLES)('apps/engine/schema/%s.graphql is current (run `npm run schema:snapshot`)', (role) => {
    expect(readFileSync(snapshotPath(role), 'utf8')).toBe(renderSnapshot(engine.engine, role));
  });
});

describe('docs/api.md', () => {
  it('every GraphQL example validates against the committed user schema', () => {
    const schema = buildSchema(readFileSync(snapshotPath('user'), 'utf8'));
    const guide = readFileSync(join(METADATA_DIR, '..', '..', 'docs', 'api.md'), 'utf8');
    const blocks = [...guide.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
    expect(blocks.length).toBeGreaterThan(2);
    for (const block of blocks) expect(validate(schema, parse(block)).map((error) => error.message)).toEqual([]);
  });
});
