import { argsError, optionalObject, qualifiedName, sameName, sourceOf, type MetadataArgs, type MetadataChange } from './metadata-args.ts';
import { quoted, type QualifiedTable } from './metadata.ts';

/** `args.function`, or the older `{schema, name}` at the top of args. */
function functionName(args: MetadataArgs): QualifiedTable {
  return args['function'] === undefined && typeof args['name'] === 'string' ? qualifiedName({ function: args }, 'function') : qualifiedName(args, 'function');
}

function tracked(entry: unknown): unknown {
  return (entry as { function?: unknown }).function;
}

/** `pg_track_function`: `{function, configuration?, comment?}`. */
const trackFunction: MetadataChange = (metadata, args) => {
  const source = sourceOf(metadata, args);
  const name = functionName(args);
  const functions = source.functions ?? [];
  if (functions.some((entry) => sameName(tracked(entry), name))) throw argsError('already-tracked', `function already tracked: ${quoted(name)}`);
  if (source.tables.some((entry) => sameName(entry.table, name))) throw argsError('not-supported', `table with name ${quoted(name)} already exists`);
  const entry: Record<string, unknown> = { function: name };
  const configuration = optionalObject(args, 'configuration');
  if (configuration) entry['configuration'] = configuration;
  if (typeof args['comment'] === 'string') entry['comment'] = args['comment'];
  source.functions = [...functions, entry];
  return metadata;
};

/** `pg_untrack_function`: `{function}`. */
const untrackFunction: MetadataChange = (metadata, args) => {
  const source = sourceOf(metadata, args);
  const name = functionName(args);
  const functions = source.functions ?? [];
  if (!functions.some((entry) => sameName(tracked(entry), name))) throw argsError('already-untracked', `function already untracked: ${quoted(name)}`);
  source.functions = functions.filter((entry) => !sameName(tracked(entry), name));
  return metadata;
};

export const FUNCTION_CHANGES: Record<string, MetadataChange> = {
  pg_track_function: trackFunction,
  pg_untrack_function: untrackFunction,
};
