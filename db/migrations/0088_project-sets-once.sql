-- The caller's projects, read once per statement. The policies of projects and of every table below
-- a project asked app.project_is_shared(project_id), app.is_project_member(project_id) and
-- app.project_role(project_id) for each row: security definer SQL functions, which PostgreSQL never
-- inlines, so each row paid a function call with its search_path switch, an executor start and two
-- parses of the session JSON: reading 1,000 tasks by id took 9-15 ms as a member or a guest, 1.6 ms
-- as an owner (whose role test short-circuits).
--
-- The policies now ask whether the row's project is in a set computed once per statement:
-- `project_id in (select app.shared_project_ids())` (the session org's projects that are not
-- private), `project_id in (select app.my_project_ids())` (the projects the caller is a member of)
-- and `project_id in (select app.my_project_ids('admin', 'editor'))` (those where the caller has one
-- of the roles). An uncorrelated `in (select ...)` runs as a hashed SubPlan: the function runs once,
-- each row is a hash probe (the same 1,000 tasks: 1.7-1.8 ms, and 2.5-4 ms with 2,000 projects;
-- `= any (array)` was as fast for tens of projects but scans the array for each row, 9-14 ms with
-- 2,000). The functions read the session once, into variables: app.org_id() left in their queries
-- was evaluated for every row they read (9 ms instead of 1 for 2,000 memberships). The workspaces
-- policy's app.has_project_in_workspace(id) becomes `id in (select app.my_project_workspace_ids())`.
--
-- Who may do what is unchanged: each call was replaced by the set of the same query (same org, user
-- and role conditions), every replaced call sat under AND/OR only and every project_id column is
-- not null, so a row passes exactly when it passed before. The old helpers had no other callers and
-- are dropped; db/test/catalog.test.ts now fails on a policy that passes a column of the row to a
-- security definer function.
--
-- Two once-per-statement helpers had the same cost inside: app.task_search_candidates (search_work)
-- evaluated the org role and both project helpers for every matching task, and app.visible_user_ids
-- (users_select) evaluated app.is_staff() for every membership of the org (40 ms per statement
-- reading users in an org of 2,000 members, now under 1 ms). Both now evaluate the caller's role once.

create function app.shared_project_ids() returns setof uuid
language plpgsql stable security definer
set search_path = pg_catalog, public
as $$
declare
  org uuid := app.org_id();
begin
  return query select p.id from public.projects p where p.org_id = org and p.visibility <> 'private';
end
$$;
comment on function app.shared_project_ids() is
  'Projects of the session org visible to all its staff (visibility workspace or org). Policies ask '
  '`project_id in (select app.shared_project_ids())`, which runs it once per statement.';

create function app.my_project_ids(variadic roles text[] default null) returns setof uuid
language plpgsql stable security definer
set search_path = pg_catalog, public
as $$
declare
  org uuid := app.org_id();
  me uuid := app.user_id();
begin
  return query select m.project_id from public.project_members m
                where m.org_id = org and m.user_id = me and (roles is null or m.role = any (roles));
end
$$;
comment on function app.my_project_ids(text[]) is
  'Projects of the session org the caller is a member of; with roles, only those where the caller''s project role '
  'is one of them. Policies ask `project_id in (select app.my_project_ids(..))`, which runs it once per statement.';

create function app.my_project_workspace_ids() returns setof uuid
language plpgsql stable security definer
set search_path = pg_catalog, public
as $$
declare
  org uuid := app.org_id();
  me uuid := app.user_id();
begin
  return query select p.workspace_id from public.projects p join public.project_members m on m.project_id = p.id
                where m.org_id = org and m.user_id = me;
end
$$;
comment on function app.my_project_workspace_ids() is 'Workspaces holding a project the caller is a member of (in the session org).';

alter policy workspaces_select on public.workspaces
  using ((org_id = (select app.org_id())
          and ((select app.is_staff()) or ((select app.is_org_member()) and id in (select app.my_project_workspace_ids()))))
         or (org_id = (select app.org_id()) and (select app.is_service()))
         or (select app.engine_trusts_metadata()));

alter policy projects_select on public.projects
  using ((org_id = (select app.org_id())
          and ((select app.has_org_role('owner', 'admin'))
               or ((select app.is_staff()) and visibility <> 'private')
               or ((select app.is_org_member()) and (created_by = (select app.user_id()) or id in (select app.my_project_ids())))))
         or (org_id = (select app.org_id()) and (select app.is_service()))
         or (select app.engine_trusts_metadata()));
alter policy projects_update on public.projects
  using (org_id = (select app.org_id())
         and ((select app.has_org_role('owner', 'admin', 'manager')) or ((select app.is_org_member()) and id in (select app.my_project_ids('admin')))))
  with check (org_id = (select app.org_id())
              and ((select app.has_org_role('owner', 'admin', 'manager')) or ((select app.is_org_member()) and id in (select app.my_project_ids('admin')))));

-- The tables below a project share three rules on their project_id (0040): who reads its rows
-- (owners and admins, staff in a shared project, members of the project), who works on its tasks
-- (the same, but project members only as admin or editor) and who manages it (owners, admins and
-- managers of the org, admins of the project). Each policy keeps its other conditions, in order.
do $$
declare
  in_org constant text := 'org_id = (select app.org_id())';
  service constant text := '(org_id = (select app.org_id()) and (select app.is_service()))';
  trusted constant text := '(select app.engine_trusts_metadata())';
  readers constant text := $readers$((select app.has_org_role('owner', 'admin'))
    or ((select app.is_staff()) and project_id in (select app.shared_project_ids()))
    or ((select app.is_org_member()) and project_id in (select app.my_project_ids())))$readers$;
  editors constant text := $editors$((select app.has_org_role('owner', 'admin'))
    or ((select app.is_staff()) and project_id in (select app.shared_project_ids()))
    or ((select app.is_org_member()) and project_id in (select app.my_project_ids('admin', 'editor'))))$editors$;
  managers constant text := $managers$((select app.has_org_role('owner', 'admin', 'manager'))
    or ((select app.is_org_member()) and project_id in (select app.my_project_ids('admin'))))$managers$;
  read text := format('(%s and %s) or %s', in_org, readers, service);
  edit text := format('(%s and %s) or %s', in_org, editors, service);
  manage text := format('%s and %s', in_org, managers);
  tbl text;
begin
  foreach tbl in array array['project_members', 'boards', 'board_columns', 'tasks', 'task_assignees', 'task_watchers',
                             'task_checklists', 'task_checklist_items', 'task_dependencies', 'time_entries',
                             'recurring_task_rules', 'automations', 'automation_runs', 'project_custom_fields',
                             'task_external_links'] loop
    execute format('alter policy %1$s_select on public.%1$s using (%2$s or %3$s)', tbl, read, trusted);
  end loop;

  foreach tbl in array array['project_members', 'board_columns', 'project_custom_fields'] loop
    execute format('alter policy %1$s_insert on public.%1$s with check (%2$s)', tbl, manage);
  end loop;
  foreach tbl in array array['project_members', 'boards', 'board_columns', 'automations', 'project_custom_fields'] loop
    execute format('alter policy %1$s_update on public.%1$s using (%2$s) with check (%2$s)', tbl, manage);
  end loop;
  foreach tbl in array array['project_members', 'board_columns', 'recurring_task_rules', 'automations', 'automation_runs',
                             'project_custom_fields'] loop
    execute format('alter policy %1$s_delete on public.%1$s using (%2$s)', tbl, manage);
  end loop;
  execute format('alter policy boards_insert on public.boards with check (%s and created_by = (select app.user_id()) and %s)', in_org, managers);
  execute format('alter policy boards_delete on public.boards using (%s and deleted_at is not null and %s)', in_org, managers);
  execute format('alter policy recurring_task_rules_insert on public.recurring_task_rules with check (%s and created_by = (select app.user_id()) and %s)', in_org, managers);
  execute format('alter policy recurring_task_rules_update on public.recurring_task_rules using ((%1$s) or %2$s) with check ((%1$s) or %2$s)', manage, service);
  execute format('alter policy automations_insert on public.automations with check (%s and created_by = (select app.user_id()))', manage);

  foreach tbl in array array['tasks', 'task_assignees', 'task_watchers', 'task_checklists', 'task_checklist_items',
                             'task_dependencies'] loop
    execute format('alter policy %1$s_update on public.%1$s using (%2$s) with check (%2$s)', tbl, edit);
  end loop;
  foreach tbl in array array['task_assignees', 'task_checklists', 'task_checklist_items'] loop
    execute format('alter policy %1$s_insert on public.%1$s with check (%2$s)', tbl, edit);
  end loop;
  foreach tbl in array array['task_assignees', 'task_checklists', 'task_checklist_items', 'task_dependencies'] loop
    execute format('alter policy %1$s_delete on public.%1$s using (%2$s)', tbl, edit);
  end loop;
  foreach tbl in array array['tasks', 'task_dependencies'] loop
    execute format('alter policy %1$s_insert on public.%1$s with check ((%2$s) and (created_by = (select app.user_id()) or (select app.is_service())))', tbl, edit);
  end loop;
  execute format('alter policy tasks_delete on public.tasks using ((%s) and deleted_at is not null)', edit);
  execute format('alter policy task_imports_insert on public.task_imports with check (%s and created_by = (select app.user_id()) and %s)', in_org, editors);
  execute format('alter policy time_entries_insert on public.time_entries with check (%s and user_id = (select app.user_id()) and %s)', in_org, editors);
  execute format('alter policy task_watchers_insert on public.task_watchers with check ((%s) and user_id = (select app.user_id()))', read);
  execute format('alter policy task_watchers_delete on public.task_watchers using ((%s) and user_id = (select app.user_id()))', read);
end
$$;

drop function app.has_project_in_workspace(uuid);
drop function app.is_project_member(uuid);
drop function app.project_role(uuid);
drop function app.project_is_shared(uuid);

create or replace function app.task_search_candidates(query text, project_id uuid default null)
returns table (task_id uuid, rank real)
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select t.id,
         ((case when lower(t.key) = lower(btrim(query)) then 10 else 0 end)
          + ts_rank(t.search, app.search_query(query)) * 2 + similarity(t.title, btrim(query)))::real
    from public.tasks t
   where t.org_id = (select app.org_id()) and t.deleted_at is null and length(btrim(query)) > 0
     and (task_search_candidates.project_id is null or t.project_id = task_search_candidates.project_id)
     and (t.search @@ app.search_query(query) or t.title % btrim(query) or lower(t.key) = lower(btrim(query)))
     -- The visibility rule of tasks (tasks_select), applied after the index scan.
     and ((select app.has_org_role('owner', 'admin'))
          or ((select app.is_staff()) and t.project_id in (select app.shared_project_ids()))
          or ((select app.is_org_member()) and t.project_id in (select app.my_project_ids())))
$$;

create or replace function app.visible_user_ids() returns uuid[]
language plpgsql stable security definer
set search_path = pg_catalog, public
as $$
declare
  org uuid := app.org_id();
  me uuid := app.user_id();
  staff boolean := app.is_staff();
begin
  if not app.is_org_member() then
    return '{}';
  end if;
  return (select coalesce(array_agg(m.user_id), '{}')
            from public.org_memberships m
           where m.org_id = org
             and (staff or m.user_id = me or m.role in ('owner', 'admin', 'manager', 'agent', 'member')));
end
$$;
