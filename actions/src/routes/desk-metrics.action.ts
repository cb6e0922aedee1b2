import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { defineAction, userOf } from '../identity/action.ts';
import { ActionError } from '../identity/action-error.ts';
import { inSession, type Identity } from '../identity/context.ts';

const MAX_RANGE_DAYS = 366;

const metricsInput = z
  .strictObject({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
  .refine(({ from, to }) => Date.parse(from) < Date.parse(to), 'from must be before to')
  .refine(({ from, to }) => Date.parse(to) - Date.parse(from) <= MAX_RANGE_DAYS * 86_400_000, `at most ${MAX_RANGE_DAYS} days`);

/**
 * deskMetrics: the dashboard figures of app.desk_metrics (db/migrations/0069), for desk staff,
 * computed under the caller's session so that each sees the figures of the tickets they see.
 */
export const deskMetricsActions: FastifyPluginAsync<{ identity: Identity }> = async (app, { identity }) => {
  defineAction(app, identity, {
    name: 'deskMetrics',
    input: metricsInput,
    caller: 'user',
    handler: async ({ input, session, client }) => {
      const caller = userOf(session);
      return inSession(identity.sql, { role: 'user', userId: caller.userId, orgId: caller.orgId }, client, async (tx) => {
        const [desk] = await tx`select app.has_org_role('owner', 'admin', 'manager', 'agent') as yes`;
        if (desk?.yes !== true) throw ActionError.forbidden('permission-denied', 'Desk metrics are for desk staff.');
        const [row] = await tx`select app.desk_metrics(${input.from}::timestamptz, ${input.to}::timestamptz) as metrics`;
        return row!.metrics as Record<string, unknown>;
      });
    },
  });
};
