-- Change notifications for TRUNCATE. A truncated table used to send none, so live queries reading it
-- kept their old result until the fallback refetch (30 s by default). A truncate names no org and no
-- key ({"orgs": null, "keys": null}): every live query reading the table refetches, each with its own
-- session, so the notification carries nothing about any tenant.

create function app.tg__notify_truncate() returns trigger
language plpgsql volatile
as $$
begin
  perform app.notify_changes(tg_table_schema || '.' || tg_table_name, null, null);
  return null;
end
$$;
comment on function app.tg__notify_truncate() is
  'Statement trigger: notifies workgrid_changes that a table was truncated (any org, any row).';

create or replace function app.install_change_notify(tbl regclass, org_column text default 'org_id', fn text default 'app.tg__notify_changes') returns void
language plpgsql volatile
as $$
declare
  org_arg text := case when exists (select from pg_attribute where attrelid = tbl and attname = org_column and not attisdropped)
                       then org_column else '' end;
  key_column text := (select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
                       where i.indrelid = tbl and i.indisprimary and i.indnkeyatts = 1);
  args text := concat_ws(', ', quote_literal(org_arg), quote_literal(key_column));
begin
  execute format('create or replace trigger _900_notify_insert after insert on %s referencing new table as _new_rows
                    for each statement execute function %s(%s)', tbl, fn, args);
  execute format('create or replace trigger _900_notify_update after update on %s referencing new table as _new_rows old table as _old_rows
                    for each statement execute function %s(%s)', tbl, fn, args);
  execute format('create or replace trigger _900_notify_delete after delete on %s referencing old table as _old_rows
                    for each statement execute function %s(%s)', tbl, fn, args);
  execute format('create or replace trigger _900_notify_truncate after truncate on %s
                    for each statement execute function app.tg__notify_truncate()', tbl);
end
$$;

do $$
declare
  notifying regclass;
begin
  for notifying in select t.tgrelid::regclass from pg_trigger t where t.tgname = '_900_notify_update' and not t.tgisinternal loop
    execute format('create trigger _900_notify_truncate after truncate on %s
                      for each statement execute function app.tg__notify_truncate()', notifying);
  end loop;
end
$$;
