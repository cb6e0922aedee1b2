import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sendProblem } from '../problem.ts';

const MASKED_DETAIL = 'The server could not complete the request.';

export function notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = request.url.split('?', 1)[0];
  return sendProblem(request, reply, 404, `No route for ${request.method} ${path}.`);
}

function statusOf(error: FastifyError): number {
  const status = error.statusCode;
  return status !== undefined && status >= 400 && status <= 599 ? status : 500;
}

/** Every error and unknown route answers as application/problem+json; 5xx details never leave the process. */
export const problemDetails = fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const status = statusOf(error);
      if (status >= 500) {
        request.log.error({ err: error }, 'request failed');
        return sendProblem(request, reply, status, MASKED_DETAIL);
      }
      request.log.info({ err: { code: error.code, message: error.message } }, 'request refused');
      return sendProblem(request, reply, status, error.message);
    });
    app.setNotFoundHandler(notFound);
  },
  { name: 'problem-details' },
);
