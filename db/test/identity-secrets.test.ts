import { readdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { actAs, actAsSuperuser, errorOf, inRollback, sql, type Tx } from './support/database.ts';

// The credential tables of app_private (0017-0023): out of the engine's reach entirely, and for the
// actions service limited to the session user's own rows; the lookup functions only for the
// actions service.

const seedsDir = new URL('../seeds/', import.meta.url);

const privateTables = (await sql`
  select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'app_private' and c.relkind = 'r' order by c.relname`) as unknown as { name: string; rls: boolean; forced: boolean }[];

const privateFunctions = (await sql`
  select p.oid::regprocedure::text as fn,
         has_function_privilege('workgrid_app', p.oid, 'execute') as app_may,
         has_function_privilege('workgrid_engine', p.oid, 'execute') as engine_may,
         has_function_privilege('public', p.oid, 'execute') as public_may
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
   where n.nspname = 'app_private' order by 1`) as unknown as { fn: string; app_may: boolean; engine_may: boolean; public_may: boolean }[];

async function twoUsers(tx: Tx): Promise<[string, string]> {
  await actAsSuperuser(tx);
  const ids: string[] = [];
  for (const label of ['alice', 'bob']) {
    const [row] = await tx`insert into users (email, display_name) values (${`${label}-${randomUUID().slice(0, 8)}@secrets.example`}, ${label}) returning id`;
    ids.push(row!.id as string);
  }
  return ids as [string, string];
}

describe('app_private', () => {
  it('holds the identity tables, each with forced row-level security', () => {
    expect(privateTables.map((t) => t.name)).toEqual(expect.arrayContaining([
      'api_keys', 'auth_events', 'email_tokens', 'invitation_tokens', 'mfa_backup_codes', 'mfa_factors',
      'password_credentials', 'refresh_token_families', 'refresh_tokens',
    ]));
    for (const table of privateTables) expect(table, table.name).toMatchObject({ rls: true, forced: true });
  });

  it.each(privateTables.map((t) => t.name))('%s: the engine role has no privilege at all', async (name) => {
    const [row] = await sql`
      select bool_or(has_table_privilege('workgrid_engine', ${`app_private.${name}`}, p)) as any
        from unnest(array['select', 'insert', 'update', 'delete', 'truncate', 'references', 'trigger']) p`;
    expect(row!.any).toBe(false);
  });

  it('lets only the actions service run its functions', () => {
    expect(privateFunctions.length).toBeGreaterThanOrEqual(7);
    for (const fn of privateFunctions) expect(fn, fn.fn).toMatchObject({ app_may: true, engine_may: false, public_may: false });
  });

  it('shows the actions service only the session user\'s credentials', async () => {
    await inRollback(async (tx) => {
      const [alice, bob] = await twoUsers(tx);
      await tx`insert into app_private.password_credentials (user_id, password_hash) values
                 (${alice}, '$argon2id$v=19$m=19456,t=2,p=1$a$a'), (${bob}, '$argon2id$v=19$m=19456,t=2,p=1$b$b')`;
      await tx`insert into app_private.mfa_factors (user_id, secret_ciphertext) values (${alice}, 'v1.x.y'), (${bob}, 'v1.x.z')`;
      await actAs(tx, 'workgrid_app', { userId: alice, role: 'user' });
      expect(await tx`select user_id from app_private.password_credentials`).toEqual([{ user_id: alice }]);
      expect(await tx`select user_id from app_private.mfa_factors`).toEqual([{ user_id: alice }]);
      expect((await tx`update app_private.password_credentials set password_hash = '$argon2id$x' where user_id = ${bob} returning 1`).length).toBe(0);
      const refused = await errorOf(tx, (sp) => sp`insert into app_private.mfa_backup_codes (user_id, code_hash) values (${bob}, ${Buffer.alloc(32)})`);
      expect(refused.code).toBe('42501');
      // Without a session: nothing.
      await actAs(tx, 'workgrid_app');
      expect(await tx`select user_id from app_private.password_credentials`).toEqual([]);
    });
  });

  it('finds a login by email without revealing anything but ids and state', async () => {
    await inRollback(async (tx) => {
      const [alice] = await twoUsers(tx);
      const [{ email }] = (await tx`select email::text from users where id = ${alice}`) as unknown as [{ email: string }];
      await actAs(tx, 'workgrid_app', { role: 'anonymous' });
      expect(await tx`select * from app_private.login_lookup(${email.toUpperCase()})`).toEqual([{ user_id: alice, disabled: false, email_verified: false }]);
      expect(await tx`select * from users`).toEqual([]);
    });
  });

  it('keeps security events append-only', async () => {
    await inRollback(async (tx) => {
      await actAs(tx, 'workgrid_app', { role: 'anonymous' });
      await tx`select app_private.record_auth_event('auth.sign_in_failed', null, null, '10.0.0.1', 'ua', '{}'::jsonb)`;
      await actAsSuperuser(tx);
      const refused = await errorOf(tx, (sp) => sp`update app_private.auth_events set event = 'auth.x_y'`);
      expect(refused.message).toBe('audit_log_append_only');
    });
  });
});

describe('demo seeds', () => {
  it('give every demo login a password hash, idempotently', async () => {
    const logins = JSON.parse(readFileSync(new URL('demo-logins.json', seedsDir), 'utf8')) as { logins: { email: string }[] };
    await inRollback(async (tx) => {
      await actAsSuperuser(tx);
      for (let round = 0; round < 2; round += 1) {
        for (const file of readdirSync(seedsDir).filter((name) => name.endsWith('.sql')).sort()) {
          await tx.unsafe(readFileSync(new URL(file, seedsDir), 'utf8'));
        }
      }
      const rows = await tx`
        select u.email::text, c.password_hash like '$argon2id$%' as hashed
          from users u join app_private.password_credentials c on c.user_id = u.id
         where u.email = any (${logins.logins.map((l) => l.email)})`;
      expect(rows).toHaveLength(logins.logins.length);
      expect(rows.every((r) => r.hashed)).toBe(true);
    });
  });
});
