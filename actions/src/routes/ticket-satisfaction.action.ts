import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { verifySatisfactionToken } from '../desk/satisfaction-token.ts';
import { defineAction } from '../identity/action.ts';
import { ActionError } from '../identity/action-error.ts';
import type { Identity } from '../identity/context.ts';

const rateInput = z.strictObject({
  token: z.string().min(1).max(200),
  rating: z.number().int().min(1).max(5),
  comment: z.string().max(2000).optional(),
});

/**
 * rateTicket: the answer to the rating request of a resolution email. Anyone holding the link may
 * answer (it is signed for one ticket and expires); nobody else can name a ticket.
 */
export const ticketSatisfactionActions: FastifyPluginAsync<{ identity: Identity }> = async (app, { identity }) => {
  defineAction(app, identity, {
    name: 'rateTicket',
    input: rateInput,
    caller: 'anonymous',
    handler: async ({ input }) => {
      const ticketId = verifySatisfactionToken(identity.box, input.token);
      if (!ticketId) throw ActionError.badRequest('satisfaction_token_invalid', 'This rating link is not valid or has expired.');
      const [row] = await identity.sql`select app.record_satisfaction(${ticketId}, ${input.rating}, ${input.comment ?? null}) as stored`;
      if (row?.stored !== true) throw new ActionError(409, 'ticket_not_resolved', 'This request is open again; rate it once it is resolved.');
      return { ok: true };
    },
  });
};
