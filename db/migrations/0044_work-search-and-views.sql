-- Finding work: ranked full-text and fuzzy search over tasks (and their comments) and projects,
-- saved views (filters, sort, grouping) per member or shared, "my work" and a calendar range.
-- Every function here runs as the caller (security invoker), so row-level security decides which
-- rows it may return, exactly as for a plain query.

create function app.search_query(query text) returns tsquery
language sql immutable parallel safe
as $$ select websearch_to_tsquery('simple', coalesce(query, '')) $$;
comment on function app.search_query(text) is 'The tsquery of a search box text (web search syntax, no stemming).';

-- Text-search operators are not leakproof, so under row-level security Postgres may not use their
-- indexes: the candidates (tasks of the session org matching by key, title or description, that the
-- caller may see) are found by this function with the indexes, and search_work then reads them back
-- as the caller, so row-level security still decides which are returned. Comments are searched as the caller (an
-- internal comment must not make a task match for someone who cannot read it).
create function app.task_search_candidates(query text, project_id uuid default null)
returns table (task_id uuid, rank real)
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select t.id,
         ((case when lower(t.key) = lower(btrim(query)) then 10 else 0 end)
          + ts_rank(t.search, app.search_query(query)) * 2 + similarity(t.title, btrim(query)))::real
    from public.tasks t
   where t.org_id = app.org_id() and t.deleted_at is null and length(btrim(query)) > 0
     and (task_search_candidates.project_id is null or t.project_id = task_search_candidates.project_id)
     and (t.search @@ app.search_query(query) or t.title % btrim(query) or lower(t.key) = lower(btrim(query)))
     -- The visibility rule of tasks (0041), applied after the index scan.
     and (app.has_org_role('owner', 'admin')
          or (app.is_staff() and app.project_is_shared(t.project_id))
          or (app.is_org_member() and app.is_project_member(t.project_id)))
$$;
comment on function app.task_search_candidates(text, uuid) is
  'Ids and ranks of the session org''s tasks matching a search text, found with the indexes; search_work filters them by RLS.';

create function public.search_work(query text, project_id uuid default null, include_closed boolean default true)
returns setof public.tasks
language sql stable
set search_path = pg_catalog, public
as $$
  with matches as (
    select task_id, rank from app.task_search_candidates(query, search_work.project_id)
    union all
    select c.entity_id, ts_rank(c.search, app.search_query(query))
      from public.comments c
     where c.entity_type = 'task' and c.deleted_at is null and c.search @@ app.search_query(query)),
  ranked as (select task_id, sum(rank) as rank from matches group by task_id)
  select t.* from ranked r join public.tasks t on t.id = r.task_id
   where t.deleted_at is null
     and (search_work.project_id is null or t.project_id = search_work.project_id)
     and (include_closed or t.status not in ('done', 'cancelled'))
   order by r.rank desc, t.updated_at desc
$$;
comment on function public.search_work(text, uuid, boolean) is
  'Tasks matching a search text by key, title and description (full text and trigram) or by their comments, best first. '
  'Only tasks the caller may see.';
grant execute on function public.search_work(text, uuid, boolean) to workgrid_engine, workgrid_app;

create function public.search_projects(query text)
returns setof public.projects
language sql stable
set search_path = pg_catalog, public
as $$
  with q as (select app.search_query(query) as ts, btrim(query) as text)
  select p.* from public.projects p cross join q
   where p.deleted_at is null and length(q.text) > 0
     and (p.search @@ q.ts or p.name % q.text or lower(p.key) = lower(q.text))
   order by (case when lower(p.key) = lower(q.text) then 10 else 0 end) + ts_rank(p.search, q.ts) * 2 + similarity(p.name, q.text) desc,
            p.name
$$;
comment on function public.search_projects(text) is 'Projects matching a search text by key, name and description, best first. Only projects the caller may see.';
grant execute on function public.search_projects(text) to workgrid_engine, workgrid_app;

-- My work: open tasks assigned to the caller, overdue first, then by due date.
create function public.my_work(due_within_days integer default 7)
returns setof public.tasks
language sql stable
set search_path = pg_catalog, public
as $$
  select t.* from public.tasks t
   where t.deleted_at is null and t.status not in ('done', 'cancelled')
     and exists (select from public.task_assignees a where a.task_id = t.id and a.user_id = app.user_id())
   order by (t.due_date < current_date) desc nulls last,
            (t.due_date <= current_date + due_within_days) desc nulls last,
            t.due_date nulls last, t.priority = 'urgent' desc, t.priority = 'high' desc, t.updated_at desc
$$;
comment on function public.my_work(integer) is
  'Open tasks assigned to the caller: overdue first, then due within due_within_days, then the rest. '
  'Filter with where: {due_date: ...} for "overdue" or "due soon" lists.';
grant execute on function public.my_work(integer) to workgrid_engine, workgrid_app;

-- Calendar: tasks whose [start_date, due_date] overlaps [from_date, to_date].
create function public.tasks_in_range(from_date date, to_date date, project_id uuid default null)
returns setof public.tasks
language sql stable
set search_path = pg_catalog, public
as $$
  select t.* from public.tasks t
   where t.deleted_at is null
     and (t.start_date is not null or t.due_date is not null)
     and coalesce(t.start_date, t.due_date) <= to_date
     and coalesce(t.due_date, t.start_date) >= from_date
     and (tasks_in_range.project_id is null or t.project_id = tasks_in_range.project_id)
   order by coalesce(t.start_date, t.due_date), t.number
$$;
comment on function public.tasks_in_range(date, date, uuid) is 'Tasks with dates overlapping a calendar range, optionally of one project.';
grant execute on function public.tasks_in_range(date, date, uuid) to workgrid_engine, workgrid_app;

create index task_assignees_user_task_idx on public.task_assignees (user_id, task_id);
create index tasks_key_lower_idx on public.tasks (org_id, lower(key));
create index tasks_dates_idx on public.tasks (org_id, coalesce(start_date, due_date)) where deleted_at is null;

create table public.saved_views (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  owner_id uuid not null default app.user_id(),
  project_id uuid,
  name text not null check (length(btrim(name)) between 1 and 120),
  view_type text not null default 'list' check (view_type in ('kanban', 'list', 'calendar', 'gantt')),
  filters jsonb not null default '{}' check (jsonb_typeof(filters) = 'object'),
  sort jsonb not null default '[]' check (jsonb_typeof(sort) = 'array'),
  grouping jsonb not null default '{}' check (jsonb_typeof(grouping) = 'object'),
  scope text not null default 'personal' check (scope in ('personal', 'shared')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  foreign key (org_id, owner_id) references public.org_memberships (org_id, user_id) on delete cascade,
  foreign key (org_id, project_id) references public.projects (org_id, id) on delete cascade
);
comment on table public.saved_views is
  'A saved task list: filters (a tasks bool_exp), sort (order_by list) and grouping, personal (its owner only) or shared with the org''s staff.';
create index saved_views_org_idx on public.saved_views (org_id, owner_id);
create index saved_views_shared_idx on public.saved_views (org_id) where scope = 'shared';

select app.install_row_triggers('public.saved_views');
alter table public.saved_views enable row level security;
alter table public.saved_views force row level security;

create policy saved_views_select on public.saved_views for select
  using ((org_id = (select app.org_id())
          and (((select app.is_org_member()) and owner_id = (select app.user_id())) or ((select app.is_staff()) and scope = 'shared')))
         or (select app.engine_trusts_metadata()));
create policy saved_views_insert on public.saved_views for insert
  with check (org_id = (select app.org_id()) and (select app.is_org_member()) and owner_id = (select app.user_id()));
create policy saved_views_update on public.saved_views for update
  using (org_id = (select app.org_id()) and (select app.is_org_member()) and owner_id = (select app.user_id()))
  with check (org_id = (select app.org_id()) and (select app.is_org_member()) and owner_id = (select app.user_id()));
create policy saved_views_delete on public.saved_views for delete
  using (org_id = (select app.org_id()) and (select app.is_org_member()) and owner_id = (select app.user_id()));

grant select, delete on public.saved_views to workgrid_engine, workgrid_app;
grant insert (id, org_id, owner_id, project_id, name, view_type, filters, sort, grouping, scope) on public.saved_views to workgrid_engine, workgrid_app;
grant update (name, view_type, filters, sort, grouping, scope) on public.saved_views to workgrid_engine, workgrid_app;

select app.install_read_only_guards();
