#!/bin/sh
# Runs once, when the compose postgres volume is empty (docker-entrypoint-initdb.d).
# One login role per service; passwords come from the container environment and reach SQL as
# psql variables, so they are quoted by psql and never spliced into the script text.
# The entrypoint sources scripts that lose their executable bit, so no `set -u` here.
set -e
: "${OWNER_DB_PASSWORD:?}" "${ENGINE_DB_PASSWORD:?}" "${APP_DB_PASSWORD:?}"

psql --no-psqlrc --set ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  --set owner_password="$OWNER_DB_PASSWORD" \
  --set engine_password="$ENGINE_DB_PASSWORD" \
  --set app_password="$APP_DB_PASSWORD" <<'SQL'
create role workgrid_owner login bypassrls password :'owner_password';
create role workgrid_engine login nobypassrls password :'engine_password';
create role workgrid_app login nobypassrls password :'app_password';

-- Hasura sends no session variables with queries, so in compose the engine role trusts
-- Hasura's metadata permission filters for session-less queries (see docs/security.md).
alter role workgrid_engine set workgrid.engine_trusts_metadata = on;

create database workgrid owner workgrid_owner;
revoke all on database workgrid from public;
grant connect on database workgrid to workgrid_engine, workgrid_app;

-- Hasura keeps its own catalog (hdb_catalog) in a separate database so the engine role needs
-- no create privilege in the application database.
create database hasura_metadata owner workgrid_engine;
revoke all on database hasura_metadata from public;
SQL
