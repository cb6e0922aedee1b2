import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { ActionError, parseAction, runAction } from '../action-kit.ts';
import { asService, setSession } from '../db-session.ts';
import { attemptDelivery, type DeliverySettings } from '../webhooks/deliver.ts';
import { assertAllowedUrl, BlockedTargetError } from '../webhooks/ssrf.ts';

export const CREATE_WEBHOOK = 'createWebhook';
export const TEST_WEBHOOK = 'testWebhook';
export const REDELIVER_WEBHOOK = 'redeliverWebhook';

const topic = z.string().regex(/^(\*|[a-z_]+(\.[a-z_]+)+)$/);
const createSchema = z.object({
  url: z.string().max(2000),
  event_types: z.array(topic).min(1).max(100),
  description: z.string().max(500).nullish(),
});
const testSchema = z.object({ subscription_id: z.uuid() });
const redeliverSchema = z.object({ delivery_id: z.uuid() });

export interface WebhookActionOptions {
  delivery: Omit<DeliverySettings, 'retryDelaysMs'>;
}

/**
 * Webhook management actions. Who may act (owners and admins of the org) is the tables' RLS,
 * applied by running with the caller's session; recording a delivery is background work of the
 * org, so it runs as role service for the org the caller proved to administer.
 */
export const webhookActions: FastifyPluginAsync<WebhookActionOptions> = async (app, { delivery }) => {
  const settings: DeliverySettings = { ...delivery, retryDelaysMs: [] };
  const checkUrl = (url: string) => {
    try {
      return assertAllowedUrl(url, settings.allowPrivate).toString();
    } catch (error) {
      if (error instanceof BlockedTargetError) throw new ActionError(error.code, error.message);
      throw error;
    }
  };

  // The secret is returned here once; afterwards it is readable only by the worker and owners/admins through the actions service.
  app.post('/create-webhook', async (request, reply) =>
    runAction(reply, async () => {
      const { input, session } = parseAction(request, CREATE_WEBHOOK, createSchema);
      const url = checkUrl(input.url);
      const secret = `whsec_${randomBytes(32).toString('base64url')}`;
      return app.sql.begin(async (tx) => {
        await setSession(tx, session);
        const [row] = await tx`
          insert into webhook_subscriptions (org_id, url, event_types, description, created_by)
          select ${session['x-hasura-org-id']}, ${url}, ${input.event_types}, ${input.description ?? null}, ${session['x-hasura-user-id']}
           where app.has_org_role('owner', 'admin')
          returning id`;
        if (!row) throw new ActionError('access_denied', 'Only owners and admins manage webhooks.', 403);
        await tx`insert into app_private.webhook_secrets (subscription_id, org_id, secret) values (${row.id as string}, ${session['x-hasura-org-id']}, ${secret})`;
        return { id: row.id as string, secret };
      });
    }),
  );

  app.post('/test-webhook', async (request, reply) =>
    runAction(reply, async () => {
      const { input, session } = parseAction(request, TEST_WEBHOOK, testSchema);
      const orgId = session['x-hasura-org-id'];
      await app.sql.begin(async (tx) => {
        await setSession(tx, session);
        const [visible] = await tx`select id from webhook_subscriptions where id = ${input.subscription_id}`;
        if (!visible) throw new ActionError('webhook_not_found', 'No such webhook in this organization.', 404);
      });
      const deliveryId = await asService(app.sql, orgId, async (tx) => {
        const body = { id: null, type: 'webhook.test', org_id: orgId, created_at: new Date().toISOString(), data: { message: 'Test delivery from WorkGrid.' } };
        const [row] = await tx`
          insert into webhook_deliveries (org_id, subscription_id, event_type, payload)
          values (${orgId}, ${input.subscription_id}, 'webhook.test', ${tx.json(body)}) returning id`;
        return row!.id as string;
      });
      return outcomeOf(deliveryId, await attemptDelivery(app.sql, orgId, deliveryId, settings, { final: true, countFailures: false }));
    }),
  );

  app.post('/redeliver-webhook', async (request, reply) =>
    runAction(reply, async () => {
      const { input, session } = parseAction(request, REDELIVER_WEBHOOK, redeliverSchema);
      const orgId = session['x-hasura-org-id'];
      const original = await app.sql.begin(async (tx) => {
        await setSession(tx, session);
        const [row] = await tx`select subscription_id, event_type, payload from webhook_deliveries where id = ${input.delivery_id}`;
        if (!row) throw new ActionError('webhook_delivery_not_found', 'No such webhook delivery in this organization.', 404);
        return row;
      });
      const deliveryId = await asService(app.sql, orgId, async (tx) => {
        const [row] = await tx`
          insert into webhook_deliveries (org_id, subscription_id, event_type, payload)
          values (${orgId}, ${original.subscription_id as string}, ${original.event_type as string}, ${tx.json(original.payload as never)}) returning id`;
        return row!.id as string;
      });
      return outcomeOf(deliveryId, await attemptDelivery(app.sql, orgId, deliveryId, settings, { final: true, countFailures: false }));
    }),
  );
};

function outcomeOf(deliveryId: string, outcome: { status: string; responseCode: number | null; error: string | null }) {
  return { delivery_id: deliveryId, status: outcome.status === 'succeeded' ? 'succeeded' : 'failed', response_code: outcome.responseCode, error: outcome.error };
}
