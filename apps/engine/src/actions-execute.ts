import {
  execute,
  getArgumentValues,
  isNonNullType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { postToHandler, type ClientHeaders } from './actions-http.ts';
import type { ActionInfo } from './actions-model.ts';
import { validateResponse } from './actions-response.ts';
import { HasuraError } from './errors.ts';
import type { Session } from './session.ts';

export interface ActionRequest {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  session: Session;
  clientHeaders: ClientHeaders;
  /** The GraphQL request as the client sent it: `{query, variables, operationName}`. */
  requestQuery: string;
}

/** Session variables for the handler: the resolved session without the engine's own request id. */
function sessionVariables(session: Session): Session {
  return Object.fromEntries(Object.entries(session).filter(([name]) => name !== 'x-hasura-request-id'));
}

/**
 * Runs one synchronous action root field: POSTs `{action: {name}, input, session_variables, request_query}`
 * to its handler and shapes the answer by the field's selection (aliases, fragments, `__typename`,
 * nested objects and lists). Answers the field's JSON value.
 */
export async function runAction(action: ActionInfo, field: FieldNode, request: ActionRequest, path: string): Promise<unknown> {
  const root = action.type === 'query' ? request.schema.getQueryType() : request.schema.getMutationType();
  const definition = root?.getFields()[action.name];
  if (!root || !definition) throw new HasuraError('validation-failed', `field '${action.name}' not found in type: '${action.type}_root'`, path);
  const input = getArgumentValues(definition, field, request.variables);
  const payload = { action: { name: action.name }, input, session_variables: sessionVariables(request.session), request_query: request.requestQuery };
  const answer = await postToHandler(action, payload, request.clientHeaders, path);
  if (answer === null && isNonNullType(definition.type)) throw new HasuraError('unexpected', 'expecting not null value for the action webhook response', path);
  validateResponse(definition.type, answer, path);
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [{ ...request.operation, selectionSet: { kind: Kind.SELECTION_SET, selections: [field] } }, ...request.fragments.values()],
  };
  const result = await execute({ schema: request.schema, document, rootValue: { [action.name]: answer }, variableValues: request.variables });
  const first = result.errors?.[0];
  if (first) throw new HasuraError('unexpected', `unexpected webhook response: ${first.message}`, path);
  const key = field.alias?.value ?? field.name.value;
  return result.data?.[key] ?? null;
}
