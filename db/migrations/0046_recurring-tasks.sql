-- Recurring tasks: a rule (cron expression in a timezone) from which the worker creates one task per
-- occurrence. A generated task remembers its rule and occurrence, unique together, so an occurrence
-- becomes a task once even if two workers (or a restarted one) run the same rule.

create table public.recurring_task_rules (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  project_id uuid not null,
  column_id uuid,
  title text not null check (length(btrim(title)) between 1 and 500),
  description text check (length(description) <= 100000),
  priority text not null default 'none' check (priority in ('none', 'low', 'medium', 'high', 'urgent')),
  cron text not null check (cron ~ '^\S+( \S+){4}$'),
  timezone text not null default 'UTC',
  assignee_strategy text not null default 'same' check (assignee_strategy in ('same', 'rotate')),
  assignee_ids uuid[] not null default '{}',
  rotation_index integer not null default 0,
  due_in_days integer check (due_in_days between 0 and 365),
  active boolean not null default true,
  last_occurrence_at timestamptz,
  next_run_at timestamptz,
  last_error text,
  created_by uuid default app.user_id() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (org_id, id),
  foreign key (org_id, project_id) references public.projects (org_id, id) on delete cascade,
  foreign key (org_id, project_id, column_id) references public.board_columns (org_id, project_id, id) on delete set null (column_id)
);
comment on table public.recurring_task_rules is
  'Creates a task of a project at every occurrence of a cron expression (5 fields) in a timezone. assignee_strategy: '
  'same (every assignee_ids member on each task) or rotate (one at a time, in turn). The worker keeps last_occurrence_at, '
  'next_run_at and last_error.';
create index recurring_task_rules_org_idx on public.recurring_task_rules (org_id, project_id);
create index recurring_task_rules_due_idx on public.recurring_task_rules (next_run_at) where active;

create function app.tg_recurring_task_rules__check() returns trigger
language plpgsql volatile
as $$
begin
  begin
    perform now() at time zone new.timezone;
  exception when others then
    raise exception 'recurring_rule_timezone_invalid' using hint = 'timezone must be an IANA name such as Europe/Paris.';
  end;
  if tg_op = 'INSERT' or new.cron <> old.cron or new.timezone <> old.timezone or (new.active and not old.active) then
    -- The worker computes the next run from the new schedule.
    new.next_run_at := null;
    new.last_error := null;
  end if;
  return new;
end
$$;
comment on function app.tg_recurring_task_rules__check() is 'Checks the timezone; a changed schedule is picked up by the worker at once.';
create trigger _150_check before insert or update on public.recurring_task_rules
  for each row execute function app.tg_recurring_task_rules__check();
select app.install_row_triggers('public.recurring_task_rules');

alter table public.recurring_task_rules enable row level security;
alter table public.recurring_task_rules force row level security;

create policy recurring_task_rules_select on public.recurring_task_rules for select
  using ((org_id = (select app.org_id())
          and ((select app.has_org_role('owner', 'admin'))
               or ((select app.is_staff()) and app.project_is_shared(project_id))
               or ((select app.is_org_member()) and app.is_project_member(project_id))))
         or (org_id = (select app.org_id()) and (select app.is_service()))
         or (select app.engine_trusts_metadata()));
create policy recurring_task_rules_insert on public.recurring_task_rules for insert
  with check (org_id = (select app.org_id()) and created_by = (select app.user_id())
              and ((select app.has_org_role('owner', 'admin', 'manager')) or ((select app.is_org_member()) and app.project_role(project_id) = 'admin')));
create policy recurring_task_rules_update on public.recurring_task_rules for update
  using ((org_id = (select app.org_id())
          and ((select app.has_org_role('owner', 'admin', 'manager')) or ((select app.is_org_member()) and app.project_role(project_id) = 'admin')))
         or (org_id = (select app.org_id()) and (select app.is_service())))
  with check ((org_id = (select app.org_id())
               and ((select app.has_org_role('owner', 'admin', 'manager')) or ((select app.is_org_member()) and app.project_role(project_id) = 'admin')))
              or (org_id = (select app.org_id()) and (select app.is_service())));
create policy recurring_task_rules_delete on public.recurring_task_rules for delete
  using (org_id = (select app.org_id())
         and ((select app.has_org_role('owner', 'admin', 'manager')) or ((select app.is_org_member()) and app.project_role(project_id) = 'admin')));

grant select, delete on public.recurring_task_rules to workgrid_engine, workgrid_app;
grant insert (id, org_id, project_id, column_id, title, description, priority, cron, timezone, assignee_strategy, assignee_ids,
              due_in_days, active, created_by)
  on public.recurring_task_rules to workgrid_engine, workgrid_app;
grant update (column_id, title, description, priority, cron, timezone, assignee_strategy, assignee_ids, due_in_days, active)
  on public.recurring_task_rules to workgrid_engine, workgrid_app;
grant update (rotation_index, last_occurrence_at, next_run_at, last_error) on public.recurring_task_rules to workgrid_app;

alter table public.tasks
  add column recurrence_rule_id uuid,
  add column occurrence_at timestamptz,
  add foreign key (org_id, recurrence_rule_id) references public.recurring_task_rules (org_id, id) on delete set null (recurrence_rule_id);
comment on column public.tasks.recurrence_rule_id is 'The recurring rule that created the task, if any.';
comment on column public.tasks.occurrence_at is 'The occurrence of the rule the task stands for (unique per rule).';
create unique index tasks_recurrence_idx on public.tasks (recurrence_rule_id, occurrence_at) where recurrence_rule_id is not null;
grant insert (recurrence_rule_id, occurrence_at) on public.tasks to workgrid_app;

-- Rules of every org whose next run is due (or not computed yet), for the worker's sweep.
create function app.due_recurring_rules(limit_count integer default 500)
returns table (rule_id uuid, org_id uuid)
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select r.id, r.org_id from public.recurring_task_rules r
   where r.active and (r.next_run_at is null or r.next_run_at <= now())
   order by r.next_run_at nulls first
   limit limit_count
$$;
comment on function app.due_recurring_rules(integer) is 'Worker only: active recurring rules due to run, across orgs (ids only).';
revoke execute on function app.due_recurring_rules(integer) from workgrid_engine;

select app.install_read_only_guards();
