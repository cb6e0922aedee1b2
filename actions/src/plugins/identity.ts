import fp from 'fastify-plugin';
import type { Config } from '../config.ts';
import { createIdentity, type Identity } from '../identity/context.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Signing keys, token issuer, abuse limits and secret box of the identity actions. */
    identity: Identity;
  }
}

/** Opens (or creates, on first start) the JWT signing keys and builds the identity services. */
export const identity = fp<{ config: Config }>(
  async (app, { config }) => {
    app.decorate('identity', await createIdentity(config, app.sql, app.redis));
  },
  { name: 'identity', dependencies: ['postgres', 'redis'] },
);
