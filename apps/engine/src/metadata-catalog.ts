import type { Sql } from 'postgres';
import { HasuraError } from './errors.ts';
import type { Metadata } from './metadata.ts';

/** Hasura's resource_version of a catalog that holds no metadata yet. */
const INITIAL_RESOURCE_VERSION = 1;

/**
 * Where metadata outlives the process: Hasura's `hdb_catalog.hdb_metadata` (one row, id 1), created by
 * the WorkGrid migrations or, for a role allowed to, by the engine itself. Without it, metadata and its
 * resource_version live in memory.
 */
export class MetadataCatalog {
  private persistent = false;
  /** Bumped by every stored change; a write naming another version is refused (Hasura's optimistic lock). */
  resourceVersion = INITIAL_RESOURCE_VERSION;

  constructor(private readonly sql: Sql) {}

  get persists(): boolean {
    return this.persistent;
  }

  /** Makes the catalog usable when it can and answers the metadata stored there, if any. */
  async open(): Promise<Metadata | undefined> {
    this.persistent = (await this.usable()) || (await this.create());
    if (!this.persistent) return undefined;
    const rows = await this.sql.unsafe<{ metadata: string; resource_version: number }[]>('select metadata::text as metadata, resource_version from hdb_catalog.hdb_metadata where id = 1');
    const row = rows[0];
    if (!row) return undefined;
    this.resourceVersion = row.resource_version;
    return JSON.parse(row.metadata) as Metadata;
  }

  /**
   * Stores `metadata` and bumps the version, as Hasura's setMetadataInCatalog: with `expected`, only
   * when that is still the current version (else 409 `conflict`, nothing written).
   */
  async store(metadata: Metadata, expected?: number): Promise<void> {
    if (!this.persistent) {
      if (expected !== undefined && expected !== this.resourceVersion) throw stale(expected);
      this.resourceVersion += 1;
      return;
    }
    const rows = await this.sql.unsafe<{ resource_version: number }[]>(
      `insert into hdb_catalog.hdb_metadata (id, metadata) values (1, ($1::text)::json)
       on conflict (id) do update set metadata = excluded.metadata, resource_version = hdb_catalog.hdb_metadata.resource_version + 1
       ${expected === undefined ? '' : 'where hdb_catalog.hdb_metadata.resource_version = $2'}
       returning resource_version`,
      expected === undefined ? [JSON.stringify(metadata)] : [JSON.stringify(metadata), expected],
    );
    const row = rows[0];
    if (!row) throw stale(expected ?? this.resourceVersion);
    this.resourceVersion = row.resource_version;
  }

  /**
   * The table exists and this role may read and write it. Checked before any DDL: `create schema if not
   * exists` demands CREATE on the database even when the schema is already there.
   */
  private async usable(): Promise<boolean> {
    const [row] = await this.sql.unsafe<{ usable: boolean }[]>(
      `select case when to_regclass('hdb_catalog.hdb_metadata') is null then false
                   else has_schema_privilege('hdb_catalog', 'usage')
                        and has_table_privilege('hdb_catalog.hdb_metadata', 'select')
                        and has_table_privilege('hdb_catalog.hdb_metadata', 'insert')
                        and has_table_privilege('hdb_catalog.hdb_metadata', 'update') end as usable`,
    );
    return row?.usable === true;
  }

  /** Creates Hasura's table where the role may (a metadata database of its own); false where it may not. */
  private async create(): Promise<boolean> {
    try {
      await this.sql.unsafe(
        `create schema if not exists hdb_catalog;
         create table if not exists hdb_catalog.hdb_metadata (id integer primary key, metadata json not null, resource_version integer not null default 1 unique)`,
      );
      return true;
    } catch {
      return false;
    }
  }
}

function stale(expected: number): HasuraError {
  return new HasuraError('conflict', `metadata resource version referenced (${expected}) did not match current version`, '$', undefined, 409);
}
