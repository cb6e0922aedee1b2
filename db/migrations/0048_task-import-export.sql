-- Moving tasks in and out as files. An import holds a CSV and a column mapping; the worker validates
-- it (preview: mapped sample rows and the errors of every row), the importer confirms, and the
-- worker creates the tasks in batches as the importer (so row-level security decides what may be
-- created), recording the failed rows and an error report in S3. An export names a format and
-- filters; the worker writes the tasks the requester may see to S3 and leaves an expiring link.

create table public.task_imports (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  project_id uuid not null,
  source_csv text not null check (length(source_csv) between 1 and 5000000),
  mapping jsonb not null default '{}' check (jsonb_typeof(mapping) = 'object'),
  status text not null default 'validating'
    check (status in ('validating', 'previewed', 'confirmed', 'importing', 'completed', 'failed')),
  total_rows integer,
  valid_rows integer,
  processed_rows integer not null default 0,
  imported_rows integer not null default 0,
  preview jsonb not null default '[]',
  row_errors jsonb not null default '[]',
  error_report_key text,
  error_report_url text,
  error_report_expires_at timestamptz,
  last_error text,
  created_by uuid default app.user_id() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  foreign key (org_id, project_id) references public.projects (org_id, id) on delete cascade
);
comment on table public.task_imports is
  'A CSV import of tasks into a project. mapping: {csv column: task field (title, description, status, priority, '
  'start_date, due_date, estimate, assignee_email)}. The importer sets status to confirmed once previewed.';
create index task_imports_org_idx on public.task_imports (org_id, created_by);
create index task_imports_project_idx on public.task_imports (project_id);

create table public.task_exports (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  format text not null check (format in ('csv', 'json')),
  filters jsonb not null default '{}' check (jsonb_typeof(filters) = 'object'),
  status text not null default 'queued' check (status in ('queued', 'completed', 'failed')),
  row_count integer,
  object_key text,
  download_url text,
  expires_at timestamptz,
  last_error text,
  created_by uuid default app.user_id() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
comment on table public.task_exports is
  'An export of the tasks the requester may see, filtered by filters {project_id, status: [...], assignee_id, '
  'due_from, due_to}, as CSV or JSON in S3; download_url expires at expires_at.';
create index task_exports_org_idx on public.task_exports (org_id, created_by);

create function app.tg_task_imports__flow() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
begin
  if tg_op = 'INSERT' then
    perform app.emit_event('task_import.created', jsonb_build_object('import_id', new.id), 'task_import.created:' || new.id, new.org_id);
  elsif new.status is distinct from old.status and new.status = 'confirmed' then
    if old.status <> 'previewed' then
      raise exception 'task_import_not_previewed' using hint = 'An import can be confirmed once, after its preview.';
    end if;
    perform app.emit_event('task_import.confirmed', jsonb_build_object('import_id', new.id), 'task_import.confirmed:' || new.id, new.org_id);
  end if;
  return null;
end
$$;
comment on function app.tg_task_imports__flow() is 'Outbox events of an import: validate when created, import when confirmed (only after the preview).';

create function app.tg_task_exports__requested() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
begin
  perform app.emit_event('task_export.requested', jsonb_build_object('export_id', new.id), 'task_export.requested:' || new.id, new.org_id);
  return null;
end
$$;
comment on function app.tg_task_exports__requested() is 'Outbox event that makes the worker write the export.';

create trigger _600_flow after insert or update of status on public.task_imports
  for each row execute function app.tg_task_imports__flow();
create trigger _600_requested after insert on public.task_exports
  for each row execute function app.tg_task_exports__requested();
select app.install_row_triggers('public.task_imports', audit_omit => 'source_csv');
select app.install_row_triggers('public.task_exports');

alter table public.task_imports enable row level security;
alter table public.task_imports force row level security;
alter table public.task_exports enable row level security;
alter table public.task_exports force row level security;

create policy task_imports_select on public.task_imports for select
  using ((org_id = (select app.org_id())
          and (((select app.is_org_member()) and created_by = (select app.user_id())) or (select app.has_org_role('owner', 'admin'))))
         or (org_id = (select app.org_id()) and (select app.is_service()))
         or (select app.engine_trusts_metadata()));
create policy task_imports_insert on public.task_imports for insert
  with check (org_id = (select app.org_id()) and created_by = (select app.user_id())
              and ((select app.has_org_role('owner', 'admin'))
                   or ((select app.is_staff()) and app.project_is_shared(project_id))
                   or ((select app.is_org_member()) and app.project_role(project_id) in ('admin', 'editor'))));
create policy task_imports_update on public.task_imports for update
  using ((org_id = (select app.org_id()) and (select app.is_org_member()) and created_by = (select app.user_id()))
         or (org_id = (select app.org_id()) and (select app.is_service())))
  with check ((org_id = (select app.org_id()) and (select app.is_org_member()) and created_by = (select app.user_id()))
              or (org_id = (select app.org_id()) and (select app.is_service())));
create policy task_imports_delete on public.task_imports for delete
  using (org_id = (select app.org_id())
         and (((select app.is_org_member()) and created_by = (select app.user_id())) or (select app.has_org_role('owner', 'admin'))));

create policy task_exports_select on public.task_exports for select
  using ((org_id = (select app.org_id())
          and (((select app.is_org_member()) and created_by = (select app.user_id())) or (select app.has_org_role('owner', 'admin'))))
         or (org_id = (select app.org_id()) and (select app.is_service()))
         or (select app.engine_trusts_metadata()));
create policy task_exports_insert on public.task_exports for insert
  with check (org_id = (select app.org_id()) and (select app.is_org_member()) and created_by = (select app.user_id()));
create policy task_exports_update on public.task_exports for update
  using (org_id = (select app.org_id()) and (select app.is_service()))
  with check (org_id = (select app.org_id()) and (select app.is_service()));
create policy task_exports_delete on public.task_exports for delete
  using (org_id = (select app.org_id())
         and (((select app.is_org_member()) and created_by = (select app.user_id())) or (select app.has_org_role('owner', 'admin'))));

grant select, delete on public.task_imports, public.task_exports to workgrid_engine, workgrid_app;
grant insert (id, org_id, project_id, source_csv, mapping, created_by) on public.task_imports to workgrid_engine, workgrid_app;
grant update (status) on public.task_imports to workgrid_engine, workgrid_app;
grant update (total_rows, valid_rows, processed_rows, imported_rows, preview, row_errors, error_report_key, error_report_url,
              error_report_expires_at, last_error)
  on public.task_imports to workgrid_app;
grant insert (id, org_id, format, filters, created_by) on public.task_exports to workgrid_engine, workgrid_app;
grant update (status, row_count, object_key, download_url, expires_at, last_error) on public.task_exports to workgrid_app;

-- Importing an assignee by address: background work may not read users, so it asks for the member
-- of the session org with that address.
create function app.member_id_by_email(email text) returns uuid
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select u.id from public.users u join public.org_memberships m on m.user_id = u.id
   where app.session_role() = 'service' and m.org_id = app.org_id() and u.email = member_id_by_email.email::citext
$$;
comment on function app.member_id_by_email(text) is 'Background work of an org only: the member of the session org with this email address, or null.';
revoke execute on function app.member_id_by_email(text) from public, workgrid_engine;
grant execute on function app.member_id_by_email(text) to workgrid_app;

select app.install_read_only_guards();
