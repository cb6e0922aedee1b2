import type { Redis } from 'ioredis';
import type { Sql, TransactionSql } from 'postgres';
import type { Config } from '../config.ts';
import { KeyStore } from './keys.ts';
import { AuthLimits } from './limits.ts';
import { SecretBox } from './secrets.ts';
import { TokenIssuer } from './tokens.ts';

export type Tx = TransactionSql;

/** Session variables as Hasura forwards them (keys lower-case), reduced to what handlers use. */
export interface CallerSession {
  role: string;
  userId?: string;
  orgId?: string;
  /** Present when the caller's token was exchanged from an API key. */
  apiKeyId?: string;
}

/** Who the client is, for rate limits and security events (never logged with secrets). */
export interface ClientInfo {
  ip: string;
  userAgent: string | null;
  requestId: string;
}

export interface DbSession {
  role: 'user' | 'anonymous';
  userId?: string;
  orgId?: string | null;
}

/** Everything the identity actions share, built once per service. */
export interface Identity {
  sql: Sql;
  redis: Redis;
  keys: KeyStore;
  tokens: TokenIssuer;
  limits: AuthLimits;
  box: SecretBox;
  config: Config;
}

export async function createIdentity(config: Config, sql: Sql, redis: Redis): Promise<Identity> {
  const keys = await KeyStore.open(config.JWT_KEYS_DIR, config.JWT_KEY_ROTATION_DAYS);
  return {
    sql,
    redis,
    keys,
    tokens: new TokenIssuer(keys, config.JWT_ISSUER, config.JWT_AUDIENCE),
    limits: new AuthLimits(redis, {
      maxFailures: config.AUTH_MAX_FAILURES,
      lockoutSeconds: config.AUTH_LOCKOUT_SECONDS,
      ipMaxAttempts: config.AUTH_IP_MAX_ATTEMPTS,
      ipWindowSeconds: config.AUTH_IP_WINDOW_SECONDS,
    }),
    box: SecretBox.fromConfig(config.SECRETS_KEY, config.ACTIONS_SECRET),
    config,
  };
}

/**
 * Runs fn in a transaction of the app role with the given session in `hasura.user`, so row-level
 * security applies to everything it does.
 */
export async function inSession<T>(sql: Sql, session: DbSession, client: ClientInfo, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const variables: Record<string, string> = { 'x-hasura-role': session.role, 'x-hasura-request-id': client.requestId };
  if (session.userId) variables['x-hasura-user-id'] = session.userId;
  if (session.orgId) variables['x-hasura-org-id'] = session.orgId;
  const result = await sql.begin(async (tx) => {
    await tx`select set_config('hasura.user', ${JSON.stringify(variables)}, true)`;
    return [await fn(tx)];
  });
  return (result as unknown as [T])[0];
}

/** Appends a security event in its own transaction, so it is kept even when the action fails. */
export async function recordEvent(
  identity: Identity,
  client: ClientInfo,
  event: string,
  subject: { userId?: string | null; orgId?: string | null; detail?: Record<string, string | number | boolean> },
): Promise<void> {
  await inSession(identity.sql, { role: 'anonymous' }, client, async (tx) => {
    await tx`select app_private.record_auth_event(${event}, ${subject.userId ?? null}::uuid, ${subject.orgId ?? null}::uuid,
      ${client.ip}::inet, ${client.userAgent}, ${tx.json(subject.detail ?? {})}::jsonb)`;
  });
}
