-- Time tracking on tasks: running timers (ended_at null) and manual entries, billable or not. A
-- member has at most one running timer in an org, enforced by a partial unique index, so two
-- concurrent starts cannot both succeed. Reports are GraphQL aggregates of duration_seconds over a
-- date range, per task, project or member (time_entries_aggregate through their relationships).

create table public.time_entries (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  project_id uuid not null,
  task_id uuid not null,
  user_id uuid not null default app.user_id(),
  started_at timestamptz not null default now(),
  ended_at timestamptz,
  duration_seconds integer generated always as (floor(extract(epoch from (ended_at - started_at)))::integer) stored,
  billable boolean not null default false,
  note text check (length(note) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (ended_at is null or ended_at >= started_at),
  foreign key (org_id, project_id, task_id) references public.tasks (org_id, project_id, id) on delete cascade,
  foreign key (org_id, user_id) references public.org_memberships (org_id, user_id) on delete cascade
);
comment on table public.time_entries is
  'Time spent on a task by a member: a running timer while ended_at is null, otherwise a finished or manual entry.';
comment on column public.time_entries.duration_seconds is 'ended_at - started_at in seconds; null while the timer runs.';
create unique index time_entries_one_running_idx on public.time_entries (org_id, user_id) where ended_at is null;
create index time_entries_org_idx on public.time_entries (org_id, started_at);
create index time_entries_task_idx on public.time_entries (task_id);
create index time_entries_user_idx on public.time_entries (user_id, started_at);
create index time_entries_project_idx on public.time_entries (project_id, started_at);

select app.install_row_triggers('public.time_entries');
alter table public.time_entries enable row level security;
alter table public.time_entries force row level security;

-- Seen by whoever sees the task; written by the member themself (on tasks they may work on), and
-- corrected by owners and admins.
create policy time_entries_select on public.time_entries for select
  using ((org_id = (select app.org_id())
          and ((select app.has_org_role('owner', 'admin'))
               or ((select app.is_staff()) and app.project_is_shared(project_id))
               or ((select app.is_org_member()) and app.is_project_member(project_id))))
         or (org_id = (select app.org_id()) and (select app.is_service()))
         or (select app.engine_trusts_metadata()));
create policy time_entries_insert on public.time_entries for insert
  with check (org_id = (select app.org_id()) and user_id = (select app.user_id())
              and ((select app.has_org_role('owner', 'admin'))
                   or ((select app.is_staff()) and app.project_is_shared(project_id))
                   or ((select app.is_org_member()) and app.project_role(project_id) in ('admin', 'editor'))));
create policy time_entries_update on public.time_entries for update
  using (org_id = (select app.org_id())
         and (((select app.is_org_member()) and user_id = (select app.user_id())) or (select app.has_org_role('owner', 'admin'))))
  with check (org_id = (select app.org_id())
              and (((select app.is_org_member()) and user_id = (select app.user_id())) or (select app.has_org_role('owner', 'admin'))));
create policy time_entries_delete on public.time_entries for delete
  using (org_id = (select app.org_id())
         and (((select app.is_org_member()) and user_id = (select app.user_id())) or (select app.has_org_role('owner', 'admin'))));

grant select, delete on public.time_entries to workgrid_engine, workgrid_app;
grant insert (id, org_id, project_id, task_id, user_id, started_at, ended_at, billable, note) on public.time_entries
  to workgrid_engine, workgrid_app;
grant update (started_at, ended_at, billable, note) on public.time_entries to workgrid_engine, workgrid_app;

-- Starting a timer stops the caller's running one first (one running timer per member).
create function public.start_timer(task_id uuid, billable boolean default false, note text default null)
returns setof public.time_entries
language plpgsql volatile
set search_path = pg_catalog, public
as $$
declare
  task public.tasks;
begin
  select * into task from public.tasks t where t.id = start_timer.task_id and t.deleted_at is null;
  if not found then
    raise exception 'task_not_found' using hint = 'No such task, or it is not visible to you.';
  end if;
  update public.time_entries e set ended_at = now()
   where e.user_id = app.user_id() and e.org_id = app.org_id() and e.ended_at is null;
  return query
    insert into public.time_entries (org_id, project_id, task_id, user_id, billable, note)
    values (task.org_id, task.project_id, task.id, app.user_id(), start_timer.billable, start_timer.note)
    returning *;
end
$$;
comment on function public.start_timer(uuid, boolean, text) is 'Starts a timer on a task for the caller, stopping their running timer if any.';
grant execute on function public.start_timer(uuid, boolean, text) to workgrid_engine, workgrid_app;

create function public.stop_timer()
returns setof public.time_entries
language sql volatile
set search_path = pg_catalog, public
as $$
  update public.time_entries e set ended_at = now()
   where e.user_id = app.user_id() and e.org_id = app.org_id() and e.ended_at is null
  returning e.*
$$;
comment on function public.stop_timer() is 'Stops the caller''s running timer (returns it; nothing when none runs).';
grant execute on function public.stop_timer() to workgrid_engine, workgrid_app;

select app.install_read_only_guards();
