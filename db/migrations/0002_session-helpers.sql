-- Session context. The GraphQL engine (and the actions service, and the worker) put the JSON object
-- of Hasura session variables into the transaction-local setting `hasura.user`, the key Hasura
-- itself uses. SQL reads it only through these helpers. A missing or empty session yields nulls,
-- so every policy that compares with them admits no row (fail closed).

create function app.session() returns jsonb
language sql stable parallel safe
as $$
  select coalesce(nullif(current_setting('hasura.user', true), '')::jsonb, '{}'::jsonb)
$$;
comment on function app.session() is 'The Hasura session variables of the current transaction, {} when none.';

create function app.session_role() returns text
language sql stable parallel safe
as $$ select nullif(app.session() ->> 'x-hasura-role', '') $$;
comment on function app.session_role() is 'x-hasura-role of the session (the API role, not the org role), or null.';

-- An unauthenticated (anonymous) request's session variables come from request headers the client
-- chose (Hasura's unauthorized role takes x-hasura-* headers as they are), so they identify nobody.
create function app.user_id() returns uuid
language sql stable parallel safe
as $$
  select case when app.session_role() is distinct from 'anonymous'
              then nullif(app.session() ->> 'x-hasura-user-id', '')::uuid end
$$;
comment on function app.user_id() is 'x-hasura-user-id of the session, or null (always null for the anonymous role).';

create function app.org_id() returns uuid
language sql stable parallel safe
as $$
  select case when app.session_role() is distinct from 'anonymous'
              then nullif(app.session() ->> 'x-hasura-org-id', '')::uuid end
$$;
comment on function app.org_id() is 'x-hasura-org-id of the session (the active tenant), or null (always null for the anonymous role).';

create function app.request_id() returns text
language sql stable parallel safe
as $$ select nullif(app.session() ->> 'x-hasura-request-id', '') $$;
comment on function app.request_id() is 'x-hasura-request-id of the session, recorded in the audit log.';

create function app.is_service() returns boolean
language sql stable parallel safe
as $$
  select current_user = 'workgrid_app'
     and app.session_role() = 'service'
     and app.org_id() is not null
$$;
comment on function app.is_service() is
  'True for background work of the actions service or worker acting for one org (role "service"); '
  'the GraphQL engine role can never claim it.';

-- Compose mode only: real Hasura sends no session to SQL for queries, so the engine role may be
-- configured (`alter role workgrid_engine set workgrid.engine_trusts_metadata = on`) to let such
-- session-less statements rely on the metadata permission filters. Off by default; the embedded
-- engine always sends a session and never needs it.
create function app.engine_trusts_metadata() returns boolean
language sql stable parallel safe
as $$
  select current_user = 'workgrid_engine'
     and coalesce(current_setting('workgrid.engine_trusts_metadata', true), 'off') = 'on'
     and app.session() = '{}'::jsonb
$$;
comment on function app.engine_trusts_metadata() is
  'True only for session-less statements of workgrid_engine when the compose-only role setting is on.';
