import type { FastifyPluginAsync } from 'fastify';
import { actionsSecret } from '../plugins/actions-secret.ts';
import { notFound } from '../plugins/problem-details.ts';
import { deadLetterActions } from './dead-letters.action.ts';
import { webhookActions, type WebhookActionOptions } from './webhooks.action.ts';

export interface ActionRoutesOptions extends WebhookActionOptions {
  secret: string;
}

/**
 * The scope the engine calls (`/actions/*`). Everything in it, unknown paths included, is
 * refused without the shared secret, so callers cannot probe which actions exist. Handlers
 * take the caller's identity from `session_variables`, never from `input`.
 */
export const actionRoutes: FastifyPluginAsync<ActionRoutesOptions> = async (app, { secret, delivery }) => {
  await app.register(actionsSecret, { secret });
  app.setNotFoundHandler(notFound);
  await app.register(deadLetterActions);
  await app.register(webhookActions, { delivery });
};
