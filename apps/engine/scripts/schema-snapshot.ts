import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig as loadWorkgridConfig } from '../../../scripts/lib/config.ts';
import { repoRoot } from '../../../scripts/lib/paths.ts';
import { loadConfig } from '../src/config.ts';
import { Engine } from '../src/engine.ts';
import { renderSnapshot, SNAPSHOT_ROLES, snapshotDir, snapshotPath } from '../src/snapshot.ts';

// Regenerates apps/engine/schema/<role>.graphql from hasura/metadata and the database `npm start`
// runs (or HASURA_GRAPHQL_DATABASE_URL when set). The test suite fails while they are stale.
const workgrid = loadWorkgridConfig();
const config = loadConfig({
  HASURA_GRAPHQL_DATABASE_URL: process.env['HASURA_GRAPHQL_DATABASE_URL'] ?? workgrid.settings.ENGINE_DATABASE_URL,
  HASURA_GRAPHQL_METADATA_DIR: join(repoRoot, 'hasura', 'metadata'),
  // Action handlers are templated from these; the snapshot only needs them to be set.
  ACTIONS_BASE_URL: workgrid.variables['ACTIONS_BASE_URL'],
  ACTIONS_SECRET: workgrid.variables['ACTIONS_SECRET'],
});
const engine = new Engine(config);
try {
  const inconsistencies = await engine.start();
  if (inconsistencies.length > 0) throw new Error(`inconsistent metadata: ${inconsistencies.map((item) => item.reason).join('; ')}`);
  mkdirSync(snapshotDir, { recursive: true });
  for (const role of SNAPSHOT_ROLES) {
    writeFileSync(snapshotPath(role), renderSnapshot(engine, role));
    console.log(`wrote ${snapshotPath(role)}`);
  }
} catch (error) {
  console.error(`schema:snapshot failed (is the database up? run \`npm start\` first): ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await engine.close();
}
