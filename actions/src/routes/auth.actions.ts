import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import postgres from 'postgres';
import { z } from 'zod';
import { ActionError } from '../identity/action-error.ts';
import { defineAction, userOf } from '../identity/action.ts';
import { inSession, recordEvent, type ClientInfo, type Identity, type Tx } from '../identity/context.ts';
import { EMAIL_TOPICS, emit, queueEmailToken } from '../identity/emails.ts';
import { hashPassword, needsRehash, passwordProblem, verifyPassword } from '../identity/passwords.ts';
import { tokenHash } from '../identity/secrets.ts';
import { createMfaChallenge, landingOrg, revokeAllSessions, rotateRefreshToken, startSession, type SignedIn } from '../identity/sessions.ts';
import { NO_ORG } from '../identity/tokens.ts';

export const email = z.email().max(254).transform((value) => value.trim().toLowerCase());
export const password = z.string().min(1).max(1024);
const opaqueToken = z.string().min(20).max(200);

export const signUpInput = z.object({
  email,
  password,
  display_name: z.string().trim().min(1).max(120),
  org_name: z.string().trim().min(1).max(120),
});
export const signInInput = z.object({ email, password, org_id: z.guid().nullish() });
export const refreshTokenInput = z.object({ refresh_token: opaqueToken });
export const signOutInput = z.object({ refresh_token: opaqueToken });
export const switchOrganizationInput = z.object({ org_id: z.guid() });

/** What sign-in answers: tokens, or a ticket for the MFA step. */
export type SignInResult = (SignedIn & { mfa_required: false; mfa_token: null }) | {
  mfa_required: true;
  mfa_token: string;
  access_token: null;
  refresh_token: null;
  token_type: null;
  expires_in: null;
  user_id: null;
  org_id: null;
};

const INVALID_CREDENTIALS = () => ActionError.unauthorized('invalid_credentials', 'Email or password is incorrect.');
const ACCEPTED = { accepted: true, message: 'If the address can be used, we have sent an email to it.' };

function slugFor(name: string): string {
  const base = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return `${base.length >= 2 ? base : 'org'}-${randomBytes(3).toString('hex')}`;
}

interface Login {
  user_id: string;
  disabled: boolean;
  email_verified: boolean;
}

export async function lookupLogin(identity: Identity, client: ClientInfo, address: string): Promise<Login | undefined> {
  return inSession(identity.sql, { role: 'anonymous' }, client, async (tx) => {
    const rows = await tx<Login[]>`select * from app_private.login_lookup(${address})`;
    return rows[0];
  });
}

async function storedHash(tx: Tx): Promise<string | undefined> {
  const rows = await tx<{ password_hash: string }[]>`select password_hash from app_private.password_credentials where user_id = app.user_id()`;
  return rows[0]?.password_hash;
}

/**
 * Checks email and password under the abuse limits: the IP budget and the account lock are
 * checked before any hash is compared, unknown addresses cost the same hash and count failures
 * the same way, and every outcome is one answer.
 */
export async function checkPassword(identity: Identity, client: ClientInfo, address: string, given: string, action: string): Promise<Login> {
  await identity.limits.takeIpAttempt(client.ip, action);
  await identity.limits.assertNotLocked(address);
  const login = await lookupLogin(identity, client, address);
  const hash = login ? await inSession(identity.sql, { role: 'user', userId: login.user_id }, client, storedHash) : undefined;
  const ok = await verifyPassword(hash, given);
  if (!ok || !login || login.disabled) {
    await identity.limits.recordFailure(address);
    await recordEvent(identity, client, 'auth.sign_in_failed', {
      userId: login?.user_id ?? null,
      detail: { reason: !login ? 'unknown_account' : login.disabled && ok ? 'disabled' : 'wrong_password', action },
    });
    throw INVALID_CREDENTIALS();
  }
  await identity.limits.clearFailures(address);
  if (hash !== undefined && needsRehash(hash)) {
    const upgraded = await hashPassword(given);
    await inSession(identity.sql, { role: 'user', userId: login.user_id }, client, (tx) =>
      tx`update app_private.password_credentials set password_hash = ${upgraded}, updated_at = now() where user_id = app.user_id()`,
    );
  }
  return login;
}

/** After the password: an MFA ticket when the user has MFA on, otherwise a session. */
export async function finishSignIn(identity: Identity, client: ClientInfo, userId: string, requestedOrg: string | null): Promise<SignInResult> {
  return inSession(identity.sql, { role: 'user', userId }, client, async (tx) => {
    const orgId = await landingOrg(tx, requestedOrg);
    const [factor] = await tx`select 1 from app_private.mfa_factors where user_id = app.user_id() and enabled_at is not null`;
    if (factor) {
      const mfaToken = await createMfaChallenge(identity, { userId, orgId });
      return {
        mfa_required: true as const, mfa_token: mfaToken,
        access_token: null, refresh_token: null, token_type: null, expires_in: null, user_id: null, org_id: null,
      };
    }
    await tx`update users set last_seen_at = now() where id = app.user_id()`;
    const signedIn = await startSession(identity, tx, userId, orgId, client);
    return { ...signedIn, mfa_required: false as const, mfa_token: null };
  });
}

export const authActions: FastifyPluginAsync<{ identity: Identity }> = async (app, { identity }) => {
  defineAction(app, identity, {
    name: 'signUp',
    input: signUpInput,
    caller: 'anonymous',
    handler: async ({ input, client }) => {
      await identity.limits.takeIpAttempt(client.ip, 'sign_up');
      const problem = passwordProblem(input.password, [input.email.split('@')[0] ?? '', input.display_name]);
      if (problem) throw ActionError.badRequest(problem, PASSWORD_MESSAGES[problem] ?? 'Choose another password.');
      // Hash first in every case, so an existing address answers in the same time.
      const hash = await hashPassword(input.password);
      const existing = await lookupLogin(identity, client, input.email);
      if (existing) {
        if (await identity.limits.firstWithin(`sign_up_attempted:${input.email}`, 3600)) {
          await notifyExisting(identity, client, existing.user_id, input.email);
        }
        return ACCEPTED;
      }
      const userId = randomUUID();
      const orgId = randomUUID();
      try {
        await inSession(identity.sql, { role: 'user', userId, orgId }, client, async (tx) => {
          await tx`insert into users (id, email, display_name) values (${userId}, ${input.email}, ${input.display_name})`;
          await tx`insert into orgs (id, name, slug, created_by) values (${orgId}, ${input.org_name}, ${slugFor(input.org_name)}, ${userId})`;
          await tx`insert into app_private.password_credentials (user_id, password_hash) values (${userId}, ${hash})`;
          await queueEmailToken(identity, tx, 'verify_email', { id: userId, email: input.email }, orgId);
        });
      } catch (error) {
        // Signed up concurrently with the same address: answer as for an existing account.
        if (error instanceof postgres.PostgresError && error.code === '23505' && error.constraint_name === 'users_email_key') return ACCEPTED;
        throw error;
      }
      await recordEvent(identity, client, 'auth.signed_up', { userId, orgId });
      return ACCEPTED;
    },
  });

  defineAction(app, identity, {
    name: 'signIn',
    input: signInInput,
    caller: 'anonymous',
    handler: async ({ input, client }) => {
      const login = await checkPassword(identity, client, input.email, input.password, 'sign_in');
      if (!login.email_verified) throw ActionError.forbidden('email_not_verified', 'Verify your email address first: follow the link we sent you.');
      const result = await finishSignIn(identity, client, login.user_id, input.org_id ?? null);
      await recordEvent(identity, client, result.mfa_required ? 'auth.mfa_challenge_issued' : 'auth.sign_in_succeeded', {
        userId: login.user_id,
        orgId: result.org_id === NO_ORG ? null : result.org_id,
      });
      return result;
    },
  });

  defineAction(app, identity, {
    name: 'refreshToken',
    input: refreshTokenInput,
    caller: 'anonymous',
    handler: ({ input, client }) => rotateRefreshToken(identity, client, input.refresh_token),
  });

  defineAction(app, identity, {
    name: 'signOut',
    input: signOutInput,
    caller: 'user',
    handler: async ({ input, session, client }) => {
      const caller = userOf(session);
      await inSession(identity.sql, { role: 'user', userId: caller.userId, orgId: caller.orgId }, client, async (tx) => {
        await tx`update app_private.refresh_token_families set revoked_at = now(), revoked_reason = 'sign_out'
                  where revoked_at is null and id = (select family_id from app_private.refresh_tokens where token_hash = ${tokenHash(input.refresh_token)})`;
      });
      await recordEvent(identity, client, 'auth.signed_out', { userId: caller.userId, orgId: caller.orgId });
      return { ok: true };
    },
  });

  defineAction(app, identity, {
    name: 'signOutAll',
    input: z.object({}),
    caller: 'user',
    handler: async ({ session, client }) => {
      const caller = userOf(session);
      const ended = await inSession(identity.sql, { role: 'user', userId: caller.userId }, client, (tx) => revokeAllSessions(tx, 'sign_out_all'));
      await recordEvent(identity, client, 'auth.signed_out_everywhere', { userId: caller.userId, orgId: caller.orgId, detail: { sessions: ended } });
      return { ok: true, sessions_ended: ended };
    },
  });

  defineAction(app, identity, {
    name: 'switchOrganization',
    input: switchOrganizationInput,
    caller: 'user',
    personalOnly: true,
    handler: async ({ input, session, client }) => {
      const caller = userOf(session);
      return inSession(identity.sql, { role: 'user', userId: caller.userId }, client, async (tx) => {
        const orgId = await landingOrg(tx, input.org_id);
        if (orgId !== input.org_id) throw ActionError.forbidden('not_a_member', 'You are not a member of that organization.');
        return startSession(identity, tx, caller.userId, orgId, client);
      });
    },
  });
};

export const PASSWORD_MESSAGES: Record<string, string> = {
  password_too_short: 'Use at least 12 characters.',
  password_too_long: 'Use at most 256 characters.',
  password_too_common: 'This password is too common or easy to guess: choose another.',
};

/** Someone tried to sign up with a registered address: tell its owner, say nothing to the caller. */
async function notifyExisting(identity: Identity, client: ClientInfo, userId: string, address: string): Promise<void> {
  await inSession(identity.sql, { role: 'user', userId }, client, async (tx) => {
    await emit(tx, EMAIL_TOPICS.signUpExisting, { user_id: userId, email: address }, `sign_up_attempted:${randomUUID()}`, null);
  });
}
