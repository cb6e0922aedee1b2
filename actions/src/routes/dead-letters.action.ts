import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { parseAction, runAction } from '../action-kit.ts';
import { setSession } from '../db-session.ts';

export const DEAD_LETTERS = 'deadLetters';
export const RETRY_DELIVERY = 'retryDelivery';

const listSchema = z.object({ limit: z.number().int().min(1).max(200).default(50) });
const retrySchema = z.object({ event_id: z.uuid() });

/**
 * Dead letters of the caller's org. Who may see them (owners and admins of the org) is the
 * outbox_events_select policy's rule, applied by running with the caller's session; the GraphQL
 * engine role has no access to the outbox, so this action is the API's window on it.
 *
 * retryDelivery sends one back to the queue: app.outbox_retry enforces own org, owner/admin, dead
 * only, and its NOTIFY wakes the relay.
 */
export const deadLetterActions: FastifyPluginAsync = async (app) => {
  app.post('/dead-letters', async (request, reply) =>
    runAction(reply, async () => {
      const { input, session } = parseAction(request, DEAD_LETTERS, listSchema);
      return app.sql.begin(async (tx) => {
        await setSession(tx, session);
        return tx`
          select id, topic, attempts, last_error, created_at, dead_at
            from outbox_events where dead_at is not null
           order by dead_at desc limit ${input.limit}`;
      });
    }),
  );

  app.post('/retry-delivery', async (request, reply) =>
    runAction(reply, async () => {
      const { input, session } = parseAction(request, RETRY_DELIVERY, retrySchema);
      await app.sql.begin(async (tx) => {
        await setSession(tx, session);
        await tx`select app.outbox_retry(${input.event_id})`;
      });
      return { event_id: input.event_id, status: 'queued' };
    }),
  );
};
