import { argsError, optionalObject, qualifiedName, required, sameName, sourceOf, trackedTable, type MetadataChange } from './metadata-args.ts';
import { quoted, type RelationshipMetadata, type TableMetadata } from './metadata.ts';

/** `pg_track_table`: adds the table, with its `configuration` and `is_enum` when given. */
const trackTable: MetadataChange = (metadata, args) => {
  const source = sourceOf(metadata, args);
  const name = qualifiedName(args, 'table');
  if (source.tables.some((entry) => sameName(entry.table, name))) throw argsError('already-tracked', `view/table already tracked: ${quoted(name)}`);
  const entry: TableMetadata = { table: name };
  const configuration = optionalObject(args, 'configuration');
  if (configuration) entry.configuration = configuration;
  if (args['is_enum'] === true) entry.is_enum = true;
  source.tables.push(entry);
  return metadata;
};

/** Relationship targets named in metadata (a foreign key on the table's own columns names none). */
function remoteTable(rel: RelationshipMetadata): unknown {
  const fk = rel.using.foreign_key_constraint_on;
  if (fk !== null && typeof fk === 'object' && !Array.isArray(fk)) return fk.table;
  return rel.using.manual_configuration?.remote_table;
}

/**
 * `pg_untrack_table`: removes the table; relationships of other tables pointing at it are dependents,
 * refused unless `cascade` (then dropped with it).
 */
const untrackTable: MetadataChange = (metadata, args) => {
  const source = sourceOf(metadata, args);
  const name = qualifiedName(args, 'table');
  if (!source.tables.some((entry) => sameName(entry.table, name))) throw argsError('already-untracked', `view/table already untracked: ${quoted(name)}`);
  source.tables = source.tables.filter((entry) => !sameName(entry.table, name));
  const dependents: string[] = [];
  for (const entry of source.tables) {
    for (const kind of ['object_relationships', 'array_relationships'] as const) {
      const pointing = (entry[kind] ?? []).filter((rel) => sameName(remoteTable(rel), name));
      dependents.push(...pointing.map((rel) => `relationship ${entry.table.name}.${rel.name} in source "${source.name}"`));
      if (pointing.length > 0) entry[kind] = (entry[kind] ?? []).filter((rel) => !pointing.includes(rel));
    }
  }
  if (dependents.length > 0 && args['cascade'] !== true) throw argsError('dependency-error', `cannot drop due to the following dependent objects: ${dependents.join(', ')}`);
  return metadata;
};

/** `pg_set_table_customization`: replaces the table's `configuration`. */
const setTableCustomization: MetadataChange = (metadata, args) => {
  const { table } = trackedTable(metadata, args);
  const configuration = optionalObject(args, 'configuration');
  if (configuration) table.configuration = configuration;
  else delete table.configuration;
  return metadata;
};

/** `pg_set_table_is_enum`. */
const setTableIsEnum: MetadataChange = (metadata, args) => {
  const { table } = trackedTable(metadata, args);
  if (required(args, 'is_enum') === true) table.is_enum = true;
  else delete table.is_enum;
  return metadata;
};

export const TABLE_CHANGES: Record<string, MetadataChange> = {
  pg_track_table: trackTable,
  pg_untrack_table: untrackTable,
  pg_set_table_customization: setTableCustomization,
  pg_set_table_is_enum: setTableIsEnum,
};
