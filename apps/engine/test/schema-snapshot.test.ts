import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
