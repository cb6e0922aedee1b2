-- Who hears of a ticket's conversation. Background work of an org may not read memberships under
-- RLS, so it asks here. Two audiences, kept apart so that an internal note can never reach the
-- requester's side:
--   desk:   the assignee and the watchers who are desk staff (owners, admins, managers, agents);
--   public: the requester and every watcher.
create function app.ticket_audience(ticket uuid, audience text) returns uuid[]
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select coalesce(array_agg(distinct r.user_id order by r.user_id), '{}')
    from public.tickets t
    cross join lateral (
      select t.assignee_id as user_id where audience = 'desk'
      union all
      select t.requester_id where audience = 'public'
      union all
      select w.user_id from public.ticket_watchers w where w.ticket_id = t.id
    ) r
    join public.org_memberships m on m.org_id = t.org_id and m.user_id = r.user_id
    join public.users u on u.id = r.user_id and u.disabled_at is null
   -- The execute grant (workgrid_app only) stands in for app.is_service()'s role check.
   where app.session_role() = 'service' and t.org_id = app.org_id() and t.id = ticket
     and (audience = 'public' or m.role in ('owner', 'admin', 'manager', 'agent'))
$$;
comment on function app.ticket_audience(uuid, text) is
  'Background work of an org (role service) only: members to notify about a ticket, desk (assignee and staff '
  'watchers) or public (requester and watchers).';
revoke execute on function app.ticket_audience(uuid, text) from public, workgrid_engine;
grant execute on function app.ticket_audience(uuid, text) to workgrid_app;
