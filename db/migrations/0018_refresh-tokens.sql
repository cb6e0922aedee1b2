-- Refresh tokens: opaque, stored as SHA-256 hashes (they are 256-bit random values, so a slow hash
-- adds nothing), rotated on every use. A family is one sign-in; reusing a rotated token revokes the
-- whole family.

create table app_private.refresh_token_families (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.users (id) on delete cascade,
  org_id uuid references public.orgs (id) on delete cascade,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_reason text check (revoked_reason in ('sign_out', 'sign_out_all', 'reuse', 'password_reset', 'password_change')),
  ip inet,
  user_agent text check (length(user_agent) <= 512)
);
comment on table app_private.refresh_token_families is 'One row per sign-in session (a chain of rotated refresh tokens).';
create index refresh_token_families_user_id_idx on app_private.refresh_token_families (user_id) where revoked_at is null;

create table app_private.refresh_tokens (
  id uuid primary key default gen_random_uuid(),
  family_id uuid not null references app_private.refresh_token_families (id) on delete cascade,
  user_id uuid not null references public.users (id) on delete cascade,
  token_hash bytea not null unique check (length(token_hash) = 32),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  rotated_at timestamptz,
  check (expires_at > created_at)
);
comment on table app_private.refresh_tokens is 'Refresh tokens by SHA-256 hash; rotated_at set when exchanged for the next one.';
create index refresh_tokens_family_id_idx on app_private.refresh_tokens (family_id);

alter table app_private.refresh_token_families enable row level security;
alter table app_private.refresh_token_families force row level security;
alter table app_private.refresh_tokens enable row level security;
alter table app_private.refresh_tokens force row level security;
create policy refresh_token_families_all on app_private.refresh_token_families for all to workgrid_app
  using (user_id = (select app.user_id())) with check (user_id = (select app.user_id()));
create policy refresh_tokens_all on app_private.refresh_tokens for all to workgrid_app
  using (user_id = (select app.user_id())) with check (user_id = (select app.user_id()));

grant select, insert, update, delete on app_private.refresh_token_families, app_private.refresh_tokens to workgrid_app;

-- A refresh token is presented by someone not yet known: find its owner by hash, nothing more.
create function app_private.refresh_token_owner(hash bytea)
returns uuid
language sql stable security definer
set search_path = pg_catalog, public
as $$ select t.user_id from app_private.refresh_tokens t where t.token_hash = hash $$;
comment on function app_private.refresh_token_owner(bytea) is 'The user a refresh token (by hash) belongs to, or null.';
revoke all on function app_private.refresh_token_owner(bytea) from public;
grant execute on function app_private.refresh_token_owner(bytea) to workgrid_app;
