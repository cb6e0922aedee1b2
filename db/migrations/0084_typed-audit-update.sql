-- Typed audit of updates. 0076's statement trigger turned both row images of every updated row into
-- JSON (to_jsonb of every column, twice) and compared them key by key: about 45 µs of a bulk task
-- update's ~115 µs per row, most of it converting columns that did not change (the search vector,
-- timestamps, uuids) to text. Each audited table's update trigger is now a function generated for
-- its columns: it compares old and new column by column with the column type's own equality and
-- converts only the changed columns to JSON.
--
-- What the trail records is unchanged (0076's header): {column: [old, new]} for the changed columns
-- but updated_at, version and search, audit_omit columns as "[omitted]", no row for an update that
-- changes nothing or a row without an org. Types whose equality may call different values equal
-- (citext, any type not listed in app.audit_compares_typed) are still compared as JSON.
--
-- The generated function holds the table's columns as they were when it was generated. Each
-- statement first compares them with the catalog (names and types, one lookup) and, if the table
-- has changed since, audits with 0076's JSON comparison instead, so the trail stays complete after
-- any ALTER TABLE. A migration that adds, drops, renames or retypes columns of an audited table
-- calls app.refresh_audit_triggers(table) to get the fast path back; db/test/catalog.test.ts fails
-- while any table's function is out of date.

-- Types whose equality holds exactly when their JSON forms are equal (numeric compares 1.0 = 1.00
-- as jsonb does), with a deterministic collation: safe to compare typed.
create function app.audit_compares_typed(type_id oid, collation_id oid) returns boolean
language sql stable parallel safe
as $$
  select (collation_id = 0 or coalesce((select c.collisdeterministic from pg_catalog.pg_collation c where c.oid = collation_id), false))
     and (select coalesce(b.typtype = 'e', false)
                 or coalesce(b.typelem, 0) <> 0 and b.typcategory = 'A' and app.audit_compares_typed(b.typelem, collation_id)
                 or b.oid = any ('{bool,int2,int4,int8,numeric,text,varchar,uuid,date,timestamp,timestamptz,jsonb}'::regtype[]::oid[])
            from pg_catalog.pg_type t
            join pg_catalog.pg_type b on b.oid = case when t.typtype = 'd' then t.typbasetype else t.oid end
           where t.oid = type_id)
$$;
comment on function app.audit_compares_typed(oid, oid) is
  'Whether the audit may compare a column of this type and collation typed instead of as JSON.';

-- The body of a table's update-audit function (see the header). Written out for the table's columns
-- in the order of the catalog; the same text for the same table, so the catalog test can compare.
-- Its search path is the catalog alone, so that the types it writes out are schema-qualified.
create function app.audit_update_source(tbl regclass, org_column text, omitted text[]) returns text
language plpgsql stable
set search_path = pg_catalog
as $$
declare
  names name[];
  types regtype[];
  changed_values text;
  unchanged_keys text;
begin
  select array_agg(a.attname order by a.attnum), array_agg(a.atttypid::regtype order by a.attnum),
         string_agg(format('%L, case when %s then jsonb_build_array(%s, %s) end',
                           a.attname, format(compare, 'distinct'), format(value, 'o'), format(value, 'n')), E',\n              ' order by a.attnum)
           filter (where a.attname not in ('updated_at', 'version', 'search')),
         string_agg(format('case when %s then %L end', format(compare, 'not distinct'), a.attname), E',\n              ' order by a.attnum)
           filter (where a.attname not in ('updated_at', 'version', 'search'))
    into names, types, changed_values, unchanged_keys
    from pg_catalog.pg_attribute a,
         lateral (select case when app.audit_compares_typed(a.atttypid, a.attcollation)
                              then format('o.%I is %%s from n.%I', a.attname, a.attname)
                              else format('to_jsonb(o.%I) is %%s from to_jsonb(n.%I)', a.attname, a.attname) end as compare,
                         case when a.attname = any (omitted) then format('app.audit_omitted(to_jsonb(%%s.%I))', a.attname)
                              else format('to_jsonb(%%s.%I)', a.attname) end as value) c
   where a.attrelid = tbl and a.attnum > 0 and not a.attisdropped;
  -- The typed statement lists the changes of every row as one object built with every audited
  -- column (null where unchanged) minus the unchanged keys; OFFSET 0 builds it once per row.
  return format($body$
declare
  org_column text := %L;
  omitted text[] := %L;
  actor uuid := app.user_id();
  request text := app.request_id();
begin
  if (select array_agg(a.attname order by a.attnum) = %L::name[] and array_agg(a.atttypid::regtype order by a.attnum) = %L::regtype[]
        from pg_catalog.pg_attribute a where a.attrelid = tg_relid and a.attnum > 0 and not a.attisdropped) then
    insert into public.audit_log (org_id, actor_id, action, table_name, row_id, changes, request_id)
    select c.org_id, actor, 'update', tg_table_name, c.id, c.changes, request
      from (select n.id, n.%I as org_id, jsonb_build_object(
              %s) - array_remove(array[
              %s]::text[], null) as changes
              from _old_rows o join _new_rows n on n.id = o.id offset 0) c
     where c.changes <> '{}' and c.org_id is not null;
  else
    -- The table's columns changed since this function was generated: 0076's JSON comparison.
    insert into public.audit_log (org_id, actor_id, action, table_name, row_id, changes, request_id)
    select c.org_id, actor, 'update', tg_table_name, c.id, jsonb_object_agg(c.key, c.change), request
      from (select k.id, k.org_id, k.key, app.audit_change(k.key, k.old_row -> k.key, k.new_row -> k.key, omitted) as change
              from (select i.*, jsonb_object_keys(i.new_row) as key
                      from (select r.*, (r.new_row ->> org_column)::uuid as org_id
                              from (select n.id, to_jsonb(o) as old_row, to_jsonb(n) as new_row
                                      from _old_rows o join _new_rows n on n.id = o.id offset 0) r offset 0) i) k) c
     where c.change is not null and c.org_id is not null
     group by c.id, c.org_id;
  end if;
  return null;
end
$body$, org_column, omitted, names, types, org_column, coalesce(changed_values, ''), coalesce(unchanged_keys, ''));
end
$$;
comment on function app.audit_update_source(regclass, text, text[]) is
  'The generated body of a table''s update-audit trigger function, for its current columns.';

-- The update-audit function's name for a table: tg_<table>__audit_update (in app).
create function app.audit_update_function(tbl regclass) returns text
language sql stable
as $$
  select format('app.%I', 'tg_' || c.relname || '__audit_update')
    from pg_catalog.pg_class c where c.oid = tbl
$$;
comment on function app.audit_update_function(regclass) is 'The name of a table''s generated update-audit trigger function.';

-- Generates (or regenerates) a table's update-audit function. Runs as the owner with nested loops
-- and JIT off, for the reasons given at 0076's app.tg__audit_rows.
create function app.generate_audit_update_function(tbl regclass, org_column text, audit_omit text) returns void
language plpgsql volatile
as $$
declare
  function_name text := app.audit_update_function(tbl);
begin
  if (select length(relname) from pg_catalog.pg_class where oid = tbl) > 63 - length('tg___audit_update') then
    raise exception 'audit_table_name_too_long' using detail = format('%s: the name of its audit function would exceed 63 characters.', tbl);
  end if;
  execute format('create or replace function %s() returns trigger
                    language plpgsql volatile security definer
                    set search_path = pg_catalog, public
                    set enable_nestloop = off
                    set jit = off
                    as %L', function_name, app.audit_update_source(tbl, org_column, coalesce(string_to_array(audit_omit, ','), '{}')));
  execute format('comment on function %s() is %L', function_name,
                 format('Statement trigger generated for %s by app.generate_audit_update_function: audits its updates.', tbl));
end
$$;
comment on function app.generate_audit_update_function(regclass, text, text) is
  'Migration helper: (re)generates a table''s update-audit trigger function for its current columns.';

-- The audited tables with their trigger arguments (org column, audit_omit), from _500_audit_insert.
create function app.audited_tables() returns table (tbl regclass, org_column text, audit_omit text)
language sql stable
as $$
  select t.tgrelid::regclass, coalesce(a.args[1], 'org_id'), nullif(a.args[2], '')
    from pg_catalog.pg_trigger t,
         lateral (select (string_to_array(encode(t.tgargs, 'escape'), '\000'))[1:t.tgnargs] as args) a
   where t.tgname = '_500_audit_insert' and not t.tgisinternal
$$;
comment on function app.audited_tables() is 'The tables with audit triggers, with their org column and audit_omit columns.';

-- Regenerates the update-audit function of one audited table (after a migration changed its
-- columns), or of all of them.
create function app.refresh_audit_triggers(tbl regclass default null) returns void
language plpgsql volatile
as $$
declare
  audited record;
begin
  for audited in select * from app.audited_tables() a where refresh_audit_triggers.tbl is null or a.tbl = refresh_audit_triggers.tbl loop
    perform app.generate_audit_update_function(audited.tbl, audited.org_column, audited.audit_omit);
  end loop;
  if tbl is not null and not found then
    raise exception 'not_audited' using detail = format('%s has no audit triggers.', tbl);
  end if;
end
$$;
comment on function app.refresh_audit_triggers(regclass) is
  'Migration helper: regenerates the update-audit function of an audited table (all when null) for its current columns.';

create or replace function app.install_audit_triggers(tbl regclass, org_column text default 'org_id', audit_omit text default null) returns void
language plpgsql volatile
as $$
declare
  args text := concat_ws(', ', quote_literal(org_column), quote_literal(audit_omit));
begin
  if not exists (select from pg_attribute where attrelid = tbl and attname = 'id' and not attisdropped) then
    raise exception 'audit_needs_id_column' using detail = format('%s has no id column to pair updated rows by.', tbl);
  end if;
  perform app.generate_audit_update_function(tbl, org_column, audit_omit);
  execute format('create trigger _500_audit_insert after insert on %s referencing new table as _new_rows
                    for each statement execute function app.tg__audit_rows(%s)', tbl, args);
  execute format('create trigger _500_audit_update after update on %s referencing old table as _old_rows new table as _new_rows
                    for each statement execute function %s()', tbl, app.audit_update_function(tbl));
  execute format('create trigger _500_audit_delete after delete on %s referencing old table as _old_rows
                    for each statement execute function app.tg__audit_rows(%s)', tbl, args);
end
$$;

-- 0076's trigger function, now attached to inserts and deletes only.
create or replace function app.tg__audit_rows() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
set enable_nestloop = off
set jit = off
as $$
declare
  org_column text := coalesce(tg_argv[0], 'org_id');
  omitted text[] := coalesce(string_to_array(tg_argv[1], ','), '{}');
  actor uuid := app.user_id();
  request text := app.request_id();
begin
  -- Only the branch of this trigger's event is ever planned, so each names a transition table it has.
  if tg_op = 'INSERT' then
    insert into public.audit_log (org_id, actor_id, action, table_name, row_id, changes, request_id)
    select c.org_id, actor, 'insert', tg_table_name, c.id, jsonb_object_agg(c.key, c.change), request
      from (select k.id, k.org_id, k.key, app.audit_change(k.key, null, k.new_row -> k.key, omitted) as change
              from (select i.*, jsonb_object_keys(i.new_row) as key
                      from (select r.*, (r.new_row ->> org_column)::uuid as org_id
                              from (select n.id, null::jsonb as old_row, to_jsonb(n) as new_row from _new_rows n offset 0) r offset 0) i) k) c
     where c.change is not null and c.org_id is not null
     group by c.id, c.org_id;
  else
    -- Purging an org removes its audit trail with it; rows deleted by that cascade leave none.
    -- A scalar subquery once per row (in HAVING), not EXISTS: with nested loops off a semi-join
    -- would read all of orgs.
    insert into public.audit_log (org_id, actor_id, action, table_name, row_id, changes, request_id)
    select c.org_id, actor, 'delete', tg_table_name, c.id, jsonb_object_agg(c.key, c.change), request
      from (select k.id, k.org_id, k.key, app.audit_change(k.key, k.old_row -> k.key, null, omitted) as change
              from (select i.*, jsonb_object_keys(i.old_row) as key
                      from (select r.*, (r.old_row ->> org_column)::uuid as org_id
                              from (select o.id, to_jsonb(o) as old_row, null::jsonb as new_row from _old_rows o offset 0) r offset 0) i) k) c
     where c.change is not null
     group by c.id, c.org_id
    having (select true from public.orgs where id = c.org_id);
  end if;
  return null;
end
$$;
comment on function app.tg__audit_rows() is
  'Statement trigger: writes one audit_log row per inserted or deleted row: actor, org, action, '
  'table, row id, columns as {column: [old, new]} and the request id.';

revoke execute on function app.generate_audit_update_function(regclass, text, text), app.refresh_audit_triggers(regclass)
  from workgrid_engine, workgrid_app;

-- Existing tables: the update trigger moves to the table's generated function.
do $$
declare
  audited record;
begin
  for audited in select * from app.audited_tables() loop
    perform app.generate_audit_update_function(audited.tbl, audited.org_column, audited.audit_omit);
    execute format('drop trigger _500_audit_update on %s', audited.tbl);
    execute format('create trigger _500_audit_update after update on %s referencing old table as _old_rows new table as _new_rows
                      for each statement execute function %s()', audited.tbl, app.audit_update_function(audited.tbl));
  end loop;
end
$$;
