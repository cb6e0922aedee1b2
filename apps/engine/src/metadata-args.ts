import { HasuraError } from './errors.ts';
import { quoted, type Metadata, type QualifiedTable, type SourceMetadata, type TableMetadata } from './metadata.ts';

/** The `args` object of one metadata call. */
export type MetadataArgs = Record<string, unknown>;

/** One fine-grained metadata call: a pure change of the metadata object, or a HasuraError. */
export type MetadataChange = (metadata: Metadata, args: MetadataArgs) => Metadata;

export function argsError(code: string, message: string, path = '$.args'): HasuraError {
  return new HasuraError(code, message, path);
}

/** A required argument, with aeson's words (as Hasura answers) when it is missing. */
export function required(args: MetadataArgs, key: string): unknown {
  if (args[key] === undefined) throw argsError('parse-failed', `key "${key}" not found`);
  return args[key];
}

export function requiredString(args: MetadataArgs, key: string): string {
  const value = required(args, key);
  if (typeof value !== 'string') throw argsError('parse-failed', 'parsing Text failed, expected String', `$.args.${key}`);
  return value;
}

export function optionalObject(args: MetadataArgs, key: string): Record<string, unknown> | undefined {
  const value = args[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw argsError('parse-failed', `parsing Object failed, expected Object`, `$.args.${key}`);
  return value as Record<string, unknown>;
}

/** `"name"` (schema public) or `{schema, name}`, as Hasura accepts a table or function name. */
export function qualifiedName(args: MetadataArgs, key: string): QualifiedTable {
  const value = required(args, key);
  if (typeof value === 'string') return { schema: 'public', name: value };
  if (value !== null && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') {
    const { schema, name } = value as { schema?: unknown; name: string };
    return { schema: typeof schema === 'string' ? schema : 'public', name };
  }
  throw argsError('parse-failed', 'expecting a string or an object with "name" for a qualified name', `$.args.${key}`);
}

export function sameName(a: unknown, b: QualifiedTable): boolean {
  const ref = typeof a === 'string' ? { schema: 'public', name: a } : (a as { schema?: string; name?: string } | null);
  return ref !== null && (ref.schema ?? 'public') === b.schema && ref.name === b.name;
}

/** The source named by `args.source` (default `default`). */
export function sourceOf(metadata: Metadata, args: MetadataArgs): SourceMetadata {
  const name = typeof args['source'] === 'string' ? args['source'] : 'default';
  const source = metadata.sources.find((candidate) => candidate.name === name);
  if (!source) throw argsError('not-exists', `source with name "${name}" does not exist`);
  return source;
}

/** The tracked table named by `args.table`. */
export function trackedTable(metadata: Metadata, args: MetadataArgs): { source: SourceMetadata; table: TableMetadata; name: QualifiedTable } {
  const source = sourceOf(metadata, args);
  const name = qualifiedName(args, 'table');
  const table = source.tables.find((entry) => sameName(entry.table, name));
  if (!table) throw argsError('not-exists', `table ${quoted(name)} does not exist in source: ${source.name}`);
  return { source, table, name };
}
