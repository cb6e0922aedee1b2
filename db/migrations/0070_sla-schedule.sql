-- When each ticket's next SLA event is due, so the sweep reads only tickets with an event to record
-- instead of every running clock past its warning time (which, once their events are recorded,
-- it re-checked on every run). app_private.sla_schedule holds one row per ticket: the earliest
-- warning or due time whose event is not recorded yet, null while the clock stands still or when
-- nothing is left to record. Ticket triggers keep it in step with the due times; the sweep moves it
-- past what it records. Exactly-once stays with sla_events' unique key: the schedule only narrows
-- what is looked at, and is never later than the next unrecorded event.

create table app_private.sla_schedule (
  ticket_id uuid primary key references public.tickets (id) on delete cascade,
  org_id uuid not null references public.orgs (id) on delete cascade,
  next_event_at timestamptz
);
comment on table app_private.sla_schedule is
  'Per ticket, when its next unrecorded SLA warning or breach is due (null: none, or paused). Read and written by '
  'ticket triggers and app.sla_sweep only (owner).';
create index sla_schedule_due_idx on app_private.sla_schedule (next_event_at) where next_event_at is not null;
create index sla_schedule_org_idx on app_private.sla_schedule (org_id);
-- No role reads or writes it directly (no grants, forced RLS without policies): only the owner's
-- trigger and sweep functions do.
alter table app_private.sla_schedule enable row level security;
alter table app_private.sla_schedule force row level security;

-- The earliest warning or due time after `after` whose event is not recorded yet, of a running clock.
create function app.sla_next_event_at(ticket uuid, paused_at timestamptz, first_response_at timestamptz,
                                      first_response_warn_at timestamptz, first_response_due_at timestamptz,
                                      resolution_warn_at timestamptz, resolution_due_at timestamptz,
                                      after timestamptz default '-infinity') returns timestamptz
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select min(e.at)
    from (values ('first_response', 'warning', case when first_response_at is null then first_response_warn_at end),
                 ('first_response', 'breach', case when first_response_at is null then first_response_due_at end),
                 ('resolution', 'warning', resolution_warn_at),
                 ('resolution', 'breach', resolution_due_at)) e (target, kind, at)
   where paused_at is null and e.at > after
     and not exists (select from public.sla_events s where s.ticket_id = ticket and s.target = e.target and s.kind = e.kind)
$$;
comment on function app.sla_next_event_at(uuid, timestamptz, timestamptz, timestamptz, timestamptz, timestamptz, timestamptz, timestamptz) is
  'The earliest SLA warning or due time (after `after`) of a running clock whose event is not recorded yet.';
revoke execute on function app.sla_next_event_at(uuid, timestamptz, timestamptz, timestamptz, timestamptz, timestamptz, timestamptz, timestamptz)
  from public;

create function app.tg_tickets__sla_schedule() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
begin
  if tg_op = 'UPDATE'
     and new.sla_paused_at is not distinct from old.sla_paused_at
     and new.first_response_at is not distinct from old.first_response_at
     and new.first_response_warn_at is not distinct from old.first_response_warn_at
     and new.first_response_due_at is not distinct from old.first_response_due_at
     and new.resolution_warn_at is not distinct from old.resolution_warn_at
     and new.resolution_due_at is not distinct from old.resolution_due_at then
    return null;
  end if;
  insert into app_private.sla_schedule (ticket_id, org_id, next_event_at)
  values (new.id, new.org_id, app.sla_next_event_at(new.id, new.sla_paused_at, new.first_response_at, new.first_response_warn_at,
                                                    new.first_response_due_at, new.resolution_warn_at, new.resolution_due_at))
  on conflict (ticket_id) do update set next_event_at = excluded.next_event_at;
  return null;
end
$$;
comment on function app.tg_tickets__sla_schedule() is 'Keeps app_private.sla_schedule in step with a ticket''s SLA clock and due times.';
create trigger _610_sla_schedule after insert or update on public.tickets
  for each row execute function app.tg_tickets__sla_schedule();

insert into app_private.sla_schedule (ticket_id, org_id, next_event_at)
select t.id, t.org_id, app.sla_next_event_at(t.id, t.sla_paused_at, t.first_response_at, t.first_response_warn_at,
                                             t.first_response_due_at, t.resolution_warn_at, t.resolution_due_at)
  from public.tickets t;

-- The sweep looks at the schedule now; these indexes only cost writes.
drop index public.tickets_first_response_sweep_idx;
drop index public.tickets_resolution_sweep_idx;

create or replace function app.sla_sweep(sweep_time timestamptz default now())
returns table (warnings integer, breaches integer, escalations integer)
language sql volatile security definer
set search_path = pg_catalog, public
as $$
  with ripe as (
    select t.org_id, t.id, t.sla_policy_id, t.sla_paused_at, t.first_response_at, t.first_response_warn_at,
           t.first_response_due_at, t.resolution_warn_at, t.resolution_due_at
      from app_private.sla_schedule s
      join public.tickets t on t.id = s.ticket_id
     where s.next_event_at <= sweep_time
  ), due as (
    select t.org_id, t.id as ticket_id, 'first_response' as target, t.first_response_due_at as due_at, t.sla_policy_id
      from ripe t
     where t.sla_paused_at is null and t.first_response_at is null and t.first_response_warn_at <= sweep_time
    union all
    select t.org_id, t.id, 'resolution', t.resolution_due_at, t.sla_policy_id
      from ripe t
     where t.sla_paused_at is null and t.resolution_warn_at <= sweep_time
  ), candidates as (
    select d.org_id, d.ticket_id, d.target, 'warning' as kind, d.due_at, d.sla_policy_id from due d
    union all
    select d.org_id, d.ticket_id, d.target, 'breach', d.due_at, d.sla_policy_id from due d where d.due_at <= sweep_time
  ), inserted as (
    insert into public.sla_events (org_id, ticket_id, target, kind, due_at, occurred_at)
    select c.org_id, c.ticket_id, c.target, c.kind, c.due_at, sweep_time from candidates c
    on conflict (ticket_id, target, kind) do nothing
    returning id, org_id, ticket_id, target, kind, due_at
  ), rescheduled as (
    -- Everything due by sweep_time is recorded now (or was before): the next event comes after it.
    update app_private.sla_schedule s
       set next_event_at = app.sla_next_event_at(r.id, r.sla_paused_at, r.first_response_at, r.first_response_warn_at,
                                                 r.first_response_due_at, r.resolution_warn_at, r.resolution_due_at, sweep_time)
      from ripe r
     where s.ticket_id = r.id
    returning 1
  ), new_events as (
    select i.*, c.sla_policy_id
      from inserted i
      join candidates c on c.ticket_id = i.ticket_id and c.target = i.target and c.kind = i.kind
  ), rules as (
    select n.ticket_id, n.target, n.kind, r.action, r.reassign_team_id, r.reassign_user_id, r.created_at,
           exists (select from public.org_memberships m
                    where m.org_id = n.org_id and m.user_id = r.reassign_user_id
                      and m.role in ('owner', 'admin', 'manager', 'agent')) as user_assignable
      from new_events n
      join public.sla_escalation_rules r on r.policy_id = n.sla_policy_id and r.target = n.target and r.kind = n.kind
  ), outbox as (
    insert into public.outbox_events (org_id, topic, payload, idempotency_key)
    select n.org_id,
           case n.kind when 'warning' then 'sla.warning' else 'sla.breached' end,
           jsonb_build_object('sla_event_id', n.id, 'ticket_id', n.ticket_id, 'target', n.target, 'kind', n.kind,
                              'due_at', n.due_at,
                              'notify_managers', exists (select from rules r where r.ticket_id = n.ticket_id and r.target = n.target
                                                           and r.kind = n.kind and r.action = 'notify_managers')),
           'sla.' || n.kind || ':' || n.ticket_id || ':' || n.target
      from new_events n
    on conflict (idempotency_key) do nothing
    returning 1
  ), actions as (
    select r.ticket_id,
           bool_or(r.action = 'raise_priority') as raise,
           (array_agg(r.reassign_team_id order by r.created_at)
              filter (where r.action = 'reassign' and r.reassign_team_id is not null))[1] as team_id,
           -- A rule naming someone who is no longer desk staff reassigns to the queue only.
           (array_agg(r.reassign_user_id order by r.created_at)
              filter (where r.action = 'reassign' and r.user_assignable))[1] as user_id
      from rules r
     where r.action in ('raise_priority', 'reassign')
     group by r.ticket_id
  ), escalated as (
    update public.tickets t
       set priority = case when a.raise then
                        case t.priority when 'low' then 'normal' when 'normal' then 'high' else 'urgent' end
                      else t.priority end,
           team_id = coalesce(a.team_id, t.team_id),
           assignee_id = case when a.user_id is not null then a.user_id
                              when a.team_id is not null then null
                              else t.assignee_id end
      from actions a
     where t.id = a.ticket_id
    returning 1
  ), woken as (
    select pg_notify('workgrid_outbox', 'sla') from outbox limit 1
  )
  select (select count(*) from new_events where kind = 'warning')::integer,
         (select count(*) from new_events where kind = 'breach')::integer,
         (select count(*) from escalated)::integer
    from (select count(*) from woken) w, (select count(*) from rescheduled) r
$$;
