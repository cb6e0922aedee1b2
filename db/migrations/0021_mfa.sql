-- TOTP multi-factor authentication. The TOTP secret is stored encrypted (AES-256-GCM, key held by
-- the actions service), backup codes as SHA-256 hashes, each usable once.

create table app_private.mfa_factors (
  user_id uuid primary key references public.users (id) on delete cascade,
  secret_ciphertext text not null,
  enabled_at timestamptz,
  last_used_step bigint,
  created_at timestamptz not null default now()
);
comment on table app_private.mfa_factors is 'One TOTP factor per user; pending until enabled_at is set by a verified code.';
comment on column app_private.mfa_factors.last_used_step is 'Time step of the last accepted code: a code is never accepted twice.';

create table app_private.mfa_backup_codes (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.users (id) on delete cascade,
  code_hash bytea not null check (length(code_hash) = 32),
  used_at timestamptz,
  unique (user_id, code_hash)
);
comment on table app_private.mfa_backup_codes is 'Hashed one-time backup codes, replaced whenever MFA is enrolled again.';

alter table app_private.mfa_factors enable row level security;
alter table app_private.mfa_factors force row level security;
alter table app_private.mfa_backup_codes enable row level security;
alter table app_private.mfa_backup_codes force row level security;
create policy mfa_factors_all on app_private.mfa_factors for all to workgrid_app
  using (user_id = (select app.user_id())) with check (user_id = (select app.user_id()));
create policy mfa_backup_codes_all on app_private.mfa_backup_codes for all to workgrid_app
  using (user_id = (select app.user_id())) with check (user_id = (select app.user_id()));

grant select, insert, update, delete on app_private.mfa_factors, app_private.mfa_backup_codes to workgrid_app;
