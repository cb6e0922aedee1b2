-- Tags and their attachment to any entity.

create table public.tags (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 50),
  color text not null default '#6b7280' check (color ~ '^#[0-9a-fA-F]{6}$'),
  description text check (length(description) <= 500),
  created_by uuid default app.user_id() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  deleted_at timestamptz,
  deleted_by uuid references public.users (id) on delete set null,
  unique (org_id, id)
);
comment on table public.tags is 'Labels staff attach to any entity of their org.';
create unique index tags_org_id_name_idx on public.tags (org_id, lower(name)) where deleted_at is null;
create index tags_name_trgm_idx on public.tags using gin (name gin_trgm_ops);

create table public.entity_tags (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  tag_id uuid not null,
  entity_type text not null references public.entity_types (value) on update cascade on delete restrict,
  entity_id uuid not null,
  created_by uuid default app.user_id() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (tag_id, entity_type, entity_id),
  foreign key (org_id, tag_id) references public.tags (org_id, id) on delete cascade
);
comment on table public.entity_tags is 'Which tag is on which entity.';
create index entity_tags_entity_idx on public.entity_tags (org_id, entity_type, entity_id);

select app.install_row_triggers('public.tags');
select app.install_row_triggers('public.entity_tags');

alter table public.tags enable row level security;
alter table public.tags force row level security;
alter table public.entity_tags enable row level security;
alter table public.entity_tags force row level security;

create policy tags_select on public.tags for select
  using ((org_id = (select app.org_id()) and (select app.is_staff())) or (select app.engine_trusts_metadata()));
create policy tags_insert on public.tags for insert
  with check (org_id = (select app.org_id()) and (select app.is_staff()) and created_by = (select app.user_id()));
create policy tags_update on public.tags for update
  using (org_id = (select app.org_id()) and (select app.is_staff()))
  with check (org_id = (select app.org_id()) and (select app.is_staff()));
create policy tags_delete on public.tags for delete
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager')) and deleted_at is not null);

create policy entity_tags_select on public.entity_tags for select
  using ((org_id = (select app.org_id()) and (select app.is_staff())) or (select app.engine_trusts_metadata()));
create policy entity_tags_insert on public.entity_tags for insert
  with check (org_id = (select app.org_id()) and (select app.is_staff()) and created_by = (select app.user_id()));
create policy entity_tags_update on public.entity_tags for update
  using (org_id = (select app.org_id()) and (select app.is_staff()))
  with check (org_id = (select app.org_id()) and (select app.is_staff()));
create policy entity_tags_delete on public.entity_tags for delete
  using (org_id = (select app.org_id()) and (select app.is_staff()));

grant select, delete on public.tags, public.entity_tags to workgrid_engine, workgrid_app;
grant insert (id, org_id, name, color, description, created_by) on public.tags to workgrid_engine, workgrid_app;
grant update (name, color, description, deleted_at) on public.tags to workgrid_engine, workgrid_app;
grant insert (id, org_id, tag_id, entity_type, entity_id, created_by) on public.entity_tags to workgrid_engine, workgrid_app;
grant update (tag_id) on public.entity_tags to workgrid_engine, workgrid_app;
