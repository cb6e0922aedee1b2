-- Work structure: workspaces group projects; a project has members with a project role and a
-- visibility; boards show a project's tasks as kanban, list, calendar or gantt, kanban boards through
-- columns with WIP limits and fractional positions.
--
-- Who sees a project (and everything in it: boards, columns, tasks and their children):
--   owners and admins of the org: every project;
--   staff (owner, admin, manager, agent, member): projects whose visibility is workspace or org;
--   any member of the org, guests included: projects they are a member of (or created).
-- Tables below a project carry project_id so that their policies state this rule directly; the
-- helpers read project rows and memberships as the owner, so policies never recurse.

create table public.workspaces (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 120),
  description text check (length(description) <= 5000),
  created_by uuid default app.user_id() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  deleted_at timestamptz,
  deleted_by uuid references public.users (id) on delete set null,
  unique (org_id, id)
);
comment on table public.workspaces is 'A group of projects (a department, a product line) within an org.';
create index workspaces_org_id_idx on public.workspaces (org_id);

create table public.projects (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  workspace_id uuid not null,
  key text not null check (key ~ '^[A-Z][A-Z0-9]{1,9}$'),
  name text not null check (length(btrim(name)) between 1 and 120),
  description text check (length(description) <= 20000),
  visibility text not null default 'workspace' check (visibility in ('private', 'workspace', 'org')),
  status text not null default 'active' check (status in ('planned', 'active', 'paused', 'completed', 'archived')),
  color text check (color ~ '^#[0-9a-fA-F]{6}$'),
  start_date date,
  target_date date,
  search tsvector generated always as (
    setweight(to_tsvector('simple', key || ' ' || name), 'A') || setweight(to_tsvector('simple', coalesce(description, '')), 'B')
  ) stored,
  created_by uuid default app.user_id() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  deleted_at timestamptz,
  deleted_by uuid references public.users (id) on delete set null,
  unique (org_id, id),
  foreign key (org_id, workspace_id) references public.workspaces (org_id, id) on delete cascade,
  check (target_date is null or start_date is null or target_date >= start_date)
);
comment on table public.projects is
  'A body of work with its own tasks, boards and members. key prefixes task keys (ENG-42). visibility: '
  'private (members only), workspace or org (every staff member of the org).';
create unique index projects_org_id_key_idx on public.projects (org_id, key);
create index projects_workspace_idx on public.projects (org_id, workspace_id);
create index projects_search_idx on public.projects using gin (search);
create index projects_name_trgm_idx on public.projects using gin (name gin_trgm_ops);

create table public.project_members (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  project_id uuid not null,
  user_id uuid not null,
  role text not null default 'editor' check (role in ('admin', 'editor', 'viewer')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (project_id, user_id),
  foreign key (org_id, project_id) references public.projects (org_id, id) on delete cascade,
  -- Leaving the org leaves its projects.
  foreign key (org_id, user_id) references public.org_memberships (org_id, user_id) on delete cascade
);
comment on table public.project_members is
  'Members of a project: admin (manages the project and its members), editor (works on tasks), viewer (reads).';
create index project_members_org_id_idx on public.project_members (org_id, project_id);
create index project_members_user_idx on public.project_members (user_id, project_id);

create table public.boards (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  project_id uuid not null,
  name text not null check (length(btrim(name)) between 1 and 120),
  view_type text not null default 'kanban' check (view_type in ('kanban', 'list', 'calendar', 'gantt')),
  config jsonb not null default '{}' check (jsonb_typeof(config) = 'object'),
  position numeric not null default 0,
  created_by uuid default app.user_id() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  deleted_at timestamptz,
  deleted_by uuid references public.users (id) on delete set null,
  unique (org_id, id),
  unique (org_id, project_id, id),
  foreign key (org_id, project_id) references public.projects (org_id, id) on delete cascade
);
comment on table public.boards is 'A view of a project''s tasks: kanban, list, calendar or gantt; config holds filters, grouping and display options.';
create index boards_project_idx on public.boards (org_id, project_id, position);

create table public.board_columns (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  project_id uuid not null,
  board_id uuid not null,
  name text not null check (length(btrim(name)) between 1 and 80),
  maps_to_status text check (maps_to_status in ('backlog', 'todo', 'in_progress', 'in_review', 'done', 'cancelled')),
  wip_limit integer check (wip_limit > 0),
  position numeric not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (org_id, id),
  unique (org_id, project_id, id),
  foreign key (org_id, project_id, board_id) references public.boards (org_id, project_id, id) on delete cascade
);
comment on table public.board_columns is
  'Columns of a kanban board, ordered by position (fractional). A task moved into a column takes its '
  'maps_to_status; wip_limit caps the tasks in it.';
create index board_columns_board_idx on public.board_columns (org_id, board_id, position);
create index board_columns_project_idx on public.board_columns (project_id);

-- Helpers for the policies: read as the owner so that policies on projects and project_members do
-- not query each other under RLS (which would recurse).

create function app.project_is_shared(project_id uuid) returns boolean
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select exists (select from public.projects p
                  where p.id = project_is_shared.project_id and p.org_id = app.org_id() and p.visibility <> 'private')
$$;
comment on function app.project_is_shared(uuid) is 'True when the project is in the session org and visible to all its staff (visibility workspace or org).';

create function app.project_role(project_id uuid) returns text
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select m.role from public.project_members m
   where m.project_id = project_role.project_id and m.org_id = app.org_id() and m.user_id = app.user_id()
$$;
comment on function app.project_role(uuid) is 'The caller''s role in the project (admin, editor, viewer), or null when not a member.';

create function app.is_project_member(project_id uuid) returns boolean
language sql stable
as $$ select app.project_role(project_id) is not null $$;
comment on function app.is_project_member(uuid) is 'True when the caller is a member of the project.';

create function app.has_project_in_workspace(workspace_id uuid) returns boolean
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select exists (select from public.projects p join public.project_members m on m.project_id = p.id
                  where p.workspace_id = has_project_in_workspace.workspace_id
                    and m.org_id = app.org_id() and m.user_id = app.user_id())
$$;
comment on function app.has_project_in_workspace(uuid) is 'True when the caller is a member of a project of the workspace.';

-- The creator of a project becomes its admin, so a private project is never orphaned.
create function app.tg_projects__add_creator() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
begin
  if new.created_by is not null then
    insert into public.project_members (org_id, project_id, user_id, role)
    values (new.org_id, new.id, new.created_by, 'admin')
    on conflict (project_id, user_id) do nothing;
  end if;
  return null;
end
$$;
comment on function app.tg_projects__add_creator() is 'Makes the creator of a project its first admin member.';

select app.install_row_triggers('public.workspaces');
select app.install_row_triggers('public.projects');
select app.install_row_triggers('public.project_members');
select app.install_row_triggers('public.boards');
select app.install_row_triggers('public.board_columns');
create trigger _300_add_creator after insert on public.projects
  for each row execute function app.tg_projects__add_creator();

alter table public.workspaces enable row level security;
alter table public.workspaces force row level security;
alter table public.projects enable row level security;
alter table public.projects force row level security;
alter table public.project_members enable row level security;
alter table public.project_members force row level security;
alter table public.boards enable row level security;
alter table public.boards force row level security;
alter table public.board_columns enable row level security;
alter table public.board_columns force row level security;

create policy workspaces_select on public.workspaces for select
  using ((org_id = (select app.org_id())
          and ((select app.is_staff()) or ((select app.is_org_member()) and app.has_project_in_workspace(id))))
         or (org_id = (select app.org_id()) and (select app.is_service()))
         or (select app.engine_trusts_metadata()));
create policy workspaces_insert on public.workspaces for insert
  with check (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager'))
              and created_by = (select app.user_id()));
create policy workspaces_update on public.workspaces for update
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager')))
  with check (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager')));
create policy workspaces_delete on public.workspaces for delete
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')) and deleted_at is not null);

create policy projects_select on public.projects for select
  using ((org_id = (select app.org_id())
          and ((select app.has_org_role('owner', 'admin'))
               or ((select app.is_staff()) and visibility <> 'private')
               or ((select app.is_org_member()) and (created_by = (select app.user_id()) or app.is_project_member(id)))))
         or (org_id = (select app.org_id()) and (select app.is_service()))
         or (select app.engine_trusts_metadata()));
create policy projects_insert on public.projects for insert
  with check (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager'))
              and created_by = (select app.user_id()));
create policy projects_update on public.projects for update
  using (org_id = (select app.org_id())
         and ((select app.has_org_role('owner', 'admin', 'manager')) or ((select app.is_org_member()) and app.project_role(id) = 'admin')))
  with check (org_id = (select app.org_id())
              and ((select app.has_org_role('owner', 'admin', 'manager')) or ((select app.is_org_member()) and app.project_role(id) = 'admin')));
create policy projects_delete on public.projects for delete
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')) and deleted_at is not null);

create policy project_members_select on public.project_members for select
  using ((org_id = (select app.org_id())
          and ((select app.has_org_role('owner', 'admin'))
               or ((select app.is_staff()) and app.project_is_shared(project_id))
               or ((select app.is_org_member()) and app.is_project_member(project_id))))
         or (org_id = (select app.org_id()) and (select app.is_service()))
         or (select app.engine_trusts_metadata()));
create policy project_members_insert on public.project_members for insert
  with check (org_id = (select app.org_id())
              and ((select app.has_org_role('owner', 'admin', 'manager')) or ((select app.is_org_member()) and app.project_role(project_id) = 'admin')));
create policy project_members_update on public.project_members for update
  using (org_id = (select app.org_id())
         and ((select app.has_org_role('owner', 'admin', 'manager')) or ((select app.is_org_member()) and app.project_role(project_id) = 'admin')))
  with check (org_id = (select app.org_id())
              and ((select app.has_org_role('owner', 'admin', 'manager')) or ((select app.is_org_member()) and app.project_role(project_id) = 'admin')));
create policy project_members_delete on public.project_members for delete
  using (org_id = (select app.org_id())
         and ((select app.has_org_role('owner', 'admin', 'manager')) or ((select app.is_org_member()) and app.project_role(project_id) = 'admin')));

create policy boards_select on public.boards for select
  using ((org_id = (select app.org_id())
          and ((select app.has_org_role('owner', 'admin'))
               or ((select app.is_staff()) and app.project_is_shared(project_id))
               or ((select app.is_org_member()) and app.is_project_member(project_id))))
         or (org_id = (select app.org_id()) and (select app.is_service()))
         or (select app.engine_trusts_metadata()));
create policy boards_insert on public.boards for insert
  with check (org_id = (select app.org_id()) and created_by = (select app.user_id())
              and ((select app.has_org_role('owner', 'admin', 'manager')) or ((select app.is_org_member()) and app.project_role(project_id) = 'admin')));
create policy boards_update on public.boards for update
  using (org_id = (select app.org_id())
         and ((select app.has_org_role('owner', 'admin', 'manager')) or ((select app.is_org_member()) and app.project_role(project_id) = 'admin')))
  with check (org_id = (select app.org_id())
              and ((select app.has_org_role('owner', 'admin', 'manager')) or ((select app.is_org_member()) and app.project_role(project_id) = 'admin')));
create policy boards_delete on public.boards for delete
  using (org_id = (select app.org_id()) and deleted_at is not null
         and ((select app.has_org_role('owner', 'admin', 'manager')) or ((select app.is_org_member()) and app.project_role(project_id) = 'admin')));

create policy board_columns_select on public.board_columns for select
  using ((org_id = (select app.org_id())
          and ((select app.has_org_role('owner', 'admin'))
               or ((select app.is_staff()) and app.project_is_shared(project_id))
               or ((select app.is_org_member()) and app.is_project_member(project_id))))
         or (org_id = (select app.org_id()) and (select app.is_service()))
         or (select app.engine_trusts_metadata()));
create policy board_columns_insert on public.board_columns for insert
  with check (org_id = (select app.org_id())
              and ((select app.has_org_role('owner', 'admin', 'manager')) or ((select app.is_org_member()) and app.project_role(project_id) = 'admin')));
create policy board_columns_update on public.board_columns for update
  using (org_id = (select app.org_id())
         and ((select app.has_org_role('owner', 'admin', 'manager')) or ((select app.is_org_member()) and app.project_role(project_id) = 'admin')))
  with check (org_id = (select app.org_id())
              and ((select app.has_org_role('owner', 'admin', 'manager')) or ((select app.is_org_member()) and app.project_role(project_id) = 'admin')));
create policy board_columns_delete on public.board_columns for delete
  using (org_id = (select app.org_id())
         and ((select app.has_org_role('owner', 'admin', 'manager')) or ((select app.is_org_member()) and app.project_role(project_id) = 'admin')));

grant select, delete on public.workspaces, public.projects, public.project_members, public.boards, public.board_columns
  to workgrid_engine, workgrid_app;
grant insert (id, org_id, name, description, created_by) on public.workspaces to workgrid_engine, workgrid_app;
grant update (name, description, deleted_at) on public.workspaces to workgrid_engine, workgrid_app;
grant insert (id, org_id, workspace_id, key, name, description, visibility, status, color, start_date, target_date, created_by)
  on public.projects to workgrid_engine, workgrid_app;
grant update (workspace_id, name, description, visibility, status, color, start_date, target_date, deleted_at)
  on public.projects to workgrid_engine, workgrid_app;
grant insert (id, org_id, project_id, user_id, role) on public.project_members to workgrid_engine, workgrid_app;
grant update (role) on public.project_members to workgrid_engine, workgrid_app;
grant insert (id, org_id, project_id, name, view_type, config, position, created_by) on public.boards to workgrid_engine, workgrid_app;
grant update (name, view_type, config, position, deleted_at) on public.boards to workgrid_engine, workgrid_app;
grant insert (id, org_id, project_id, board_id, name, maps_to_status, wip_limit, position) on public.board_columns
  to workgrid_engine, workgrid_app;
grant update (name, maps_to_status, wip_limit, position) on public.board_columns to workgrid_engine, workgrid_app;

insert into public.entity_types (value, comment) values
  ('workspace', 'Workspace'),
  ('project', 'Project'),
  ('board', 'Board');

select app.install_read_only_guards();
