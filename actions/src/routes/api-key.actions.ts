import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { ActionError } from '../identity/action-error.ts';
import { defineAction, userOf } from '../identity/action.ts';
import { inSession, recordEvent, type Identity } from '../identity/context.ts';
import { randomToken, tokenHash } from '../identity/secrets.ts';

/** `read`: queries and subscriptions; `write`: mutations too. The engine enforces them per request. */
export const API_KEY_SCOPES = ['read', 'write'] as const;
export const API_KEY_TOKEN_TTL_SECONDS = 15 * 60;

const scopes = z.array(z.enum(API_KEY_SCOPES)).min(1).max(API_KEY_SCOPES.length).transform((list) => [...new Set(list)].sort());
export const createApiKeyInput = z.object({
  name: z.string().trim().min(1).max(120),
  scopes,
  expires_in_days: z.number().int().min(1).max(365).nullish(),
});
export const revokeApiKeyInput = z.object({ api_key_id: z.guid() });
export const exchangeApiKeyInput = z.object({ api_key: z.string().min(20).max(200), scopes: scopes.nullish() });

interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}

export const apiKeyActions: FastifyPluginAsync<{ identity: Identity }> = async (app, { identity }) => {
  defineAction(app, identity, {
    name: 'createApiKey',
    input: createApiKeyInput,
    caller: 'user',
    personalOnly: true,
    handler: async ({ input, session, client }) => {
      const caller = userOf(session);
      const secret = randomToken('wgk_');
      const created = await inSession(identity.sql, { role: 'user', userId: caller.userId, orgId: caller.orgId }, client, async (tx) => {
        const [member] = await tx<{ member: boolean }[]>`select app.is_org_member() as member`;
        if (!member?.member) throw ActionError.forbidden('not_a_member', 'You are not a member of this organization.');
        const [row] = await tx<{ id: string; expires_at: Date | null }[]>`
          insert into app_private.api_keys (org_id, user_id, name, prefix, secret_hash, scopes, expires_at)
          values (${caller.orgId}, ${caller.userId}, ${input.name}, ${secret.slice(0, 12)}, ${tokenHash(secret)}, ${input.scopes},
                  case when ${input.expires_in_days ?? null}::int is null then null else now() + make_interval(days => ${input.expires_in_days ?? 0}) end)
          returning id, expires_at`;
        return row!;
      });
      await recordEvent(identity, client, 'auth.api_key_created', { userId: caller.userId, orgId: caller.orgId, detail: { api_key_id: created.id, scopes: input.scopes.join(',') } });
      return {
        id: created.id,
        api_key: secret,
        prefix: secret.slice(0, 12),
        scopes: input.scopes,
        expires_at: created.expires_at?.toISOString() ?? null,
      };
    },
  });

  defineAction(app, identity, {
    name: 'apiKeys',
    input: z.object({}),
    caller: 'user',
    personalOnly: true,
    handler: async ({ session, client }) => {
      const caller = userOf(session);
      // The api_keys policy keeps the caller to their own keys in the session org.
      const keys = await inSession(identity.sql, { role: 'user', userId: caller.userId, orgId: caller.orgId }, client, (tx) => tx<ApiKeyRow[]>`
        select id, name, prefix, scopes, created_at, last_used_at, expires_at, revoked_at
          from app_private.api_keys order by created_at desc, id`);
      return keys.map((key) => ({
        ...key,
        created_at: key.created_at.toISOString(),
        last_used_at: key.last_used_at?.toISOString() ?? null,
        expires_at: key.expires_at?.toISOString() ?? null,
        revoked_at: key.revoked_at?.toISOString() ?? null,
      }));
    },
  });

  defineAction(app, identity, {
    name: 'revokeApiKey',
    input: revokeApiKeyInput,
    caller: 'user',
    personalOnly: true,
    handler: async ({ input, session, client }) => {
      const caller = userOf(session);
      const rows = await inSession(identity.sql, { role: 'user', userId: caller.userId, orgId: caller.orgId }, client, (tx) =>
        tx`update app_private.api_keys set revoked_at = now() where id = ${input.api_key_id} and revoked_at is null returning id`,
      );
      if (rows.length === 0) throw new ActionError(404, 'not_found', 'No such active API key of yours in this organization.');
      await recordEvent(identity, client, 'auth.api_key_revoked', { userId: caller.userId, orgId: caller.orgId, detail: { api_key_id: input.api_key_id } });
      return { ok: true };
    },
  });

  defineAction(app, identity, {
    name: 'exchangeApiKey',
    input: exchangeApiKeyInput,
    caller: 'anonymous',
    handler: async ({ input, client }) => {
      await identity.limits.takeIpAttempt(client.ip, 'api_key');
      const hash = tokenHash(input.api_key);
      const invalid = () => ActionError.unauthorized('api_key_invalid', 'This API key is not valid.');
      const owner = await inSession(identity.sql, { role: 'anonymous' }, client, async (tx) => {
        const rows = await tx<{ user_id: string; org_id: string }[]>`select * from app_private.api_key_owner(${hash})`;
        return rows[0];
      });
      if (!owner) throw invalid();
      const key = await inSession(identity.sql, { role: 'user', userId: owner.user_id, orgId: owner.org_id }, client, async (tx) => {
        const [row] = await tx<{ id: string; scopes: string[]; usable: boolean; member: boolean }[]>`
          select k.id, k.scopes, k.revoked_at is null and (k.expires_at is null or k.expires_at > now()) as usable, app.is_org_member() as member
            from app_private.api_keys k where k.secret_hash = ${hash}`;
        if (!row?.usable || !row.member) return null;
        await tx`update app_private.api_keys set last_used_at = now() where id = ${row.id}`;
        return row;
      });
      if (!key) {
        await recordEvent(identity, client, 'auth.api_key_refused', { userId: owner.user_id, orgId: owner.org_id });
        throw invalid();
      }
      const wanted = input.scopes ?? key.scopes;
      if (wanted.some((scope) => !key.scopes.includes(scope))) {
        throw ActionError.forbidden('api_key_scope_exceeded', 'The key does not grant the requested scopes.');
      }
      const access = await identity.tokens.accessToken({ userId: owner.user_id, orgId: owner.org_id, apiKey: { id: key.id, scopes: wanted } }, API_KEY_TOKEN_TTL_SECONDS);
      await recordEvent(identity, client, 'auth.api_key_exchanged', { userId: owner.user_id, orgId: owner.org_id, detail: { api_key_id: key.id } });
      return { ...access, scopes: wanted };
    },
  });
};
