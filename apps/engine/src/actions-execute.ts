import {
  execute,
  getArgumentValues,
  isNonNullType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { postToHandler, type ClientHeaders } from './actions-http.ts';
import type { ActionInfo, ActionRelationships } from './actions-model.ts';
import { attachRelated, relatedResolver, relatedSql, relationshipSites, type RelatedValues } from './actions-relationships.ts';
import { validateResponse } from './actions-response.ts';
import type { CompileContext } from './compile.ts';
import { HasuraError } from './errors.ts';
import type { Session } from './session.ts';

/** What reading the rows related to action outputs needs: the relationships, the role's compile context, a read. */
export interface RelatedRowsReader {
  relationships: ActionRelationships;
  /** A fresh compile context of the request's role and session. */
  context: () => CompileContext;
  /** Runs one query in a read transaction carrying the session, as table queries run; its JSON text. */
  read: (text: string, params: string[], path: string) => Promise<string | null>;
}

export interface ActionRequest {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  session: Session;
  clientHeaders: ClientHeaders;
  /** The GraphQL request as the client sent it: `{query, variables, operationName}`. */
  requestQuery: string;
  related: RelatedRowsReader;
}

/** Session variables for the handler: the resolved session without the engine's own request id. */
function sessionVariables(session: Session): Session {
  return Object.fromEntries(Object.entries(session).filter(([name]) => name !== 'x-hasura-request-id'));
}

/** The rows the selection's relationship fields reach from a handler's answer, read in one statement. */
async function readRelated(request: ActionRequest, type: GraphQLOutputType, field: FieldNode, answer: unknown, path: string): Promise<RelatedValues | undefined> {
  if (answer === null || answer === undefined || request.related.relationships.size === 0) return undefined;
  const ctx = request.related.context();
  const sites = relationshipSites(ctx, request.related.relationships, type, field.selectionSet?.selections ?? [], [field.alias?.value ?? field.name.value], path, 1);
  if (sites.length === 0) return undefined;
  const text = `select ${relatedSql(ctx, sites, ctx.params.typed(JSON.stringify(answer), 'jsonb'))}`;
  const rows = await request.related.read(text, ctx.params.values, path);
  return attachRelated(answer, sites, JSON.parse(rows ?? '[]') as unknown[]);
}

/**
 * Runs one synchronous action root field: POSTs `{action: {name}, input, session_variables, request_query}`
 * to its handler and shapes the answer by the field's selection (aliases, fragments, `__typename`,
 * nested objects and lists, relationships to tables). Answers the field's JSON value.
 */
export async function runAction(action: ActionInfo, field: FieldNode, request: ActionRequest, path: string): Promise<unknown> {
  const root = action.type === 'query' ? request.schema.getQueryType() : request.schema.getMutationType();
  const definition = root?.getFields()[action.name];
  if (!root || !definition) throw new HasuraError('validation-failed', `field '${action.name}' not found in type: '${action.type}_root'`, path);
  const input = getArgumentValues(definition, field, request.variables);
  const payload = { action: { name: action.name }, input, session_variables: sessionVariables(request.session), request_query: request.requestQuery };
  const answer = await postToHandler(action, payload, request.clientHeaders, path);
  if (answer === null && isNonNullType(definition.type)) throw new HasuraError('unexpected', 'expecting not null value for the action webhook response', path);
  validateResponse(definition.type, answer, path, request.related.relationships);
  const related = await readRelated(request, definition.type, field, answer, path);
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [{ ...request.operation, selectionSet: { kind: Kind.SELECTION_SET, selections: [field] } }, ...request.fragments.values()],
  };
  const result = await execute({ schema: request.schema, document, rootValue: { [action.name]: answer }, variableValues: request.variables, ...(related ? { fieldResolver: relatedResolver(related) } : {}) });
  const first = result.errors?.[0];
  if (first) throw new HasuraError('unexpected', `unexpected webhook response: ${first.message}`, path);
  const key = field.alias?.value ?? field.name.value;
  return result.data?.[key] ?? null;
}
