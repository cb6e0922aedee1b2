-- Links between any two entities of an org (relates to, blocks, duplicates, ...).

create table public.entity_links (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  source_type text not null references public.entity_types (value) on update cascade on delete restrict,
  source_id uuid not null,
  target_type text not null references public.entity_types (value) on update cascade on delete restrict,
  target_id uuid not null,
  link_type text not null default 'relates_to'
    check (link_type in ('relates_to', 'blocks', 'duplicates', 'caused_by', 'references')),
  created_by uuid default app.user_id() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (org_id, source_type, source_id, target_type, target_id, link_type),
  check (source_type <> target_type or source_id <> target_id)
);
comment on table public.entity_links is 'Typed links from one entity to another; an entity cannot link to itself.';
create index entity_links_target_idx on public.entity_links (org_id, target_type, target_id);

select app.install_row_triggers('public.entity_links');

alter table public.entity_links enable row level security;
alter table public.entity_links force row level security;

create policy entity_links_select on public.entity_links for select
  using ((org_id = (select app.org_id()) and (select app.is_staff())) or (select app.engine_trusts_metadata()));
create policy entity_links_insert on public.entity_links for insert
  with check (org_id = (select app.org_id()) and (select app.is_staff()) and created_by = (select app.user_id()));
create policy entity_links_update on public.entity_links for update
  using (org_id = (select app.org_id())
         and ((created_by = (select app.user_id()) and (select app.is_staff()))
              or (select app.has_org_role('owner', 'admin', 'manager'))))
  with check (org_id = (select app.org_id()) and (select app.is_staff()));
create policy entity_links_delete on public.entity_links for delete
  using (org_id = (select app.org_id())
         and ((created_by = (select app.user_id()) and (select app.is_staff()))
              or (select app.has_org_role('owner', 'admin', 'manager'))));

grant select, delete on public.entity_links to workgrid_engine, workgrid_app;
grant insert (id, org_id, source_type, source_id, target_type, target_id, link_type, created_by) on public.entity_links
  to workgrid_engine, workgrid_app;
grant update (link_type) on public.entity_links to workgrid_engine, workgrid_app;
