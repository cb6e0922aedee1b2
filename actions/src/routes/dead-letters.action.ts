import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { defineAction, userOf } from '../identity/action.ts';
import type { Identity } from '../identity/context.ts';
import { inSession } from '../identity/context.ts';

const listInput = z.strictObject({ limit: z.number().int().min(1).max(200).optional() });
const retryInput = z.strictObject({ event_id: z.guid() });

/**
 * deadLetters: the org's dead-lettered side effects. Who may see them (owners and admins) is the
 * outbox_events_select policy's rule, applied by running with the caller's session; the GraphQL
 * engine role has no access to the outbox, so this action is the API's window on it.
 *
 * retryDelivery sends one back to the queue: app.outbox_retry enforces own org, owner/admin, dead
 * only (outbox_event_not_found, outbox_event_not_dead), and its NOTIFY wakes the relay.
 */
export const deadLetterActions: FastifyPluginAsync<{ identity: Identity }> = async (app, { identity }) => {
  defineAction(app, identity, {
    name: 'deadLetters',
    input: listInput,
    caller: 'user',
    handler: async ({ input, session, client }) => {
      const caller = userOf(session);
      return inSession(identity.sql, { role: 'user', userId: caller.userId, orgId: caller.orgId }, client, (tx) => tx`
        select id, topic, attempts, last_error, created_at, dead_at
          from outbox_events where dead_at is not null
         order by dead_at desc limit ${input.limit ?? 50}`);
    },
  });

  defineAction(app, identity, {
    name: 'retryDelivery',
    input: retryInput,
    caller: 'user',
    handler: async ({ input, session, client }) => {
      const caller = userOf(session);
      await inSession(identity.sql, { role: 'user', userId: caller.userId, orgId: caller.orgId }, client, (tx) => tx`select app.outbox_retry(${input.event_id})`);
      return { event_id: input.event_id, status: 'queued' };
    },
  });
};
