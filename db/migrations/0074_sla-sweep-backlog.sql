-- What a backlog sweep (after an outage of the worker: tens of thousands of warnings and breaches
-- at once) and every steady-state sweep spent besides writing its rows:
--   - the schedule's next time came from app.sla_next_event_at, a security-definer function (never
--     inlined: its own search_path and query) called once per recorded ticket;
--   - each new event's escalation rules were found through an index led by org_id, i.e. a scan of
--     that whole index per event;
--   - every escalation updated its ticket even when the rules changed nothing (a ticket already
--     urgent): a version, an audit row and the row triggers for no change;
--   - the SQL function was planned without the sweep time (a third of all tickets estimated due),
--     so it hash-joined every ticket and every schedule row, and compiled itself with JIT.
-- The rules are unchanged: exactly once per (ticket, target, kind) rests on sla_events' unique key,
-- every new event writes its outbox event and applies its escalation rules.

-- The next unrecorded warning or due time after `after` of a running clock, as an inlinable
-- table function (SQL, not security definer, no SET): the sweep computes it inside its own plan,
-- for all its tickets at once.
create function app.sla_next_event(ticket uuid, paused_at timestamptz, first_response_at timestamptz,
                                   first_response_warn_at timestamptz, first_response_due_at timestamptz,
                                   resolution_warn_at timestamptz, resolution_due_at timestamptz,
                                   after timestamptz default '-infinity')
returns table (next_event_at timestamptz)
language sql stable
as $$
  select min(e.at)
    from (values ('first_response', 'warning', case when first_response_at is null then first_response_warn_at end),
                 ('first_response', 'breach', case when first_response_at is null then first_response_due_at end),
                 ('resolution', 'warning', resolution_warn_at),
                 ('resolution', 'breach', resolution_due_at)) e (target, kind, at)
   where paused_at is null and e.at > after
     and not exists (select from public.sla_events s where s.ticket_id = ticket and s.target = e.target and s.kind = e.kind)
$$;
comment on function app.sla_next_event(uuid, timestamptz, timestamptz, timestamptz, timestamptz, timestamptz, timestamptz, timestamptz) is
  'The earliest SLA warning or due time (after `after`) of a running clock whose event is not recorded yet '
  '(one row; null when none). Inlined into the queries of the ticket triggers and the sweep.';
revoke execute on function app.sla_next_event(uuid, timestamptz, timestamptz, timestamptz, timestamptz, timestamptz, timestamptz, timestamptz)
  from public;

create or replace function app.sla_next_event_at(ticket uuid, paused_at timestamptz, first_response_at timestamptz,
                                                 first_response_warn_at timestamptz, first_response_due_at timestamptz,
                                                 resolution_warn_at timestamptz, resolution_due_at timestamptz,
                                                 after timestamptz default '-infinity') returns timestamptz
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select n.next_event_at
    from app.sla_next_event(ticket, paused_at, first_response_at, first_response_warn_at, first_response_due_at,
                            resolution_warn_at, resolution_due_at, after) n
$$;

-- The sweep looks up the rules of each new event's policy, target and kind.
create index sla_escalation_rules_policy_idx on public.sla_escalation_rules (policy_id, target, kind);

-- PL/pgSQL rather than SQL: its statement is planned with the sweep time's value, so a sweep with
-- nothing due reads the schedule index alone. work_mem keeps a backlog's intermediate rows in memory.
create or replace function app.sla_sweep(sweep_time timestamptz default now())
returns table (warnings integer, breaches integer, escalations integer)
language plpgsql volatile security definer
set search_path = pg_catalog, public
set jit = off
set work_mem = '32MB'
as $$
begin
  return query
  with ripe as (
    -- Everything due by sweep_time is recorded now (or was before): the next event comes after it.
    update app_private.sla_schedule s
       set next_event_at = n.next_event_at
      from public.tickets t
      cross join lateral app.sla_next_event(t.id, t.sla_paused_at, t.first_response_at, t.first_response_warn_at,
                                            t.first_response_due_at, t.resolution_warn_at, t.resolution_due_at, sweep_time) n
     where s.next_event_at <= sweep_time and t.id = s.ticket_id
    returning t.org_id, t.id, t.sla_policy_id, t.sla_paused_at, t.first_response_at, t.first_response_warn_at,
              t.first_response_due_at, t.resolution_warn_at, t.resolution_due_at
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
  ), new_events as (
    select i.*, c.sla_policy_id
      from inserted i
      join candidates c on c.ticket_id = i.ticket_id and c.target = i.target and c.kind = i.kind
  ), rules as (
    select n.id as event_id, n.ticket_id, r.action, r.reassign_team_id, r.reassign_user_id, r.created_at,
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
                              'notify_managers', n.id in (select r.event_id from rules r where r.action = 'notify_managers')),
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
  ), escalation_targets as (
    select a.ticket_id,
           case when a.raise then
             case t.priority when 'low' then 'normal' when 'normal' then 'high' else 'urgent' end
           else t.priority end as priority,
           coalesce(a.team_id, t.team_id) as team_id,
           case when a.user_id is not null then a.user_id
                when a.team_id is not null then null
                else t.assignee_id end as assignee_id
      from actions a
      join public.tickets t on t.id = a.ticket_id
  ), escalated as (
    update public.tickets t
       set priority = e.priority, team_id = e.team_id, assignee_id = e.assignee_id
      from escalation_targets e
     where t.id = e.ticket_id
       -- Already as escalated as the rules ask (urgent, or in that queue with that agent): no update.
       and (t.priority, t.team_id, t.assignee_id) is distinct from (e.priority, e.team_id, e.assignee_id)
    returning 1
  ), woken as (
    select pg_notify('workgrid_outbox', 'sla') from outbox limit 1
  )
  select (select count(*) from new_events where kind = 'warning')::integer,
         (select count(*) from new_events where kind = 'breach')::integer,
         (select count(*) from escalated)::integer
    from (select count(*) from woken) w, (select count(*) from ripe) r;
end
$$;
