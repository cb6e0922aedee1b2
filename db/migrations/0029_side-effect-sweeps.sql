-- Cross-tenant questions the worker's repeatable jobs must ask: which members want a digest now,
-- and which follow-up sends (webhook deliveries, emails) are overdue because their job was lost
-- (Redis restarted without its data). The worker's role may not read across orgs under RLS, so
-- these security definer functions answer with ids only; the jobs then act per org under RLS.

create function app.digest_recipients(frequency text)
returns table (org_id uuid, user_id uuid)
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select distinct p.org_id, p.user_id
    from public.notification_preferences p
    join public.users u on u.id = p.user_id and u.disabled_at is null
   where p.channel = 'email' and p.digest = frequency and p.enabled
     and (p.muted_until is null or p.muted_until <= now())
$$;
comment on function app.digest_recipients(text) is
  'Worker only: (org, member) pairs with an enabled, unmuted email preference whose digest is frequency.';

create function app.overdue_side_effects(grace interval)
returns table (kind text, id uuid, org_id uuid)
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select 'webhook_delivery', d.id, d.org_id
    from public.webhook_deliveries d
   where (d.status = 'pending' and d.created_at < now() - grace)
      or (d.status = 'failed' and d.next_attempt_at < now() - grace)
  union all
  select 'email', e.id, e.org_id
    from public.email_log e
   where e.status = 'queued' and e.updated_at < now() - grace
   limit 1000
$$;
comment on function app.overdue_side_effects(interval) is
  'Worker only: webhook deliveries and emails whose next step is overdue by more than grace (their job was lost).';

revoke execute on function app.digest_recipients(text), app.overdue_side_effects(interval) from public, workgrid_engine;
grant execute on function app.digest_recipients(text), app.overdue_side_effects(interval) to workgrid_app;
