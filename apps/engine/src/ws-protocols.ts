import type { GraphqlErrorBody } from './errors.ts';

/** The two GraphQL-over-websocket protocols Hasura speaks, as far as they differ. */
export interface Protocol {
  name: 'graphql-transport-ws' | 'graphql-ws';
  /** Client message types that start and stop an operation. */
  start: string;
  stop: string;
  keepAlive: string;
  /** A result of an operation: `payload` is the response's JSON text (`{"data": ...}`). */
  data: (id: string, payload: string) => string;
  /** An error before execution (parse, validation, permissions); `complete` follows. */
  startError: (id: string, errors: GraphqlErrorBody[]) => string;
  /** An error while executing; `terminal` when the protocol ends the operation with it. */
  executionError: (id: string, errors: GraphqlErrorBody[]) => { message: string; terminal: boolean };
}

const message = (type: string, id: string, payload: unknown): string => JSON.stringify({ type, id, payload });

/** `graphql-transport-ws` (the graphql-ws library's protocol). */
export const transportWs: Protocol = {
  name: 'graphql-transport-ws',
  start: 'subscribe',
  stop: 'complete',
  keepAlive: JSON.stringify({ type: 'ping', payload: { message: 'keepalive' } }),
  data: (id, payload) => `{"type":"next","id":${JSON.stringify(id)},"payload":${payload}}`,
  startError: (id, errors) => message('error', id, errors),
  executionError: (id, errors) => ({ message: message('error', id, errors), terminal: true }),
};

/** Legacy Apollo `subscriptions-transport-ws`, subprotocol `graphql-ws`. */
export const legacyWs: Protocol = {
  name: 'graphql-ws',
  start: 'start',
  stop: 'stop',
  keepAlive: JSON.stringify({ type: 'ka' }),
  data: (id, payload) => `{"type":"data","id":${JSON.stringify(id)},"payload":${payload}}`,
  startError: (id, errors) => message('error', id, { errors }),
  executionError: (id, errors) => ({ message: message('data', id, { data: null, errors }), terminal: false }),
};

/** Close codes Hasura uses. */
export const CLOSE = {
  badRequest: 4400,
  forbidden: 4403,
  initTimeout: 4408,
  tooManyInits: 4429,
  /** Hasura's forced reconnect ("Server is restarting"): shutdown. */
  serviceRestart: 1012,
  tryAgainLater: 1013,
} as const;
