import { executeSync, getArgumentValues, Kind, type DocumentNode, type FieldNode, type GraphQLObjectType, type GraphQLOutputType } from 'graphql';
import type { Sql } from 'postgres';
import type { ActionRequest } from './actions-execute.ts';
import { postToHandler } from './actions-http.ts';
import type { ActionInfo } from './actions-model.ts';
import { validateResponse } from './actions-response.ts';
import { asHasuraError, HasuraError, toGraphqlError } from './errors.ts';
import { runInTransaction, type ExecuteOptions } from './execute.ts';
import type { Session } from './session.ts';
import type { Params } from './sql.ts';

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
          text: `insert into engine.action_log (action_name, input, session_variables, request_query) values ($1, ($2::text)::jsonb, ($3::text)::jsonb, $4) returning to_json(id)::text as j, true as ok`,
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
      validateResponse(output, answer, path);
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
          text: `update engine.action_log set status = $2, response_payload = ($3::text)::jsonb, errors = ($4::text)::jsonb, response_received_at = now() where id = ($1::text)::uuid returning null::text as j, true as ok`,
          params: [id, result.status, JSON.stringify(result.response), JSON.stringify(result.errors)],
          kind: 'mutation',
          path,
        },
      ],
      { ...this.options(), setSession: true, readOnly: false },
    ).catch(() => undefined);
  }
}

/**
 * SQL yielding `{id, created_at, errors, output}` of one of the session's calls of `action` (or null).
 * As in Hasura, a caller other than admin reads only calls made with exactly its session variables.
 */
export function asyncResultQuery(params: Params, action: ActionInfo, id: unknown, session: Session, admin: boolean): string {
  const conditions = [`l.id = ${params.typed(String(id), 'uuid')}`, `l.action_name = ${params.typed(action.name, 'text')}`];
  if (!admin) conditions.push(`l.session_variables = ${params.typed(JSON.stringify(storedSession(session)), 'jsonb')}`);
  return `select json_build_object('id', l.id, 'created_at', l.created_at, 'errors', l.errors, 'output', l.response_payload) from engine.action_log l where ${conditions.join(' and ')}`;
}

/** Projects a stored result (JSON text or null) through the field's selection, as the schema types it. */
export function shapeAsyncResult(request: Pick<ActionRequest, 'schema' | 'operation' | 'fragments' | 'variables'>, field: FieldNode, row: string | null): string {
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [{ ...request.operation, selectionSet: { kind: Kind.SELECTION_SET, selections: [field] } }, ...request.fragments.values()],
  };
  const result = executeSync({ schema: request.schema, document, rootValue: { [field.name.value]: row === null ? null : (JSON.parse(row) as unknown) }, variableValues: request.variables });
  const key = field.alias?.value ?? field.name.value;
  return JSON.stringify(result.data?.[key] ?? null);
}
