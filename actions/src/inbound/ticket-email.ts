import type { Sql } from 'postgres';
import { z } from 'zod';

/** The provider's inbound message event (Resend `email.received`), as far as tickets need it. */
const receivedSchema = z.object({
  type: z.literal('email.received'),
  data: z.object({
    from: z.string(),
    to: z.union([z.string(), z.array(z.string())]),
    subject: z.string().default(''),
    text: z.string().default(''),
  }),
});

/** `Ann Example <ann@example.com>` → { address, name }; a bare address has no name. */
export function parseMailbox(value: string): { address: string; name: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(value);
  return match ? { address: match[2]!.trim().toLowerCase(), name: match[1]!.trim() } : { address: value.trim().toLowerCase(), name: '' };
}

export type InboundTicketOutcome = 'created' | 'replied' | 'ignored_unknown_address' | 'ignored_unknown_sender' | 'not_a_message';

/**
 * Files a verified, deduplicated inbound email as a ticket or a reply (app.receive_ticket_email
 * decides the org, the sender and the ticket). Other provider events are not messages.
 */
export async function applyInboundTicketEmail(sql: Sql, payload: Record<string, unknown>): Promise<InboundTicketOutcome> {
  const parsed = receivedSchema.safeParse(payload);
  if (!parsed.success) return 'not_a_message';
  const { from, to, subject, text } = parsed.data.data;
  const sender = parseMailbox(from);
  const recipients = (Array.isArray(to) ? to : [to]).map((address) => parseMailbox(address).address);
  const [row] = await sql`
    select outcome from app.receive_ticket_email(${recipients}::text[], ${sender.address}, ${sender.name}, ${subject}, ${text})`;
  return row!.outcome as InboundTicketOutcome;
}
