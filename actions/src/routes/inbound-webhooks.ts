import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from '../problem.ts';
import { contentId, verifyGithub, verifySlack, verifySvix, type Refusal } from '../inbound/verify.ts';
import { applyEmailEvent } from '../email/provider-events.ts';
import { applyGithubEvent } from '../inbound/github-links.ts';
import { applyInboundTicketEmail } from '../inbound/ticket-email.ts';

export interface InboundWebhookOptions {
  githubSecret?: string | undefined;
  slackSecret?: string | undefined;
  emailSecret?: string | undefined;
  windowSeconds: number;
}

type Source = 'github' | 'slack' | 'email';

interface Verified {
  deliveryId: string;
  eventType: string;
  payload: Record<string, unknown>;
}

const BODY_LIMIT = 1024 * 1024;

/**
 * REST routes senders call (`/webhooks/<source>`). The body is kept raw: the signature is checked
 * over the exact bytes before anything is parsed or read from the database. Then a receipt keyed
 * by (source, delivery id) makes retries of the same delivery harmless. Errors are problem+json.
 */
export const inboundWebhookRoutes: FastifyPluginAsync<InboundWebhookOptions> = async (app, options) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, body, done) => done(null, body));

  const refuse = (request: FastifyRequest, reply: FastifyReply, refusal: Refusal) => {
    request.log.info({ code: refusal.code }, 'inbound webhook refused');
    return sendProblem(request, reply, 401, refusal.detail, { code: refusal.code });
  };
  const notConfigured = (request: FastifyRequest, reply: FastifyReply) =>
    sendProblem(request, reply, 404, 'This webhook source is not configured.');

  const accept = async (request: FastifyRequest, reply: FastifyReply, source: Source, verified: Verified) => {
    const [recorded] = await app.sql`
      select app.record_inbound_webhook(${source}, ${verified.deliveryId}, ${verified.eventType}, ${app.sql.json(verified.payload as never)}) as fresh`;
    if (recorded?.fresh !== true) return reply.send({ status: 'duplicate' });
    if (source === 'email' && verified.eventType === 'email.received') {
      request.log.info({ outcome: await applyInboundTicketEmail(app.sql, verified.payload) }, 'inbound email filed');
    } else if (source === 'email') {
      await applyEmailEvent(app.sql, verified.payload);
    } else if (source === 'github') {
      request.log.info({ outcome: await applyGithubEvent(app.sql, verified.eventType, verified.deliveryId, verified.payload) }, 'github event applied');
    }
    await app.sql`select app.complete_inbound_webhook(${source}, ${verified.deliveryId})`;
    return reply.send({ status: 'accepted' });
  };

  const rawOf = (request: FastifyRequest): Buffer => (Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0));

  const parseJson = (request: FastifyRequest, reply: FastifyReply, raw: Buffer): Record<string, unknown> | undefined => {
    try {
      const value: unknown = JSON.parse(raw.toString('utf8'));
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // answered below
    }
    sendProblem(request, reply, 400, 'The body is not a JSON object.');
    return undefined;
  };

  app.post('/github', async (request, reply) => {
    if (!options.githubSecret) return notConfigured(request, reply);
    const raw = rawOf(request);
    const refusal = verifyGithub(options.githubSecret, request.headers, raw);
    if (refusal) return refuse(request, reply, refusal);
    const deliveryId = request.headers['x-github-delivery'];
    const eventType = request.headers['x-github-event'];
    if (typeof deliveryId !== 'string' || typeof eventType !== 'string') {
      return sendProblem(request, reply, 400, 'X-GitHub-Delivery and X-GitHub-Event are required.');
    }
    const payload = parseJson(request, reply, raw);
    if (!payload) return reply;
    return accept(request, reply, 'github', { deliveryId, eventType, payload });
  });

  app.post('/slack', async (request, reply) => {
    if (!options.slackSecret) return notConfigured(request, reply);
    const raw = rawOf(request);
    const refusal = verifySlack(options.slackSecret, request.headers, raw, options.windowSeconds);
    if (refusal) return refuse(request, reply, refusal);
    const isForm = String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
    let payload: Record<string, unknown> | undefined;
    if (isForm) {
      payload = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
    } else {
      payload = parseJson(request, reply, raw);
      if (!payload) return reply;
      // Slack checks a new Events API URL with a challenge to echo.
      if (payload.type === 'url_verification' && typeof payload.challenge === 'string') return reply.send({ challenge: payload.challenge });
    }
    const eventId = typeof payload.event_id === 'string' ? payload.event_id : undefined;
    // Slash commands carry no id: the signed timestamp and body identify a request (and its retries).
    const deliveryId = eventId ?? contentId(String(request.headers['x-slack-request-timestamp']), raw);
    const eventType = isForm ? `command:${String(payload.command ?? '')}` : String(payload.type ?? 'unknown');
    return accept(request, reply, 'slack', { deliveryId, eventType, payload });
  });

  app.post('/email', async (request, reply) => {
    if (!options.emailSecret) return notConfigured(request, reply);
    const raw = rawOf(request);
    const refusal = verifySvix(options.emailSecret, request.headers, raw, options.windowSeconds);
    if (refusal) return refuse(request, reply, refusal);
    const payload = parseJson(request, reply, raw);
    if (!payload) return reply;
    return accept(request, reply, 'email', { deliveryId: String(request.headers['svix-id']), eventType: String(payload.type ?? 'unknown'), payload });
  });
};
