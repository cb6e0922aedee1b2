import type { FastifyPluginAsync } from 'fastify';
import { actionsSecret } from '../plugins/actions-secret.ts';
import { notFound } from '../plugins/problem-details.ts';
import { apiKeyActions } from './api-key.actions.ts';
import { authActions } from './auth.actions.ts';
import { invitationActions } from './invitation.actions.ts';
import { membershipActions } from './membership.actions.ts';
import { mfaActions } from './mfa.actions.ts';
import { passwordActions } from './password.actions.ts';
import { deadLetterActions } from './dead-letters.action.ts';
import { deskMetricsActions } from './desk-metrics.action.ts';
import { ticketAttachmentActions } from './ticket-attachments.action.ts';
import { ticketSatisfactionActions } from './ticket-satisfaction.action.ts';
import { webhookActions, type WebhookActionOptions } from './webhooks.action.ts';
import type { ObjectStore } from '../storage/object-store.ts';

export interface ActionRoutesOptions extends WebhookActionOptions {
  secret: string;
  /** Object storage of ticket attachments (undefined: not configured). */
  store: ObjectStore | undefined;
  attachmentMaxBytes: number;
}

/**
 * The scope the engine calls (`/actions/*`). Everything in it, unknown paths included, is
 * refused without the shared secret, so callers cannot probe which actions exist. Handlers
 * take the caller's identity from `session_variables`, never from `input`.
 */
export const actionRoutes: FastifyPluginAsync<ActionRoutesOptions> = async (app, { secret, delivery, store, attachmentMaxBytes }) => {
  await app.register(actionsSecret, { secret });
  app.setNotFoundHandler(notFound);
  const identity = app.identity;
  await app.register(authActions, { identity });
  await app.register(passwordActions, { identity });
  await app.register(invitationActions, { identity });
  await app.register(mfaActions, { identity });
  await app.register(apiKeyActions, { identity });
  await app.register(membershipActions, { identity });
  await app.register(deadLetterActions, { identity });
  await app.register(webhookActions, { delivery, identity });
  await app.register(ticketAttachmentActions, { identity, store, maxBytes: attachmentMaxBytes });
  await app.register(ticketSatisfactionActions, { identity });
  await app.register(deskMetricsActions, { identity });
};
