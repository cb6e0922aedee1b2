-- Password credentials. The argon2id hash lives in app_private, which the GraphQL engine role
-- cannot reach; only the actions service (workgrid_app) reads and writes it. Rows are keyed by
-- user and vanish with the user.

create table app_private.password_credentials (
  user_id uuid primary key references public.users (id) on delete cascade,
  password_hash text not null check (password_hash like '$argon2id$%'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table app_private.password_credentials is 'One argon2id password hash (PHC string) per user who has a password.';

alter table app_private.password_credentials enable row level security;
alter table app_private.password_credentials force row level security;
-- The actions service reads a hash only once it knows whose it is (the caller's session, or the
-- user found by app_private.login_lookup before the password check).
create policy password_credentials_all on app_private.password_credentials for all to workgrid_app
  using (user_id = (select app.user_id()))
  with check (user_id = (select app.user_id()));

grant select, insert, update, delete on app_private.password_credentials to workgrid_app;

-- Sign-in starts from an email address, before anybody is known, so the users policy would hide
-- the row. This returns only what sign-in needs, for the actions service alone.
create function app_private.login_lookup(login_email citext)
returns table (user_id uuid, disabled boolean, email_verified boolean)
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select u.id, u.disabled_at is not null, u.email_verified_at is not null
    from public.users u
   where u.email = login_email
$$;
comment on function app_private.login_lookup(citext) is
  'The user an email address belongs to (sign-in, password reset, sign-up): id and account state only.';
revoke all on function app_private.login_lookup(citext) from public;
grant execute on function app_private.login_lookup(citext) to workgrid_app;
