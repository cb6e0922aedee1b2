-- Tasks of a project: per-project sequential keys (ENG-42), board placement by fractional position,
-- subtasks to any depth, assignees, watchers, checklists, soft delete with a purged trash. Everything
-- below a task carries project_id (kept equal to the task's by composite foreign keys) so that its
-- policies state the project visibility rule of 0040 directly.

create table public.tasks (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  project_id uuid not null,
  number integer not null default 0,
  key text not null default '',
  parent_id uuid,
  column_id uuid,
  position numeric not null default 0,
  title text not null check (length(btrim(title)) between 1 and 500),
  description text check (length(description) <= 100000),
  status text not null default 'todo' check (status in ('backlog', 'todo', 'in_progress', 'in_review', 'done', 'cancelled')),
  priority text not null default 'none' check (priority in ('none', 'low', 'medium', 'high', 'urgent')),
  start_date date,
  due_date date,
  estimate numeric check (estimate >= 0),
  custom_fields jsonb not null default '{}' check (jsonb_typeof(custom_fields) = 'object'),
  is_blocked boolean not null default false,
  blocked_since timestamptz,
  completed_at timestamptz,
  search tsvector generated always as (
    setweight(to_tsvector('simple', key || ' ' || title), 'A') || setweight(to_tsvector('simple', coalesce(description, '')), 'B')
  ) stored,
  created_by uuid default app.user_id() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  deleted_at timestamptz,
  deleted_by uuid references public.users (id) on delete set null,
  unique (org_id, id),
  unique (org_id, project_id, id),
  unique (project_id, number),
  foreign key (org_id, project_id) references public.projects (org_id, id) on delete cascade,
  foreign key (org_id, project_id, parent_id) references public.tasks (org_id, project_id, id) on delete cascade,
  foreign key (org_id, project_id, column_id) references public.board_columns (org_id, project_id, id) on delete set null (column_id),
  check (due_date is null or start_date is null or due_date >= start_date)
);
comment on table public.tasks is
  'Work items of a project. key (project key and number, e.g. ENG-42) is gap-free per project; position orders '
  'tasks within a board column; is_blocked is kept by task_dependencies; deleted_at puts a task in the trash.';
comment on column public.tasks.number is 'Per-project sequence number, assigned by the server.';
comment on column public.tasks.custom_fields is 'Project-specific fields as a JSON object.';
create index tasks_project_idx on public.tasks (org_id, project_id) where deleted_at is null;
create index tasks_column_position_idx on public.tasks (column_id, position) where deleted_at is null;
create index tasks_parent_idx on public.tasks (parent_id);
create index tasks_due_idx on public.tasks (org_id, due_date) where deleted_at is null and completed_at is null;
create index tasks_trash_idx on public.tasks (deleted_at) where deleted_at is not null;
create index tasks_search_idx on public.tasks using gin (search);
create index tasks_title_trgm_idx on public.tasks using gin (title gin_trgm_ops);

-- The last task number of each project. One row per project, locked by the insert that takes the
-- next number until it commits: numbers are gap-free (a rollback returns its number) and unique.
create table app.task_counters (
  project_id uuid primary key references public.projects (id) on delete cascade,
  last_number integer not null
);
comment on table app.task_counters is 'Last task number per project; written only by the task insert trigger.';

create function app.tg_tasks__number() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
declare
  project_key text;
begin
  insert into app.task_counters as c (project_id, last_number) values (new.project_id, 1)
  on conflict (project_id) do update set last_number = c.last_number + 1
  returning last_number into new.number;
  select p.key into project_key from public.projects p where p.id = new.project_id;
  new.key := project_key || '-' || new.number;
  return new;
end
$$;
comment on function app.tg_tasks__number() is 'Gives a new task the next number of its project and its key (ENG-42).';

-- Board placement. Moves and inserts into a column serialize on a transaction lock per column, so the
-- WIP limit and neighbouring positions are read and written without a concurrent move in between.
create function app.lock_board_column(column_id uuid) returns void
language sql volatile
as $$ select pg_advisory_xact_lock(hashtextextended('board_column:' || column_id::text, 0)) $$;
comment on function app.lock_board_column(uuid) is 'Serializes writes to one board column until the transaction ends.';

create function app.tg_tasks__placement() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
declare
  col public.board_columns;
  occupied integer;
begin
  if new.column_id is null or (tg_op = 'UPDATE' and new.column_id is not distinct from old.column_id and new.deleted_at is not distinct from old.deleted_at) then
    return new;
  end if;
  if new.deleted_at is not null then
    return new;
  end if;
  perform app.lock_board_column(new.column_id);
  select * into col from public.board_columns where id = new.column_id;
  if col.wip_limit is not null then
    select count(*) into occupied from public.tasks
     where column_id = new.column_id and deleted_at is null and id <> new.id;
    if occupied >= col.wip_limit then
      raise exception 'board_column_wip_limit'
        using hint = format('The column "%s" holds at most %s tasks.', col.name, col.wip_limit);
    end if;
  end if;
  if tg_op = 'INSERT' and new.position = 0 then
    select coalesce(max(position), 0) + 1024 into new.position from public.tasks where column_id = new.column_id;
  end if;
  if col.maps_to_status is not null and (tg_op = 'INSERT' or new.column_id is distinct from old.column_id) then
    new.status := col.maps_to_status;
  end if;
  return new;
end
$$;
comment on function app.tg_tasks__placement() is
  'Entering a board column: refuses past its WIP limit, appends at the end when no position is given, takes its status.';

create function app.tg_tasks__rules() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
begin
  if tg_op = 'UPDATE' then
    new.number := old.number;
    new.key := old.key;
    if new.project_id <> old.project_id then
      raise exception 'task_project_immutable' using hint = 'A task cannot move to another project.';
    end if;
  end if;
  if new.parent_id is not null and (tg_op = 'INSERT' or new.parent_id is distinct from old.parent_id) then
    if exists (
      with recursive ancestors (id) as (
        select new.parent_id
        union
        select t.parent_id from public.tasks t join ancestors a on t.id = a.id where t.parent_id is not null)
      select from ancestors where id = new.id) then
      raise exception 'task_parent_cycle' using hint = 'A task cannot be a subtask of itself or of its own subtasks.';
    end if;
  end if;
  if new.status = 'done' and (tg_op = 'INSERT' or old.status <> 'done') then
    new.completed_at := now();
  elsif new.status <> 'done' then
    new.completed_at := null;
  end if;
  return new;
end
$$;
comment on function app.tg_tasks__rules() is
  'Keeps number, key and project fixed, refuses parent cycles, stamps completed_at when a task is done.';

create trigger _120_number before insert on public.tasks
  for each row execute function app.tg_tasks__number();
create trigger _130_rules before insert or update on public.tasks
  for each row execute function app.tg_tasks__rules();
create trigger _140_placement before insert or update of column_id, deleted_at on public.tasks
  for each row execute function app.tg_tasks__placement();
select app.install_row_triggers('public.tasks');

-- Children of a task. (org_id, project_id, task_id) references the task, so project_id is the task's.

create table public.task_assignees (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  project_id uuid not null,
  task_id uuid not null,
  user_id uuid not null,
  assigned_by uuid default app.user_id() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (task_id, user_id),
  foreign key (org_id, project_id, task_id) references public.tasks (org_id, project_id, id) on delete cascade,
  foreign key (org_id, user_id) references public.org_memberships (org_id, user_id) on delete cascade
);
comment on table public.task_assignees is 'Who a task is assigned to (any number of org members).';
create index task_assignees_org_idx on public.task_assignees (org_id, user_id);
create index task_assignees_task_idx on public.task_assignees (task_id);
create index task_assignees_project_idx on public.task_assignees (project_id);

create table public.task_watchers (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  project_id uuid not null,
  task_id uuid not null,
  user_id uuid not null default app.user_id(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (task_id, user_id),
  foreign key (org_id, project_id, task_id) references public.tasks (org_id, project_id, id) on delete cascade,
  foreign key (org_id, user_id) references public.org_memberships (org_id, user_id) on delete cascade
);
comment on table public.task_watchers is 'Members who follow a task and are notified of its changes.';
create index task_watchers_org_idx on public.task_watchers (org_id, user_id);
create index task_watchers_task_idx on public.task_watchers (task_id);
create index task_watchers_project_idx on public.task_watchers (project_id);

create table public.task_checklists (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  project_id uuid not null,
  task_id uuid not null,
  title text not null check (length(btrim(title)) between 1 and 200),
  position numeric not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (org_id, project_id, id),
  foreign key (org_id, project_id, task_id) references public.tasks (org_id, project_id, id) on delete cascade
);
comment on table public.task_checklists is 'Named checklists of a task.';
create index task_checklists_org_idx on public.task_checklists (org_id, task_id);
create index task_checklists_project_idx on public.task_checklists (project_id);

create table public.task_checklist_items (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  project_id uuid not null,
  checklist_id uuid not null,
  title text not null check (length(btrim(title)) between 1 and 500),
  position numeric not null default 0,
  done boolean not null default false,
  done_by uuid references public.users (id) on delete set null,
  done_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  foreign key (org_id, project_id, checklist_id) references public.task_checklists (org_id, project_id, id) on delete cascade
);
comment on table public.task_checklist_items is 'Items of a checklist; done_by and done_at are stamped by the server.';
create index task_checklist_items_org_idx on public.task_checklist_items (org_id, checklist_id, position);
create index task_checklist_items_project_idx on public.task_checklist_items (project_id);

create function app.tg_task_checklist_items__stamp_done() returns trigger
language plpgsql volatile
as $$
begin
  if new.done and (tg_op = 'INSERT' or not old.done) then
    new.done_by := app.user_id();
    new.done_at := now();
  elsif not new.done then
    new.done_by := null;
    new.done_at := null;
  else
    new.done_by := old.done_by;
    new.done_at := old.done_at;
  end if;
  return new;
end
$$;
comment on function app.tg_task_checklist_items__stamp_done() is 'Records who ticked an item and when (cleared when unticked).';
create trigger _150_stamp_done before insert or update on public.task_checklist_items
  for each row execute function app.tg_task_checklist_items__stamp_done();

select app.install_row_triggers('public.task_assignees');
select app.install_row_triggers('public.task_watchers');
select app.install_row_triggers('public.task_checklists');
select app.install_row_triggers('public.task_checklist_items');

-- Policies. See: the project visibility rule. Work (write): the same, except that project members
-- need the admin or editor project role; background work of the org (service) may do both.

alter table public.tasks enable row level security;
alter table public.tasks force row level security;
alter table public.task_assignees enable row level security;
alter table public.task_assignees force row level security;
alter table public.task_watchers enable row level security;
alter table public.task_watchers force row level security;
alter table public.task_checklists enable row level security;
alter table public.task_checklists force row level security;
alter table public.task_checklist_items enable row level security;
alter table public.task_checklist_items force row level security;

do $$
declare
  tbl text;
  see constant text := $see$
    (org_id = (select app.org_id())
     and ((select app.has_org_role('owner', 'admin'))
          or ((select app.is_staff()) and app.project_is_shared(project_id))
          or ((select app.is_org_member()) and app.is_project_member(project_id))))
    or (org_id = (select app.org_id()) and (select app.is_service()))$see$;
  work constant text := $work$
    (org_id = (select app.org_id())
     and ((select app.has_org_role('owner', 'admin'))
          or ((select app.is_staff()) and app.project_is_shared(project_id))
          or ((select app.is_org_member()) and app.project_role(project_id) in ('admin', 'editor'))))
    or (org_id = (select app.org_id()) and (select app.is_service()))$work$;
begin
  foreach tbl in array array['tasks', 'task_assignees', 'task_watchers', 'task_checklists', 'task_checklist_items'] loop
    execute format('create policy %1$s_select on public.%1$s for select using (%2$s or (select app.engine_trusts_metadata()))', tbl, see);
    execute format('create policy %1$s_update on public.%1$s for update using (%2$s) with check (%2$s)', tbl, work);
    if tbl = 'tasks' then
      execute format('create policy tasks_insert on public.tasks for insert with check ((%s) and (created_by = (select app.user_id()) or (select app.is_service())))', work);
      execute format('create policy tasks_delete on public.tasks for delete using ((%s) and deleted_at is not null)', work);
    elsif tbl = 'task_watchers' then
      -- Anyone who sees a task may follow or unfollow it themself (assignees follow by trigger).
      execute format('create policy task_watchers_insert on public.task_watchers for insert with check ((%s) and user_id = (select app.user_id()))', see);
      execute format('create policy task_watchers_delete on public.task_watchers for delete using ((%s) and user_id = (select app.user_id()))', see);
    else
      execute format('create policy %1$s_insert on public.%1$s for insert with check (%2$s)', tbl, work);
      execute format('create policy %1$s_delete on public.%1$s for delete using (%2$s)', tbl, work);
    end if;
  end loop;
end
$$;

grant select, delete on public.tasks, public.task_assignees, public.task_watchers, public.task_checklists, public.task_checklist_items
  to workgrid_engine, workgrid_app;
grant insert (id, org_id, project_id, parent_id, column_id, position, title, description, status, priority,
              start_date, due_date, estimate, custom_fields, created_by)
  on public.tasks to workgrid_engine, workgrid_app;
grant update (parent_id, column_id, position, title, description, status, priority, start_date, due_date, estimate,
              custom_fields, deleted_at)
  on public.tasks to workgrid_engine, workgrid_app;
grant insert (id, org_id, project_id, task_id, user_id, assigned_by) on public.task_assignees to workgrid_engine, workgrid_app;
grant insert (id, org_id, project_id, task_id, user_id) on public.task_watchers to workgrid_engine, workgrid_app;
grant insert (id, org_id, project_id, task_id, title, position) on public.task_checklists to workgrid_engine, workgrid_app;
grant update (title, position) on public.task_checklists to workgrid_engine, workgrid_app;
grant insert (id, org_id, project_id, checklist_id, title, position, done) on public.task_checklist_items to workgrid_engine, workgrid_app;
grant update (title, position, done) on public.task_checklist_items to workgrid_engine, workgrid_app;

-- Moving a task on a board: into column_id, right after after_task_id (null: at the top). The new
-- position is computed from the column as it is under the column's lock, so concurrent moves into
-- the same column each land between two real neighbours and the order stays total. When two
-- positions come too close, the column is renumbered. expected_version refuses a move of a task
-- someone else changed since the caller read it.
create function public.move_task(task_id uuid, column_id uuid, after_task_id uuid default null, expected_version integer default null)
returns setof public.tasks
language plpgsql volatile
set search_path = pg_catalog, public
as $$
declare
  task public.tasks;
  low numeric;
  high numeric;
  target numeric;
begin
  perform app.lock_board_column(move_task.column_id);
  select * into task from public.tasks t where t.id = move_task.task_id and t.deleted_at is null for update;
  if not found then
    raise exception 'task_not_found' using hint = 'No such task, or it is not visible to you.';
  end if;
  if expected_version is not null and task.version <> expected_version then
    raise exception 'task_version_conflict' using hint = 'The task changed since you read it; reload and try again.';
  end if;

  for attempt in 1..2 loop
    if after_task_id is null then
      low := null;
      select min(t.position) into high from public.tasks t
       where t.column_id = move_task.column_id and t.deleted_at is null and t.id <> move_task.task_id;
      target := coalesce(high - 1024, 1024);
    else
      select t.position into low from public.tasks t
       where t.id = after_task_id and t.column_id = move_task.column_id and t.deleted_at is null;
      if not found then
        raise exception 'task_move_anchor_invalid' using hint = 'after_task_id must be a task in the target column.';
      end if;
      select min(t.position) into high from public.tasks t
       where t.column_id = move_task.column_id and t.deleted_at is null and t.id <> move_task.task_id and t.position > low;
      target := case when high is null then low + 1024 else round((low + high) / 2, 20) end;
    end if;
    exit when high is null or low is null or (target > low and target < high);
    -- Out of room between the neighbours: spread the column out and compute again.
    update public.tasks t set position = r.n * 1024
      from (select t2.id, row_number() over (order by t2.position, t2.id) as n
              from public.tasks t2 where t2.column_id = move_task.column_id and t2.deleted_at is null) r
     where t.id = r.id;
  end loop;

  return query
    update public.tasks t set column_id = move_task.column_id, position = target
     where t.id = move_task.task_id
    returning t.*;
end
$$;
comment on function public.move_task(uuid, uuid, uuid, integer) is
  'Moves a task into a board column right after another task (null: to the top); safe under concurrent moves.';
grant execute on function public.move_task(uuid, uuid, uuid, integer) to workgrid_engine, workgrid_app;

-- Bulk change of status and/or assignee, for owners and admins (row-level security still applies).
create function public.bulk_update_tasks(task_ids uuid[], status text default null, assignee_id uuid default null)
returns setof public.tasks
language plpgsql volatile
set search_path = pg_catalog, public
as $$
begin
  if not app.has_org_role('owner', 'admin') then
    raise exception 'bulk_update_forbidden' using hint = 'Only owners and admins change tasks in bulk.';
  end if;
  if assignee_id is not null then
    delete from public.task_assignees a where a.task_id = any (task_ids) and a.user_id <> assignee_id;
    insert into public.task_assignees (org_id, project_id, task_id, user_id)
    select t.org_id, t.project_id, t.id, assignee_id from public.tasks t where t.id = any (task_ids)
    on conflict (task_id, user_id) do nothing;
  end if;
  return query
    update public.tasks t set status = coalesce(bulk_update_tasks.status, t.status)
     where t.id = any (task_ids) and t.deleted_at is null
    returning t.*;
end
$$;
comment on function public.bulk_update_tasks(uuid[], text, uuid) is
  'Owners and admins: sets the status and/or the single assignee of many tasks at once.';
grant execute on function public.bulk_update_tasks(uuid[], text, uuid) to workgrid_engine, workgrid_app;

-- Trash purge, run by the worker for all orgs: tasks in the trash longer than the retention.
create function app.purge_trashed_tasks(retention interval) returns integer
language sql volatile security definer
set search_path = pg_catalog, public
as $$
  with purged as (delete from public.tasks where deleted_at < now() - retention returning 1)
  select count(*)::integer from purged
$$;
comment on function app.purge_trashed_tasks(interval) is 'Deletes tasks that have been in the trash longer than retention; returns how many.';
revoke execute on function app.purge_trashed_tasks(interval) from workgrid_engine;

insert into public.entity_types (value, comment) values ('task', 'Task');

create or replace function app.can_see_entity(entity_type text, entity_id uuid) returns boolean
language sql stable
as $$
  select case entity_type
    when 'workspace' then exists (select from public.workspaces w where w.id = entity_id)
    when 'project' then exists (select from public.projects p where p.id = entity_id)
    when 'board' then exists (select from public.boards b where b.id = entity_id)
    when 'task' then exists (select from public.tasks t where t.id = entity_id)
    else true
  end
$$;

select app.install_read_only_guards();
