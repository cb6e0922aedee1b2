-- Inbound webhooks (GitHub, Slack, the email provider): one receipt per (source, delivery id), so a
-- delivery the sender retries is processed once. Written by the actions service only after the
-- request's signature has been verified over the raw body. Not tenant data (a receipt may concern
-- no org or several), so it lives in app_private, out of the GraphQL engine's reach.

create table app_private.inbound_webhook_receipts (
  source text not null check (source in ('github', 'slack', 'email')),
  delivery_id text not null check (length(delivery_id) between 1 and 200),
  event_type text not null check (length(event_type) <= 200),
  payload jsonb not null,
  received_at timestamptz not null default now(),
  processed_at timestamptz,
  primary key (source, delivery_id)
);
comment on table app_private.inbound_webhook_receipts is
  'Verified inbound webhook deliveries, deduplicated by (source, delivery id); processed_at is set once handled.';
create index inbound_webhook_receipts_received_idx on app_private.inbound_webhook_receipts (received_at);

-- No role reads or writes the table directly (no grants, forced RLS without policies): the actions
-- service records and completes receipts only through the two functions below.
alter table app_private.inbound_webhook_receipts enable row level security;
alter table app_private.inbound_webhook_receipts force row level security;

create function app.record_inbound_webhook(source text, delivery_id text, event_type text, payload jsonb)
returns boolean
language sql volatile security definer
set search_path = pg_catalog, public
as $$
  with inserted as (
    insert into app_private.inbound_webhook_receipts (source, delivery_id, event_type, payload)
    values (source, delivery_id, event_type, payload)
    on conflict do nothing
    returning 1
  )
  select exists (select from inserted)
$$;
comment on function app.record_inbound_webhook(text, text, text, jsonb) is
  'Actions service only, after verifying the signature: records a delivery; false when (source, delivery id) was seen before.';

create function app.complete_inbound_webhook(source text, delivery_id text)
returns void
language sql volatile security definer
set search_path = pg_catalog, public
as $$
  update app_private.inbound_webhook_receipts r set processed_at = now()
   where r.source = complete_inbound_webhook.source and r.delivery_id = complete_inbound_webhook.delivery_id
$$;
comment on function app.complete_inbound_webhook(text, text) is 'Actions service only: marks a recorded delivery processed.';

revoke execute on function app.record_inbound_webhook(text, text, text, jsonb), app.complete_inbound_webhook(text, text)
  from public, workgrid_engine;
grant execute on function app.record_inbound_webhook(text, text, text, jsonb), app.complete_inbound_webhook(text, text)
  to workgrid_app;
