import type { FastifyReply, FastifyRequest } from 'fastify';
import postgres from 'postgres';
import { z } from 'zod';
import type { SessionVariables } from './db-session.ts';

/** The body Hasura (and the embedded engine) POSTs to an action handler. */
export const actionPayloadSchema = z.object({
  action: z.object({ name: z.string() }),
  input: z.record(z.string(), z.unknown()),
  session_variables: z.record(z.string(), z.string()),
  request_query: z.string().optional(),
});

/** A refusal the caller can act on: Hasura's action error shape, `{message, extensions: {code}}`. */
export class ActionError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** SQL rule violations raise their stable code as the message (docs/error-codes.md). */
const SQL_ERRORS: Record<string, { status: number; message: string }> = {
  outbox_event_not_found: { status: 404, message: 'No such event in this organization, or you may not retry it.' },
  outbox_event_not_dead: { status: 409, message: 'Only a dead letter can be retried.' },

};

export function sendActionError(reply: FastifyReply, error: ActionError): FastifyReply {
  return reply.code(error.status).send({ message: error.message, extensions: { code: error.code } });
}

/**
 * Who the caller is, from session_variables only (never from input): a signed-in member acting
 * in an org. Anything else is refused.
 */
export function memberSession(variables: Record<string, string>, requestId: string): SessionVariables & { 'x-hasura-user-id': string; 'x-hasura-org-id': string } {
  const lower = Object.fromEntries(Object.entries(variables).map(([key, value]) => [key.toLowerCase(), value]));
  const userId = lower['x-hasura-user-id'];
  const orgId = lower['x-hasura-org-id'];
  const uuid = z.uuid();
  if (lower['x-hasura-role'] !== 'user' || !uuid.safeParse(userId).success || !uuid.safeParse(orgId).success) {
    throw new ActionError('access_denied', 'This action needs a signed-in member acting in an organization.', 403);
  }
  return { 'x-hasura-role': 'user', 'x-hasura-user-id': userId!, 'x-hasura-org-id': orgId!, 'x-hasura-request-id': requestId };
}

export interface ParsedAction<I> {
  input: I;
  session: ReturnType<typeof memberSession>;
}

/** Validates an action request: its name, the input against schema, the caller's session. */
export function parseAction<I>(request: FastifyRequest, name: string, schema: z.ZodType<I>): ParsedAction<I> {
  const payload = actionPayloadSchema.safeParse(request.body);
  if (!payload.success || payload.data.action.name !== name) {
    throw new ActionError('validation_failed', `Expected the ${name} action payload.`);
  }
  const input = schema.safeParse(payload.data.input);
  if (!input.success) {
    throw new ActionError('validation_failed', input.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  }
  return { input: input.data, session: memberSession(payload.data.session_variables, request.id) };
}

/** Runs an action handler: known refusals become action errors, SQL codes are mapped, the rest is a masked 500. */
export async function runAction(reply: FastifyReply, fn: () => Promise<unknown>): Promise<FastifyReply> {
  try {
    return reply.send(await fn());
  } catch (error) {
    if (error instanceof ActionError) return sendActionError(reply, error);
    if (error instanceof postgres.PostgresError) {
      const known = SQL_ERRORS[error.message];
      if (known) return sendActionError(reply, new ActionError(error.message, known.message, known.status));
    }
    throw error;
  }
}
