-- Per-org settings (typed by key, JSON values) and feature flags.

create table public.settings (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  key text not null check (key ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$'),
  value jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (org_id, key)
);
comment on table public.settings is 'Org settings as dotted keys with JSON values (e.g. desk.business_hours). Members read, admins write; the audit log records who changed what.';

create table public.feature_flags (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  key text not null check (key ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$'),
  enabled boolean not null default false,
  description text check (length(description) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (org_id, key)
);
comment on table public.feature_flags is 'Features switched on or off per org. Members read, admins write.';

select app.install_row_triggers('public.settings');
select app.install_row_triggers('public.feature_flags');

alter table public.settings enable row level security;
alter table public.settings force row level security;
alter table public.feature_flags enable row level security;
alter table public.feature_flags force row level security;

create policy settings_select on public.settings for select
  using ((org_id = (select app.org_id()) and (select app.is_org_member())) or (select app.engine_trusts_metadata()));
create policy settings_insert on public.settings for insert
  with check (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')));
create policy settings_update on public.settings for update
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')))
  with check (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')));
create policy settings_delete on public.settings for delete
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')));

create policy feature_flags_select on public.feature_flags for select
  using ((org_id = (select app.org_id()) and (select app.is_org_member())) or (select app.engine_trusts_metadata()));
create policy feature_flags_insert on public.feature_flags for insert
  with check (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')));
create policy feature_flags_update on public.feature_flags for update
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')))
  with check (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')));
create policy feature_flags_delete on public.feature_flags for delete
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')));

grant select, delete on public.settings, public.feature_flags to workgrid_engine, workgrid_app;
grant insert (id, org_id, key, value) on public.settings to workgrid_engine, workgrid_app;
grant update (value) on public.settings to workgrid_engine, workgrid_app;
grant insert (id, org_id, key, enabled, description) on public.feature_flags to workgrid_engine, workgrid_app;
grant update (enabled, description) on public.feature_flags to workgrid_engine, workgrid_app;
