-- The security events of app_private.auth_events (0023) as the org's owners and admins may see
-- them, for the GraphQL API (root field security_events). Two kinds of rows:
--   * events of the org (org_id set: sign-ins into it, MFA and API key changes made in it,
--     membership changes), with the client's IP address and user agent;
--   * account events without an org (failed sign-ins, password resets, sign-outs by refresh token,
--     email verification) of people who are members of the org, from the day they joined, once per
--     org they belong to. These concern the person, not this org, so their IP address and user
--     agent stay hidden: an admin of one org must not learn where a member works from for another.
-- Failed sign-ins for unknown addresses name nobody and appear nowhere.
--
-- A view owned by the owner role reads app_private (which the engine role cannot reach); its own
-- filter is the row security: the session org, and owners or admins only (security_barrier keeps a
-- caller's predicates from running before it). In compose mode session-less engine statements rely
-- on the metadata filter, as everywhere else (app.engine_trusts_metadata()).

create view public.security_events with (security_barrier) as
select scoped.*
  from (
    select e.id, e.org_id, false as account_event, e.event, e.user_id,
           host(e.ip) as ip, e.user_agent, e.detail, e.request_id, e.occurred_at
      from app_private.auth_events e
     where e.org_id is not null
    union all
    select e.id, m.org_id, true, e.event, e.user_id,
           null, null, e.detail, e.request_id, e.occurred_at
      from app_private.auth_events e
      join public.org_memberships m on m.user_id = e.user_id and m.created_at <= e.occurred_at
     where e.org_id is null
  ) as scoped
 where (scoped.org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')))
    or (select app.engine_trusts_metadata());
comment on view public.security_events is
  'Security events of the session org and account events of its members, for its owners and admins (no secrets; '
  'IP address and user agent only for events of the org).';
comment on column public.security_events.account_event is
  'True for an event of the member''s account that belongs to no org (shown to every org the member is in).';

grant select on public.security_events to workgrid_engine, workgrid_app;
