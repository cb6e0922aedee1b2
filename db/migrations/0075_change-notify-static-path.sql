-- Change notifications (0032) for tables whose org column is org_id — all tenant tables — run static
-- statements instead of EXECUTE. PL/pgSQL keeps the plans of static statements for the session, while
-- an EXECUTE is parsed and planned at every call. The trigger fires once per statement, and a row
-- trigger that writes one row per changed row (audit_log, activity, outbox) makes one statement per
-- row: an escalation sweep over 20,000 tickets fires it 20,000 times on audit_log alone.
-- Behaviour is unchanged: one notification per statement with the table and the distinct org ids.
create or replace function app.tg__notify_changes() returns trigger
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
  if org_column = 'org_id' then
    -- Only the branch of this trigger's operation is ever planned, so each names a transition table it has.
    if tg_op = 'INSERT' then
      select count(*), count(r.org_id), array_agg(distinct r.org_id::text) filter (where r.org_id is not null)
        into total, with_org, orgs from _new_rows r;
    elsif tg_op = 'DELETE' then
      select count(*), count(r.org_id), array_agg(distinct r.org_id::text) filter (where r.org_id is not null)
        into total, with_org, orgs from _old_rows r;
    else
      select count(*), count(r.org_id), array_agg(distinct r.org_id::text) filter (where r.org_id is not null)
        into total, with_org, orgs
        from (select n.org_id from _new_rows n union all select o.org_id from _old_rows o) r;
    end if;
  elsif org_column is null then
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
