import { executeSync, getArgumentValues, Kind, type DocumentNode, type FieldNode, type GraphQLObjectType, type GraphQLOutputType } from 'graphql';
import type { Sql } from 'postgres';
import type { ActionRequest } from './actions-execute.ts';
import { postToHandler } from './actions-http.ts';
import type { ActionInfo } from './actions-model.ts';
import { attachRelated, relatedResolver, relatedSql, relationshipSites, type RelationshipSite } from './actions-relationships.ts';
import { validateResponse } from './actions-response.ts';
import { argument, collectFields, type CollectedField, type CompileContext } from './compile.ts';
import { asHasuraError, HasuraError, toGraphqlError } from './errors.ts';
import { runInTransaction, type ExecuteOptions } from './execute.ts';
import type { Session } from './session.ts';

/** Where asynchronous actions live (db/migrations/0033), as a `schema.table` key for change notifications. */
export const ACTION_LOG = 'engine.action_log';

/** Session variables stored with the action and sent to its handler: without the engine's request id. */
function storedSession(session: Session): Session {
  return Object.fromEntries(Object.entries(session).filter(([name]) => name !== 'x-hasura-request-id'));
}

/**
 * Hasura's asynchronous actions: the mutation stores the call in `engine.action_log` and answers its
 * id; the handler is called right after the commit and its answer (or error) stored in the same row,
 * in transactions carrying the caller's session, so only that user reads the row (RLS).
 */
export class AsyncActions {
  constructor(
    private readonly sql: () => Sql,
    private readonly options: () => ExecuteOptions,
  ) {}

  /** Runs the mutation field: stores the call, starts the handler, answers the action id. */
  async start(action: ActionInfo, field: FieldNode, request: ActionRequest, path: string): Promise<string> {
    const definition = request.schema.getMutationType()?.getFields()[action.name];
    const output = (request.schema.getType(action.name) as GraphQLObjectType | undefined)?.getFields()['output']?.type;
    if (!definition || !output) throw new HasuraError('validation-failed', `field '${action.name}' not found in type: 'mutation_root'`, path);
    const input = getArgumentValues(definition, field, request.variables);
    const session = storedSession(request.session);
    const [id] = await runInTransaction(
      this.sql(),
      request.session,
      [
        {
          text: `insert into engine.action_log (action_name, input, session_variables, request_query) values ($1, ($2::text)::jsonb, ($3::text)::jsonb, $4) returning to_json(id)::text as j`,
          params: [action.name, JSON.stringify(input), JSON.stringify(session), request.requestQuery],
          kind: 'mutation',
          path,
        },
      ],
      { ...this.options(), setSession: true, readOnly: false },
    );
    const actionId = JSON.parse(id ?? 'null') as string;
    void this.process(actionId, action, { action: { name: action.name }, input, session_variables: session, request_query: request.requestQuery }, request, output, path);
    return actionId;
  }

  private async process(id: string, action: ActionInfo, payload: unknown, request: ActionRequest, output: GraphQLOutputType, path: string): Promise<void> {
    let result: { status: 'completed' | 'error'; response: unknown; errors: unknown };
    try {
      const answer = await postToHandler(action, payload, request.clientHeaders, path);
      validateResponse(output, answer, path, request.related.relationships);
      result = { status: 'completed', response: answer, errors: null };
    } catch (error) {
      // Stored as the synchronous action would have answered it (handler extensions kept).
      result = { status: 'error', response: null, errors: toGraphqlError(asHasuraError(error), false) };
    }
    await runInTransaction(
      this.sql(),
      request.session,
      [
        {
          text: `update engine.action_log set status = $2, response_payload = ($3::text)::jsonb, errors = ($4::text)::jsonb, response_received_at = now() where id = ($1::text)::uuid returning null::text as j`,
          params: [id, result.status, JSON.stringify(result.response), JSON.stringify(result.errors)],
          kind: 'mutation',
          path,
        },
      ],
      { ...this.options(), setSession: true, readOnly: false },
    ).catch(() => undefined);
  }
}

/** The relationship fields selected under each `output` of an asynchronous action's result field. */
function outputSites(ctx: CompileContext, action: ActionInfo, field: CollectedField, request: ActionRequest): RelationshipSite[] {
  const output = (request.schema.getType(action.name) as GraphQLObjectType | undefined)?.getFields()['output']?.type;
  if (!output || request.related.relationships.size === 0) return [];
  const path = `$.selectionSet.${field.key}`;
  return collectFields(ctx, field.selections, action.name)
    .filter((part) => part.name === 'output')
    .flatMap((part) => relationshipSites(ctx, request.related.relationships, output, part.selections, [field.key, part.key], `${path}.selectionSet.${part.key}`, 2));
}

/**
 * `name(id)` of an asynchronous action: SQL yielding `{id, created_at, errors, output}` of one of the
 * session's calls (or null), with the rows the selected relationships reach from the stored output, and
 * how that answer is shaped by the field's selection. As in Hasura, a caller other than admin reads only
 * calls made with exactly its session variables.
 */
export function asyncResult(ctx: CompileContext, action: ActionInfo, field: CollectedField, request: ActionRequest, admin: boolean): { text: string; shape: (answer: string | null) => string } {
  const id = argument(ctx, field.node, 'id');
  const conditions = [`l.id = ${ctx.params.typed(String(id), 'uuid')}`, `l.action_name = ${ctx.params.typed(action.name, 'text')}`];
  if (!admin) conditions.push(`l.session_variables = ${ctx.params.typed(JSON.stringify(storedSession(request.session)), 'jsonb')}`);
  const sites = outputSites(ctx, action, field, request);
  const related = sites.length > 0 ? `, 'related', ${relatedSql(ctx, sites, 'l.response_payload')}` : '';
  return {
    text: `select json_build_object('id', l.id, 'created_at', l.created_at, 'errors', l.errors, 'output', l.response_payload${related}) from engine.action_log l where ${conditions.join(' and ')}`,
    shape: (answer) => shapeAsyncResult(request, field.node, answer, sites),
  };
}

/** Projects a stored result (JSON text or null) through the field's selection, as the schema types it. */
function shapeAsyncResult(request: ActionRequest, field: FieldNode, row: string | null, sites: RelationshipSite[]): string {
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [{ ...request.operation, selectionSet: { kind: Kind.SELECTION_SET, selections: [field] } }, ...request.fragments.values()],
  };
  const result = row === null ? null : (JSON.parse(row) as { output: unknown; related?: unknown[] });
  const related = result?.related ? attachRelated(result.output, sites, result.related) : undefined;
  const executed = executeSync({ schema: request.schema, document, rootValue: { [field.name.value]: result }, variableValues: request.variables, ...(related ? { fieldResolver: relatedResolver(related) } : {}) });
  const key = field.alias?.value ?? field.name.value;
  return JSON.stringify(executed.data?.[key] ?? null);
}
