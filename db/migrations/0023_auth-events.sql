-- Security events of the identity service (sign-in success and failure, refresh token reuse, MFA
-- and API key changes, password changes), with IP and user agent. audit_log records row changes of
-- tenant tables; these events often have no org (a failed sign-in for an unknown address) and carry
-- client details, so they live here, append-only. Service roles only append (through
-- app_private.record_auth_event); reading them is for operators (the owner role) until an admin
-- view is designed.

create table app_private.auth_events (
  id uuid primary key default gen_random_uuid(),
  event text not null check (event ~ '^[a-z_]+(\.[a-z_]+)+$'),
  user_id uuid references public.users (id) on delete set null,
  org_id uuid references public.orgs (id) on delete cascade,
  ip inet,
  user_agent text check (length(user_agent) <= 512),
  detail jsonb not null default '{}',
  request_id text,
  occurred_at timestamptz not null default clock_timestamp()
);
comment on table app_private.auth_events is 'Append-only security events (no secrets: never passwords, tokens, codes or keys).';
create index auth_events_user_id_idx on app_private.auth_events (user_id, occurred_at desc);
create index auth_events_org_id_idx on app_private.auth_events (org_id, occurred_at desc);

create trigger _100_append_only before update or delete on app_private.auth_events
  for each row execute function app.tg_audit_log__append_only();

-- Written through app_private.record_auth_event only: failed sign-ins have no session to check.
alter table app_private.auth_events enable row level security;
alter table app_private.auth_events force row level security;

create function app_private.record_auth_event(
  event_name text, subject uuid, subject_org uuid, client_ip inet, client_user_agent text, event_detail jsonb
) returns void
language sql volatile security definer
set search_path = pg_catalog, public
as $$
  insert into app_private.auth_events (event, user_id, org_id, ip, user_agent, detail, request_id)
  values (event_name, subject, subject_org, client_ip, left(client_user_agent, 512), coalesce(event_detail, '{}'), app.request_id())
$$;
comment on function app_private.record_auth_event(text, uuid, uuid, inet, text, jsonb) is 'Appends one security event.';
revoke all on function app_private.record_auth_event(text, uuid, uuid, inet, text, jsonb) from public;
grant execute on function app_private.record_auth_event(text, uuid, uuid, inet, text, jsonb) to workgrid_app;
