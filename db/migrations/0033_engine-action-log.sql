-- The embedded GraphQL engine's log of asynchronous actions: Hasura's hdb_catalog.hdb_action_log,
-- under a name of its own so that it never collides with real Hasura's catalog in compose. The
-- mutation inserts a row and answers its id; the engine calls the handler and stores the answer;
-- `actionName(id)` queries and subscriptions read it back. Only the user who started an action
-- sees it (Hasura: the same session), so RLS keys the rows on the session's user.

create schema engine;
comment on schema engine is 'State the embedded GraphQL engine keeps in the database (asynchronous actions).';
revoke all on schema engine from public;
grant usage on schema engine to workgrid_engine;

create table engine.action_log (
  id uuid primary key default gen_random_uuid(),
  action_name text not null,
  input jsonb not null,
  session_variables jsonb not null,
  request_query text not null,
  user_id uuid default app.user_id(),
  org_id uuid default app.org_id(),
  status text not null default 'created' check (status in ('created', 'completed', 'error')),
  response_payload jsonb,
  errors jsonb,
  created_at timestamptz not null default now(),
  response_received_at timestamptz
);
comment on table engine.action_log is 'Asynchronous action calls: input and session, then the handler''s answer or error.';
comment on column engine.action_log.user_id is 'x-hasura-user-id of the session that started the action: only that user reads the row.';
comment on column engine.action_log.org_id is 'x-hasura-org-id of that session, for the change notifications subscriptions wake on.';
create index action_log_user_id_idx on engine.action_log (user_id);

alter table engine.action_log enable row level security;
alter table engine.action_log force row level security;
create policy action_log_select on engine.action_log for select
  using (user_id is not distinct from (select app.user_id()));
create policy action_log_insert on engine.action_log for insert
  with check (user_id is not distinct from (select app.user_id()));
create policy action_log_update on engine.action_log for update
  using (user_id is not distinct from (select app.user_id()))
  with check (user_id is not distinct from (select app.user_id()));

grant select on engine.action_log to workgrid_engine;
grant insert (action_name, input, session_variables, request_query) on engine.action_log to workgrid_engine;
grant update (status, response_payload, errors, response_received_at) on engine.action_log to workgrid_engine;

select app.install_change_notify('engine.action_log');
