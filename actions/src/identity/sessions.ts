import { ActionError } from './action-error.ts';
import { inSession, recordEvent, type ClientInfo, type Identity, type Tx } from './context.ts';
import { randomToken, tokenHash } from './secrets.ts';
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

/**
 * Spends a refresh token for a new pair (rotation). A token that was already rotated means a copy
 * exists: its whole family is revoked and the reuse is recorded.
 */
export async function rotateRefreshToken(identity: Identity, client: ClientInfo, refreshToken: string): Promise<SignedIn> {
  await identity.limits.takeIpAttempt(client.ip, 'refresh');
  const hash = tokenHash(refreshToken);
  const invalid = () => ActionError.unauthorized('refresh_token_invalid', 'Sign in again.');
  const owner = await inSession(identity.sql, { role: 'anonymous' }, client, async (tx) => {
    const [row] = await tx<{ owner: string | null }[]>`select app_private.refresh_token_owner(${hash}) as owner`;
    return row?.owner ?? null;
  });
  if (!owner) throw invalid();
  const outcome = await inSession(identity.sql, { role: 'user', userId: owner }, client, async (tx) => {
    const [token] = await tx<{ id: string; family_id: string; rotated_at: Date | null; expired: boolean; family_revoked: boolean; org_id: string | null }[]>`
      select t.id, t.family_id, t.rotated_at, t.expires_at <= now() as expired, f.revoked_at is not null as family_revoked, f.org_id
        from app_private.refresh_tokens t
        join app_private.refresh_token_families f on f.id = t.family_id
       where t.token_hash = ${hash}
         for update of t, f`;
    if (!token) return { kind: 'invalid' as const };
    if (token.rotated_at !== null) {
      // A rotated token came back: someone holds a copy. End the whole family.
      await tx`update app_private.refresh_token_families set revoked_at = coalesce(revoked_at, now()), revoked_reason = coalesce(revoked_reason, 'reuse')
                where id = ${token.family_id}`;
      return { kind: 'reuse' as const, familyId: token.family_id, orgId: token.org_id };
    }
    const [user] = await tx`select 1 from users where id = app.user_id() and disabled_at is null`;
    if (token.expired || token.family_revoked || !user) return { kind: 'invalid' as const };
    await tx`update app_private.refresh_tokens set rotated_at = now() where id = ${token.id}`;
    const orgId = token.org_id ? await landingOrg(tx, token.org_id) : null;
    const stillMember = orgId === token.org_id;
    const next = randomToken('wgr_');
    await tx`insert into app_private.refresh_tokens (family_id, user_id, token_hash, expires_at)
             values (${token.family_id}, ${owner}, ${tokenHash(next)}, now() + make_interval(days => ${REFRESH_TOKEN_TTL_DAYS}))`;
    const access = await identity.tokens.accessToken({ userId: owner, orgId: stillMember ? orgId : null });
    return { kind: 'ok' as const, result: { ...access, refresh_token: next, user_id: owner, org_id: stillMember && orgId ? orgId : NO_ORG } };
  });
  if (outcome.kind === 'reuse') {
    await recordEvent(identity, client, 'auth.refresh_token_reused', { userId: owner, orgId: outcome.orgId, detail: { family_id: outcome.familyId } });
    throw ActionError.unauthorized('refresh_token_reused', 'This session was ended because its refresh token was used twice. Sign in again.');
  }
  if (outcome.kind === 'invalid') throw invalid();
  return outcome.result;
}

/** Ends the session a refresh token belongs to, whoever presents it (holding the token is the proof). */
export async function endSessionOf(identity: Identity, client: ClientInfo, refreshToken: string): Promise<void> {
  const hash = tokenHash(refreshToken);
  const owner = await inSession(identity.sql, { role: 'anonymous' }, client, async (tx) => {
    const [row] = await tx<{ owner: string | null }[]>`select app_private.refresh_token_owner(${hash}) as owner`;
    return row?.owner ?? null;
  });
  if (!owner) return;
  await inSession(identity.sql, { role: 'user', userId: owner }, client, async (tx) => {
    await tx`update app_private.refresh_token_families set revoked_at = now(), revoked_reason = 'sign_out'
              where revoked_at is null and id = (select family_id from app_private.refresh_tokens where token_hash = ${hash})`;
  });
  await recordEvent(identity, client, 'auth.signed_out', { userId: owner });
}
