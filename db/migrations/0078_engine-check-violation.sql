-- Hasura's own hdb_catalog.check_violation(msg), which its mutation statements call when a row fails
-- the insert/update permission's check: the statement raises (check_violation, 23514) instead of
-- answering a flag, so the transaction aborts without the engine reading the answer first. The
-- embedded engine uses it the same way to send BEGIN, the session, its mutation statements and
-- COMMIT in one round trip (a COMMIT after an error rolls back). Same signature and body as
-- Hasura's, so a database real Hasura has used as a source keeps its definition.

create or replace function hdb_catalog.check_violation(msg text) returns boolean
language plpgsql
as $$
begin
  raise check_violation using message = msg;
end
$$;
comment on function hdb_catalog.check_violation(text) is
  'Raises check_violation (23514) with msg: a row failed a mutation''s permission check (Hasura''s function).';

revoke all on function hdb_catalog.check_violation(text) from public;
grant execute on function hdb_catalog.check_violation(text) to workgrid_engine;
