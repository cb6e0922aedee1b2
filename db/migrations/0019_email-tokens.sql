-- Single-use, expiring tokens mailed to a user: email verification and password reset. Stored as
-- SHA-256 hashes of 256-bit random values.

create table app_private.email_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.users (id) on delete cascade,
  purpose text not null check (purpose in ('verify_email', 'reset_password')),
  token_hash bytea not null unique check (length(token_hash) = 32),
  email citext not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  check (expires_at > created_at)
);
comment on table app_private.email_tokens is 'Hashed single-use tokens for email verification and password reset.';
comment on column app_private.email_tokens.email is 'The address the token was sent to: verification only counts for that address.';
create index email_tokens_user_id_idx on app_private.email_tokens (user_id, purpose) where used_at is null;

alter table app_private.email_tokens enable row level security;
alter table app_private.email_tokens force row level security;
create policy email_tokens_all on app_private.email_tokens for all to workgrid_app
  using (user_id = (select app.user_id())) with check (user_id = (select app.user_id()));

grant select, insert, update on app_private.email_tokens to workgrid_app;

create function app_private.email_token_owner(hash bytea, token_purpose text)
returns uuid
language sql stable security definer
set search_path = pg_catalog, public
as $$ select t.user_id from app_private.email_tokens t where t.token_hash = hash and t.purpose = token_purpose $$;
comment on function app_private.email_token_owner(bytea, text) is 'The user an emailed token (by hash and purpose) belongs to, or null.';
revoke all on function app_private.email_token_owner(bytea, text) from public;
grant execute on function app_private.email_token_owner(bytea, text) to workgrid_app;
