import { createHash, createHmac } from 'node:crypto';
import { signaturesMatch } from '../webhooks/signing.ts';

/** Why a request was refused; nothing about it is read from the database before this passes. */
export type Refusal = { code: 'webhook_signature_invalid' | 'webhook_timestamp_stale'; detail: string };

const header = (headers: Record<string, string | string[] | undefined>, name: string): string | undefined => {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
};

/** GitHub: X-Hub-Signature-256 = sha256=HMAC-SHA256(secret, raw body). Delivery id: X-GitHub-Delivery. */
export function verifyGithub(secret: string, headers: Record<string, string | string[] | undefined>, raw: Buffer): Refusal | undefined {
  const given = header(headers, 'x-hub-signature-256');
  if (!given || !/^sha256=[0-9a-f]{64}$/.test(given)) return { code: 'webhook_signature_invalid', detail: 'Missing or malformed X-Hub-Signature-256.' };
  const expected = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
  return signaturesMatch(expected, given) ? undefined : { code: 'webhook_signature_invalid', detail: 'The signature does not match the body.' };
}

/**
 * Slack: X-Slack-Signature = v0=HMAC-SHA256(secret, `v0:${timestamp}:${raw body}`), with
 * X-Slack-Request-Timestamp within the window (replays of old requests are refused).
 */
export function verifySlack(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  raw: Buffer,
  windowSeconds: number,
  now = Date.now(),
): Refusal | undefined {
  const timestamp = header(headers, 'x-slack-request-timestamp');
  const given = header(headers, 'x-slack-signature');
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !given || !/^v0=[0-9a-f]{64}$/.test(given)) {
    return { code: 'webhook_signature_invalid', detail: 'Missing or malformed X-Slack-Signature or X-Slack-Request-Timestamp.' };
  }
  if (Math.abs(now / 1000 - Number(timestamp)) > windowSeconds) {
    return { code: 'webhook_timestamp_stale', detail: `The request timestamp is more than ${windowSeconds} seconds away.` };
  }
  const expected = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(raw).digest('hex')}`;
  return signaturesMatch(expected, given) ? undefined : { code: 'webhook_signature_invalid', detail: 'The signature does not match the body.' };
}

/**
 * The email provider (Resend signs with Svix): svix-signature lists `v1,<base64 HMAC-SHA256>` over
 * `${svix-id}.${svix-timestamp}.${raw body}`, keyed with the base64 secret after its `whsec_` prefix.
 */
export function verifySvix(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  raw: Buffer,
  windowSeconds: number,
  now = Date.now(),
): Refusal | undefined {
  const id = header(headers, 'svix-id');
  const timestamp = header(headers, 'svix-timestamp');
  const signatures = header(headers, 'svix-signature');
  if (!id || !timestamp || !/^\d{1,12}$/.test(timestamp) || !signatures) {
    return { code: 'webhook_signature_invalid', detail: 'Missing svix-id, svix-timestamp or svix-signature.' };
  }
  if (Math.abs(now / 1000 - Number(timestamp)) > windowSeconds) {
    return { code: 'webhook_timestamp_stale', detail: `The request timestamp is more than ${windowSeconds} seconds away.` };
  }
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(raw).digest('base64');
  const ok = signatures.split(' ').some((entry) => {
    const [version, value] = entry.split(',', 2);
    return version === 'v1' && value !== undefined && signaturesMatch(expected, value);
  });
  return ok ? undefined : { code: 'webhook_signature_invalid', detail: 'No signature matches the body.' };
}

/** A stable id for requests that carry none (Slack slash commands): the hash of what was signed. */
export function contentId(...parts: (string | Buffer)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}
