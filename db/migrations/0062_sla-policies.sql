-- SLA policies and business calendars. A policy gives, for tickets of a priority and/or category,
-- a first-response and a resolution target in business minutes of a calendar (working hours per
-- weekday, holidays, IANA time zone). Due times are computed here and stored on the ticket, so the
-- sweep compares columns and subscriptions show live countdowns.
--
-- The clock of a ticket starts when it is created; it stands still while the ticket waits (pending,
-- on hold) or is resolved or closed: those business minutes are added to sla_paused_minutes when the
-- ticket is worked again, and the due times move by them. Changing priority or category picks the
-- policy again and recomputes the due times from the same start.

create table public.business_calendars (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 120),
  time_zone text not null default 'UTC',
  working_hours jsonb not null default
    '{"1": [["09:00", "17:00"]], "2": [["09:00", "17:00"]], "3": [["09:00", "17:00"]], "4": [["09:00", "17:00"]], "5": [["09:00", "17:00"]]}'
    check (jsonb_typeof(working_hours) = 'object'),
  holidays date[] not null default '{}',
  created_by uuid default app.user_id() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (org_id, id)
);
comment on table public.business_calendars is
  'Working time of a desk: working_hours maps ISO weekdays ("1" = Monday … "7" = Sunday) to lists of '
  '["HH:MM", "HH:MM"] local intervals (end may be "24:00"); holidays are local dates without working time.';
create index business_calendars_org_id_idx on public.business_calendars (org_id);

create function app.tg_business_calendars__check() returns trigger
language plpgsql volatile
as $$
begin
  if not exists (select from pg_catalog.pg_timezone_names where name = new.time_zone) then
    raise exception 'calendar_time_zone_invalid' using hint = 'time_zone must be an IANA time zone name such as Europe/Paris.';
  end if;
  if exists (
    select from jsonb_each(new.working_hours) as day(weekday, intervals)
     where day.weekday not in ('1', '2', '3', '4', '5', '6', '7')
        or jsonb_typeof(day.intervals) <> 'array'
        or exists (select from jsonb_array_elements(day.intervals) as i
                    where jsonb_typeof(i) <> 'array' or jsonb_array_length(i) <> 2
                       or (i ->> 0) !~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'
                       or (i ->> 1) !~ '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$'
                       or (i ->> 0)::time >= (i ->> 1)::time and (i ->> 1) <> '24:00')) then
    raise exception 'calendar_hours_invalid' using hint = 'working_hours: {"1": [["09:00", "17:00"]], …} with weekdays 1–7 and start before end.';
  end if;
  return new;
end
$$;
comment on function app.tg_business_calendars__check() is 'Validates the time zone and the working hours of a calendar.';
create trigger _120_check before insert or update of time_zone, working_hours on public.business_calendars
  for each row execute function app.tg_business_calendars__check();
select app.install_row_triggers('public.business_calendars');

-- The working intervals of a calendar, in real time, that end after from_time, in order, up to
-- horizon days ahead. Intervals are built from local wall-clock times and converted with the
-- calendar's time zone, so a working day that spans a DST change is as long as it really is.
create function app.calendar_intervals(calendar public.business_calendars, from_time timestamptz, horizon_days integer default 800)
returns table (starts_at timestamptz, ends_at timestamptz)
language sql stable
as $$
  select greatest(from_time, (d.day + (i ->> 0)::time) at time zone calendar.time_zone),
         (d.day + (i ->> 1)::time) at time zone calendar.time_zone
    from generate_series((from_time at time zone calendar.time_zone)::date::timestamp,
                         ((from_time at time zone calendar.time_zone)::date + horizon_days)::timestamp, interval '1 day') as d(day)
    cross join lateral jsonb_array_elements(coalesce(calendar.working_hours -> extract(isodow from d.day)::text, '[]')) as i
   where not (d.day::date = any (calendar.holidays))
     and (d.day + (i ->> 1)::time) at time zone calendar.time_zone > from_time
   order by 1
$$;
comment on function app.calendar_intervals(public.business_calendars, timestamptz, integer) is
  'Working intervals of a calendar (real time) ending after from_time, for horizon_days.';

create function app.business_add_minutes(calendar_id uuid, start_time timestamptz, minutes numeric)
returns timestamptz
language plpgsql stable
set search_path = pg_catalog, public
as $$
declare
  calendar public.business_calendars;
  remaining numeric := minutes;
  slot record;
  available numeric;
begin
  if calendar_id is null then
    return start_time + make_interval(secs => minutes * 60);
  end if;
  select * into calendar from public.business_calendars c where c.id = calendar_id;
  if not found then
    return start_time + make_interval(secs => minutes * 60);
  end if;
  if remaining <= 0 then
    return start_time;
  end if;
  for slot in select * from app.calendar_intervals(calendar, start_time) loop
    available := extract(epoch from slot.ends_at - slot.starts_at) / 60;
    if remaining <= available then
      return slot.starts_at + make_interval(secs => remaining * 60);
    end if;
    remaining := remaining - available;
  end loop;
  return null;
end
$$;
comment on function app.business_add_minutes(uuid, timestamptz, numeric) is
  'start_time plus minutes of working time of the calendar (plain minutes without a calendar); '
  'null when the calendar has no working time in the next 800 days.';

create function app.business_minutes_between(calendar_id uuid, from_time timestamptz, to_time timestamptz)
returns numeric
language plpgsql stable
set search_path = pg_catalog, public
as $$
declare
  calendar public.business_calendars;
begin
  if to_time <= from_time then
    return 0;
  end if;
  select * into calendar from public.business_calendars c where c.id = calendar_id;
  if not found then
    return extract(epoch from to_time - from_time) / 60;
  end if;
  return coalesce((
    select sum(extract(epoch from least(i.ends_at, to_time) - i.starts_at) / 60)
      from app.calendar_intervals(calendar, from_time, (extract(epoch from to_time - from_time) / 86400)::integer + 2) as i
     where i.starts_at < to_time), 0);
end
$$;
comment on function app.business_minutes_between(uuid, timestamptz, timestamptz) is
  'Minutes of working time of the calendar between two instants (plain minutes without a calendar).';

alter table public.business_calendars enable row level security;
alter table public.business_calendars force row level security;
create policy business_calendars_select on public.business_calendars for select
  using ((org_id = (select app.org_id()) and (select app.is_staff())) or (select app.engine_trusts_metadata()));
create policy business_calendars_insert on public.business_calendars for insert
  with check (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager'))
              and created_by = (select app.user_id()));
create policy business_calendars_update on public.business_calendars for update
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager')))
  with check (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager')));
create policy business_calendars_delete on public.business_calendars for delete
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager')));

grant select, delete on public.business_calendars to workgrid_engine, workgrid_app;
grant insert (id, org_id, name, time_zone, working_hours, holidays, created_by) on public.business_calendars to workgrid_engine, workgrid_app;
grant update (name, time_zone, working_hours, holidays) on public.business_calendars to workgrid_engine, workgrid_app;

create table public.sla_policies (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 120),
  priority text check (priority in ('low', 'normal', 'high', 'urgent')),
  category_id uuid,
  calendar_id uuid,
  first_response_minutes integer check (first_response_minutes > 0),
  resolution_minutes integer check (resolution_minutes > 0),
  warn_at_percent integer not null default 80 check (warn_at_percent between 1 and 99),
  created_by uuid default app.user_id() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (org_id, id),
  foreign key (org_id, category_id) references public.request_categories (org_id, id) on delete cascade,
  foreign key (org_id, calendar_id) references public.business_calendars (org_id, id) on delete restrict
);
comment on table public.sla_policies is
  'Targets (business minutes of calendar_id, or plain minutes without one) for tickets of a priority and/or '
  'category; null means any. The most specific policy applies: category and priority, then category, then priority, then neither.';
create index sla_policies_org_id_idx on public.sla_policies (org_id);
create unique index sla_policies_scope_idx on public.sla_policies
  (org_id, coalesce(priority, ''), coalesce(category_id, '00000000-0000-0000-0000-000000000000'::uuid));
select app.install_row_triggers('public.sla_policies');

alter table public.sla_policies enable row level security;
alter table public.sla_policies force row level security;
create policy sla_policies_select on public.sla_policies for select
  using ((org_id = (select app.org_id()) and (select app.is_staff())) or (select app.engine_trusts_metadata()));
create policy sla_policies_insert on public.sla_policies for insert
  with check (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager'))
              and created_by = (select app.user_id()));
create policy sla_policies_update on public.sla_policies for update
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager')))
  with check (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager')));
create policy sla_policies_delete on public.sla_policies for delete
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager')));

grant select, delete on public.sla_policies to workgrid_engine, workgrid_app;
grant insert (id, org_id, name, priority, category_id, calendar_id, first_response_minutes, resolution_minutes, warn_at_percent, created_by)
  on public.sla_policies to workgrid_engine, workgrid_app;
grant update (name, priority, category_id, calendar_id, first_response_minutes, resolution_minutes, warn_at_percent)
  on public.sla_policies to workgrid_engine, workgrid_app;

alter table public.tickets
  add column sla_policy_id uuid,
  add column sla_started_at timestamptz not null default now(),
  add column sla_paused_at timestamptz,
  add column sla_paused_minutes numeric not null default 0,
  add column first_response_due_at timestamptz,
  add column first_response_warn_at timestamptz,
  add column resolution_due_at timestamptz,
  add column resolution_warn_at timestamptz,
  add foreign key (org_id, sla_policy_id) references public.sla_policies (org_id, id) on delete set null (sla_policy_id);
comment on column public.tickets.sla_paused_at is 'Since when the SLA clock stands still (pending, on hold, resolved, closed); null while it runs.';
comment on column public.tickets.sla_paused_minutes is 'Business minutes the clock stood still so far; due times move by them.';
comment on column public.tickets.first_response_due_at is 'When the first public reply of the desk is due (business time of the policy''s calendar).';
comment on column public.tickets.resolution_due_at is 'When resolution is due.';
create index tickets_sla_policy_idx on public.tickets (org_id, sla_policy_id);
-- The sweep reads only running clocks, by the instant an event becomes due.
create index tickets_first_response_sweep_idx on public.tickets (first_response_warn_at)
  where sla_paused_at is null and first_response_at is null and first_response_warn_at is not null;
create index tickets_resolution_sweep_idx on public.tickets (resolution_warn_at)
  where sla_paused_at is null and resolution_warn_at is not null;

create function app.sla_policy_for(ticket_org uuid, ticket_priority text, ticket_category uuid) returns public.sla_policies
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select p.*
    from public.sla_policies p
   where p.org_id = ticket_org
     and (p.priority is null or p.priority = ticket_priority)
     and (p.category_id is null or p.category_id = ticket_category)
   order by (p.category_id is not null) desc, (p.priority is not null) desc
   limit 1
$$;
comment on function app.sla_policy_for(uuid, text, uuid) is 'The most specific SLA policy of an org for a priority and category.';

-- Sets the policy and the due and warning times of a ticket row from its start and paused minutes.
create function app.ticket_sla_schedule(ticket public.tickets) returns public.tickets
language plpgsql stable
set search_path = pg_catalog, public
as $$
declare
  policy public.sla_policies := app.sla_policy_for(ticket.org_id, ticket.priority, ticket.category_id);
  paused numeric := ticket.sla_paused_minutes;
begin
  ticket.sla_policy_id := policy.id;
  ticket.first_response_due_at := app.business_add_minutes(policy.calendar_id, ticket.sla_started_at, policy.first_response_minutes + paused);
  ticket.first_response_warn_at := app.business_add_minutes(policy.calendar_id, ticket.sla_started_at,
                                                            policy.first_response_minutes * policy.warn_at_percent / 100.0 + paused);
  ticket.resolution_due_at := app.business_add_minutes(policy.calendar_id, ticket.sla_started_at, policy.resolution_minutes + paused);
  ticket.resolution_warn_at := app.business_add_minutes(policy.calendar_id, ticket.sla_started_at,
                                                        policy.resolution_minutes * policy.warn_at_percent / 100.0 + paused);
  return ticket;
end
$$;
comment on function app.ticket_sla_schedule(public.tickets) is 'The ticket with its SLA policy, due and warning times recomputed.';

create function app.tg_tickets__sla() returns trigger
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
  if new.priority is distinct from old.priority or new.category_id is distinct from old.category_id then
    return app.ticket_sla_schedule(new);
  end if;
  return new;
end
$$;
comment on function app.tg_tickets__sla() is
  'Schedules SLA due times on insert and on priority or category changes; stops the clock while the ticket '
  'waits and moves the due times by the paused business minutes when it is worked again.';
create trigger _140_sla before insert or update of priority, category_id, status on public.tickets
  for each row execute function app.tg_tickets__sla();

-- Re-schedules unresolved tickets of an org (only those under policies of one calendar, when given)
-- after a policy or a calendar changed.
create function app.sla_reschedule(target_org uuid, only_calendar uuid default null) returns void
language sql volatile security definer
set search_path = pg_catalog, public
as $$
  update public.tickets t
     set first_response_due_at = s.first_response_due_at, first_response_warn_at = s.first_response_warn_at,
         resolution_due_at = s.resolution_due_at, resolution_warn_at = s.resolution_warn_at, sla_policy_id = s.sla_policy_id
    from public.tickets o
    cross join lateral app.ticket_sla_schedule(o) s
   where t.id = o.id and o.org_id = target_org and o.status not in ('resolved', 'closed')
     and (only_calendar is null
          or o.sla_policy_id in (select p.id from public.sla_policies p where p.calendar_id = only_calendar))
$$;
comment on function app.sla_reschedule(uuid, uuid) is 'Recomputes the due times of an org''s unresolved tickets (of one calendar''s policies, when given).';
revoke execute on function app.sla_reschedule(uuid, uuid) from public, workgrid_engine, workgrid_app;

create function app.tg_sla_policies__reschedule() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
begin
  perform app.sla_reschedule(new.org_id);
  return null;
end
$$;
comment on function app.tg_sla_policies__reschedule() is 'A policy added or changed: which policy applies, and its targets, may change for any unresolved ticket.';
create trigger _600_reschedule after insert or update of priority, category_id, calendar_id, first_response_minutes,
  resolution_minutes, warn_at_percent on public.sla_policies
  for each row execute function app.tg_sla_policies__reschedule();

create function app.tg_business_calendars__reschedule() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
begin
  perform app.sla_reschedule(new.org_id, new.id);
  return null;
end
$$;
comment on function app.tg_business_calendars__reschedule() is 'Working hours, holidays or time zone changed: the due times under its policies move.';
create trigger _600_reschedule after update of time_zone, working_hours, holidays on public.business_calendars
  for each row execute function app.tg_business_calendars__reschedule();

select app.install_read_only_guards();
