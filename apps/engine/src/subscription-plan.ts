import type { OperationDefinitionNode } from 'graphql';
import { aggregateQuery, argument, asList, asObject, byPkQuery, collectFields, listQuery, newAlias, permissionFilter, rowJson, streamQuery, textOf, type CollectedField, type CompileContext, type StreamCursor } from './compile.ts';
import { HasuraError } from './errors.ts';
import type { TableInfo } from './model.ts';
import type { RootFieldTarget } from './schema.ts';
import type { Session } from './session.ts';

/** One subscriber's statement: SQL reading its variables from the lateral row `_v.p` (see RowParams). */
export interface RowStatement {
  text: string;
  params: string[];
}

/** A validated subscription: what the live-query registry needs to group, wake and refetch it. */
export interface SubscriptionPlan {
  /** Subscribers with equal keys (operation, role, session) share one statement per refetch. */
  groupKey: string;
  session: Session;
  /** The session's org: changes in other orgs never wake this subscription. */
  orgId: string | undefined;
  /** Keys (`schema.table`) of every table the statement reads. */
  tables: Set<string>;
  /** The response key of the one root field. */
  rootKey: string;
  /** A live query's statement; for a stream, the statement reading the batch after `cursor`. */
  statement: (cursor?: string) => RowStatement;
  /** Set for `T_stream`: where the cursor starts and how many rows one batch holds. */
  stream: { initialCursor: string; batchSize: number } | undefined;
  /** Turns the statement's answer into the root field's JSON, when SQL does not build it (async action results). */
  shape?: (answer: string | null) => string;
  /** Set when only a change to one row of one table can change the result (see `watchedRow`). */
  watches?: WatchedRow;
}

/** The row a `T_by_pk` live query reads: `table` (`schema.table`) and its primary key as PostgreSQL writes it as text. */
export interface WatchedRow {
  table: string;
  key: string;
}

/** A root field answered by other than a table: its statement and how its answer is shaped. */
export interface OtherRootField {
  text: string;
  tables: Set<string>;
  shape: (answer: string | null) => string;
}

export interface SubscriptionInput {
  groupKey: string;
  session: Session;
  operation: OperationDefinitionNode;
  subscriptionRoot: Map<string, RootFieldTarget>;
  /** A compile context whose parameters are lateral-row references and which collects read tables. */
  newContext: () => CompileContext & { reads: Set<string> };
  /** Root fields of `subscription_root` that are not tables (asynchronous action results). */
  otherRootField: (field: CollectedField, ctx: CompileContext) => OtherRootField | undefined;
}

const ONE_FIELD = 'subscriptions must select one top level field';

export function planSubscription(input: SubscriptionInput): SubscriptionPlan {
  const first = input.newContext();
  const fields = collectFields(first, input.operation.selectionSet.selections, 'subscription_root');
  const field = fields[0];
  if (!field || fields.length !== 1) throw new HasuraError('validation-failed', ONE_FIELD, '$');
  const path = `$.selectionSet.${field.key}`;
  const target = input.subscriptionRoot.get(field.name);
  if (!target) {
    const other = input.otherRootField(field, first);
    if (!other) throw new HasuraError('validation-failed', `field '${field.name}' not found in type: 'subscription_root'`, path);
    const statement: RowStatement = { text: other.text, params: first.params.values };
    return { groupKey: input.groupKey, session: input.session, orgId: input.session['x-hasura-org-id'], tables: other.tables, rootKey: field.key, statement: () => statement, stream: undefined, shape: other.shape };
  }
  const cursor = target.kind === 'select_stream' ? streamCursor(first, target, field, path) : undefined;
  const compile = (ctx: CompileContext, value?: string): string => {
    if (cursor) return streamQuery(ctx, target.table, field, path, { ...cursor, value: value ?? cursor.value });
    if (target.kind === 'select_aggregate') return aggregateQuery(ctx, target.table, newAlias(ctx), field, path, 1);
    if (target.kind === 'select_by_pk') return byPkQuery(ctx, target.table, field, path);
    return listQuery(ctx, target.table, newAlias(ctx), field, path, 1);
  };
  // Compiling once up front reports errors before the subscription starts and collects its tables.
  const initial: RowStatement = { text: compile(first), params: first.params.values };
  const watches = target.kind === 'select_by_pk' ? watchedRow(input.newContext, target.table, field, path) : undefined;
  return {
    groupKey: input.groupKey,
    session: input.session,
    orgId: input.session['x-hasura-org-id'],
    tables: first.reads,
    rootKey: field.key,
    // A live query keeps its statement only, not the operation and compile context it came from.
    statement: cursor ? cursorStatement(initial, input.newContext, compile) : constant(initial),
    stream: cursor ? { initialCursor: cursor.value, batchSize: cursor.batchSize } : undefined,
    watches,
  };
}

/**
 * The row a `T_by_pk` subscription reads, when no change to another row of T can alter its result:
 * T has a one-column primary key whose text form `canonicalKey` knows, only T's columns are selected
 * (a relationship or computed field may read other rows), and T's select permission (row filter and
 * column conditions) reads no table T. Otherwise undefined: any change to T concerns it.
 */
function watchedRow(newContext: SubscriptionInput['newContext'], table: TableInfo, field: CollectedField, path: string): WatchedRow | undefined {
  const [name, ...others] = table.pg.primaryKey?.columns ?? [];
  const column = name !== undefined && others.length === 0 ? table.columnsByName.get(name) : undefined;
  const probe = newContext();
  const value = column && argument(probe, field.node, column.gqlName);
  const key = column && value !== undefined ? canonicalKey(column.pg.typeName, textOf(value)) : undefined;
  const columnsOnly = collectFields(probe, field.selections, table.gqlName).every((selected) => selected.name === '__typename' || table.columnsByGql.has(selected.name));
  if (key === undefined || !columnsOnly) return undefined;
  permissionFilter(probe, table, '_w');
  rowJson(probe, table, '_w', field.selections, path, 1);
  return probe.reads.has(table.key) ? undefined : { table: table.key, key };
}

const UUID_TEXT = /^([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})$/;

/** A key value as `<column>::text` writes it (what change notifications name); undefined when unsure. */
export function canonicalKey(typeName: string, value: string): string | undefined {
  if (typeName === 'uuid') return UUID_TEXT.exec(value.replace(/^\{|\}$|-/g, '').toLowerCase())?.slice(1).join('-');
  if (typeName === 'int2' || typeName === 'int4' || typeName === 'int8') return /^\s*[+-]?\d+\s*$/.test(value) ? BigInt(value.trim()).toString() : undefined;
  return undefined;
}

function constant(statement: RowStatement): () => RowStatement {
  return () => statement;
}

function cursorStatement(initial: RowStatement, newContext: () => CompileContext, compile: (ctx: CompileContext, value?: string) => string): (cursor?: string) => RowStatement {
  return (value) => {
    if (value === undefined) return initial;
    const ctx = newContext();
    return { text: compile(ctx, value), params: ctx.params.values };
  };
}

/** `T_stream(batch_size, cursor: [{initial_value: {col: v}, ordering}])`: one cursor on one column. */
function streamCursor(ctx: CompileContext, target: RootFieldTarget, field: CollectedField, path: string): StreamCursor {
  const batchSize = argument(ctx, field.node, 'batch_size');
  if (typeof batchSize !== 'number' || !Number.isInteger(batchSize) || batchSize < 1) {
    throw new HasuraError('validation-failed', 'expected a positive integer for "batch_size"', `${path}.args.batch_size`);
  }
  const cursors = asList(argument(ctx, field.node, 'cursor'));
  if (cursors.length !== 1) throw new HasuraError('validation-failed', 'one streaming cursor is expected', `${path}.args.cursor`);
  const spec = asObject(cursors[0]);
  const initial = Object.entries(asObject(spec['initial_value']));
  const [entry] = initial;
  if (!entry || initial.length !== 1) throw new HasuraError('validation-failed', 'exactly one column is expected in the initial value of a streaming cursor', `${path}.args.cursor`);
  const [name, value] = entry;
  const column = target.table.columnsByGql.get(name);
  if (!column) throw new HasuraError('validation-failed', `field '${name}' not found in type: '${target.table.gqlName}_stream_cursor_value_input'`, `${path}.args.cursor`);
  if (value === null || value === undefined) throw new HasuraError('validation-failed', 'the initial value of a streaming cursor cannot be null', `${path}.args.cursor`);
  const ordering = spec['ordering'] === 'DESC' ? 'DESC' : 'ASC';
  return { column, ordering, value: typeof value === 'object' ? JSON.stringify(value) : textOf(value), batchSize };
}
