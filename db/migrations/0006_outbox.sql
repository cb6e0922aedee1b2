-- Transactional outbox: side effects (email, webhooks, notifications) are rows written in the same
-- transaction as the change that causes them, then carried out by the worker. Nothing is sent from
-- inside a request.

create table public.outbox_events (
  id uuid primary key default gen_random_uuid(),
  org_id uuid references public.orgs (id) on delete cascade,
  topic text not null check (topic ~ '^[a-z_]+(\.[a-z_]+)+$'),
  payload jsonb not null default '{}',
  idempotency_key text not null unique,
  available_at timestamptz not null default now(),
  attempts integer not null default 0 check (attempts >= 0),
  delivered_at timestamptz,
  dead_at timestamptz,
  last_error text,
  created_at timestamptz not null default now()
);
comment on table public.outbox_events is
  'Side effects waiting to be carried out. org_id is null only for events about a person outside any org '
  '(such as a password reset). Written through app.emit_event(); claimed by the worker.';
comment on column public.outbox_events.idempotency_key is 'Unique: the worker uses it as the job id, so an event is enqueued once.';
create index outbox_events_pending_idx on public.outbox_events (available_at) where delivered_at is null and dead_at is null;
create index outbox_events_org_id_idx on public.outbox_events (org_id);

create function app.emit_event(
  topic text,
  payload jsonb,
  idempotency_key text default null,
  org_id uuid default app.org_id()
) returns uuid
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
declare
  event_id uuid;
begin
  if emit_event.org_id is distinct from app.org_id() and emit_event.org_id is not null then
    raise exception 'outbox_org_mismatch'
      using hint = 'An event can only be emitted for the org of the current session.';
  end if;
  insert into public.outbox_events (org_id, topic, payload, idempotency_key)
  values (org_id, topic, payload, coalesce(idempotency_key, gen_random_uuid()::text))
  on conflict on constraint outbox_events_idempotency_key_key do nothing
  returning id into event_id;
  if event_id is not null then
    perform pg_notify('workgrid_outbox', event_id::text);
  end if;
  return event_id;
end
$$;
comment on function app.emit_event(text, jsonb, text, uuid) is
  'Appends an outbox event in the caller''s transaction and wakes the worker; a repeated idempotency key is ignored (returns null).';

alter table public.outbox_events enable row level security;
alter table public.outbox_events force row level security;

create policy outbox_events_select on public.outbox_events for select
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')));

grant select on public.outbox_events to workgrid_app;
