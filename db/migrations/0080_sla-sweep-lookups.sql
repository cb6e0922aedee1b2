-- Two costs of a backlog sweep (1,000,000 tickets, 80,000 events, 20,000 escalations):
--   - the sweep found its due tickets by hashing all tickets against the due schedule rows: it now
--     looks each one up by its key;
--   - raising an escalated ticket's priority recomputed its four due times in business hours even
--     when the new priority falls under the same policy, which gives the same times. The policy is
--     looked up first now; a policy's own edits reschedule its tickets (app.sla_reschedule), so the
--     times a ticket holds always follow its current policy.

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
    -- Each due ticket is looked up by its key (OFFSET 0 keeps the lookup per row): a hash join would
    -- read all tickets to find a backlog's tens of thousands.
    update app_private.sla_schedule s
       set next_event_at = n.next_event_at
      from app_private.sla_schedule d
      cross join lateral (select * from public.tickets t where t.id = d.ticket_id offset 0) t
      cross join lateral app.sla_next_event(t.id, t.sla_paused_at, t.first_response_at, t.first_response_warn_at,
                                            t.first_response_due_at, t.resolution_warn_at, t.resolution_due_at, sweep_time) n
     where d.next_event_at <= sweep_time and s.ticket_id = d.ticket_id
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

create or replace function app.tg_tickets__sla() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
declare
  waiting constant text[] := array['pending', 'on_hold', 'resolved', 'closed'];
  calendar_id uuid;
begin
  if tg_op = 'INSERT' then
    new.sla_started_at := now();
    new.sla_paused_minutes := 0;
    new.sla_paused_at := null;
    return app.ticket_sla_schedule(new);
  end if;
  if new.status is distinct from old.status then
    if new.status = any (waiting) and old.sla_paused_at is null then
      new.sla_paused_at := now();
    elsif not (new.status = any (waiting)) and old.sla_paused_at is not null then
      select p.calendar_id into calendar_id from public.sla_policies p where p.id = old.sla_policy_id;
      new.sla_paused_minutes := old.sla_paused_minutes + app.business_minutes_between(calendar_id, old.sla_paused_at, now());
      new.sla_paused_at := null;
      return app.ticket_sla_schedule(new);
    end if;
  end if;
  if (new.priority is distinct from old.priority or new.category_id is distinct from old.category_id)
     and (app.sla_policy_for(new.org_id, new.priority, new.category_id)).id is distinct from old.sla_policy_id then
    return app.ticket_sla_schedule(new);
  end if;
  return new;
end
$$;
