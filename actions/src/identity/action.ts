import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import postgres from 'postgres';
import { z } from 'zod';
import { ActionError, SQL_ERROR_STATUS } from './action-error.ts';
import type { CallerSession, ClientInfo, Identity } from './context.ts';
import { READ_ONLY_ROLE } from './tokens.ts';

const UUID = z.guid();

const payloadSchema = z.object({
  action: z.object({ name: z.string() }),
  input: z.record(z.string(), z.unknown()).default({}),
  session_variables: z.record(z.string(), z.string()).default({}),
  request_query: z.string().optional(),
});

export interface ActionContext<I> {
  input: I;
  session: CallerSession;
  client: ClientInfo;
  identity: Identity;
  reply: FastifyReply;
}

/** A caller signed in as a user (role `user`, user and org ids present). */
export type UserSession = CallerSession & { userId: string; orgId: string };

export interface ActionDefinition<S extends z.ZodType, O> {
  name: string;
  input: S;
  /** `anonymous`: anyone (who the caller is plays no part); `user`: a signed-in user. */
  caller: 'anonymous' | 'user';
  /** Refuse tokens exchanged from API keys: managing credentials needs a person's own session. */
  personalOnly?: boolean;
  handler: (context: ActionContext<z.infer<S>>) => Promise<O>;
}

function sessionFrom(variables: Record<string, string>): CallerSession {
  const lower = Object.fromEntries(Object.entries(variables).map(([k, v]) => [k.toLowerCase(), v]));
  const uuidOrUndefined = (value: string | undefined) => (UUID.safeParse(value).success ? value : undefined);
  return {
    role: lower['x-hasura-role'] ?? 'anonymous',
    userId: uuidOrUndefined(lower['x-hasura-user-id']),
    orgId: uuidOrUndefined(lower['x-hasura-org-id']),
    apiKeyId: uuidOrUndefined(lower['x-hasura-api-key-id']),
  };
}

export function clientOf(request: FastifyRequest): ClientInfo {
  const agent = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof agent === 'string' ? agent.slice(0, 512) : null, requestId: request.id };
}

function send(reply: FastifyReply, error: ActionError): FastifyReply {
  const retryAfter = error.extensions['retry_after'];
  if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
  return reply.code(error.status).send({ message: error.message, extensions: { code: error.code, ...error.extensions } });
}

function translate(error: unknown): ActionError | undefined {
  if (error instanceof ActionError) return error;
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    const path = issue ? issue.path.join('.') : '';
    return ActionError.badRequest('validation-failed', `invalid input${path ? ` at ${path}` : ''}: ${issue?.message ?? 'invalid'}`);
  }
  if (error instanceof postgres.PostgresError) {
    const status = SQL_ERROR_STATUS[error.message];
    if (status !== undefined) return new ActionError(status, error.message, error.hint ?? error.message);
    if (error.code === '42501') return ActionError.forbidden('permission-denied', 'You are not allowed to do this.');
  }
  return undefined;
}

/**
 * Registers POST /<name> taking Hasura's action payload. Input is validated with the action's zod
 * schema; refusals answer 4xx `{message, extensions: {code}}`; anything else is a masked 500 whose
 * log line carries no query parameters (they can hold hashes).
 */
export function defineAction<S extends z.ZodType, O>(app: FastifyInstance, identity: Identity, definition: ActionDefinition<S, O>): void {
  app.post(`/${definition.name}`, async (request, reply) => {
    try {
      const payload = payloadSchema.parse(request.body);
      if (payload.action.name !== definition.name) throw ActionError.badRequest('validation-failed', 'action name does not match the route');
      const session = sessionFrom(payload.session_variables);
      if (definition.caller === 'user') {
        // Every action is a mutation: a token from a read-only key (API role `reader`) may call none of them.
        if (session.role === READ_ONLY_ROLE) throw ActionError.forbidden('api_key_scope_exceeded', 'This API key may only read.');
        if (session.role !== 'user' || !session.userId || !session.orgId) {
          throw ActionError.unauthorized('access-denied', 'Sign in first.');
        }
        if (definition.personalOnly && session.apiKeyId) {
          throw ActionError.forbidden('api_key_not_allowed', 'API keys cannot manage credentials.');
        }
      }
      const input = definition.input.parse(payload.input) as z.infer<S>;
      const output = await definition.handler({ input, session, client: clientOf(request), identity, reply });
      return reply.code(200).send(output);
    } catch (error) {
      const refusal = translate(error);
      if (refusal) {
        request.log.info({ action: definition.name, code: refusal.code }, 'action refused');
        return send(reply, refusal);
      }
      const detail = error instanceof Error ? { name: error.name, message: error.message, code: (error as { code?: string }).code } : {};
      request.log.error({ action: definition.name, err: detail }, 'action failed');
      return reply.code(500).send({ message: 'internal error', extensions: { code: 'unexpected' } });
    }
  });
}

/** Narrows a session checked by `caller: 'user'`. */
export function userOf(session: CallerSession): UserSession {
  if (!session.userId || !session.orgId) throw ActionError.unauthorized('access-denied', 'Sign in first.');
  return session as UserSession;
}
