-- Tenancy: users, organizations (tenants), org roles and memberships, and the helpers that read the
-- caller's org role from org_memberships (never from the token, so a role change or a removed
-- membership takes effect on the next statement).

create table public.users (
  id uuid primary key default gen_random_uuid(),
  email citext not null unique check (email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
  display_name text not null check (length(btrim(display_name)) between 1 and 120),
  avatar_file_id uuid,
  timezone text not null default 'UTC',
  locale text not null default 'en',
  email_verified_at timestamptz,
  last_seen_at timestamptz,
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
comment on table public.users is 'People who can sign in. Not tenant-scoped: a user sees themself and the members of their active org.';
comment on column public.users.disabled_at is 'Set by an operator to block sign-in without deleting history.';

create table public.orgs (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(btrim(name)) between 1 and 120),
  slug citext not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  logo_file_id uuid,
  plan text not null default 'free' check (plan in ('free', 'team', 'business', 'enterprise')),
  timezone text not null default 'UTC',
  locale text not null default 'en',
  created_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  deleted_at timestamptz,
  deleted_by uuid references public.users (id) on delete set null
);
comment on table public.orgs is 'Organizations: the tenants. Creating one makes its creator the owner.';
comment on column public.orgs.slug is 'URL name, unique across WorkGrid.';
comment on column public.orgs.version is 'Optimistic concurrency counter, bumped by trigger on every update.';
comment on column public.orgs.deleted_at is 'Soft delete: set to move the org to the trash; an owner may then purge it.';

create table public.org_roles (
  value text primary key,
  comment text not null
);
comment on table public.org_roles is 'Enum of membership roles (tracked as a GraphQL enum).';
insert into public.org_roles (value, comment) values
  ('owner', 'Full control, billing, can delete the org'),
  ('admin', 'Manages members, settings and integrations'),
  ('manager', 'Manages teams, projects and queues'),
  ('agent', 'Works service-desk tickets'),
  ('member', 'Works on projects and tasks'),
  ('requester', 'Files tickets and sees only their own'),
  ('guest', 'Sees only what is shared with them');

create table public.org_memberships (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  user_id uuid not null references public.users (id) on delete cascade,
  role text not null references public.org_roles (value) on update cascade on delete restrict,
  title text check (length(title) <= 120),
  invited_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (org_id, user_id)
);
comment on table public.org_memberships is 'Who belongs to which org, with which role. Every org keeps at least one owner.';
create index org_memberships_user_id_idx on public.org_memberships (user_id);
create index org_memberships_org_id_role_idx on public.org_memberships (org_id, role);

-- The helpers below read memberships as the owner (security definer): policies of other tables call
-- them, and reading org_memberships under its own policies from there would recurse.

create function app.org_role() returns text
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select m.role
    from public.org_memberships m
    join public.users u on u.id = m.user_id and u.disabled_at is null
   where m.org_id = app.org_id()
     and m.user_id = app.user_id()
$$;
comment on function app.org_role() is 'The caller''s role in the session org, read from org_memberships; null when not a member.';

create function app.has_org_role(variadic roles text[]) returns boolean
language sql stable
as $$ select coalesce(app.org_role() = any (roles), false) $$;
comment on function app.has_org_role(text[]) is 'True when the caller''s role in the session org is one of roles.';

create function app.is_org_member() returns boolean
language sql stable
as $$ select app.org_role() is not null $$;
comment on function app.is_org_member() is 'True when the caller belongs to the session org (any role).';

create function app.is_staff() returns boolean
language sql stable
as $$ select app.has_org_role('owner', 'admin', 'manager', 'agent', 'member') $$;
comment on function app.is_staff() is 'True for members of the session org who are not requesters or guests.';

create function app.user_org_ids() returns uuid[]
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select coalesce(array_agg(m.org_id), '{}')
    from public.org_memberships m
   where m.user_id = app.user_id()
$$;
comment on function app.user_org_ids() is 'Ids of every org the caller belongs to (for the org switcher).';

create function app.visible_user_ids() returns uuid[]
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select coalesce(array_agg(m.user_id), '{}')
    from public.org_memberships m
   where m.org_id = app.org_id()
     and app.org_role() is not null
     and (app.is_staff()
          or m.user_id = app.user_id()
          or m.role in ('owner', 'admin', 'manager', 'agent', 'member'))
$$;
comment on function app.visible_user_ids() is
  'Users the caller may see in the session org: everyone for staff; themself and staff for requesters and guests.';

-- Rules of memberships, enforced whatever the path into the database.

create function app.tg_orgs__add_owner() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
begin
  if new.created_by is not null then
    insert into public.org_memberships (org_id, user_id, role) values (new.id, new.created_by, 'owner');
  end if;
  return null;
end
$$;
comment on function app.tg_orgs__add_owner() is 'The user who creates an org becomes its first owner.';

create function app.tg_org_memberships__keep_owner() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
begin
  if old.role = 'owner'
     and (tg_op = 'DELETE' or new.role <> 'owner')
     and exists (select from public.orgs where id = old.org_id)
     and not exists (select from public.org_memberships
                      where org_id = old.org_id and role = 'owner' and id <> old.id) then
    raise exception 'org_last_owner'
      using hint = 'An organization must keep at least one owner: transfer ownership first.';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
comment on function app.tg_org_memberships__keep_owner() is
  'Refuses to remove or demote the last owner of an org (purging the org itself is allowed).';

select app.install_row_triggers('public.users', audit => false);
select app.install_row_triggers('public.orgs', org_column => 'id');
select app.install_row_triggers('public.org_memberships');
create trigger _300_add_owner after insert on public.orgs
  for each row execute function app.tg_orgs__add_owner();
create trigger _300_keep_owner before update of role or delete on public.org_memberships
  for each row execute function app.tg_org_memberships__keep_owner();

alter table public.users enable row level security;
alter table public.users force row level security;
alter table public.orgs enable row level security;
alter table public.orgs force row level security;
alter table public.org_memberships enable row level security;
alter table public.org_memberships force row level security;

create policy users_select on public.users for select
  using (id = (select app.user_id())
         or id = any ((select app.visible_user_ids())::uuid[])
         or (select app.engine_trusts_metadata()));
create policy users_insert on public.users for insert
  with check (id = (select app.user_id()));
create policy users_update on public.users for update
  using (id = (select app.user_id()))
  with check (id = (select app.user_id()));

create policy orgs_select on public.orgs for select
  using (id = any ((select app.user_org_ids())::uuid[]) or (select app.engine_trusts_metadata()));
create policy orgs_insert on public.orgs for insert
  with check (created_by = (select app.user_id()));
create policy orgs_update on public.orgs for update
  using (id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')))
  with check (id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')));
create policy orgs_delete on public.orgs for delete
  using (id = (select app.org_id()) and (select app.has_org_role('owner')) and deleted_at is not null);

create policy org_memberships_select on public.org_memberships for select
  using (user_id = (select app.user_id())
         or (org_id = (select app.org_id())
             and (select app.is_org_member())
             and ((select app.is_staff()) or role in ('owner', 'admin', 'manager', 'agent', 'member')))
         or (select app.engine_trusts_metadata()));
create policy org_memberships_insert on public.org_memberships for insert
  with check (org_id = (select app.org_id())
              and (select app.has_org_role('owner', 'admin'))
              and (role <> 'owner' or (select app.has_org_role('owner'))));
create policy org_memberships_update on public.org_memberships for update
  using (org_id = (select app.org_id())
         and (select app.has_org_role('owner', 'admin'))
         and (role <> 'owner' or (select app.has_org_role('owner'))))
  with check (org_id = (select app.org_id())
              and (role <> 'owner' or (select app.has_org_role('owner'))));
create policy org_memberships_delete on public.org_memberships for delete
  using (org_id = (select app.org_id())
         and (user_id = (select app.user_id())
              or ((select app.has_org_role('owner', 'admin'))
                  and (role <> 'owner' or (select app.has_org_role('owner'))))));

grant select on public.users, public.orgs, public.org_memberships, public.org_roles to workgrid_engine, workgrid_app;
grant insert (id, email, display_name, timezone, locale) on public.users to workgrid_app;
grant update (display_name, avatar_file_id, timezone, locale) on public.users to workgrid_engine, workgrid_app;
grant update (email, email_verified_at, last_seen_at, disabled_at) on public.users to workgrid_app;
-- Orgs are created through actions (sign-up, create organization), never by a GraphQL insert.
grant insert (id, name, slug, timezone, locale, created_by) on public.orgs to workgrid_app;
grant update (name, slug, logo_file_id, timezone, locale, deleted_at) on public.orgs to workgrid_engine, workgrid_app;
grant update (plan) on public.orgs to workgrid_app;
grant delete on public.orgs to workgrid_engine, workgrid_app;
-- Memberships come from creating an org or accepting an invitation (actions), never from a GraphQL
-- insert: nobody is added to an org without consenting.
grant insert (id, org_id, user_id, role, title, invited_by) on public.org_memberships to workgrid_app;
grant update (role, title) on public.org_memberships to workgrid_engine, workgrid_app;
grant delete on public.org_memberships to workgrid_engine, workgrid_app;
