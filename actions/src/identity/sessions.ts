import { randomToken, tokenHash } from './secrets.ts';
import type { ClientInfo, Identity, Tx } from './context.ts';
import { NO_ORG } from './tokens.ts';

export const REFRESH_TOKEN_TTL_DAYS = 30;
export const MFA_CHALLENGE_TTL_SECONDS = 300;
const MFA_CHALLENGE_PREFIX = 'workgrid:auth:mfa-challenge:';

export interface SignedIn {
  access_token: string;
  refresh_token: string;
  token_type: 'Bearer';
  expires_in: number;
  user_id: string;
  org_id: string;
}

/** The org a sign-in lands in: the requested one when the user belongs to it, else their first. */
export async function landingOrg(tx: Tx, requested?: string | null): Promise<string | null> {
  const rows = await tx<{ org_id: string }[]>`
    select m.org_id
      from org_memberships m
      join orgs o on o.id = m.org_id and o.deleted_at is null
     where m.user_id = app.user_id()
     order by (m.org_id = ${requested ?? NO_ORG}::uuid) desc, m.created_at, m.org_id
     limit 1`;
  return rows[0]?.org_id ?? null;
}

/** Starts a refresh token family for the session user (the transaction's session) and signs an access token. */
export async function startSession(identity: Identity, tx: Tx, userId: string, orgId: string | null, client: ClientInfo): Promise<SignedIn> {
  const refresh = randomToken('wgr_');
  const [family] = await tx<{ id: string }[]>`
    insert into app_private.refresh_token_families (user_id, org_id, ip, user_agent)
    values (${userId}, ${orgId}, ${client.ip}::inet, ${client.userAgent}) returning id`;
  await tx`
    insert into app_private.refresh_tokens (family_id, user_id, token_hash, expires_at)
    values (${family!.id}, ${userId}, ${tokenHash(refresh)}, now() + make_interval(days => ${REFRESH_TOKEN_TTL_DAYS}))`;
  const access = await identity.tokens.accessToken({ userId, orgId });
  return { ...access, refresh_token: refresh, user_id: userId, org_id: orgId ?? NO_ORG };
}

/** Revokes every live session (refresh token family) of the session user. */
export async function revokeAllSessions(tx: Tx, reason: string): Promise<number> {
  const rows = await tx`
    update app_private.refresh_token_families set revoked_at = now(), revoked_reason = ${reason}
     where user_id = app.user_id() and revoked_at is null returning id`;
  return rows.length;
}

export interface MfaChallenge {
  userId: string;
  orgId: string | null;
}

/** A short-lived, single-use ticket proving the password step of a sign-in that still needs MFA. */
export async function createMfaChallenge(identity: Identity, challenge: MfaChallenge): Promise<string> {
  const token = randomToken('wgm_');
  await identity.redis.set(`${MFA_CHALLENGE_PREFIX}${tokenHash(token).toString('hex')}`, JSON.stringify(challenge), 'EX', MFA_CHALLENGE_TTL_SECONDS);
  return token;
}

export async function readMfaChallenge(identity: Identity, token: string): Promise<MfaChallenge | null> {
  const raw = await identity.redis.get(`${MFA_CHALLENGE_PREFIX}${tokenHash(token).toString('hex')}`);
  return raw === null ? null : (JSON.parse(raw) as MfaChallenge);
}

/** Consumes the ticket; false when it was already used (a concurrent attempt won). */
export async function consumeMfaChallenge(identity: Identity, token: string): Promise<boolean> {
  return (await identity.redis.del(`${MFA_CHALLENGE_PREFIX}${tokenHash(token).toString('hex')}`)) === 1;
}
