-- API keys: a secret shown once, stored as a SHA-256 hash (256-bit random), limited to scopes and
-- an expiry, exchanged for short-lived access tokens. A key acts for its creator in one org and
-- never beyond that user's own role there.

create table app_private.api_keys (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.orgs (id) on delete cascade,
  user_id uuid not null references public.users (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 120),
  prefix text not null check (prefix ~ '^wgk_[A-Za-z0-9_-]{8}$'),
  secret_hash bytea not null unique check (length(secret_hash) = 32),
  scopes text[] not null check (cardinality(scopes) between 1 and 16),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);
comment on table app_private.api_keys is 'Hashed API keys of a user in one org, with scopes and optional expiry.';
comment on column app_private.api_keys.prefix is 'First characters of the key, shown in lists so a person can tell keys apart.';
create index api_keys_user_id_idx on app_private.api_keys (user_id, org_id);

alter table app_private.api_keys enable row level security;
alter table app_private.api_keys force row level security;
create policy api_keys_all on app_private.api_keys for all to workgrid_app
  using (user_id = (select app.user_id()) and org_id = (select app.org_id()))
  with check (user_id = (select app.user_id()) and org_id = (select app.org_id()));

grant select, insert, update on app_private.api_keys to workgrid_app;

create function app_private.api_key_owner(hash bytea)
returns table (user_id uuid, org_id uuid)
language sql stable security definer
set search_path = pg_catalog, public
as $$ select k.user_id, k.org_id from app_private.api_keys k where k.secret_hash = hash $$;
comment on function app_private.api_key_owner(bytea) is 'Whose and which org''s an API key (by hash) is, or no row.';
revoke all on function app_private.api_key_owner(bytea) from public;
grant execute on function app_private.api_key_owner(bytea) to workgrid_app;
