import { sameName } from './metadata-args.ts';
import type { Metadata, QualifiedTable, TableMetadata } from './metadata.ts';
import type { InconsistentObject } from './model.ts';

const RELATION = /^(object|array)_relation (\S+) in table (\S+) in source /;
const PERMISSION = /^(select|insert|update|delete)_permission (\S+) on table (\S+) in source /;
const COMPUTED_FIELD = /^computed_field (\S+) of table (\S+) in source /;

function tableNamed(metadata: Metadata, name: string): TableMetadata[] {
  return metadata.sources.flatMap((source) => source.tables.filter((entry) => entry.table.name === name));
}

/** Removes one inconsistent object (as the model names it) from `metadata`. */
function drop(metadata: Metadata, object: InconsistentObject): void {
  const relation = RELATION.exec(object.name);
  const permission = PERMISSION.exec(object.name);
  const computed = COMPUTED_FIELD.exec(object.name);
  if (object.type === 'table') {
    for (const source of metadata.sources) source.tables = source.tables.filter((entry) => !sameName(entry.table, object.definition as QualifiedTable));
  } else if (relation) {
    const kind = `${relation[1] as 'object' | 'array'}_relationships` as const;
    for (const table of tableNamed(metadata, relation[3] ?? '')) table[kind] = (table[kind] ?? []).filter((rel) => rel.name !== relation[2]);
  } else if (permission) {
    const kind = `${permission[1] as 'select'}_permissions` as const;
    for (const table of tableNamed(metadata, permission[3] ?? '')) table[kind] = (table[kind] ?? []).filter((entry) => entry.role !== permission[2]);
  } else if (computed) {
    for (const table of tableNamed(metadata, computed[2] ?? '')) table.computed_fields = (table.computed_fields ?? []).filter((field) => (field as { name?: string }).name !== computed[1]);
  } else if (object.type === 'function') {
    const name = JSON.stringify((object.definition as { function?: unknown }).function);
    for (const source of metadata.sources) source.functions = (source.functions ?? []).filter((entry) => JSON.stringify((entry as { function?: unknown }).function) !== name);
  } else if (object.type === 'action') {
    metadata.actions = (metadata.actions ?? []).filter((action) => (action as { name?: string }).name !== (object.definition as { name?: string }).name);
  }
}

/** `drop_inconsistent_metadata`: the metadata without its inconsistent objects. */
export function withoutInconsistencies(metadata: Metadata, inconsistencies: InconsistentObject[]): Metadata {
  for (const object of inconsistencies) drop(metadata, object);
  return metadata;
}
