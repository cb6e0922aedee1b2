import { argsError, optionalObject, required, requiredString, trackedTable, type MetadataChange, type MetadataArgs } from './metadata-args.ts';
import { quoted, type RelationshipMetadata, type TableMetadata } from './metadata.ts';

const KINDS = ['object_relationships', 'array_relationships'] as const;

function findRelationship(table: TableMetadata, name: string): { kind: (typeof KINDS)[number]; rel: RelationshipMetadata } | undefined {
  for (const kind of KINDS) {
    const rel = (table[kind] ?? []).find((candidate) => candidate.name === name);
    if (rel) return { kind, rel };
  }
  return undefined;
}

function existing(table: TableMetadata, args: MetadataArgs, key: string): { kind: (typeof KINDS)[number]; rel: RelationshipMetadata } {
  const name = requiredString(args, key);
  const found = findRelationship(table, name);
  if (!found) throw argsError('not-exists', `relationship "${name}" does not exist`);
  return found;
}

/** `pg_create_object_relationship` / `pg_create_array_relationship`: `{table, name, using, comment?}`. */
function createRelationship(kind: (typeof KINDS)[number]): MetadataChange {
  return (metadata, args) => {
    const { table } = trackedTable(metadata, args);
    const name = requiredString(args, 'name');
    const using = optionalObject(args, 'using') ?? (required(args, 'using') as Record<string, unknown>);
    if (findRelationship(table, name)) throw argsError('already-exists', `column/relationship "${name}" of table ${quoted(table.table)} already exists`);
    const rel: RelationshipMetadata = { name, using: using as RelationshipMetadata['using'] };
    if (typeof args['comment'] === 'string') rel.comment = args['comment'];
    table[kind] = [...(table[kind] ?? []), rel];
    return metadata;
  };
}

/** `pg_drop_relationship`: `{table, relationship}`. */
const dropRelationship: MetadataChange = (metadata, args) => {
  const { table } = trackedTable(metadata, args);
  const { kind, rel } = existing(table, args, 'relationship');
  table[kind] = (table[kind] ?? []).filter((candidate) => candidate !== rel);
  return metadata;
};

/** `pg_rename_relationship`: `{table, name, new_name}`. */
const renameRelationship: MetadataChange = (metadata, args) => {
  const { table } = trackedTable(metadata, args);
  const { rel } = existing(table, args, 'name');
  const newName = requiredString(args, 'new_name');
  if (findRelationship(table, newName)) {
    throw argsError('already-exists', `cannot rename relationship "${rel.name}" to "${newName}" in table ${quoted(table.table)} as a column/relationship with the name already exists`);
  }
  rel.name = newName;
  return metadata;
};

/** `pg_set_relationship_comment`: `{table, name, comment}`. */
const setRelationshipComment: MetadataChange = (metadata, args) => {
  const { table } = trackedTable(metadata, args);
  const { rel } = existing(table, args, 'name');
  if (typeof args['comment'] === 'string') rel.comment = args['comment'];
  else delete rel.comment;
  return metadata;
};

export const RELATIONSHIP_CHANGES: Record<string, MetadataChange> = {
  pg_create_object_relationship: createRelationship('object_relationships'),
  pg_create_array_relationship: createRelationship('array_relationships'),
  pg_drop_relationship: dropRelationship,
  pg_rename_relationship: renameRelationship,
  pg_set_relationship_comment: setRelationshipComment,
};
