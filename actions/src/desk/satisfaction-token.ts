import { timingSafeEqual } from 'node:crypto';
import type { SecretBox } from '../identity/secrets.ts';

const CONTEXT = 'ticket satisfaction v1';
/** How long the link of a resolution email can be answered. */
export const SATISFACTION_LINK_DAYS = 30;

/** `<ticket id>.<expiry, epoch seconds>.<HMAC>`: names one ticket, expires, cannot be altered. */
export function satisfactionToken(box: SecretBox, ticketId: string, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + SATISFACTION_LINK_DAYS * 86_400;
  return `${ticketId}.${expires}.${box.mac(`${ticketId}.${expires}`, CONTEXT)}`;
}

/** The ticket a token names, or undefined when it is malformed, altered or expired. */
export function verifySatisfactionToken(box: SecretBox, token: string, now = Date.now()): string | undefined {
  const match = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return undefined;
  const [, ticketId, expires, mac] = match as unknown as [string, string, string, string];
  const expected = Buffer.from(box.mac(`${ticketId}.${expires}`, CONTEXT));
  if (expected.length !== mac.length || !timingSafeEqual(expected, Buffer.from(mac))) return undefined;
  return Number(expires) * 1000 >= now ? ticketId : undefined;
}
