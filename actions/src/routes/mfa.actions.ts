import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { generateSecret, generateURI, verify } from 'otplib';
import { z } from 'zod';
import { ActionError } from '../identity/action-error.ts';
import { defineAction, userOf } from '../identity/action.ts';
import { inSession, recordEvent, type Identity, type Tx } from '../identity/context.ts';
import { tokenHash } from '../identity/secrets.ts';
import { consumeMfaChallenge, readMfaChallenge, startSession } from '../identity/sessions.ts';

export const BACKUP_CODE_COUNT = 10;
const TOTP_ISSUER = 'WorkGrid';
/** One 30-second step either side, for clock drift. */
const EPOCH_TOLERANCE = 30;

const code = z.string().trim().min(6).max(32);
export const verifyMfaInput = z.object({ code });
export const challengeMfaInput = z.object({ mfa_token: z.string().min(20).max(200), code });
export const disableMfaInput = z.object({ code });

const secretContext = (userId: string) => `mfa:${userId}`;
const normalizeBackupCode = (value: string) => value.replace(/[\s-]/g, '').toLowerCase();

/** Ten codes of 12 base32 characters (60 bits each), shown once as xxxx-xxxx-xxxx. */
function newBackupCodes(): string[] {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  return Array.from({ length: BACKUP_CODE_COUNT }, () => {
    const chars = [...randomBytes(12)].map((byte) => alphabet[byte % 32]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

interface Factor {
  secret_ciphertext: string;
  enabled_at: Date | null;
  last_used_step: string | null;
}

async function factorOf(tx: Tx): Promise<Factor | undefined> {
  const [factor] = await tx<Factor[]>`
    select secret_ciphertext, enabled_at, last_used_step from app_private.mfa_factors where user_id = app.user_id() for update`;
  return factor;
}

/**
 * Accepts a TOTP code newer than the last accepted one (no replay), or an unused backup code
 * (then spent). Returns how it matched, or null.
 */
async function acceptCode(identity: Identity, tx: Tx, userId: string, factor: Factor, given: string, allowBackup: boolean): Promise<'totp' | 'backup' | null> {
  const secret = identity.box.open(factor.secret_ciphertext, secretContext(userId));
  if (/^\d{6}$/.test(given)) {
    const afterTimeStep = factor.last_used_step === null ? undefined : Number(factor.last_used_step);
    const result = await verify({ secret, token: given, epochTolerance: EPOCH_TOLERANCE, ...(afterTimeStep === undefined ? {} : { afterTimeStep }) });
    if (result.valid && 'timeStep' in result && typeof result.timeStep === 'number') {
      const updated = await tx`update app_private.mfa_factors set last_used_step = ${result.timeStep}
                                where user_id = app.user_id() and (last_used_step is null or last_used_step < ${result.timeStep}) returning 1`;
      return updated.length === 1 ? 'totp' : null;
    }
    return null;
  }
  if (!allowBackup) return null;
  const spent = await tx`update app_private.mfa_backup_codes set used_at = now()
                          where user_id = app.user_id() and code_hash = ${tokenHash(normalizeBackupCode(given))} and used_at is null returning id`;
  return spent.length === 1 ? 'backup' : null;
}

export const mfaActions: FastifyPluginAsync<{ identity: Identity }> = async (app, { identity }) => {
  defineAction(app, identity, {
    name: 'mfaStatus',
    input: z.object({}),
    caller: 'user',
    personalOnly: true,
    handler: async ({ session, client }) => {
      const caller = userOf(session);
      const [status] = await inSession(identity.sql, { role: 'user', userId: caller.userId }, client, (tx) => tx<{ enabled: boolean; backup_codes_remaining: number }[]>`
        select exists (select from app_private.mfa_factors where user_id = app.user_id() and enabled_at is not null) as enabled,
               (select count(*)::int from app_private.mfa_backup_codes where user_id = app.user_id() and used_at is null) as backup_codes_remaining`);
      return status!;
    },
  });

  defineAction(app, identity, {
    name: 'enrollMfa',
    input: z.object({}),
    caller: 'user',
    personalOnly: true,
    handler: async ({ session, client }) => {
      const caller = userOf(session);
      const secret = generateSecret();
      const label = await inSession(identity.sql, { role: 'user', userId: caller.userId }, client, async (tx) => {
        const existing = await factorOf(tx);
        if (existing?.enabled_at) throw new ActionError(409, 'mfa_already_enabled', 'Multi-factor authentication is already on: disable it first.');
        await tx`insert into app_private.mfa_factors (user_id, secret_ciphertext) values (${caller.userId}, ${identity.box.seal(secret, secretContext(caller.userId))})
                 on conflict (user_id) do update set secret_ciphertext = excluded.secret_ciphertext, enabled_at = null, last_used_step = null, created_at = now()`;
        const [user] = await tx<{ email: string }[]>`select email::text from users where id = app.user_id()`;
        return user?.email ?? caller.userId;
      });
      await recordEvent(identity, client, 'auth.mfa_enrollment_started', { userId: caller.userId, orgId: caller.orgId });
      return { secret, otpauth_url: generateURI({ issuer: TOTP_ISSUER, label, secret }) };
    },
  });

  defineAction(app, identity, {
    name: 'verifyMfa',
    input: verifyMfaInput,
    caller: 'user',
    personalOnly: true,
    handler: async ({ input, session, client }) => {
      const caller = userOf(session);
      const codes = await inSession(identity.sql, { role: 'user', userId: caller.userId }, client, async (tx) => {
        const factor = await factorOf(tx);
        if (!factor || factor.enabled_at) throw new ActionError(409, 'mfa_not_pending', 'Start enrolment first (enrollMfa).');
        if ((await acceptCode(identity, tx, caller.userId, factor, input.code, false)) === null) {
          throw ActionError.badRequest('mfa_code_invalid', 'That code is not valid.');
        }
        await tx`update app_private.mfa_factors set enabled_at = now() where user_id = app.user_id()`;
        await tx`delete from app_private.mfa_backup_codes where user_id = app.user_id()`;
        const fresh = newBackupCodes();
        for (const backup of fresh) {
          await tx`insert into app_private.mfa_backup_codes (user_id, code_hash) values (${caller.userId}, ${tokenHash(normalizeBackupCode(backup))})`;
        }
        return fresh;
      });
      await recordEvent(identity, client, 'auth.mfa_enabled', { userId: caller.userId, orgId: caller.orgId });
      return { enabled: true, backup_codes: codes };
    },
  });

  defineAction(app, identity, {
    name: 'challengeMfa',
    input: challengeMfaInput,
    caller: 'anonymous',
    handler: async ({ input, client }) => {
      await identity.limits.takeIpAttempt(client.ip, 'mfa');
      const challenge = await readMfaChallenge(identity, input.mfa_token);
      const invalid = () => ActionError.unauthorized('mfa_challenge_invalid', 'The sign-in has expired: start again.');
      if (!challenge) throw invalid();
      const account = `mfa:${challenge.userId}`;
      await identity.limits.assertNotLocked(account);
      const outcome = await inSession(identity.sql, { role: 'user', userId: challenge.userId }, client, async (tx) => {
        const factor = await factorOf(tx);
        if (!factor?.enabled_at) return null;
        const matched = await acceptCode(identity, tx, challenge.userId, factor, input.code, true);
        if (matched === null) return null;
        if (!(await consumeMfaChallenge(identity, input.mfa_token))) throw invalid();
        return { matched, session: await startSession(identity, tx, challenge.userId, challenge.orgId, client) };
      });
      if (!outcome) {
        await identity.limits.recordFailure(account);
        await recordEvent(identity, client, 'auth.mfa_failed', { userId: challenge.userId, orgId: challenge.orgId });
        throw ActionError.unauthorized('mfa_code_invalid', 'That code is not valid.');
      }
      await identity.limits.clearFailures(account);
      await recordEvent(identity, client, 'auth.sign_in_succeeded', { userId: challenge.userId, orgId: challenge.orgId, detail: { mfa: outcome.matched } });
      return { ...outcome.session, mfa_required: false, mfa_token: null };
    },
  });

  defineAction(app, identity, {
    name: 'disableMfa',
    input: disableMfaInput,
    caller: 'user',
    personalOnly: true,
    handler: async ({ input, session, client }) => {
      const caller = userOf(session);
      const account = `mfa:${caller.userId}`;
      await identity.limits.assertNotLocked(account);
      const ok = await inSession(identity.sql, { role: 'user', userId: caller.userId }, client, async (tx) => {
        const factor = await factorOf(tx);
        if (!factor?.enabled_at) throw new ActionError(409, 'mfa_not_enabled', 'Multi-factor authentication is not on.');
        if ((await acceptCode(identity, tx, caller.userId, factor, input.code, true)) === null) return false;
        await tx`delete from app_private.mfa_factors where user_id = app.user_id()`;
        await tx`delete from app_private.mfa_backup_codes where user_id = app.user_id()`;
        return true;
      });
      if (!ok) {
        await identity.limits.recordFailure(account);
        throw ActionError.badRequest('mfa_code_invalid', 'That code is not valid.');
      }
      await recordEvent(identity, client, 'auth.mfa_disabled', { userId: caller.userId, orgId: caller.orgId });
      return { enabled: false, backup_codes_remaining: 0 };
    },
  });
};
