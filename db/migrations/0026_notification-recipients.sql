-- Recipients of org-wide notifications (a webhook disabled, a delivery dead): background work of an
-- org may not read its memberships under RLS, so it asks this function for the owners and admins.

create function app.org_admin_ids() returns uuid[]
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select coalesce(array_agg(m.user_id order by m.user_id), '{}')
    from public.org_memberships m
    join public.users u on u.id = m.user_id
   -- Inside a security definer function current_user is the owner, so app.is_service() cannot be
   -- used; the execute grant (workgrid_app only) stands in for its role check.
   where app.session_role() = 'service'
     and m.org_id = app.org_id()
     and m.role in ('owner', 'admin')
     and u.disabled_at is null
$$;
comment on function app.org_admin_ids() is
  'Background work of an org (role service) only: the owners and admins of the session org who can sign in; '
  'empty for anyone else.';

revoke execute on function app.org_admin_ids() from public, workgrid_engine;
grant execute on function app.org_admin_ids() to workgrid_app;
