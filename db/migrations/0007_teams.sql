-- Teams group members of an org (service-desk queues and project ownership use them later).

create table public.teams (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 80),
  key text not null check (key ~ '^[A-Z][A-Z0-9]{1,9}$'),
  description text check (length(description) <= 2000),
  color text check (color ~ '^#[0-9a-fA-F]{6}$'),
  created_by uuid default app.user_id() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  deleted_at timestamptz,
  deleted_by uuid references public.users (id) on delete set null,
  unique (org_id, id)
);
comment on table public.teams is 'Groups of org members; key is the short code shown in identifiers (e.g. ENG).';
create unique index teams_org_id_key_idx on public.teams (org_id, key) where deleted_at is null;
create unique index teams_org_id_name_idx on public.teams (org_id, lower(name)) where deleted_at is null;

create table public.team_members (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  team_id uuid not null,
  user_id uuid not null,
  role text not null default 'member' check (role in ('lead', 'member')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (team_id, user_id),
  foreign key (org_id, team_id) references public.teams (org_id, id) on delete cascade,
  -- A team member must be a member of the team's org; leaving the org leaves its teams.
  foreign key (org_id, user_id) references public.org_memberships (org_id, user_id) on delete cascade
);
comment on table public.team_members is 'Membership of org members in teams.';
create index team_members_org_id_idx on public.team_members (org_id);
create index team_members_user_id_idx on public.team_members (org_id, user_id);

select app.install_row_triggers('public.teams');
select app.install_row_triggers('public.team_members');

alter table public.teams enable row level security;
alter table public.teams force row level security;
alter table public.team_members enable row level security;
alter table public.team_members force row level security;

create policy teams_select on public.teams for select
  using ((org_id = (select app.org_id()) and (select app.is_staff())) or (select app.engine_trusts_metadata()));
create policy teams_insert on public.teams for insert
  with check (org_id = (select app.org_id())
              and (select app.has_org_role('owner', 'admin', 'manager'))
              and created_by = (select app.user_id()));
create policy teams_update on public.teams for update
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager')))
  with check (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager')));
create policy teams_delete on public.teams for delete
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')) and deleted_at is not null);

create policy team_members_select on public.team_members for select
  using ((org_id = (select app.org_id()) and (select app.is_staff())) or (select app.engine_trusts_metadata()));
create policy team_members_insert on public.team_members for insert
  with check (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager')));
create policy team_members_update on public.team_members for update
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager')))
  with check (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager')));
create policy team_members_delete on public.team_members for delete
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager')));

grant select, delete on public.teams, public.team_members to workgrid_engine, workgrid_app;
grant insert (id, org_id, name, key, description, color, created_by) on public.teams to workgrid_engine, workgrid_app;
grant update (name, key, description, color, deleted_at) on public.teams to workgrid_engine, workgrid_app;
grant insert (id, org_id, team_id, user_id, role) on public.team_members to workgrid_engine, workgrid_app;
grant update (role) on public.team_members to workgrid_engine, workgrid_app;
