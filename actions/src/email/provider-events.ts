import type { Sql } from 'postgres';

/** Resend's event types and the email_log status each one means. */
const RESEND_STATUS: Record<string, string> = {
  'email.delivered': 'delivered',
  'email.delivery_delayed': 'delayed',
  'email.bounced': 'bounced',
  'email.complained': 'complained',
  'email.failed': 'failed',
};

/** Applies a verified provider event to the message it names; other event types are only recorded. */
export async function applyEmailEvent(sql: Sql, payload: Record<string, unknown>): Promise<boolean> {
  const status = RESEND_STATUS[String(payload.type)];
  const data = payload.data as { email_id?: unknown; bounce?: { message?: unknown } } | undefined;
  if (!status || typeof data?.email_id !== 'string') return false;
  const detail = typeof data.bounce?.message === 'string' ? data.bounce.message : null;
  const [row] = await sql`select app.email_log_apply_provider_event('resend', ${data.email_id}, ${status}, ${detail}) as applied`;
  return row?.applied === true;
}
