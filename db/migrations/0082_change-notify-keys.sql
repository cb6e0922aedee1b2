-- Change notifications (0032, 0075) also name the primary keys of the changed rows:
--   {"table": "<schema>.<table>", "orgs": [...], "keys": ["<key as text>", ...]}
-- so that a live query reading one row by its key (`T_by_pk`) refetches only when its own row changed,
-- not whenever any row of T did. A key is the row's one-column primary key cast to text; an update
-- names the keys before and after it, a delete the deleted rows'. "keys": null means "any row": a
-- table without a one-column primary key, a statement changing more than 2,000 rows, a payload
-- that cannot fit, or users (whose notification names their memberships' orgs). Keys that do not
-- fit in one notification (payloads stay under 8000 bytes) are split over several, each with the
-- table and orgs.

create function app.notify_changes(tbl text, orgs text[], keys text[]) returns void
language plpgsql volatile
as $$
declare
  max_keys constant int := 2000;
  max_bytes constant int := 7900;
  payload text;
  per_notification int;
begin
  if octet_length(json_build_object('table', tbl, 'orgs', orgs)::text) > max_bytes then
    orgs := null;
  end if;
  if cardinality(keys) > max_keys then
    keys := null;
  end if;
  payload := json_build_object('table', tbl, 'orgs', orgs, 'keys', keys)::text;
  if octet_length(payload) <= max_bytes then
    perform pg_notify('workgrid_changes', payload);
    return;
  end if;
  -- As many keys per notification as the longest one (as JSON, with its comma) leaves room for.
  select (max_bytes - octet_length(json_build_object('table', tbl, 'orgs', orgs, 'keys', '{}'::text[])::text))
         / max(octet_length(to_json(k)::text) + 2)
    into per_notification from unnest(keys) k;
  if per_notification < 1 then
    perform pg_notify('workgrid_changes', json_build_object('table', tbl, 'orgs', orgs, 'keys', null)::text);
    return;
  end if;
  for i in 1 .. cardinality(keys) by per_notification loop
    perform pg_notify('workgrid_changes', json_build_object('table', tbl, 'orgs', orgs, 'keys', keys[i:i + per_notification - 1])::text);
  end loop;
end
$$;
comment on function app.notify_changes(text, text[], text[]) is
  'Sends the workgrid_changes notifications of one statement: the changed table, its changed org ids (null = any org) and primary keys (null = any row).';

create or replace function app.notify_changes(tbl text, orgs text[]) returns void
language sql volatile
as $$ select app.notify_changes(tbl, orgs, null) $$;
comment on function app.notify_changes(text, text[]) is
  'Sends one workgrid_changes notification: the changed table and its changed org ids (null = any org), any row.';

-- tg_argv[0] names the org column ('' or absent: every change concerns any org), tg_argv[1] the
-- one-column primary key (absent: any row). Tables with org_id and an id key, all tenant tables,
-- run static statements (0075: planned once per session); any other shape runs one EXECUTE.
create or replace function app.tg__notify_changes() returns trigger
language plpgsql volatile
as $$
declare
  org_column text := nullif(tg_argv[0], '');
  key_column text := tg_argv[1];
  changed_rows text := case tg_op
                         when 'INSERT' then 'select * from _new_rows'
                         when 'DELETE' then 'select * from _old_rows'
                         else 'select * from _new_rows union all select * from _old_rows' end;
  total bigint;
  with_org bigint;
  orgs text[];
  keys text[];
begin
  if org_column = 'org_id' and key_column = 'id' then
    -- Only the branch of this trigger's operation is ever planned, so each names a transition table it has.
    if tg_op = 'INSERT' then
      select count(*), count(r.org_id), array_agg(distinct r.org_id::text) filter (where r.org_id is not null), array_agg(distinct r.id)::text[]
        into total, with_org, orgs, keys from _new_rows r;
    elsif tg_op = 'DELETE' then
      select count(*), count(r.org_id), array_agg(distinct r.org_id::text) filter (where r.org_id is not null), array_agg(distinct r.id)::text[]
        into total, with_org, orgs, keys from _old_rows r;
    else
      select count(*), count(r.org_id), array_agg(distinct r.org_id::text) filter (where r.org_id is not null), array_agg(distinct r.id)::text[]
        into total, with_org, orgs, keys
        from (select n.org_id, n.id from _new_rows n union all select o.org_id, o.id from _old_rows o) r;
    end if;
  else
    execute format('select count(*), %s, %s from (%s) r',
                   case when org_column is null then '0, null::text[]'
                        else format('count(r.%1$I), array_agg(distinct r.%1$I::text) filter (where r.%1$I is not null)', org_column) end,
                   case when key_column is null then 'null::text[]' else format('array_agg(distinct r.%I)::text[]', key_column) end,
                   changed_rows)
       into total, with_org, orgs, keys;
  end if;
  if total = 0 then
    return null;
  end if;
  perform app.notify_changes(tg_table_schema || '.' || tg_table_name, case when with_org = total then orgs end, keys);
  return null;
end
$$;
comment on function app.tg__notify_changes() is
  'Statement trigger: notifies workgrid_changes with the table and the distinct org ids and primary keys of the changed rows.';

-- The notify triggers now also get the table's one-column primary key, if it has one.
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
end
$$;

-- Every table notifying so far, again with its org column and trigger function.
do $$
declare
  installed record;
begin
  for installed in
    select t.tgrelid::regclass as tbl, t.tgfoid::regproc::text as fn,
           case when t.tgnargs > 0 then convert_from(substring(t.tgargs from 1 for position('\x00'::bytea in t.tgargs) - 1), 'UTF8') end as org_column
      from pg_trigger t
     where t.tgname = '_900_notify_update' and not t.tgisinternal
  loop
    perform app.install_change_notify(installed.tbl, installed.org_column, installed.fn);
  end loop;
end
$$;
