import { createHash, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import { sendProblem } from '../problem.ts';

export const ACTIONS_SECRET_HEADER = 'x-workgrid-actions-secret';

export interface ActionsSecretOptions {
  secret: string;
}

// Hashing first gives equal-length inputs, so the comparison time reveals nothing about the secret.
const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * Refuses, before the body is read, every request in the registering scope that does not carry
 * the engine's shared secret. Register it inside the scope that holds the action routes.
 */
export const actionsSecret = fp<ActionsSecretOptions>(
  async (app, { secret }) => {
    const expected = digest(secret);
    app.addHook('onRequest', async (request, reply) => {
      const given = request.headers[ACTIONS_SECRET_HEADER];
      if (typeof given === 'string' && timingSafeEqual(digest(given), expected)) return;
      reply.header('www-authenticate', 'WorkGrid-Actions-Secret');
      return sendProblem(request, reply, 401, `Missing or invalid ${ACTIONS_SECRET_HEADER} header.`);
    });
  },
  { name: 'actions-secret' },
);
