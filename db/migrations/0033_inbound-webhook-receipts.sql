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

grant select, insert on app_private.inbound_webhook_receipts to workgrid_app;
grant update (processed_at) on app_private.inbound_webhook_receipts to workgrid_app;
