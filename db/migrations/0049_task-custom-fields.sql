-- Custom fields of a project's tasks: each project defines its fields (key, label, type, the
-- options of a select, required or not), and tasks.custom_fields is checked against them on every
-- write (task_custom_fields_invalid). Who sees a project sees its field definitions; owners,
-- admins, managers and the project's admins define them, as they configure boards.
--
-- Also: tasks.is_blocked is maintained by the database (0042), not edited by anyone, so its changes
-- no longer bump tasks.version — a blocker finishing must not make a client's optimistic update of
-- the blocked task fail.

create table public.project_custom_fields (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  project_id uuid not null,
  key text not null check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  label text not null check (length(btrim(label)) between 1 and 120),
  type text not null check (type in ('text', 'number', 'date', 'select')),
  options text[] check (options is null or cardinality(options) between 1 and 100),
  required boolean not null default false,
  position numeric not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (project_id, key),
  foreign key (org_id, project_id) references public.projects (org_id, id) on delete cascade,
  check ((type = 'select') = (options is not null))
);
comment on table public.project_custom_fields is
  'Fields of a project''s tasks, stored in tasks.custom_fields under key: text (a string), number, date '
  '(YYYY-MM-DD) or select (one of options); a required field must be present and not null.';
create index project_custom_fields_org_idx on public.project_custom_fields (org_id, project_id, position);

create function app.is_calendar_date(value text) returns boolean
language plpgsql immutable
as $$
begin
  return value ~ '^\d{4}-\d{2}-\d{2}$' and value::date is not null;
exception when datetime_field_overflow or invalid_datetime_format then
  return false;
end
$$;
comment on function app.is_calendar_date(text) is 'True when value is a real calendar date written YYYY-MM-DD.';

-- Read as the owner: the fields of the task's project, whoever writes the task.
create function app.check_task_custom_fields(project_id uuid, fields jsonb) returns void
language plpgsql stable security definer
set search_path = pg_catalog, public
as $$
declare
  field public.project_custom_fields;
  value jsonb;
  unknown text;
begin
  select k into unknown
    from jsonb_object_keys(fields) k
   where not exists (select from public.project_custom_fields f where f.project_id = check_task_custom_fields.project_id and f.key = k)
   order by k limit 1;
  if unknown is not null then
    raise exception 'task_custom_fields_invalid' using hint = format('The project has no custom field "%s".', unknown);
  end if;
  for field in select * from public.project_custom_fields f where f.project_id = check_task_custom_fields.project_id order by f.key loop
    value := fields -> field.key;
    if value is null or jsonb_typeof(value) = 'null' then
      if field.required then
        raise exception 'task_custom_fields_invalid' using hint = format('The custom field "%s" is required.', field.key);
      end if;
      continue;
    end if;
    if not (case field.type
             when 'text' then jsonb_typeof(value) = 'string'
             when 'number' then jsonb_typeof(value) = 'number'
             when 'date' then jsonb_typeof(value) = 'string' and app.is_calendar_date(value #>> '{}')
             when 'select' then jsonb_typeof(value) = 'string' and (value #>> '{}') = any (field.options)
           end) then
      raise exception 'task_custom_fields_invalid'
        using hint = format('The custom field "%s" must be %s.', field.key,
                            case field.type
                              when 'text' then 'a string'
                              when 'number' then 'a number'
                              when 'date' then 'a date (YYYY-MM-DD)'
                              else 'one of ' || array_to_string(field.options, ', ')
                            end);
    end if;
  end loop;
end
$$;
comment on function app.check_task_custom_fields(uuid, jsonb) is
  'Raises task_custom_fields_invalid unless fields holds only defined custom fields of the project, each of its type, '
  'with every required one present.';

create function app.tg_tasks__custom_fields() returns trigger
language plpgsql volatile
as $$
begin
  perform app.check_task_custom_fields(new.project_id, new.custom_fields);
  return new;
end
$$;
comment on function app.tg_tasks__custom_fields() is 'Checks a written task''s custom_fields against its project''s field definitions.';

create trigger _130_custom_fields before insert or update of custom_fields, project_id on public.tasks
  for each row execute function app.tg_tasks__custom_fields();

-- Version counts edits by people: a write that changes only the maintained columns keeps it.
create function app.tg_tasks__version() returns trigger
language plpgsql volatile
as $$
begin
  if tg_op = 'UPDATE'
     and to_jsonb(new) - array['is_blocked', 'blocked_since', 'updated_at', 'version', 'search']
       = to_jsonb(old) - array['is_blocked', 'blocked_since', 'updated_at', 'version', 'search'] then
    new.version := old.version;
  else
    new.version := case when tg_op = 'INSERT' then 1 else old.version + 1 end;
  end if;
  return new;
end
$$;
comment on function app.tg_tasks__version() is
  'Bumps tasks.version on every update except one that changes only is_blocked/blocked_since (maintained by the database).';

drop trigger _110_version on public.tasks;
create trigger _110_version before insert or update on public.tasks
  for each row execute function app.tg_tasks__version();

select app.install_row_triggers('public.project_custom_fields');

alter table public.project_custom_fields enable row level security;
alter table public.project_custom_fields force row level security;

create policy project_custom_fields_select on public.project_custom_fields for select
  using ((org_id = (select app.org_id())
          and ((select app.has_org_role('owner', 'admin'))
               or ((select app.is_staff()) and app.project_is_shared(project_id))
               or ((select app.is_org_member()) and app.is_project_member(project_id))))
         or (org_id = (select app.org_id()) and (select app.is_service()))
         or (select app.engine_trusts_metadata()));
create policy project_custom_fields_insert on public.project_custom_fields for insert
  with check (org_id = (select app.org_id())
              and ((select app.has_org_role('owner', 'admin', 'manager')) or ((select app.is_org_member()) and app.project_role(project_id) = 'admin')));
create policy project_custom_fields_update on public.project_custom_fields for update
  using (org_id = (select app.org_id())
         and ((select app.has_org_role('owner', 'admin', 'manager')) or ((select app.is_org_member()) and app.project_role(project_id) = 'admin')))
  with check (org_id = (select app.org_id())
              and ((select app.has_org_role('owner', 'admin', 'manager')) or ((select app.is_org_member()) and app.project_role(project_id) = 'admin')));
create policy project_custom_fields_delete on public.project_custom_fields for delete
  using (org_id = (select app.org_id())
         and ((select app.has_org_role('owner', 'admin', 'manager')) or ((select app.is_org_member()) and app.project_role(project_id) = 'admin')));

grant select, delete on public.project_custom_fields to workgrid_engine, workgrid_app;
grant insert (id, org_id, project_id, key, label, type, options, required, position) on public.project_custom_fields
  to workgrid_engine, workgrid_app;
grant update (label, options, required, position) on public.project_custom_fields to workgrid_engine, workgrid_app;

select app.install_read_only_guards();
