-- Read-only API sessions. A token exchanged from an API key without the `write` scope carries the
-- API role `reader` (docs/jwt-claims.md). The metadata gives that role select permissions only, so
-- its GraphQL schema has no mutations and no actions; this guard is the second line: any insert,
-- update, delete or truncate run under a `reader` session fails, whatever path the statement took
-- (a metadata slip, a tracked function, a trigger cascading from a read). Reads are untouched: the
-- session helpers give a reader the same user, org and org role as its user.
--
-- Why a statement trigger on every table and not a session helper: policies cannot tell a read
-- from a write (the same app.org_role()/app.user_id() calls guard both), and the session is set by
-- set_config, which no SQL can hook. One statement-level check per write statement costs nothing
-- per row and needs no change to any policy.

create function app.tg__refuse_read_only() returns trigger
language plpgsql volatile
as $$
begin
  if app.session_role() = 'reader' then
    raise exception 'read_only_session'
      using hint = 'This API key may only read. Exchange a key with the write scope to make changes.';
  end if;
  return null;
end
$$;
comment on function app.tg__refuse_read_only() is 'Refuses any write statement made under the read-only API role "reader".';

-- Attaches the guard to every row-level-secured table of public that lacks it; idempotent, so a
-- migration that adds tables ends with `select app.install_read_only_guards();`.
create function app.install_read_only_guards() returns void
language plpgsql volatile
as $$
declare
  tbl regclass;
begin
  for tbl in
    select c.oid::regclass
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relrowsecurity
       and not exists (select from pg_trigger t where t.tgrelid = c.oid and t.tgname = '_010_read_only')
  loop
    execute format('create trigger _010_read_only before insert or update or delete or truncate on %s
                      for each statement execute function app.tg__refuse_read_only()', tbl);
  end loop;
end
$$;
comment on function app.install_read_only_guards() is 'Migration helper: attaches the read-only guard to every RLS table of public lacking it.';
revoke execute on function app.install_read_only_guards() from workgrid_engine, workgrid_app;

select app.install_read_only_guards();
