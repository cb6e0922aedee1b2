import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-workgrid-signature';
export const TIMESTAMP_HEADER = 'x-workgrid-timestamp';
export const EVENT_HEADER = 'x-workgrid-event';
export const DELIVERY_HEADER = 'x-workgrid-delivery';

/** `sha256=` + hex HMAC-SHA256 over `${timestamp}.${body}`: the timestamp is signed, so a replay cannot refresh it. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface SignedHeaders {
  [SIGNATURE_HEADER]: string;
  [TIMESTAMP_HEADER]: string;
  [EVENT_HEADER]: string;
  [DELIVERY_HEADER]: string;
}

export function webhookHeaders(secret: string, body: string, event: string, deliveryId: string, now = new Date()): SignedHeaders {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
    [TIMESTAMP_HEADER]: String(timestamp),
    [EVENT_HEADER]: event,
    [DELIVERY_HEADER]: deliveryId,
  };
}

/** Constant-time comparison of two signature strings of any length. */
export function signaturesMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
