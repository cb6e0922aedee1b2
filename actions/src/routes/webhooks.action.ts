import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { asService } from '../db-session.ts';
import { ActionError } from '../identity/action-error.ts';
import { defineAction, userOf } from '../identity/action.ts';
import { inSession, type Identity } from '../identity/context.ts';
import { attemptDelivery, type DeliverySettings } from '../webhooks/deliver.ts';
import { assertAllowedUrl, BlockedTargetError } from '../webhooks/ssrf.ts';

export const CREATE_WEBHOOK = 'createWebhook';
export const TEST_WEBHOOK = 'testWebhook';
export const REDELIVER_WEBHOOK = 'redeliverWebhook';

const topic = z.string().regex(/^(\*|[a-z_]+(\.[a-z_]+)+)$/);
const createSchema = z.strictObject({
  url: z.string().max(2000),
  event_types: z.array(topic).min(1).max(100),
  description: z.string().max(500).nullish(),
});
const testSchema = z.strictObject({ subscription_id: z.guid() });
const redeliverSchema = z.strictObject({ delivery_id: z.guid() });

export interface WebhookActionOptions {
  delivery: Omit<DeliverySettings, 'retryDelaysMs'>;
}

type Options = WebhookActionOptions & { identity: Identity };

/**
 * Webhook management actions. Who may act (owners and admins of the org) is the tables' RLS,
 * applied by running with the caller's session; recording a delivery is background work of the
 * org, so it runs as role service for the org the caller proved to administer.
 */
export const webhookActions: FastifyPluginAsync<Options> = async (app, { delivery, identity }) => {
  const settings: DeliverySettings = { ...delivery, retryDelaysMs: [] };
  const checkUrl = (url: string) => {
    try {
      return assertAllowedUrl(url, settings.allowPrivate).toString();
    } catch (error) {
      if (error instanceof BlockedTargetError) throw ActionError.badRequest(error.code, error.message);
      throw error;
    }
  };

  // The secret is returned here once; afterwards it is readable only by the worker and owners/admins through the actions service.
  defineAction(app, identity, {
    name: CREATE_WEBHOOK,
    input: createSchema,
    caller: 'user',
    handler: async ({ input, session, client }) => {
      const caller = userOf(session);
      const url = checkUrl(input.url);
      const secret = `whsec_${randomBytes(32).toString('base64url')}`;
      return inSession(identity.sql, { role: 'user', userId: caller.userId, orgId: caller.orgId }, client, async (tx) => {
        const [row] = await tx`
          insert into webhook_subscriptions (org_id, url, event_types, description, created_by)
          select ${caller.orgId}, ${url}, ${input.event_types}, ${input.description ?? null}, ${caller.userId}
           where app.has_org_role('owner', 'admin')
          returning id`;
        if (!row) throw ActionError.forbidden('permission-denied', 'Only owners and admins manage webhooks.');
        await tx`insert into app_private.webhook_secrets (subscription_id, org_id, secret) values (${row.id as string}, ${caller.orgId}, ${secret})`;
        return { id: row.id as string, secret };
      });
    },
  });

  defineAction(app, identity, {
    name: TEST_WEBHOOK,
    input: testSchema,
    caller: 'user',
    handler: async ({ input, session, client }) => {
      const caller = userOf(session);
      const orgId = caller.orgId;
      await inSession(identity.sql, { role: 'user', userId: caller.userId, orgId: caller.orgId }, client, async (tx) => {
        const [visible] = await tx`select id from webhook_subscriptions where id = ${input.subscription_id}`;
        if (!visible) throw new ActionError(404, 'webhook_not_found', 'No such webhook in this organization.');
      });
      const deliveryId = await asService(identity.sql, orgId, async (tx) => {
        const body = { id: null, type: 'webhook.test', org_id: orgId, created_at: new Date().toISOString(), data: { message: 'Test delivery from WorkGrid.' } };
        const [row] = await tx`
          insert into webhook_deliveries (org_id, subscription_id, event_type, payload)
          values (${orgId}, ${input.subscription_id}, 'webhook.test', ${tx.json(body)}) returning id`;
        return row!.id as string;
      });
      return outcomeOf(deliveryId, await attemptDelivery(identity.sql, orgId, deliveryId, settings, { final: true, countFailures: false }));
    },
  });

  defineAction(app, identity, {
    name: REDELIVER_WEBHOOK,
    input: redeliverSchema,
    caller: 'user',
    handler: async ({ input, session, client }) => {
      const caller = userOf(session);
      const orgId = caller.orgId;
      const original = await inSession(identity.sql, { role: 'user', userId: caller.userId, orgId: caller.orgId }, client, async (tx) => {
        const [row] = await tx`select subscription_id, event_type, payload from webhook_deliveries where id = ${input.delivery_id}`;
        if (!row) throw new ActionError(404, 'webhook_delivery_not_found', 'No such webhook delivery in this organization.');
        return row;
      });
      const deliveryId = await asService(identity.sql, orgId, async (tx) => {
        const [row] = await tx`
          insert into webhook_deliveries (org_id, subscription_id, event_type, payload)
          values (${orgId}, ${original.subscription_id as string}, ${original.event_type as string}, ${tx.json(original.payload as never)}) returning id`;
        return row!.id as string;
      });
      return outcomeOf(deliveryId, await attemptDelivery(identity.sql, orgId, deliveryId, settings, { final: true, countFailures: false }));
    },
  });
};

function outcomeOf(deliveryId: string, outcome: { status: string; responseCode: number | null; error: string | null }) {
  return { delivery_id: deliveryId, status: outcome.status === 'succeeded' ? 'succeeded' : 'failed', response_code: outcome.responseCode, error: outcome.error };
}
