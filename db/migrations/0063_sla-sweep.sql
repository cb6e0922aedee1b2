-- SLA events and escalation. The worker calls app.sla_sweep() every 30 seconds: one statement that
-- finds, over all tenants, every running clock whose warning or due time has passed, records each
-- (ticket, target, kind) once in sla_events (the unique key makes reruns, overlapping sweeps and
-- worker restarts harmless), emits one outbox event per new event and applies the escalation rules
-- of the ticket's policy to new events.

create table public.sla_events (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.orgs (id) on delete cascade,
  ticket_id uuid not null,
  target text not null check (target in ('first_response', 'resolution')),
  kind text not null check (kind in ('warning', 'breach')),
  due_at timestamptz not null,
  occurred_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  unique (ticket_id, target, kind),
  foreign key (org_id, ticket_id) references public.tickets (org_id, id) on delete cascade
);
comment on table public.sla_events is
  'SLA warnings (warn_at_percent of a target elapsed) and breaches (target passed): at most one per ticket, '
  'target and kind. Append-only history written by app.sla_sweep() only (like activity_feed: no audit '
  'trigger, no update or delete; each event also leaves its outbox event).';
create index sla_events_org_id_idx on public.sla_events (org_id, occurred_at);

alter table public.sla_events enable row level security;
alter table public.sla_events force row level security;
-- Append-only, so no row triggers; live queries still learn of new events.
select app.install_change_notify('public.sla_events');
create policy sla_events_select on public.sla_events for select
  using ((org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager', 'agent')) and exists (select from public.tickets t where t.id = ticket_id))
         or (select app.engine_trusts_metadata()));
grant select on public.sla_events to workgrid_engine, workgrid_app;

create table public.sla_escalation_rules (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  policy_id uuid not null,
  target text not null check (target in ('first_response', 'resolution')),
  kind text not null default 'breach' check (kind in ('warning', 'breach')),
  action text not null check (action in ('notify_managers', 'raise_priority', 'reassign')),
  reassign_team_id uuid,
  reassign_user_id uuid references public.users (id) on delete cascade,
  created_by uuid default app.user_id() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (action <> 'reassign' or reassign_team_id is not null or reassign_user_id is not null),
  foreign key (org_id, policy_id) references public.sla_policies (org_id, id) on delete cascade,
  foreign key (org_id, reassign_team_id) references public.teams (org_id, id) on delete cascade
);
comment on table public.sla_escalation_rules is
  'What happens when a ticket of a policy gets a warning or breach of a target: notify the org''s managers '
  '(and the team leads of its queue), raise the priority one step, or reassign to a queue and/or agent.';
create index sla_escalation_rules_org_id_idx on public.sla_escalation_rules (org_id, policy_id);
select app.install_row_triggers('public.sla_escalation_rules');

alter table public.sla_escalation_rules enable row level security;
alter table public.sla_escalation_rules force row level security;
create policy sla_escalation_rules_select on public.sla_escalation_rules for select
  using ((org_id = (select app.org_id()) and (select app.is_staff())) or (select app.engine_trusts_metadata()));
create policy sla_escalation_rules_insert on public.sla_escalation_rules for insert
  with check (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager'))
              and created_by = (select app.user_id()));
create policy sla_escalation_rules_update on public.sla_escalation_rules for update
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager')))
  with check (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager')));
create policy sla_escalation_rules_delete on public.sla_escalation_rules for delete
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager')));
grant select, delete on public.sla_escalation_rules to workgrid_engine, workgrid_app;
grant insert (id, org_id, policy_id, target, kind, action, reassign_team_id, reassign_user_id, created_by)
  on public.sla_escalation_rules to workgrid_engine, workgrid_app;
grant update (target, kind, action, reassign_team_id, reassign_user_id) on public.sla_escalation_rules to workgrid_engine, workgrid_app;

-- Runs as the owner (it reads and writes across tenants); the execute grant (workgrid_app only) is
-- the role check. One statement whatever the number of tickets and tenants.
create function app.sla_sweep(sweep_time timestamptz default now())
returns table (warnings integer, breaches integer, escalations integer)
language sql volatile security definer
set search_path = pg_catalog, public
as $$
  with due as (
    select t.org_id, t.id as ticket_id, 'first_response' as target, t.first_response_due_at as due_at, t.sla_policy_id
      from public.tickets t
     where t.sla_paused_at is null and t.first_response_at is null and t.first_response_warn_at <= sweep_time
    union all
    select t.org_id, t.id, 'resolution', t.resolution_due_at, t.sla_policy_id
      from public.tickets t
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
    from (select count(*) from woken) w
$$;
comment on function app.sla_sweep(timestamptz) is
  'Worker only: records due SLA warnings and breaches of all tenants once each, emits their outbox events '
  'and applies escalation rules; returns how many of each were new.';
revoke execute on function app.sla_sweep(timestamptz) from public, workgrid_engine;
grant execute on function app.sla_sweep(timestamptz) to workgrid_app;

-- Who hears of an SLA warning or breach: the assignee, and when the policy says so the org's
-- managers, admins and owners and the leads of the ticket's queue. Background work of the org only.
create function app.sla_event_recipients(ticket uuid, include_managers boolean) returns uuid[]
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select coalesce(array_agg(distinct r.user_id order by r.user_id), '{}')
    from public.tickets t
    cross join lateral (
      select t.assignee_id as user_id
      union all
      select m.user_id from public.org_memberships m
       where include_managers and m.org_id = t.org_id and m.role in ('owner', 'admin', 'manager')
      union all
      select tm.user_id from public.team_members tm
       where include_managers and tm.org_id = t.org_id and tm.team_id = t.team_id and tm.role = 'lead'
    ) r
    join public.org_memberships m on m.org_id = t.org_id and m.user_id = r.user_id
    join public.users u on u.id = r.user_id and u.disabled_at is null
   where app.session_role() = 'service' and t.org_id = app.org_id() and t.id = ticket
$$;
comment on function app.sla_event_recipients(uuid, boolean) is
  'Background work of an org (role service) only: members to notify of an SLA event of a ticket.';
revoke execute on function app.sla_event_recipients(uuid, boolean) from public, workgrid_engine;
grant execute on function app.sla_event_recipients(uuid, boolean) to workgrid_app;

select app.install_read_only_guards();
