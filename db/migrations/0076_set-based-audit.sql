-- Set-based audit. 0003's audit trigger ran once per changed row and wrote each audit row with its
-- own INSERT, so a bulk write paid a PL/pgSQL call, a statement and audit_log's statement triggers
-- (change notification, read-only guard) per row: the 20,000 escalations of an SLA sweep spent
-- 3.1 s there. The audit is now one statement trigger per event reading the transition tables,
-- and one INSERT … SELECT per audited statement. Postgres allows transition tables only on a
-- trigger with a single event, hence _500_audit_insert, _500_audit_update and _500_audit_delete
-- in place of _500_audit.
--
-- What the trail records is unchanged: one audit_log row per inserted, updated or deleted row with
-- the actor, org, action, table, row id, changed columns as {column: [old, new]} (audit_omit
-- columns as "[omitted]") and the request id; no row for an update that changes nothing, none for
-- a row without an org, none for the rows deleted by purging their org. Rows written by one
-- statement may share their occurred_at.
--
-- An update's old and new rows are paired by id (no role may change an id), so every audited
-- table needs an id column; app.install_audit_triggers refuses a table without one.

-- One column's entry in the trail, [old, new] (audit_omit columns as "[omitted]"), or null when the
-- column is not audited (updated_at, version and the search vector follow from other columns) or did
-- not change. Inserts have null olds, deletes null news. Plain SQL, so that it is inlined (stable,
-- not immutable, as jsonb_build_array is: an immutable function is inlined only if all it calls is).
create function app.audit_change(key text, old_value jsonb, new_value jsonb, omitted text[]) returns jsonb
language sql stable parallel safe
as $$
  select case when key in ('updated_at', 'version', 'search') or old_value is not distinct from new_value then null
              when key = any (omitted) then jsonb_build_array(app.audit_omitted(old_value), app.audit_omitted(new_value))
              else jsonb_build_array(old_value, new_value) end
$$;
comment on function app.audit_change(text, jsonb, jsonb, text[]) is
  'One audited column change as [old, new], or null when the column is not audited or unchanged.';

-- Runs as the owner so that the service roles never need (or get) write access to audit_log.
-- tg_argv as for 0003's trigger: [0] the org id column, [1] the comma-separated audit_omit columns.
-- Each event's statement lists the row images as (id, old_row, new_row) and the same tail turns them
-- into audit rows: one (row, column, change) per column, the changed ones grouped back by row, so a
-- row without a change gets no audit row. (Grouping the whole statement once is cheaper than an
-- aggregate per row: 20,000 updated tickets diff in ~30% less time.) The org id is read once per
-- row, below the level that lists the columns, where it would be read again for each column.
-- PL/pgSQL keeps the plan of each statement for the session, planned at the first call, whose
-- transition table may hold one row; nested loops are off so that pairing 20,000 updated rows is a
-- hash or merge join then too, not 20,000² comparisons (a 1-row update then a 5,000-row one ran over 30 s
-- without the setting). JIT is off too: the plan's row estimates (100 keys per row, a join of
-- unknown selectivity) are far above the real ones and made every bulk audit compile its
-- expressions first (0.8 s for 5,000 rows). OFFSET 0 keeps each row image a value computed once:
-- flattened into the outer query, every use of it would serialise the row again.
create function app.tg__audit_rows() returns trigger
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
  elsif tg_op = 'UPDATE' then
    insert into public.audit_log (org_id, actor_id, action, table_name, row_id, changes, request_id)
    select c.org_id, actor, 'update', tg_table_name, c.id, jsonb_object_agg(c.key, c.change), request
      from (select k.id, k.org_id, k.key, app.audit_change(k.key, k.old_row -> k.key, k.new_row -> k.key, omitted) as change
              from (select i.*, jsonb_object_keys(i.new_row) as key
                      from (select r.*, (r.new_row ->> org_column)::uuid as org_id
                              from (select n.id, to_jsonb(o) as old_row, to_jsonb(n) as new_row
                                      from _old_rows o join _new_rows n on n.id = o.id offset 0) r offset 0) i) k) c
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
  'Statement trigger: writes one audit_log row per inserted, updated or deleted row: actor, org, action, '
  'table, row id, changed columns as {column: [old, new]} and the request id.';

-- Attaches the three audit triggers to a table (org_column and audit_omit as for install_row_triggers).
create function app.install_audit_triggers(tbl regclass, org_column text default 'org_id', audit_omit text default null) returns void
language plpgsql volatile
as $$
declare
  args text := concat_ws(', ', quote_literal(org_column), quote_literal(audit_omit));
begin
  if not exists (select from pg_attribute where attrelid = tbl and attname = 'id' and not attisdropped) then
    raise exception 'audit_needs_id_column' using detail = format('%s has no id column to pair updated rows by.', tbl);
  end if;
  execute format('create trigger _500_audit_insert after insert on %s referencing new table as _new_rows
                    for each statement execute function app.tg__audit_rows(%s)', tbl, args);
  execute format('create trigger _500_audit_update after update on %s referencing old table as _old_rows new table as _new_rows
                    for each statement execute function app.tg__audit_rows(%s)', tbl, args);
  execute format('create trigger _500_audit_delete after delete on %s referencing old table as _old_rows
                    for each statement execute function app.tg__audit_rows(%s)', tbl, args);
end
$$;
comment on function app.install_audit_triggers(regclass, text, text) is 'Migration helper: attaches the audit triggers to a table.';
revoke execute on function app.install_audit_triggers(regclass, text, text) from workgrid_engine, workgrid_app;

-- 0003's helper (renamed by 0032), now attaching the set-based audit.
create or replace function app.install_generic_row_triggers(
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
    perform app.install_audit_triggers(tbl, org_column, audit_omit);
  end if;
end
$$;

-- Existing tables: each row trigger is replaced by the statement triggers with the same arguments.
do $$
declare
  trg record;
  args text[];
begin
  for trg in select tgrelid::regclass as tbl, tgnargs, tgargs from pg_trigger where tgname = '_500_audit' and not tgisinternal loop
    args := (string_to_array(encode(trg.tgargs, 'escape'), '\000'))[1:trg.tgnargs];
    execute format('drop trigger _500_audit on %s', trg.tbl);
    perform app.install_audit_triggers(trg.tbl, coalesce(args[1], 'org_id'), args[2]);
  end loop;
end
$$;
drop function app.tg__audit();
