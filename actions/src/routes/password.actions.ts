import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { ActionError } from '../identity/action-error.ts';
import { defineAction, userOf } from '../identity/action.ts';
import { inSession, recordEvent, type Identity } from '../identity/context.ts';
import { queueEmailToken } from '../identity/emails.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../identity/passwords.ts';
import { tokenHash } from '../identity/secrets.ts';
import { landingOrg, revokeAllSessions, startSession } from '../identity/sessions.ts';
import { email, password, PASSWORD_MESSAGES } from './auth.actions.ts';

const emailedToken = z.string().min(20).max(200);

export const requestPasswordResetInput = z.object({ email });
export const resetPasswordInput = z.object({ token: emailedToken, new_password: password });
export const verifyEmailInput = z.object({ token: emailedToken });
export const changePasswordInput = z.object({ current_password: password, new_password: password });

/** At most one reset email per account per minute, whoever asks. */
export const EMAIL_COOLDOWN_SECONDS = 60;

const LINK_INVALID = () => ActionError.badRequest('token_invalid', 'This link is invalid or has expired.');

function assertAcceptable(newPassword: string, context: string[]): void {
  const problem = passwordProblem(newPassword, context);
  if (problem) throw ActionError.badRequest(problem, PASSWORD_MESSAGES[problem] ?? 'Choose another password.');
}

interface TokenRow {
  id: string;
  email: string;
  usable: boolean;
}

export const passwordActions: FastifyPluginAsync<{ identity: Identity }> = async (app, { identity }) => {
  defineAction(app, identity, {
    name: 'requestPasswordReset',
    input: requestPasswordResetInput,
    caller: 'anonymous',
    handler: async ({ input, client }) => {
      await identity.limits.takeIpAttempt(client.ip, 'password_reset');
      const login = await inSession(identity.sql, { role: 'anonymous' }, client, async (tx) => {
        const rows = await tx<{ user_id: string; disabled: boolean }[]>`select * from app_private.login_lookup(${input.email})`;
        return rows[0];
      });
      if (login && !login.disabled && (await identity.limits.firstWithin(`reset:${input.email}`, EMAIL_COOLDOWN_SECONDS))) {
        await inSession(identity.sql, { role: 'user', userId: login.user_id }, client, (tx) =>
          queueEmailToken(identity, tx, 'reset_password', { id: login.user_id, email: input.email }, null),
        );
        await recordEvent(identity, client, 'auth.password_reset_requested', { userId: login.user_id });
      }
      // The same answer whether or not the address is registered.
      return { accepted: true, message: 'If the address can be used, we have sent an email to it.' };
    },
  });

  defineAction(app, identity, {
    name: 'requestEmailVerification',
    input: requestPasswordResetInput,
    caller: 'anonymous',
    handler: async ({ input, client }) => {
      await identity.limits.takeIpAttempt(client.ip, 'verify_email');
      const login = await inSession(identity.sql, { role: 'anonymous' }, client, async (tx) => {
        const rows = await tx<{ user_id: string; disabled: boolean; email_verified: boolean }[]>`select * from app_private.login_lookup(${input.email})`;
        return rows[0];
      });
      if (login && !login.disabled && !login.email_verified && (await identity.limits.firstWithin(`verify:${input.email}`, EMAIL_COOLDOWN_SECONDS))) {
        await inSession(identity.sql, { role: 'user', userId: login.user_id }, client, (tx) =>
          queueEmailToken(identity, tx, 'verify_email', { id: login.user_id, email: input.email }, null),
        );
      }
      return { accepted: true, message: 'If the address can be used, we have sent an email to it.' };
    },
  });

  defineAction(app, identity, {
    name: 'resetPassword',
    input: resetPasswordInput,
    caller: 'anonymous',
    handler: async ({ input, client }) => {
      await identity.limits.takeIpAttempt(client.ip, 'password_reset');
      const hash = tokenHash(input.token);
      const owner = await inSession(identity.sql, { role: 'anonymous' }, client, async (tx) => {
        const [row] = await tx<{ owner: string | null }[]>`select app_private.email_token_owner(${hash}, 'reset_password') as owner`;
        return row?.owner ?? null;
      });
      if (!owner) throw LINK_INVALID();
      assertAcceptable(input.new_password, []);
      const newHash = await hashPassword(input.new_password);
      const address = await inSession(identity.sql, { role: 'user', userId: owner }, client, async (tx) => {
        const [token] = await tx<TokenRow[]>`
          select id, email::text, used_at is null and expires_at > now() as usable
            from app_private.email_tokens where token_hash = ${hash} and purpose = 'reset_password' for update`;
        if (!token?.usable) throw LINK_INVALID();
        assertAcceptable(input.new_password, [token.email.split('@')[0] ?? '']);
        await tx`update app_private.email_tokens set used_at = now() where user_id = app.user_id() and purpose = 'reset_password' and used_at is null`;
        await tx`insert into app_private.password_credentials (user_id, password_hash) values (${owner}, ${newHash})
                 on conflict (user_id) do update set password_hash = excluded.password_hash, updated_at = now()`;
        // Following the emailed link proves the address too.
        await tx`update users set email_verified_at = coalesce(email_verified_at, now()) where id = app.user_id() and email = ${token.email}`;
        await revokeAllSessions(tx, 'password_reset');
        return token.email;
      });
      await identity.limits.clearFailures(address);
      await recordEvent(identity, client, 'auth.password_reset', { userId: owner });
      return { ok: true };
    },
  });

  defineAction(app, identity, {
    name: 'verifyEmail',
    input: verifyEmailInput,
    caller: 'anonymous',
    handler: async ({ input, client }) => {
      await identity.limits.takeIpAttempt(client.ip, 'verify_email');
      const hash = tokenHash(input.token);
      const owner = await inSession(identity.sql, { role: 'anonymous' }, client, async (tx) => {
        const [row] = await tx<{ owner: string | null }[]>`select app_private.email_token_owner(${hash}, 'verify_email') as owner`;
        return row?.owner ?? null;
      });
      if (!owner) throw LINK_INVALID();
      await inSession(identity.sql, { role: 'user', userId: owner }, client, async (tx) => {
        const [token] = await tx<TokenRow[]>`
          select id, email::text, used_at is null and expires_at > now() as usable
            from app_private.email_tokens where token_hash = ${hash} and purpose = 'verify_email' for update`;
        if (!token?.usable) throw LINK_INVALID();
        const updated = await tx`update users set email_verified_at = coalesce(email_verified_at, now())
                                  where id = app.user_id() and email = ${token.email} returning id`;
        if (updated.length === 0) throw LINK_INVALID();
        await tx`update app_private.email_tokens set used_at = now() where id = ${token.id}`;
      });
      await recordEvent(identity, client, 'auth.email_verified', { userId: owner });
      return { ok: true };
    },
  });

  defineAction(app, identity, {
    name: 'changePassword',
    input: changePasswordInput,
    caller: 'user',
    personalOnly: true,
    handler: async ({ input, session, client }) => {
      const caller = userOf(session);
      const account = `user:${caller.userId}`;
      await identity.limits.takeIpAttempt(client.ip, 'change_password');
      await identity.limits.assertNotLocked(account);
      const current = await inSession(identity.sql, { role: 'user', userId: caller.userId }, client, async (tx) => {
        const [row] = await tx<{ password_hash: string; email: string }[]>`
          select c.password_hash, u.email::text from app_private.password_credentials c join users u on u.id = c.user_id
           where c.user_id = app.user_id()`;
        return row;
      });
      if (!(await verifyPassword(current?.password_hash, input.current_password))) {
        await identity.limits.recordFailure(account);
        await recordEvent(identity, client, 'auth.password_change_failed', { userId: caller.userId, orgId: caller.orgId });
        throw ActionError.unauthorized('invalid_credentials', 'The current password is incorrect.');
      }
      await identity.limits.clearFailures(account);
      assertAcceptable(input.new_password, [current?.email.split('@')[0] ?? '']);
      const newHash = await hashPassword(input.new_password);
      const result = await inSession(identity.sql, { role: 'user', userId: caller.userId }, client, async (tx) => {
        await tx`update app_private.password_credentials set password_hash = ${newHash}, updated_at = now() where user_id = app.user_id()`;
        // Every other session ends; the caller gets a fresh one.
        await revokeAllSessions(tx, 'password_change');
        return startSession(identity, tx, caller.userId, await landingOrg(tx, caller.orgId), client);
      });
      await recordEvent(identity, client, 'auth.password_changed', { userId: caller.userId, orgId: caller.orgId });
      return result;
    },
  });
};
