import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import fp from 'fastify-plugin';

export const REQUEST_ID_HEADER = 'x-request-id';

// Ids come from nginx or the engine; anything else a client sends is replaced rather than logged.
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify `genReqId`: keeps a well-formed incoming x-request-id, otherwise makes one. */
export function requestIdFrom(headers: IncomingHttpHeaders): string {
  const given = headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && ACCEPTED_ID.test(given) ? given : randomUUID();
}

/** Echoes the request id so a caller can quote it when reporting a problem. */
export const requestIdHeader = fp(
  async (app) => {
    app.addHook('onRequest', async (request, reply) => {
      reply.header(REQUEST_ID_HEADER, request.id);
    });
  },
  { name: 'request-id-header' },
);
