-- Delivery of outbox events by the worker. The worker's role (workgrid_app, NOBYPASSRLS) must claim
-- events of every org, which no policy allows; it does so only through these security definer
-- functions, owned by the owner role and executable by workgrid_app alone. They expose nothing but
-- the lifecycle of a row: claim a batch, lock one row while its effect is carried out, mark it
-- delivered, record a failure (dead after the last attempt). Org admins read their org's events
-- (dead letters included) through the actions service, whose role the outbox_events_select policy
-- admits for owners and admins (the GraphQL engine role still has no access), and send a dead one
-- back with app.outbox_retry().
--
-- Lifecycle: pending (delivered_at and dead_at null) -> claimed (available_at pushed past a lease,
-- so a crashed relay's claims come back) -> delivered | failed (available_at = next retry plus the
-- lease, so a job lost from Redis is enqueued again) -> dead (dead_at set) -> retried (pending).

create function app.outbox_claim(batch integer, lease interval)
returns table (id uuid, org_id uuid, topic text, payload jsonb, idempotency_key text, attempts integer)
language sql volatile security definer
set search_path = pg_catalog, public
as $$
  with due as (
    select e.id
      from public.outbox_events e
     where e.delivered_at is null and e.dead_at is null and e.available_at <= now()
     order by e.available_at
     limit greatest(least(batch, 1000), 1)
       for update skip locked
  )
  update public.outbox_events e
     set available_at = now() + greatest(lease, interval '1 second')
    from due
   where e.id = due.id
  returning e.id, e.org_id, e.topic, e.payload, e.idempotency_key, e.attempts
$$;
comment on function app.outbox_claim(integer, interval) is
  'Worker only: claims up to batch due events of any org (FOR UPDATE SKIP LOCKED, so concurrent relays '
  'never claim the same row) and hides them for lease; unfinished claims come back when it expires.';

create function app.outbox_lock(event_id uuid)
returns table (id uuid, org_id uuid, topic text, payload jsonb, idempotency_key text, attempts integer)
language sql volatile security definer
set search_path = pg_catalog, public
as $$
  select e.id, e.org_id, e.topic, e.payload, e.idempotency_key, e.attempts
    from public.outbox_events e
   where e.id = event_id and e.delivered_at is null and e.dead_at is null
     for update
$$;
comment on function app.outbox_lock(uuid) is
  'Worker only: locks a pending event for the rest of the caller''s transaction and returns it; no row '
  'when it is already delivered or dead. A job that runs twice at once serialises here.';

create function app.outbox_mark_delivered(event_id uuid)
returns boolean
language sql volatile security definer
set search_path = pg_catalog, public
as $$
  with done as (
    update public.outbox_events
       set delivered_at = now(), last_error = null
     where id = event_id and delivered_at is null and dead_at is null
    returning id
  )
  select exists (select from done)
$$;
comment on function app.outbox_mark_delivered(uuid) is
  'Worker only: marks a pending event delivered; false when it already was (or is dead). Called in the '
  'transaction of the event''s database effects, so they commit together.';

create function app.outbox_mark_failed(event_id uuid, error text, retry_at timestamptz, lease interval default interval '5 minutes')
returns text
language sql volatile security definer
set search_path = pg_catalog, public
as $$
  with failed as (
    update public.outbox_events
       set attempts = attempts + 1,
           last_error = left(coalesce(error, 'unknown error'), 2000),
           dead_at = case when retry_at is null then now() end,
           available_at = case when retry_at is null then available_at else retry_at + lease end
     where id = event_id and delivered_at is null and dead_at is null
    returning dead_at
  )
  select case when dead_at is null then 'retrying' else 'dead' end from failed
$$;
comment on function app.outbox_mark_failed(uuid, text, timestamptz, interval) is
  'Worker only: records a failed attempt. retry_at null means it was the last one: the event becomes a '
  'dead letter. Otherwise the row stays hidden until retry_at plus lease, so a job lost from Redis '
  'is enqueued again. Returns retrying, dead, or null when the event was not pending.';

create function app.outbox_retry(event_id uuid)
returns boolean
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
declare
  event_org uuid;
begin
  select e.org_id into event_org from public.outbox_events e where e.id = event_id;
  -- Another org's event and a missing one look the same: nothing to retry.
  if event_org is null or event_org is distinct from app.org_id()
     or not (app.is_service() or app.has_org_role('owner', 'admin')) then
    raise exception 'outbox_event_not_found'
      using hint = 'No event with this id in the current org, or you may not retry it (owners and admins).';
  end if;
  update public.outbox_events
     set dead_at = null, attempts = 0, available_at = now()
   where id = event_id and dead_at is not null;
  if not found then
    raise exception 'outbox_event_not_dead'
      using hint = 'Only a dead letter can be retried; this event is pending or delivered.';
  end if;
  perform pg_notify('workgrid_outbox', event_id::text);
  return true;
end
$$;
comment on function app.outbox_retry(uuid) is
  'retryDelivery: an owner or admin of the event''s org (or background work of that org) sends a dead '
  'letter back to the queue with a fresh attempt budget.';

create index outbox_events_dead_idx on public.outbox_events (org_id, dead_at) where dead_at is not null;

revoke execute on function app.outbox_claim(integer, interval), app.outbox_lock(uuid),
  app.outbox_mark_delivered(uuid), app.outbox_mark_failed(uuid, text, timestamptz, interval),
  app.outbox_retry(uuid)
  from public, workgrid_engine;
grant execute on function app.outbox_claim(integer, interval), app.outbox_lock(uuid),
  app.outbox_mark_delivered(uuid), app.outbox_mark_failed(uuid, text, timestamptz, interval),
  app.outbox_retry(uuid)
  to workgrid_app;
