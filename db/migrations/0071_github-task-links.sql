-- GitHub issues and pull requests linked to the tasks they mention. An inbound GitHub delivery
-- (verified and deduplicated by the actions service) for a repository an org connected (setting
-- github.repositories, a JSON array of "owner/name") links every task whose key (ENG-42) appears in
-- the title, the body or the branch name; the first link of an item to a task adds an activity
-- entry, later deliveries only refresh its title and state. Whoever sees the task's project sees
-- its links; only background work of the org writes them.

create table public.task_external_links (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  project_id uuid not null,
  task_id uuid not null,
  provider text not null check (provider in ('github')),
  kind text not null check (kind in ('issue', 'pull_request')),
  external_id text not null check (length(external_id) between 1 and 300),
  url text not null check (url ~ '^https://' and length(url) <= 2000),
  title text not null default '' check (length(title) <= 500),
  state text check (length(state) <= 40),
  delivery_id text not null check (length(delivery_id) <= 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (task_id, provider, external_id),
  foreign key (org_id, project_id, task_id) references public.tasks (org_id, project_id, id) on delete cascade
);
comment on table public.task_external_links is
  'Items of other systems linked to a task: GitHub issues and pull requests (external_id "owner/name#number") that '
  'mention its key; delivery_id is the webhook delivery that last updated the link.';
create index task_external_links_org_idx on public.task_external_links (org_id, project_id);
create index task_external_links_task_idx on public.task_external_links (task_id);

select app.install_row_triggers('public.task_external_links');

alter table public.task_external_links enable row level security;
alter table public.task_external_links force row level security;

create policy task_external_links_select on public.task_external_links for select
  using ((org_id = (select app.org_id())
          and ((select app.has_org_role('owner', 'admin'))
               or ((select app.is_staff()) and app.project_is_shared(project_id))
               or ((select app.is_org_member()) and app.is_project_member(project_id))))
         or (org_id = (select app.org_id()) and (select app.is_service()))
         or (select app.engine_trusts_metadata()));
create policy task_external_links_insert on public.task_external_links for insert
  with check (org_id = (select app.org_id()) and (select app.is_service()));
create policy task_external_links_update on public.task_external_links for update
  using (org_id = (select app.org_id()) and (select app.is_service()))
  with check (org_id = (select app.org_id()) and (select app.is_service()));
create policy task_external_links_delete on public.task_external_links for delete
  using (org_id = (select app.org_id()) and (select app.is_service()));

grant select on public.task_external_links to workgrid_engine, workgrid_app;
grant insert (org_id, project_id, task_id, provider, kind, external_id, url, title, state, delivery_id),
      update (title, state, url, delivery_id), delete
  on public.task_external_links to workgrid_app;

-- Which orgs connected a repository: read across tenants (the delivery names no org).
create function app.github_repository_orgs(repository text) returns uuid[]
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select coalesce(array_agg(s.org_id order by s.org_id), '{}')
    from public.settings s
   where s.key = 'github.repositories' and jsonb_typeof(s.value) = 'array' and s.value ? repository
$$;
comment on function app.github_repository_orgs(text) is
  'Actions service only: the orgs whose setting github.repositories lists the repository ("owner/name").';
revoke execute on function app.github_repository_orgs(text) from public, workgrid_engine;
grant execute on function app.github_repository_orgs(text) to workgrid_app;

select app.install_read_only_guards();
