import type { FastifyPluginAsync } from 'fastify';
import { JWKS_MAX_AGE_SECONDS } from '../identity/keys.ts';

/** The public signing keys (JWKS): current and recently replaced, so tokens verify across a rotation. */
export const jwksRoutes: FastifyPluginAsync = async (app) => {
  app.get('/.well-known/jwks.json', async (_request, reply) => {
    await app.identity.keys.rotateIfDue();
    return reply
      .header('cache-control', `public, max-age=${JWKS_MAX_AGE_SECONDS}`)
      .type('application/jwk-set+json')
      .send(app.identity.keys.jwks());
  });
};
