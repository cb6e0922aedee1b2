import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ActionError } from '../identity/action-error.ts';
import { clientOf } from '../identity/action.ts';
import type { Identity } from '../identity/context.ts';
import { endSessionOf, REFRESH_TOKEN_TTL_DAYS, rotateRefreshToken, type SignedIn } from '../identity/sessions.ts';
import { sendProblem } from '../problem.ts';

/** `__Host-`: the browser keeps it only when Secure, for this host, with Path=/. */
export const REFRESH_COOKIE = '__Host-workgrid_refresh';
/** A header cross-site forms cannot send: with SameSite=Strict, a second guard against CSRF. */
export const CSRF_HEADER = 'x-workgrid-csrf';

const adoptBody = z.object({ refresh_token: z.string().min(20).max(200) });

function cookieValue(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function setRefreshCookie(reply: FastifyReply, token: string | null): void {
  const maxAge = token === null ? 0 : REFRESH_TOKEN_TTL_DAYS * 86_400;
  reply.header('set-cookie', `${REFRESH_COOKIE}=${token ?? ''}; Max-Age=${maxAge}; Path=/; HttpOnly; Secure; SameSite=Strict`);
}

/** The pair without the refresh token, which stays in the cookie. */
function withoutRefresh(pair: SignedIn) {
  return { access_token: pair.access_token, token_type: pair.token_type, expires_in: pair.expires_in, user_id: pair.user_id, org_id: pair.org_id };
}

/**
 * Cookie flow for the web console (REST, problem+json errors): the refresh token lives in an
 * httpOnly, Secure, SameSite=Strict cookie that scripts cannot read; the console keeps only the
 * 15-minute access token in memory.
 *
 * - `POST /auth/cookie` `{refresh_token}` (from signIn / challengeMfa / acceptInvitation): spends it
 *   and puts its successor into the cookie.
 * - `POST /auth/refresh`: rotates the cookie's token, answers a new access token.
 * - `POST /auth/sign-out`: ends the cookie's session and clears the cookie.
 */
export const sessionCookieRoutes: FastifyPluginAsync<{ identity: Identity }> = async (app, { identity }) => {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (request.headers[CSRF_HEADER] !== '1') {
      return sendProblem(request, reply, 403, `The ${CSRF_HEADER}: 1 header is required.`, { code: 'csrf_header_missing' });
    }
  });

  const refuse = (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
    if (!(error instanceof ActionError)) throw error;
    if (error.status === 401) setRefreshCookie(reply, null);
    const retryAfter = error.extensions['retry_after'];
    if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
    return sendProblem(request, reply, error.status, error.message, { code: error.code, ...error.extensions });
  };

  app.post('/auth/cookie', async (request, reply) => {
    const body = adoptBody.safeParse(request.body);
    if (!body.success) return sendProblem(request, reply, 400, 'Expected {"refresh_token": "..."}.', { code: 'validation-failed' });
    try {
      const pair = await rotateRefreshToken(identity, clientOf(request), body.data.refresh_token);
      setRefreshCookie(reply, pair.refresh_token);
      return withoutRefresh(pair);
    } catch (error) {
      return refuse(request, reply, error);
    }
  });

  app.post('/auth/refresh', async (request, reply) => {
    const token = cookieValue(request, REFRESH_COOKIE);
    if (!token) return sendProblem(request, reply, 401, 'Not signed in.', { code: 'refresh_token_invalid' });
    try {
      const pair = await rotateRefreshToken(identity, clientOf(request), token);
      setRefreshCookie(reply, pair.refresh_token);
      return withoutRefresh(pair);
    } catch (error) {
      return refuse(request, reply, error);
    }
  });

  app.post('/auth/sign-out', async (request, reply) => {
    const token = cookieValue(request, REFRESH_COOKIE);
    if (token) await endSessionOf(identity, clientOf(request), token);
    setRefreshCookie(reply, null);
    return reply.code(204).send();
  });
};
