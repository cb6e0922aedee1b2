import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import postgres from 'postgres';
import { z } from 'zod';
import { ActionError } from '../identity/action-error.ts';
import { defineAction, userOf } from '../identity/action.ts';
import { inSession, recordEvent, type ClientInfo, type Identity, type Tx } from '../identity/context.ts';
import { EMAIL_TOPICS, emit, outboxTokenContext } from '../identity/emails.ts';
import { hashPassword, passwordProblem } from '../identity/passwords.ts';
import { randomToken, tokenHash } from '../identity/secrets.ts';
import { checkPassword, email, finishSignIn, lookupLogin, password, PASSWORD_MESSAGES } from './auth.actions.ts';

export const INVITABLE_ROLES = ['admin', 'manager', 'agent', 'member', 'requester', 'guest'] as const;
export const INVITATION_TTL_DAYS = 7;

export const inviteMemberInput = z.object({
  email,
  role: z.enum(INVITABLE_ROLES).default('member'),
  message: z.string().max(2000).nullish(),
});
export const invitationIdInput = z.object({ invitation_id: z.guid() });
export const acceptInvitationInput = z.object({
  token: z.string().min(20).max(200),
  password,
  display_name: z.string().trim().min(1).max(120).nullish(),
});

const NOT_FOUND = () => new ActionError(404, 'not_found', 'No such pending invitation in this organization.');

/** A new token for the invitation and its email, through the outbox with the token sealed. */
async function sendToken(identity: Identity, tx: Tx, invitation: { id: string; email: string; org_id: string }): Promise<void> {
  const token = randomToken('wgi_');
  await tx`delete from app_private.invitation_tokens where invitation_id = ${invitation.id}`;
  await tx`insert into app_private.invitation_tokens (invitation_id, token_hash) values (${invitation.id}, ${tokenHash(token)})`;
  await emit(
    tx,
    EMAIL_TOPICS.invitation,
    { invitation_id: invitation.id, email: invitation.email, token_sealed: identity.box.seal(token, outboxTokenContext(EMAIL_TOPICS.invitation)) },
    `invitation:${invitation.id}:${randomUUID()}`,
    invitation.org_id,
  );
}

function userSession(session: { userId: string; orgId: string }) {
  return { role: 'user' as const, userId: session.userId, orgId: session.orgId };
}

interface InvitationState {
  invitation_id: string;
  org_id: string;
  email: string;
  role: string;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
}

async function invitationByToken(identity: Identity, client: ClientInfo, token: string): Promise<InvitationState> {
  const invitation = await inSession(identity.sql, { role: 'anonymous' }, client, async (tx) => {
    const rows = await tx<InvitationState[]>`select * from app_private.invitation_by_token(${tokenHash(token)})`;
    return rows[0];
  });
  if (!invitation) throw ActionError.badRequest('invitation_invalid', 'This invitation link is not valid.');
  if (invitation.revoked_at) throw new ActionError(410, 'invitation_revoked', 'This invitation was revoked.');
  if (invitation.accepted_at) throw new ActionError(410, 'invitation_used', 'This invitation was already accepted.');
  if (invitation.expires_at.getTime() <= Date.now()) throw new ActionError(410, 'invitation_expired', 'This invitation has expired: ask for a new one.');
  return invitation;
}

export const invitationActions: FastifyPluginAsync<{ identity: Identity }> = async (app, { identity }) => {
  defineAction(app, identity, {
    name: 'inviteMember',
    input: inviteMemberInput,
    caller: 'user',
    handler: async ({ input, session, client }) => {
      const caller = userOf(session);
      try {
        return await inSession(identity.sql, userSession(caller), client, async (tx) => {
          // Row-level security lets only owners and admins of the session org insert.
          const [invitation] = await tx<{ id: string; email: string; org_id: string; expires_at: Date }[]>`
            insert into invitations (org_id, email, role, message, invited_by, expires_at)
            values (${caller.orgId}, ${input.email}, ${input.role}, ${input.message ?? null}, ${caller.userId},
                    now() + make_interval(days => ${INVITATION_TTL_DAYS}))
            returning id, email::text, org_id, expires_at`;
          await sendToken(identity, tx, invitation!);
          return { invitation_id: invitation!.id, expires_at: invitation!.expires_at.toISOString() };
        });
      } catch (error) {
        if (error instanceof postgres.PostgresError && error.code === '23505') {
          throw new ActionError(409, 'invitation_pending', 'This address already has a pending invitation: resend it instead.');
        }
        throw error;
      }
    },
  });

  defineAction(app, identity, {
    name: 'resendInvitation',
    input: invitationIdInput,
    caller: 'user',
    handler: async ({ input, session, client }) => {
      const caller = userOf(session);
      return inSession(identity.sql, userSession(caller), client, async (tx) => {
        const [invitation] = await tx<{ id: string; email: string; org_id: string; expires_at: Date }[]>`
          update invitations set expires_at = now() + make_interval(days => ${INVITATION_TTL_DAYS})
           where id = ${input.invitation_id} and org_id = ${caller.orgId} and accepted_at is null and revoked_at is null
          returning id, email::text, org_id, expires_at`;
        if (!invitation) throw NOT_FOUND();
        await sendToken(identity, tx, invitation);
        return { invitation_id: invitation.id, expires_at: invitation.expires_at.toISOString() };
      });
    },
  });

  defineAction(app, identity, {
    name: 'revokeInvitation',
    input: invitationIdInput,
    caller: 'user',
    handler: async ({ input, session, client }) => {
      const caller = userOf(session);
      return inSession(identity.sql, userSession(caller), client, async (tx) => {
        const rows = await tx`
          update invitations set revoked_at = now()
           where id = ${input.invitation_id} and org_id = ${caller.orgId} and accepted_at is null and revoked_at is null
          returning id`;
        if (rows.length === 0) throw NOT_FOUND();
        await tx`delete from app_private.invitation_tokens where invitation_id = ${input.invitation_id}`;
        return { ok: true };
      });
    },
  });

  defineAction(app, identity, {
    name: 'acceptInvitation',
    input: acceptInvitationInput,
    caller: 'anonymous',
    handler: async ({ input, client }) => {
      await identity.limits.takeIpAttempt(client.ip, 'accept_invitation');
      const invitation = await invitationByToken(identity, client, input.token);
      let userId: string;
      const existing = await lookupLogin(identity, client, invitation.email);
      if (existing) {
        // An existing account proves itself with its password, under the sign-in limits.
        userId = (await checkPassword(identity, client, invitation.email, input.password, 'accept_invitation')).user_id;
      } else {
        const problem = passwordProblem(input.password, [invitation.email.split('@')[0] ?? '']);
        if (problem) throw ActionError.badRequest(problem, PASSWORD_MESSAGES[problem] ?? 'Choose another password.');
        userId = randomUUID();
      }
      const hash = existing ? null : await hashPassword(input.password);
      await inSession(identity.sql, { role: 'user', userId, orgId: invitation.org_id }, client, async (tx) => {
        if (hash !== null) {
          const displayName = input.display_name ?? invitation.email.split('@')[0] ?? 'New member';
          await tx`insert into users (id, email, display_name) values (${userId}, ${invitation.email}, ${displayName})`;
          await tx`insert into app_private.password_credentials (user_id, password_hash) values (${userId}, ${hash})`;
        }
        // The invitation reached this address, so it counts as verified.
        await tx`update users set email_verified_at = coalesce(email_verified_at, now()) where id = app.user_id() and email = ${invitation.email}`;
        await tx`select app_private.accept_invitation(${invitation.invitation_id})`;
      });
      await recordEvent(identity, client, 'auth.invitation_accepted', {
        userId,
        orgId: invitation.org_id,
        detail: { invitation_id: invitation.invitation_id, new_account: hash !== null },
      });
      return finishSignIn(identity, client, userId, invitation.org_id);
    },
  });
};
