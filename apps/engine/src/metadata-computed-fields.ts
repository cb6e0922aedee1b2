import { argsError, optionalObject, required, requiredString, trackedTable, type MetadataChange } from './metadata-args.ts';

interface ComputedField {
  name: string;
  definition: unknown;
  comment?: string;
}

/** `pg_add_computed_field`: `{table, name, definition: {function, table_argument?, session_argument?}, comment?}`. */
const addComputedField: MetadataChange = (metadata, args) => {
  const { table, name: tableName } = trackedTable(metadata, args);
  const name = requiredString(args, 'name');
  const definition = optionalObject(args, 'definition') ?? required(args, 'definition');
  const fields = (table.computed_fields ?? []) as ComputedField[];
  if (fields.some((field) => field.name === name)) throw argsError('already-exists', `computed field "${name}" already exists on table "${tableName.name}"`);
  const field: ComputedField = { name, definition };
  if (typeof args['comment'] === 'string') field.comment = args['comment'];
  table.computed_fields = [...fields, field];
  return metadata;
};

/** `pg_drop_computed_field`: `{table, name}`; select permissions naming it are dependents, dropped only with `cascade`. */
const dropComputedField: MetadataChange = (metadata, args) => {
  const { table, name: tableName } = trackedTable(metadata, args);
  const name = requiredString(args, 'name');
  const fields = (table.computed_fields ?? []) as ComputedField[];
  if (!fields.some((field) => field.name === name)) throw argsError('not-exists', `computed field "${name}" does not exist`);
  const dependents = (table.select_permissions ?? []).filter((entry) => entry.permission.computed_fields?.includes(name));
  if (dependents.length > 0 && args['cascade'] !== true) {
    const objects = dependents.map((entry) => `permission ${tableName.name}.${entry.role}.select in source "${typeof args['source'] === 'string' ? args['source'] : 'default'}"`);
    throw argsError('dependency-error', `cannot drop due to the following dependent objects: ${objects.join(', ')}`);
  }
  for (const entry of dependents) entry.permission.computed_fields = entry.permission.computed_fields?.filter((field) => field !== name);
  table.computed_fields = fields.filter((field) => field.name !== name);
  if (table.computed_fields.length === 0) delete table.computed_fields;
  return metadata;
};

export const COMPUTED_FIELD_CHANGES: Record<string, MetadataChange> = {
  pg_add_computed_field: addComputedField,
  pg_drop_computed_field: dropComputedField,
};
