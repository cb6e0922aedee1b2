-- Change notifications for the GraphQL engine's live queries and streaming subscriptions.
-- After each statement that writes a tenant table, one NOTIFY on channel workgrid_changes carries
--   {"table": "<schema>.<table>", "orgs": ["<org id>", ...]}
-- so the engine refetches only the subscriptions that read that table in one of those orgs.
-- "orgs": null means "any org" (a row without an org, a table without an org column, or more orgs
-- than fit in a notification). Postgres delivers notifications at commit and drops duplicates
-- within a transaction, so a rolled-back write wakes nobody.
-- Statement-level triggers with transition tables: one per event, as Postgres requires.

create function app.notify_changes(tbl text, orgs text[]) returns void
language plpgsql volatile
as $$
declare
  payload text := json_build_object('table', tbl, 'orgs', orgs)::text;
begin
  -- NOTIFY payloads must stay under 8000 bytes.
  if octet_length(payload) > 7900 then
    payload := json_build_object('table', tbl, 'orgs', null)::text;
  end if;
  perform pg_notify('workgrid_changes', payload);
end
$$;
comment on function app.notify_changes(text, text[]) is
  'Sends one workgrid_changes notification: the changed table and its changed org ids (null = any org).';

-- tg_argv[0] names the column holding the org id; without it every change concerns any org.
create function app.tg__notify_changes() returns trigger
language plpgsql volatile
as $$
declare
  org_column text := tg_argv[0];
  changed_rows text := case tg_op
                         when 'INSERT' then 'select * from _new_rows'
                         when 'DELETE' then 'select * from _old_rows'
                         else 'select * from _new_rows union all select * from _old_rows' end;
  total bigint;
  with_org bigint;
  orgs text[];
begin
  if org_column is null then
    execute format('select count(*), 0, null::text[] from (%s) r', changed_rows) into total, with_org, orgs;
  else
    execute format('select count(*), count(r.%1$I), array_agg(distinct r.%1$I::text) filter (where r.%1$I is not null) from (%2$s) r',
                   org_column, changed_rows)
       into total, with_org, orgs;
  end if;
  if total = 0 then
    return null;
  end if;
  perform app.notify_changes(tg_table_schema || '.' || tg_table_name, case when with_org = total then orgs end);
  return null;
end
$$;
comment on function app.tg__notify_changes() is
  'Statement trigger: notifies workgrid_changes with the table and the distinct org ids of the changed rows.';

-- A user belongs to no org by itself: a change to a user concerns every org the user is a member of.
create function app.tg_users__notify_changes() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
declare
  orgs text[];
begin
  if tg_op = 'DELETE' then
    select array_agg(distinct m.org_id::text) into orgs from org_memberships m where m.user_id in (select id from _old_rows);
  else
    select array_agg(distinct m.org_id::text) into orgs from org_memberships m where m.user_id in (select id from _new_rows);
  end if;
  perform app.notify_changes(tg_table_schema || '.' || tg_table_name, coalesce(orgs, '{}'));
  return null;
end
$$;
comment on function app.tg_users__notify_changes() is
  'Statement trigger on users: notifies workgrid_changes with the orgs the changed users are members of.';

-- Attaches the three notify triggers (insert, update, delete) to a table; idempotent.
create function app.install_change_notify(tbl regclass, org_column text default 'org_id', fn text default 'app.tg__notify_changes') returns void
language plpgsql volatile
as $$
declare
  args text := case when exists (select from pg_attribute where attrelid = tbl and attname = org_column and not attisdropped)
                    then quote_literal(org_column) else '' end;
begin
  execute format('create or replace trigger _900_notify_insert after insert on %s referencing new table as _new_rows
                    for each statement execute function %s(%s)', tbl, fn, args);
  execute format('create or replace trigger _900_notify_update after update on %s referencing new table as _new_rows old table as _old_rows
                    for each statement execute function %s(%s)', tbl, fn, args);
  execute format('create or replace trigger _900_notify_delete after delete on %s referencing old table as _old_rows
                    for each statement execute function %s(%s)', tbl, fn, args);
end
$$;
comment on function app.install_change_notify(regclass, text, text) is 'Migration helper: attaches the workgrid_changes notify triggers to a table.';
revoke execute on function app.install_change_notify(regclass, text, text) from workgrid_engine, workgrid_app;

-- 0003's helper keeps its job under a new name; install_row_triggers (same signature) now adds the
-- notify triggers after it, so every table created later through it notifies too.
alter function app.install_row_triggers(regclass, boolean, text, text) rename to install_generic_row_triggers;

create function app.install_row_triggers(
  tbl regclass,
  audit boolean default true,
  org_column text default 'org_id',
  audit_omit text default null
) returns void
language plpgsql volatile
as $$
begin
  perform app.install_generic_row_triggers(tbl, audit, org_column, audit_omit);
  perform app.install_change_notify(tbl, org_column);
end
$$;
comment on function app.install_row_triggers(regclass, boolean, text, text) is
  'Migration helper: attaches the generic row triggers and the change notifications to a table.';
revoke execute on function app.install_row_triggers(regclass, boolean, text, text) from workgrid_engine, workgrid_app;

-- Existing tables: every tenant table (org_id), orgs (its own id) and users (their memberships).
do $$
declare
  tbl regclass;
begin
  for tbl in
    select c.oid::regclass
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
       and exists (select from pg_attribute a where a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped)
  loop
    perform app.install_change_notify(tbl);
  end loop;
end
$$;
select app.install_change_notify('public.orgs', org_column => 'id');
select app.install_change_notify('public.users', org_column => 'id', fn => 'app.tg_users__notify_changes');
