-- The embedded GraphQL engine's metadata catalog: Hasura's own hdb_catalog.hdb_metadata (one row, id 1,
-- same columns as Hasura's catalog), so that metadata set through /v1/metadata survives restarts while
-- workgrid_engine keeps no CREATE privilege. The engine writes the row; the migration owner owns the table.
-- Not a tenant table (no org_id, no RLS): only the engine reads it, through admin-only /v1/metadata.
-- Compose's real Hasura keeps its catalog in the separate hasura_metadata database, so nothing here
-- meets it. `if not exists`: a database that real Hasura once used as its metadata database already
-- has this table, and the engine takes its metadata over as it is.

create schema if not exists hdb_catalog;
comment on schema hdb_catalog is 'The GraphQL engine''s metadata catalog (Hasura''s layout).';
revoke all on schema hdb_catalog from public;
grant usage on schema hdb_catalog to workgrid_engine;

create table if not exists hdb_catalog.hdb_metadata (
  id integer primary key,
  metadata json not null,
  resource_version integer not null default 1 unique
);
comment on table hdb_catalog.hdb_metadata is 'The engine''s metadata (row id 1) and its resource_version, bumped by every change.';

revoke all on hdb_catalog.hdb_metadata from public;
grant select, insert, update on hdb_catalog.hdb_metadata to workgrid_engine;
