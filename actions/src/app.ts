import helmet from '@fastify/helmet';
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import type { DestinationStream } from 'pino';
import type { Config } from './config.ts';
import { loggerOptions } from './logger.ts';
import { postgresPool } from './plugins/postgres.ts';
import { identity } from './plugins/identity.ts';
import { problemDetails } from './plugins/problem-details.ts';
import { rateLimit } from './plugins/rate-limit.ts';
import { redisClient } from './plugins/redis.ts';
import { requestIdFrom, requestIdHeader } from './plugins/request-id.ts';
import { actionRoutes } from './routes/actions.ts';
import { healthRoutes } from './routes/health.ts';
import { jwksRoutes } from './routes/jwks.ts';
import { sessionCookieRoutes } from './routes/session-cookie.ts';
import { inboundWebhookRoutes } from './routes/inbound-webhooks.ts';
import { objectStoreFromConfig } from './storage/object-store.ts';

export interface BuildOptions {
  /** Where log lines go (stdout by default); tests pass a capture stream. */
  logStream?: DestinationStream;
}

const PROBE_PATHS = new Set(['/healthz', '/readyz']);

// Query strings can carry one-time tokens (invitation and reset links), so only the path is logged.
function serializeRequest(request: FastifyRequest) {
  return { method: request.method, path: request.url.split('?', 1)[0], remoteAddress: request.ip };
}

/** Builds the service without listening: external plugins, then app plugins, then routes. */
export function buildApp(config: Config, options: BuildOptions = {}): FastifyInstance {
  const app = Fastify({
    logger: {
      ...loggerOptions(config.LOG_LEVEL),
      serializers: { req: serializeRequest },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    logController: new LogController({
      requestIdLogLabel: 'request_id',
      // Orchestrators probe these every few seconds; readiness failures log on their own.
      disableRequestLogging: (request) => PROBE_PATHS.has(request.url),
    }),
    genReqId: (request) => requestIdFrom(request.headers),
    // Never reachable directly: loopback in the embedded mode, a private network behind nginx
    // (which overwrites X-Forwarded-For) in compose, so the forwarded client address is trusted.
    trustProxy: true,
  });

  app.register(helmet);
  app.register(rateLimit, { redisUrl: config.REDIS_URL });
  app.register(problemDetails);
  app.register(requestIdHeader);

  app.register(postgresPool, { url: config.APP_DATABASE_URL });
  app.register(redisClient, { url: config.REDIS_URL });
  app.register(identity, { config });

  app.register(healthRoutes);
  app.register(jwksRoutes);
  app.register(async (scope) => scope.register(sessionCookieRoutes, { identity: scope.identity }));
  app.register(actionRoutes, {
    prefix: '/actions',
    secret: config.ACTIONS_SECRET,
    delivery: { allowPrivate: config.WEBHOOK_ALLOW_PRIVATE_TARGETS, timeoutMs: config.WEBHOOK_TIMEOUT_MS },
    store: objectStoreFromConfig(config),
    attachmentMaxBytes: config.ATTACHMENT_MAX_BYTES,
  });
  app.register(inboundWebhookRoutes, {
    prefix: '/webhooks',
    githubSecret: config.GITHUB_WEBHOOK_SECRET,
    slackSecret: config.SLACK_SIGNING_SECRET,
    emailSecret: config.EMAIL_WEBHOOK_SECRET,
    windowSeconds: config.INBOUND_WEBHOOK_WINDOW_SECONDS,
  });

  return app;
}
