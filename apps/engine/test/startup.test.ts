import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';

// Like Hasura, the engine refuses to serve metadata that does not match the database, instead of
// starting with an empty schema.
const server = fileURLToPath(new URL('../src/server.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'engine-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function metadataDirWith(tableName: string): string {
  const metadata = join(dir, tableName);
  mkdirSync(join(metadata, 'databases', 'default', 'tables'), { recursive: true });
  writeFileSync(join(metadata, 'version.yaml'), 'version: 3\n');
  writeFileSync(
    join(metadata, 'databases', 'databases.yaml'),
    '- name: default\n  kind: postgres\n  configuration:\n    connection_info:\n      database_url:\n        from_env: HASURA_GRAPHQL_DATABASE_URL\n  tables: "!include default/tables/tables.yaml"\n',
  );
  writeFileSync(join(metadata, 'databases', 'default', 'tables', 'tables.yaml'), `- "!include public_${tableName}.yaml"\n`);
  writeFileSync(join(metadata, 'databases', 'default', 'tables', `public_${tableName}.yaml`), `table: {name: ${tableName}, schema: public}\n`);
  return metadata;
}

describe('engine start-up', () => {
  it('exits with the inconsistencies when the metadata does not match the database', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', server], {
      env: {
        ...process.env,
        HASURA_GRAPHQL_DATABASE_URL: inject('engineUrl'),
        HASURA_GRAPHQL_METADATA_DIR: metadataDirWith('no_such_table'),
        HASURA_GRAPHQL_SERVER_PORT: '0',
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/inconsistent metadata: .*no_such_table/);
    expect(result.stderr).toMatch(/Refusing to start/);
  });
});
