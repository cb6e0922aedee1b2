-- Automations of a project: when a trigger happens to a task (created, status changed, assigned, due
-- soon, overdue) and the conditions hold, the worker carries out the actions (set a field, assign,
-- add a tag, notify, create a subtask). Each automation runs at most once per event: automation_runs
-- is unique per (automation, event key) and is the run log. Changes made by actions carry their
-- depth (app.automation_depth()), and the worker stops chains deeper than a limit.

create table public.automations (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  project_id uuid not null,
  name text not null check (length(btrim(name)) between 1 and 120),
  trigger text not null check (trigger in ('created', 'status_changed', 'assigned', 'due_soon', 'overdue')),
  conditions jsonb not null default '{}' check (jsonb_typeof(conditions) = 'object'),
  actions jsonb not null check (jsonb_typeof(actions) = 'array' and jsonb_array_length(actions) between 1 and 20),
  active boolean not null default true,
  created_by uuid default app.user_id() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (org_id, id),
  unique (org_id, project_id, id),
  foreign key (org_id, project_id) references public.projects (org_id, id) on delete cascade
);
comment on table public.automations is
  'Trigger -> conditions -> actions on the tasks of a project. conditions: {field: value or [values]} on the task '
  '(and from/to of a status change, assignee_id of an assignment). actions: [{type: set_field|assign|add_tag|notify|create_subtask, ...}].';
create index automations_org_idx on public.automations (org_id, project_id, trigger) where active;

create table public.automation_runs (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  project_id uuid not null,
  automation_id uuid not null,
  event_key text not null,
  task_id uuid,
  depth integer not null default 0,
  status text not null check (status in ('succeeded', 'failed', 'skipped')),
  detail text check (length(detail) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (automation_id, event_key),
  foreign key (org_id, project_id, automation_id) references public.automations (org_id, project_id, id) on delete cascade
);
comment on table public.automation_runs is
  'Run log of automations: one row per automation and event (the unique key makes each run happen once), with its outcome.';
create index automation_runs_org_idx on public.automation_runs (org_id, automation_id, created_at desc);
create index automation_runs_project_idx on public.automation_runs (project_id);

select app.install_row_triggers('public.automations');
select app.install_row_triggers('public.automation_runs');

alter table public.automations enable row level security;
alter table public.automations force row level security;
alter table public.automation_runs enable row level security;
alter table public.automation_runs force row level security;

do $$
declare
  tbl text;
  see constant text := $see$
    (org_id = (select app.org_id())
     and ((select app.has_org_role('owner', 'admin'))
          or ((select app.is_staff()) and app.project_is_shared(project_id))
          or ((select app.is_org_member()) and app.is_project_member(project_id))))
    or (org_id = (select app.org_id()) and (select app.is_service()))$see$;
  manage constant text := $manage$
    org_id = (select app.org_id())
    and ((select app.has_org_role('owner', 'admin', 'manager')) or ((select app.is_org_member()) and app.project_role(project_id) = 'admin'))$manage$;
  service constant text := $service$org_id = (select app.org_id()) and (select app.is_service())$service$;
begin
  foreach tbl in array array['automations', 'automation_runs'] loop
    execute format('create policy %1$s_select on public.%1$s for select using (%2$s or (select app.engine_trusts_metadata()))', tbl, see);
    execute format('create policy %1$s_delete on public.%1$s for delete using (%2$s)', tbl, manage);
  end loop;
  execute format('create policy automations_insert on public.automations for insert with check ((%s) and created_by = (select app.user_id()))', manage);
  execute format('create policy automations_update on public.automations for update using (%1$s) with check (%1$s)', manage);
  execute format('create policy automation_runs_insert on public.automation_runs for insert with check (%s)', service);
  execute format('create policy automation_runs_update on public.automation_runs for update using (%1$s) with check (%1$s)', service);
end
$$;

grant select, delete on public.automations, public.automation_runs to workgrid_engine, workgrid_app;
grant insert (id, org_id, project_id, name, trigger, conditions, actions, active, created_by) on public.automations to workgrid_engine, workgrid_app;
grant update (name, trigger, conditions, actions, active) on public.automations to workgrid_engine, workgrid_app;
grant insert (id, org_id, project_id, automation_id, event_key, task_id, depth, status, detail) on public.automation_runs to workgrid_app;
grant update (status, detail) on public.automation_runs to workgrid_app;

-- Due-soon and overdue automations of every org whose (task, due date) has no run yet, for the
-- worker's sweep. The event key names the due date, so moving a due date makes a new event.
create function app.due_automation_events(limit_count integer default 1000)
returns table (org_id uuid, automation_id uuid, task_id uuid, event_key text)
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select a.org_id, a.id, t.id, a.trigger || ':' || t.id || ':' || t.due_date
    from public.automations a
    join public.tasks t on t.project_id = a.project_id
   where a.active and a.trigger in ('due_soon', 'overdue')
     and t.deleted_at is null and t.status not in ('done', 'cancelled') and t.due_date is not null
     and case a.trigger when 'due_soon' then t.due_date between current_date and current_date + 1
                        else t.due_date < current_date end
     and not exists (select from public.automation_runs r
                      where r.automation_id = a.id and r.event_key = a.trigger || ':' || t.id || ':' || t.due_date)
   limit limit_count
$$;
comment on function app.due_automation_events(integer) is 'Worker only: due-soon and overdue automation events that have not run yet, across orgs.';
revoke execute on function app.due_automation_events(integer) from workgrid_engine;

-- The add_tag action tags a task as background work of the org.
alter policy entity_tags_insert on public.entity_tags
  with check ((org_id = (select app.org_id()) and (select app.is_staff()) and created_by = (select app.user_id())
               and app.can_see_entity(entity_type, entity_id))
              or (org_id = (select app.org_id()) and (select app.is_service()) and app.can_see_entity(entity_type, entity_id)));

select app.install_read_only_guards();
