-- File metadata. The bytes live in S3 under object_key; the actions service hands out presigned
-- upload and download URLs and records the content type it sniffed from the bytes.

create table public.files (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  object_key text not null unique,
  filename text not null check (length(btrim(filename)) between 1 and 255 and filename !~ '[/\\]'),
  declared_content_type text not null,
  detected_content_type text,
  size_bytes bigint check (size_bytes >= 0),
  checksum_sha256 text check (checksum_sha256 ~ '^[0-9a-f]{64}$'),
  status text not null default 'pending' check (status in ('pending', 'ready', 'rejected')),
  visibility text not null default 'internal' check (visibility in ('public', 'internal')),
  entity_type text references public.entity_types (value) on update cascade on delete restrict,
  entity_id uuid,
  uploaded_by uuid default app.user_id() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  deleted_at timestamptz,
  deleted_by uuid references public.users (id) on delete set null,
  check ((entity_type is null) = (entity_id is null)),
  unique (org_id, id)
);
comment on table public.files is
  'Uploaded files (metadata only). status is pending until the bytes are stored and checked; '
  'requesters and guests see public files and their own uploads.';
create index files_entity_idx on public.files (org_id, entity_type, entity_id);
create index files_uploaded_by_idx on public.files (org_id, uploaded_by);

alter table public.users
  add constraint users_avatar_file_id_fkey foreign key (avatar_file_id) references public.files (id) on delete set null;
alter table public.orgs
  add constraint orgs_logo_file_id_fkey foreign key (id, logo_file_id) references public.files (org_id, id) on delete set null (logo_file_id);

select app.install_row_triggers('public.files');

alter table public.files enable row level security;
alter table public.files force row level security;

create policy files_select on public.files for select
  using ((org_id = (select app.org_id())
          and ((select app.is_staff())
               or ((select app.is_org_member())
                   and (visibility = 'public' or uploaded_by = (select app.user_id())))))
         or (select app.engine_trusts_metadata()));
create policy files_insert on public.files for insert
  with check (org_id = (select app.org_id())
              and (select app.is_org_member())
              and uploaded_by = (select app.user_id()));
create policy files_update on public.files for update
  using (org_id = (select app.org_id())
         and ((uploaded_by = (select app.user_id()) and (select app.is_org_member()))
              or (select app.has_org_role('owner', 'admin'))))
  with check (org_id = (select app.org_id())
              and ((select app.is_staff()) or ((select app.is_org_member()) and visibility = 'internal')));
create policy files_delete on public.files for delete
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')) and deleted_at is not null);

grant select, delete on public.files to workgrid_engine, workgrid_app;
grant insert (id, org_id, object_key, filename, declared_content_type, visibility, entity_type, entity_id, uploaded_by)
  on public.files to workgrid_app;
grant update (filename, visibility, deleted_at) on public.files to workgrid_engine, workgrid_app;
-- Attaching a file to an entity, and recording what the stored bytes are, belong to the upload action.
grant update (entity_type, entity_id, detected_content_type, size_bytes, checksum_sha256, status) on public.files to workgrid_app;
