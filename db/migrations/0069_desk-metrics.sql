-- Dashboard metrics of the service desk over a date range, computed as the caller (RLS: an agent's
-- figures cover the tickets they see, a manager's the whole org). Served by the deskMetrics action.
--   open_by_*: tickets created in the range that are not resolved or closed, by status, priority, queue;
--   warnings, breaches: SLA events that occurred in the range;
--   at_risk: unresolved tickets whose clock runs and whose warning time has passed (breached or not);
--   first_response_* / resolution_*: business minutes (the policy's calendar; plain minutes without one)
--   from creation to the first public desk reply / to resolution, for tickets answered / resolved in
--   the range, per assignee and per queue: count, median, 90th percentile;
--   satisfaction: ratings given in the range: count, average, share of 4 and 5.

create function app.desk_metrics(from_time timestamptz, to_time timestamptz) returns jsonb
language sql stable
set search_path = pg_catalog, public
as $$
  with visible as (
    select t.*, p.calendar_id
      from public.tickets t
      left join public.sla_policies p on p.id = t.sla_policy_id
     where t.merged_into_id is null
  ), unresolved as (
    select * from visible where status not in ('resolved', 'closed')
  ), durations as (
    select 'first_response' as measure, v.assignee_id, v.team_id,
           app.business_minutes_between(v.calendar_id, v.created_at, v.first_response_at) as minutes
      from visible v where v.first_response_at >= from_time and v.first_response_at < to_time
    union all
    select 'resolution', v.assignee_id, v.team_id, app.business_minutes_between(v.calendar_id, v.created_at, v.resolved_at) - v.sla_paused_minutes
      from visible v where v.resolved_at >= from_time and v.resolved_at < to_time
  ), grouped as (
    select measure, dimension, key, count(*)::integer as tickets,
           round(percentile_cont(0.5) within group (order by minutes)::numeric, 1) as median_minutes,
           round(percentile_cont(0.9) within group (order by minutes)::numeric, 1) as p90_minutes
      from (select measure, 'agent' as dimension, assignee_id::text as key, minutes from durations
            union all
            select measure, 'team', team_id::text, minutes from durations) d
     group by measure, dimension, key
  ), counts as (
    select dimension, key, count(*)::integer as count
      from (select 'status' as dimension, status as key from unresolved where created_at >= from_time and created_at < to_time
            union all
            select 'priority', priority from unresolved where created_at >= from_time and created_at < to_time
            union all
            select 'team', team_id::text from unresolved where created_at >= from_time and created_at < to_time) c
     group by dimension, key
  )
  select jsonb_build_object(
    'from', from_time,
    'to', to_time,
    'open_by_status', coalesce((select jsonb_agg(jsonb_build_object('key', key, 'count', count) order by key) from counts where dimension = 'status'), '[]'),
    'open_by_priority', coalesce((select jsonb_agg(jsonb_build_object('key', key, 'count', count) order by key) from counts where dimension = 'priority'), '[]'),
    'open_by_team', coalesce((select jsonb_agg(jsonb_build_object('key', key, 'count', count) order by key) from counts where dimension = 'team'), '[]'),
    'warnings', (select count(*)::integer from public.sla_events e where e.kind = 'warning' and e.occurred_at >= from_time and e.occurred_at < to_time),
    'breaches', (select count(*)::integer from public.sla_events e where e.kind = 'breach' and e.occurred_at >= from_time and e.occurred_at < to_time),
    'at_risk', (select count(*)::integer from unresolved u
                 where u.sla_paused_at is null
                   and ((u.first_response_at is null and u.first_response_warn_at <= now()) or u.resolution_warn_at <= now())),
    'first_response_by_agent', coalesce((select jsonb_agg(to_jsonb(g) - 'measure' - 'dimension' order by key) from grouped g where measure = 'first_response' and dimension = 'agent'), '[]'),
    'first_response_by_team', coalesce((select jsonb_agg(to_jsonb(g) - 'measure' - 'dimension' order by key) from grouped g where measure = 'first_response' and dimension = 'team'), '[]'),
    'resolution_by_agent', coalesce((select jsonb_agg(to_jsonb(g) - 'measure' - 'dimension' order by key) from grouped g where measure = 'resolution' and dimension = 'agent'), '[]'),
    'resolution_by_team', coalesce((select jsonb_agg(to_jsonb(g) - 'measure' - 'dimension' order by key) from grouped g where measure = 'resolution' and dimension = 'team'), '[]'),
    'satisfaction', (select jsonb_build_object('responses', count(*)::integer,
                                               'average', round(avg(satisfaction_rating), 2),
                                               'satisfied_percent', round(100.0 * count(*) filter (where satisfaction_rating >= 4) / nullif(count(*), 0), 1))
                       from visible where satisfaction_rated_at >= from_time and satisfaction_rated_at < to_time))
$$;
comment on function app.desk_metrics(timestamptz, timestamptz) is
  'Service-desk dashboard figures over [from_time, to_time) for the tickets the caller sees (see the migration header).';
