import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { ActionError } from '../identity/action-error.ts';
import { defineAction, userOf, type UserSession } from '../identity/action.ts';
import { inSession, recordEvent, type ClientInfo, type Identity, type Tx } from '../identity/context.ts';

// Membership management. The rules stay where they are, in SQL: row-level security decides who may
// change or remove whom (owners and admins; only owners touch owners; anyone may leave) and the
// trigger keeps the last owner. These actions only put the steps together (transfer = promote, then
// step down, in one transaction) and record each change with the client's IP and user agent.

export const ORG_ROLES = ['owner', 'admin', 'manager', 'agent', 'member', 'requester', 'guest'] as const;

export const changeMemberRoleInput = z.object({ membership_id: z.guid(), role: z.enum(ORG_ROLES) });
export const removeMemberInput = z.object({ membership_id: z.guid() });
export const transferOwnershipInput = z.object({ user_id: z.guid() });

interface Membership {
  id: string;
  user_id: string;
  role: string;
}

const NOT_FOUND = () => new ActionError(404, 'not_found', 'No such member in this organization.');
const NOT_ALLOWED = () => ActionError.forbidden('permission-denied', 'You are not allowed to do this.');

async function visibleMembership(tx: Tx, caller: UserSession, where: { id?: string; userId?: string }): Promise<Membership> {
  const [row] = await tx<Membership[]>`
    select id, user_id, role from org_memberships
     where org_id = ${caller.orgId}
       and ${where.id ? tx`id = ${where.id}` : tx`user_id = ${where.userId ?? null}`}`;
  if (!row) throw NOT_FOUND();
  return row;
}

function session(caller: UserSession) {
  return { role: 'user' as const, userId: caller.userId, orgId: caller.orgId };
}

async function audit(identity: Identity, client: ClientInfo, caller: UserSession, event: string, detail: Record<string, string>) {
  await recordEvent(identity, client, event, { userId: caller.userId, orgId: caller.orgId, detail });
}

export const membershipActions: FastifyPluginAsync<{ identity: Identity }> = async (app, { identity }) => {
  defineAction(app, identity, {
    name: 'changeMemberRole',
    input: changeMemberRoleInput,
    caller: 'user',
    handler: async ({ input, session: raw, client }) => {
      const caller = userOf(raw);
      const before = await inSession(identity.sql, session(caller), client, async (tx) => {
        const membership = await visibleMembership(tx, caller, { id: input.membership_id });
        const updated = await tx`update org_memberships set role = ${input.role} where id = ${membership.id} returning id`;
        if (updated.length === 0) throw NOT_ALLOWED();
        return membership;
      });
      await audit(identity, client, caller, 'org.member_role_changed', { membership_id: before.id, member_id: before.user_id, from: before.role, to: input.role });
      return { ok: true };
    },
  });

  defineAction(app, identity, {
    name: 'removeMember',
    input: removeMemberInput,
    caller: 'user',
    handler: async ({ input, session: raw, client }) => {
      const caller = userOf(raw);
      const removed = await inSession(identity.sql, session(caller), client, async (tx) => {
        const membership = await visibleMembership(tx, caller, { id: input.membership_id });
        const deleted = await tx`delete from org_memberships where id = ${membership.id} returning id`;
        if (deleted.length === 0) throw NOT_ALLOWED();
        return membership;
      });
      await audit(identity, client, caller, 'org.member_removed', { membership_id: removed.id, member_id: removed.user_id, role: removed.role });
      return { ok: true };
    },
  });

  defineAction(app, identity, {
    name: 'transferOwnership',
    input: transferOwnershipInput,
    caller: 'user',
    personalOnly: true,
    handler: async ({ input, session: raw, client }) => {
      const caller = userOf(raw);
      if (input.user_id === caller.userId) throw ActionError.badRequest('validation-failed', 'Transfer ownership to another member.');
      await inSession(identity.sql, session(caller), client, async (tx) => {
        const mine = await visibleMembership(tx, caller, { userId: caller.userId });
        if (mine.role !== 'owner') throw NOT_ALLOWED();
        const target = await visibleMembership(tx, caller, { userId: input.user_id });
        if (target.role !== 'owner') await tx`update org_memberships set role = 'owner' where id = ${target.id}`;
        // Step down to admin: the org keeps its new owner, and the trigger would refuse otherwise.
        await tx`update org_memberships set role = 'admin' where id = ${mine.id}`;
      });
      await audit(identity, client, caller, 'org.ownership_transferred', { to_user_id: input.user_id });
      return { ok: true };
    },
  });
};
