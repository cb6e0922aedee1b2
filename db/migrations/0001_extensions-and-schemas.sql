-- Extensions, schemas and the baseline privileges of the service roles.
-- The login roles themselves are cluster objects, created by the setup step (scripts/ or the compose
-- init script) before migrations run: workgrid_owner (owns everything, BYPASSRLS, runs migrations),
-- workgrid_engine (GraphQL engine) and workgrid_app (actions service, worker), both NOBYPASSRLS.

do $$
begin
  if not exists (select from pg_roles where rolname = 'workgrid_engine')
     or not exists (select from pg_roles where rolname = 'workgrid_app') then
    raise exception 'roles_missing'
      using detail = 'The roles workgrid_engine and workgrid_app must exist before migrating.',
            hint = 'Run npm run db:migrate, which creates them, or the compose postgres init script.';
  end if;
end
$$;

create extension if not exists pgcrypto;
create extension if not exists citext;
create extension if not exists pg_trgm;

revoke all on schema public from public;
grant usage on schema public to workgrid_engine, workgrid_app;

create schema app;
comment on schema app is 'Session helpers, trigger functions and SQL functions shared by every table.';
revoke all on schema app from public;
grant usage on schema app to workgrid_engine, workgrid_app;

create schema app_private;
comment on schema app_private is 'Secrets (password, token and key hashes). The GraphQL engine role cannot read it.';
revoke all on schema app_private from public;
grant usage on schema app_private to workgrid_app;

-- Functions are executable by PUBLIC by default; every function states its own grants instead.
alter default privileges revoke execute on functions from public;
alter default privileges in schema app grant execute on functions to workgrid_engine, workgrid_app;
