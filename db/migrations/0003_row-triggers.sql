-- Generic row triggers shared by every table. Attached per table as
--   _100_timestamps  before insert or update  created_at/updated_at are server time, never client input
--   _110_version     before insert or update  optimistic concurrency counter
--   _200_soft_delete before update           stamps who moved a row to the trash and when
--   _500_audit       after insert, update or delete (one row in audit_log per change)

create function app.tg__timestamps() returns trigger
language plpgsql volatile
as $$
begin
  if tg_op = 'INSERT' then
    new.created_at := now();
  else
    new.created_at := old.created_at;
  end if;
  new.updated_at := now();
  return new;
end
$$;
comment on function app.tg__timestamps() is 'Sets created_at on insert (immutable afterwards) and updated_at on every write.';

create function app.tg__version() returns trigger
language plpgsql volatile
as $$
begin
  new.version := case when tg_op = 'INSERT' then 1 else old.version + 1 end;
  return new;
end
$$;
comment on function app.tg__version() is
  'Bumps version on every update; clients update with where: {version: {_eq: seen}} to detect lost updates.';

create function app.tg__soft_delete() returns trigger
language plpgsql volatile
as $$
begin
  if old.deleted_at is null and new.deleted_at is not null then
    new.deleted_at := now();
    new.deleted_by := app.user_id();
  elsif new.deleted_at is null then
    new.deleted_by := null;
  else
    new.deleted_at := old.deleted_at;
    new.deleted_by := old.deleted_by;
  end if;
  return new;
end
$$;
comment on function app.tg__soft_delete() is
  'Soft delete: setting deleted_at moves a row to the trash (time and actor stamped by the server); '
  'clearing it restores the row.';

-- Runs as the owner so that the service roles never need (or get) write access to audit_log.
-- tg_argv[0] names the column holding the org id ('org_id' unless the table is orgs itself);
-- tg_argv[1], when given, lists (comma-separated) columns whose values the trail leaves out: such a
-- value shows as "[omitted]" (null stays null, so the trail still says when one was set). Rows
-- without an org have no org audit trail.
create function app.audit_omitted(value jsonb) returns jsonb
language sql immutable parallel safe
as $$ select case when value is null or value = 'null'::jsonb then value else to_jsonb('[omitted]'::text) end $$;
comment on function app.audit_omitted(jsonb) is 'An audited value left out of the trail: "[omitted]", or null when it was null.';

create function app.tg__audit() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
declare
  old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  any_row jsonb := coalesce(new_row, old_row);
  org_column text := coalesce(tg_argv[0], 'org_id');
  omitted text[] := coalesce(string_to_array(tg_argv[1], ','), '{}');
  changed jsonb;
begin
  select jsonb_object_agg(key, case when key = any (omitted)
                                    then jsonb_build_array(app.audit_omitted(old_row -> key), app.audit_omitted(new_row -> key))
                                    else jsonb_build_array(old_row -> key, new_row -> key) end)
    into changed
    from jsonb_object_keys(any_row) as key
   where key not in ('updated_at', 'version', 'search')
     and (old_row -> key) is distinct from (new_row -> key);

  if tg_op = 'UPDATE' and changed is null then
    return null;
  end if;
  if any_row ->> org_column is null then
    return null;
  end if;
  -- Purging an org removes its audit trail with it; rows deleted by that cascade leave none.
  if tg_op = 'DELETE'
     and not exists (select from public.orgs where id = (any_row ->> org_column)::uuid) then
    return null;
  end if;

  insert into public.audit_log (org_id, actor_id, action, table_name, row_id, changes, request_id)
  values (
    (any_row ->> org_column)::uuid,
    app.user_id(),
    lower(tg_op),
    tg_table_name,
    (any_row ->> 'id')::uuid,
    coalesce(changed, '{}'::jsonb),
    app.request_id()
  );
  return null;
end
$$;
comment on function app.tg__audit() is
  'Writes one audit_log row per inserted, updated or deleted row: actor, org, action, table, row id, '
  'changed columns as {column: [old, new]} and the request id.';

-- Attaches the generic triggers above to a table, so every table gets them the same way:
-- timestamps and version always, soft delete when it has deleted_at, audit unless audit => false
-- (audit_omit: columns whose values the audit trail leaves out, comma-separated).
create function app.install_row_triggers(
  tbl regclass,
  audit boolean default true,
  org_column text default 'org_id',
  audit_omit text default null
) returns void
language plpgsql volatile
as $$
begin
  execute format('create trigger _100_timestamps before insert or update on %s
                    for each row execute function app.tg__timestamps()', tbl);
  execute format('create trigger _110_version before insert or update on %s
                    for each row execute function app.tg__version()', tbl);
  if exists (select from pg_attribute where attrelid = tbl and attname = 'deleted_at' and not attisdropped) then
    execute format('create trigger _200_soft_delete before update of deleted_at on %s
                      for each row execute function app.tg__soft_delete()', tbl);
  end if;
  if audit then
    execute format('create trigger _500_audit after insert or update or delete on %s
                      for each row execute function app.tg__audit(%s)',
                   tbl, concat_ws(', ', quote_literal(org_column), quote_literal(audit_omit)));
  end if;
end
$$;
comment on function app.install_row_triggers(regclass, boolean, text, text) is 'Migration helper: attaches the generic row triggers to a table.';
revoke execute on function app.install_row_triggers(regclass, boolean, text, text) from workgrid_engine, workgrid_app;
