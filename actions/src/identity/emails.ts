import type { Identity, Tx } from './context.ts';
import { randomToken, tokenHash } from './secrets.ts';

/** Outbox topics of the identity emails; the worker renders and sends them. */
export const EMAIL_TOPICS = {
  verifyEmail: 'identity.email_verification_requested',
  resetPassword: 'identity.password_reset_requested',
  invitation: 'identity.invitation_sent',
  signUpExisting: 'identity.sign_up_attempted',
} as const;

/** Encryption context of a token sealed into an outbox payload (the worker opens it with the same one). */
export const outboxTokenContext = (topic: string) => `outbox:${topic}`;

export const EMAIL_TOKEN_TTL = { verify_email: '48 hours', reset_password: '1 hour' } as const;

/**
 * Creates a single-use emailed token for the session user and queues its email through the
 * outbox in the same transaction. The payload carries the token sealed (AES-256-GCM with
 * SECRETS_KEY), never in clear: the outbox table is readable by org admins and the worker logs.
 */
export async function queueEmailToken(
  identity: Identity,
  tx: Tx,
  purpose: keyof typeof EMAIL_TOKEN_TTL,
  user: { id: string; email: string },
  orgId: string | null,
): Promise<void> {
  const token = randomToken('wge_');
  const [row] = await tx<{ id: string }[]>`
    insert into app_private.email_tokens (user_id, purpose, token_hash, email, expires_at)
    values (${user.id}, ${purpose}, ${tokenHash(token)}, ${user.email}, now() + ${EMAIL_TOKEN_TTL[purpose]}::interval)
    returning id`;
  const topic = purpose === 'verify_email' ? EMAIL_TOPICS.verifyEmail : EMAIL_TOPICS.resetPassword;
  await emit(tx, topic, { user_id: user.id, email: user.email, token_sealed: identity.box.seal(token, outboxTokenContext(topic)) }, `${purpose}:${row!.id}`, orgId);
}

export async function emit(tx: Tx, topic: string, payload: Record<string, string>, key: string, orgId: string | null): Promise<void> {
  await tx`select app.emit_event(${topic}, ${tx.json(payload)}::jsonb, ${key}, ${orgId}::uuid)`;
}
