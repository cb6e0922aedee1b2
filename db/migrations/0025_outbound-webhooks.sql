-- Outbound webhooks: per-org subscriptions to event types, their signing secrets, and a log of
-- every delivery. The worker fans each outbox event out to the org's matching enabled subscriptions
-- (one delivery row per subscription and event), signs and sends them, and disables a subscription
-- after 10 consecutive failed deliveries (emitting webhook.disabled for the admins' notification).

create table public.webhook_subscriptions (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  url text not null check (url ~ '^https?://[^[:space:]]+$' and length(url) <= 2000),
  event_types text[] not null check (cardinality(event_types) between 1 and 100
                                     and array_to_string(event_types, ',') ~ '^(\*|[a-z_]+(\.[a-z_]+)+)(,(\*|[a-z_]+(\.[a-z_]+)+))*$'),
  description text check (length(description) <= 500),
  enabled boolean not null default true,
  consecutive_failures integer not null default 0 check (consecutive_failures >= 0),
  disabled_at timestamptz,
  disabled_reason text check (length(disabled_reason) <= 500),
  created_by uuid default app.user_id() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (org_id, id)
);
comment on table public.webhook_subscriptions is
  'Where an org wants its events POSTed (signed with HMAC-SHA256). event_types lists topics or "*". '
  'Disabled automatically after 10 consecutive failed deliveries; re-enabling resets the count.';
comment on column public.webhook_subscriptions.consecutive_failures is 'Deliveries failed in a row (written by the worker).';
create index webhook_subscriptions_org_idx on public.webhook_subscriptions (org_id) where enabled;

-- The signing secret is shown once (by the createWebhook action) and kept where the GraphQL engine
-- role cannot reach it: schema app_private. Only workgrid_app reads it, under RLS: background work
-- of the org (to sign) or its owners and admins (to create and rotate).
create table app_private.webhook_secrets (
  subscription_id uuid primary key,
  org_id uuid not null references public.orgs (id) on delete cascade,
  secret text not null check (length(secret) >= 32),
  created_at timestamptz not null default now(),
  foreign key (org_id, subscription_id) references public.webhook_subscriptions (org_id, id) on delete cascade
);
comment on table app_private.webhook_secrets is 'Signing secret of each webhook subscription; never exposed through GraphQL.';
create index webhook_secrets_org_idx on app_private.webhook_secrets (org_id);

create table public.webhook_deliveries (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  subscription_id uuid not null,
  event_id uuid references public.outbox_events (id) on delete set null,
  event_type text not null check (event_type ~ '^[a-z_]+(\.[a-z_]+)+$'),
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'succeeded', 'failed', 'dead')),
  attempts integer not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz,
  last_attempt_at timestamptz,
  response_code integer check (response_code between 100 and 599),
  response_body text check (length(response_body) <= 2048),
  error text check (length(error) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  foreign key (org_id, subscription_id) references public.webhook_subscriptions (org_id, id) on delete cascade,
  -- Fan-out is idempotent: one delivery per subscription and event, however often it runs.
  unique (subscription_id, event_id)
);
comment on table public.webhook_deliveries is
  'One row per webhook delivery (the id is the X-WorkGrid-Delivery header): status, attempts, the '
  'last response code and the first 2 KiB of its body. Retried 1 min, 5 min, 30 min, 2 h, then dead.';
create index webhook_deliveries_org_idx on public.webhook_deliveries (org_id, created_at desc);
create index webhook_deliveries_subscription_idx on public.webhook_deliveries (subscription_id, created_at desc);
create index webhook_deliveries_pending_idx on public.webhook_deliveries (next_attempt_at) where status in ('pending', 'failed');

select app.install_row_triggers('public.webhook_subscriptions');
select app.install_row_triggers('public.webhook_deliveries');

-- Re-enabling a subscription (by an admin) starts its failure count afresh.
create function app.tg_webhook_subscriptions__reenable() returns trigger
language plpgsql volatile
as $$
begin
  if new.enabled and not old.enabled then
    new.consecutive_failures := 0;
    new.disabled_at := null;
    new.disabled_reason := null;
  end if;
  return new;
end
$$;
comment on function app.tg_webhook_subscriptions__reenable() is 'Clears the failure count and disabled stamp when a subscription is enabled again.';
create trigger _150_reenable before update of enabled on public.webhook_subscriptions
  for each row execute function app.tg_webhook_subscriptions__reenable();

alter table public.webhook_subscriptions enable row level security;
alter table public.webhook_subscriptions force row level security;
alter table public.webhook_deliveries enable row level security;
alter table public.webhook_deliveries force row level security;
alter table app_private.webhook_secrets enable row level security;
alter table app_private.webhook_secrets force row level security;

create policy webhook_subscriptions_select on public.webhook_subscriptions for select
  using ((org_id = (select app.org_id()) and ((select app.has_org_role('owner', 'admin')) or (select app.is_service())))
         or (select app.engine_trusts_metadata()));
create policy webhook_subscriptions_insert on public.webhook_subscriptions for insert
  with check (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin'))
              and created_by = (select app.user_id()));
create policy webhook_subscriptions_update on public.webhook_subscriptions for update
  using (org_id = (select app.org_id()) and ((select app.has_org_role('owner', 'admin')) or (select app.is_service())))
  with check (org_id = (select app.org_id()) and ((select app.has_org_role('owner', 'admin')) or (select app.is_service())));
create policy webhook_subscriptions_delete on public.webhook_subscriptions for delete
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')));

create policy webhook_deliveries_select on public.webhook_deliveries for select
  using ((org_id = (select app.org_id()) and ((select app.has_org_role('owner', 'admin')) or (select app.is_service())))
         or (select app.engine_trusts_metadata()));
create policy webhook_deliveries_insert on public.webhook_deliveries for insert
  with check (org_id = (select app.org_id()) and (select app.is_service()));
create policy webhook_deliveries_update on public.webhook_deliveries for update
  using (org_id = (select app.org_id()) and (select app.is_service()))
  with check (org_id = (select app.org_id()) and (select app.is_service()));
create policy webhook_deliveries_delete on public.webhook_deliveries for delete
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')));

create policy webhook_secrets_select on app_private.webhook_secrets for select
  using (org_id = (select app.org_id()) and ((select app.has_org_role('owner', 'admin')) or (select app.is_service())));
create policy webhook_secrets_insert on app_private.webhook_secrets for insert
  with check (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')));
create policy webhook_secrets_update on app_private.webhook_secrets for update
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')))
  with check (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')));
create policy webhook_secrets_delete on app_private.webhook_secrets for delete
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')));

grant select, delete on public.webhook_subscriptions to workgrid_engine, workgrid_app;
grant update (url, event_types, description, enabled) on public.webhook_subscriptions to workgrid_engine, workgrid_app;
-- Created only by the createWebhook action (it also stores the secret), so only workgrid_app inserts.
grant insert (id, org_id, url, event_types, description, created_by) on public.webhook_subscriptions to workgrid_app;
grant update (consecutive_failures, disabled_at, disabled_reason) on public.webhook_subscriptions to workgrid_app;

grant select, delete on public.webhook_deliveries to workgrid_engine, workgrid_app;
grant insert (id, org_id, subscription_id, event_id, event_type, payload, status, next_attempt_at) on public.webhook_deliveries to workgrid_app;
grant update (status, attempts, next_attempt_at, last_attempt_at, response_code, response_body, error) on public.webhook_deliveries to workgrid_app;

grant select, insert, delete on app_private.webhook_secrets to workgrid_app;
grant update (secret) on app_private.webhook_secrets to workgrid_app;
