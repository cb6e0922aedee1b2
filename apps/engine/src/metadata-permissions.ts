import { argsError, optionalObject, required, requiredString, trackedTable, type MetadataChange } from './metadata-args.ts';
import { quoted, type RolePermission, type TableMetadata } from './metadata.ts';

const KINDS = ['select', 'insert', 'update', 'delete'] as const;
type Kind = (typeof KINDS)[number];

function listOf(table: TableMetadata, kind: Kind): RolePermission<unknown>[] {
  return (table[`${kind}_permissions`] ?? []) as RolePermission<unknown>[];
}

function setList(table: TableMetadata, kind: Kind, list: RolePermission<unknown>[]): void {
  if (list.length > 0) (table as unknown as Record<string, unknown>)[`${kind}_permissions`] = list;
  else delete table[`${kind}_permissions`];
}

/** `pg_create_<kind>_permission`: `{table, role, permission, comment?}`; admin's are implicit. */
function createPermission(kind: Kind): MetadataChange {
  return (metadata, args) => {
    const { table, name } = trackedTable(metadata, args);
    const role = requiredString(args, 'role');
    const permission = optionalObject(args, 'permission') ?? required(args, 'permission');
    if (role === 'admin' || listOf(table, kind).some((entry) => entry.role === role)) {
      throw argsError('already-exists', `${kind} permission already defined on table ${quoted(name)} with role "${role}"`);
    }
    const entry: RolePermission<unknown> = { role, permission };
    if (typeof args['comment'] === 'string') entry.comment = args['comment'];
    setList(table, kind, [...listOf(table, kind), entry]);
    return metadata;
  };
}

/** `pg_drop_<kind>_permission`: `{table, role}`. */
function dropPermission(kind: Kind): MetadataChange {
  return (metadata, args) => {
    const { table, name } = trackedTable(metadata, args);
    const role = requiredString(args, 'role');
    const list = listOf(table, kind);
    if (!list.some((entry) => entry.role === role)) throw argsError('permission-denied', `'${kind}' permission on ${quoted(name)} for role "${role}" does not exist`);
    setList(table, kind, list.filter((entry) => entry.role !== role));
    return metadata;
  };
}

export const PERMISSION_CHANGES: Record<string, MetadataChange> = Object.fromEntries(
  KINDS.flatMap((kind) => [
    [`pg_create_${kind}_permission`, createPermission(kind)],
    [`pg_drop_${kind}_permission`, dropPermission(kind)],
  ]),
);
