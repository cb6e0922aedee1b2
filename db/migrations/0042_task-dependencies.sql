-- Dependencies between tasks of a project form a directed acyclic graph (blocker -> blocked):
--   finish_to_start   the blocked task cannot start until the blocker is finished (done or cancelled);
--   start_to_start    the blocked task cannot start until the blocker has started;
--   finish_to_finish  the blocked task cannot finish before the blocker (does not block starting).
-- A cycle is refused (task_dependency_cycle). tasks.is_blocked follows the open blockers; when the
-- last one clears, one task.unblocked event per blocked period notifies the task's assignees.

create table public.task_dependencies (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  project_id uuid not null,
  blocker_id uuid not null,
  blocked_id uuid not null,
  kind text not null default 'finish_to_start' check (kind in ('finish_to_start', 'start_to_start', 'finish_to_finish')),
  created_by uuid default app.user_id() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (blocker_id, blocked_id),
  foreign key (org_id, project_id, blocker_id) references public.tasks (org_id, project_id, id) on delete cascade,
  foreign key (org_id, project_id, blocked_id) references public.tasks (org_id, project_id, id) on delete cascade
);
comment on table public.task_dependencies is 'Edges of the task dependency graph of a project (blocker -> blocked); never a cycle.';
create index task_dependencies_org_idx on public.task_dependencies (org_id, project_id);
create index task_dependencies_blocked_idx on public.task_dependencies (blocked_id);

-- Concurrent inserts could each add half of a cycle without seeing the other's edge; a transaction
-- lock per project makes the check and the insert atomic with respect to other dependency writes.
create function app.tg_task_dependencies__refuse_cycle() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
begin
  perform pg_advisory_xact_lock(hashtextextended('task_dependencies:' || new.project_id::text, 0));
  if new.blocker_id = new.blocked_id or exists (
    with recursive downstream (id) as (
      select new.blocked_id
      union
      select d.blocked_id from public.task_dependencies d join downstream s on d.blocker_id = s.id
       where d.id <> new.id)
    select from downstream where id = new.blocker_id) then
    raise exception 'task_dependency_cycle'
      using hint = 'This dependency would make a task wait for itself (directly or through other tasks).';
  end if;
  return new;
end
$$;
comment on function app.tg_task_dependencies__refuse_cycle() is 'Refuses a dependency that closes a cycle, under a per-project lock.';

create function app.task_is_blocked(task_id uuid) returns boolean
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select exists (
    select from public.task_dependencies d join public.tasks b on b.id = d.blocker_id
     where d.blocked_id = task_is_blocked.task_id and b.deleted_at is null
       and ((d.kind = 'finish_to_start' and b.status not in ('done', 'cancelled'))
            or (d.kind = 'start_to_start' and b.status in ('backlog', 'todo'))))
$$;
comment on function app.task_is_blocked(uuid) is 'True while the task has a blocker that keeps it from starting.';

create function app.refresh_task_blocked(task_id uuid) returns void
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
declare
  task public.tasks;
  blocked boolean := app.task_is_blocked(task_id);
begin
  select * into task from public.tasks t where t.id = refresh_task_blocked.task_id for update;
  if not found or task.is_blocked = blocked then
    return;
  end if;
  update public.tasks t set is_blocked = blocked, blocked_since = case when blocked then now() end
   where t.id = task.id;
  if not blocked and task.deleted_at is null then
    perform app.emit_event(
      'task.unblocked',
      jsonb_build_object('task_id', task.id, 'project_id', task.project_id, 'key', task.key, 'title', task.title),
      'task.unblocked:' || task.id || ':' || extract(epoch from task.blocked_since)::text,
      task.org_id);
  end if;
end
$$;
comment on function app.refresh_task_blocked(uuid) is
  'Sets tasks.is_blocked from the open blockers; on the change to unblocked, emits task.unblocked once per blocked period.';

create function app.tg_task_dependencies__refresh() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
begin
  if tg_op <> 'INSERT' then
    perform app.refresh_task_blocked(old.blocked_id);
  end if;
  if tg_op <> 'DELETE' then
    perform app.refresh_task_blocked(new.blocked_id);
  end if;
  return null;
end
$$;
comment on function app.tg_task_dependencies__refresh() is 'Recomputes is_blocked of the task a dependency was added to or removed from.';

create function app.tg_tasks__refresh_dependents() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
declare
  dependent uuid;
begin
  if new.status is distinct from old.status or new.deleted_at is distinct from old.deleted_at then
    for dependent in select d.blocked_id from public.task_dependencies d where d.blocker_id = new.id loop
      perform app.refresh_task_blocked(dependent);
    end loop;
  end if;
  return null;
end
$$;
comment on function app.tg_tasks__refresh_dependents() is 'A blocker changed status or went to the trash: recompute the tasks it blocks.';

-- is_blocked is server state: clients cannot write it (no grant), and it is not a column others set.
create trigger _120_refuse_cycle before insert or update of blocker_id, blocked_id on public.task_dependencies
  for each row execute function app.tg_task_dependencies__refuse_cycle();
create trigger _400_refresh after insert or update or delete on public.task_dependencies
  for each row execute function app.tg_task_dependencies__refresh();
create trigger _400_refresh_dependents after update of status, deleted_at on public.tasks
  for each row execute function app.tg_tasks__refresh_dependents();
select app.install_row_triggers('public.task_dependencies');

alter table public.task_dependencies enable row level security;
alter table public.task_dependencies force row level security;

create policy task_dependencies_select on public.task_dependencies for select
  using ((org_id = (select app.org_id())
          and ((select app.has_org_role('owner', 'admin'))
               or ((select app.is_staff()) and app.project_is_shared(project_id))
               or ((select app.is_org_member()) and app.is_project_member(project_id))))
         or (org_id = (select app.org_id()) and (select app.is_service()))
         or (select app.engine_trusts_metadata()));
create policy task_dependencies_insert on public.task_dependencies for insert
  with check (((org_id = (select app.org_id())
                and ((select app.has_org_role('owner', 'admin'))
                     or ((select app.is_staff()) and app.project_is_shared(project_id))
                     or ((select app.is_org_member()) and app.project_role(project_id) in ('admin', 'editor'))))
               or (org_id = (select app.org_id()) and (select app.is_service())))
              and (created_by = (select app.user_id()) or (select app.is_service())));
create policy task_dependencies_update on public.task_dependencies for update
  using ((org_id = (select app.org_id())
          and ((select app.has_org_role('owner', 'admin'))
               or ((select app.is_staff()) and app.project_is_shared(project_id))
               or ((select app.is_org_member()) and app.project_role(project_id) in ('admin', 'editor'))))
         or (org_id = (select app.org_id()) and (select app.is_service())))
  with check ((org_id = (select app.org_id())
               and ((select app.has_org_role('owner', 'admin'))
                    or ((select app.is_staff()) and app.project_is_shared(project_id))
                    or ((select app.is_org_member()) and app.project_role(project_id) in ('admin', 'editor'))))
              or (org_id = (select app.org_id()) and (select app.is_service())));
create policy task_dependencies_delete on public.task_dependencies for delete
  using ((org_id = (select app.org_id())
          and ((select app.has_org_role('owner', 'admin'))
               or ((select app.is_staff()) and app.project_is_shared(project_id))
               or ((select app.is_org_member()) and app.project_role(project_id) in ('admin', 'editor'))))
         or (org_id = (select app.org_id()) and (select app.is_service())));

grant select, delete on public.task_dependencies to workgrid_engine, workgrid_app;
grant insert (id, org_id, project_id, blocker_id, blocked_id, kind, created_by) on public.task_dependencies to workgrid_engine, workgrid_app;
grant update (kind) on public.task_dependencies to workgrid_engine, workgrid_app;

-- Gantt data: a project's tasks with dates, ordered for a timeline; the edges are the tasks'
-- blocked_by / blocking relationships (task_dependencies), fetched in the same query.
create function public.project_gantt(project_id uuid, from_date date default null, to_date date default null)
returns setof public.tasks
language sql stable
set search_path = pg_catalog, public
as $$
  select t.* from public.tasks t
   where t.project_id = project_gantt.project_id and t.deleted_at is null
     and (from_date is null or coalesce(t.due_date, t.start_date) >= from_date)
     and (to_date is null or coalesce(t.start_date, t.due_date) <= to_date)
   order by t.start_date nulls last, t.due_date nulls last, t.number
$$;
comment on function public.project_gantt(uuid, date, date) is
  'Tasks of a project for a gantt chart (optionally overlapping a date range), with dependencies as edges.';
grant execute on function public.project_gantt(uuid, date, date) to workgrid_engine, workgrid_app;

select app.install_read_only_guards();
