-- Entity visibility the planner can see. Until now the policies of comments, activity, tags, links
-- and files called app.can_see_entity(entity_type, entity_id) for each row: a SQL function with a
-- subquery is never inlined, so every row ran it as a separate query, and inside it the entity
-- table's policies evaluated the caller's org role and project helpers again (a list of 100 tasks
-- with their 5 latest comments spent ~2 s in 600 such calls).
--
-- The policies now ask `exists (select from app.visible_entity(entity_type, entity_id))`. A
-- set-returning SQL function is inlined into the statement, so for the kind most rows point at
-- (tasks: their comments, activity and tags) the check becomes an index probe of tasks under its own
-- RLS, whose session lookups run once per statement. Other kinds go on asking app.can_see_entity,
-- which stays the one place that lists every kind: inlining all of them would make the planner
-- expand six tables' policies for every reference to a pointing table (~10x the planning time).
-- Who sees what is unchanged: both answer with the entity table's RLS.

create function app.visible_entity(entity_type text, entity_id uuid) returns setof boolean
language sql stable
as $$
  select true
   where case entity_type
           when 'task' then exists (select from public.tasks t where t.id = entity_id)
           else app.can_see_entity(entity_type, entity_id)
         end
$$;
comment on function app.visible_entity(text, uuid) is
  'One row when the caller may see the entity, none otherwise: app.can_see_entity with the task case inlined '
  'into the policies that ask `exists (select from app.visible_entity(..))`.';

alter policy comments_select on public.comments
  using ((org_id = (select app.org_id())
          and ((select app.is_staff()) or ((select app.is_org_member()) and visibility = 'public'))
          and exists (select from app.visible_entity(entity_type, entity_id)))
         or (select app.engine_trusts_metadata()));
alter policy comments_insert on public.comments
  with check (org_id = (select app.org_id())
              and author_id = (select app.user_id())
              and ((select app.is_staff()) or ((select app.is_org_member()) and visibility = 'public'))
              and exists (select from app.visible_entity(entity_type, entity_id)));

alter policy activity_feed_select on public.activity_feed
  using ((org_id = (select app.org_id()) and (select app.is_staff())
          and exists (select from app.visible_entity(entity_type, entity_id)))
         or (select app.engine_trusts_metadata()));

alter policy entity_tags_select on public.entity_tags
  using ((org_id = (select app.org_id()) and (select app.is_staff())
          and exists (select from app.visible_entity(entity_type, entity_id)))
         or (select app.engine_trusts_metadata()));
alter policy entity_tags_insert on public.entity_tags
  with check ((org_id = (select app.org_id()) and (select app.is_staff()) and created_by = (select app.user_id())
               and exists (select from app.visible_entity(entity_type, entity_id)))
              or (org_id = (select app.org_id()) and (select app.is_service())
                  and exists (select from app.visible_entity(entity_type, entity_id))));

alter policy entity_links_select on public.entity_links
  using ((org_id = (select app.org_id()) and (select app.is_staff())
          and exists (select from app.visible_entity(source_type, source_id))
          and exists (select from app.visible_entity(target_type, target_id)))
         or (select app.engine_trusts_metadata()));
alter policy entity_links_insert on public.entity_links
  with check (org_id = (select app.org_id()) and (select app.is_staff()) and created_by = (select app.user_id())
              and exists (select from app.visible_entity(source_type, source_id))
              and exists (select from app.visible_entity(target_type, target_id)));

alter policy files_select on public.files
  using ((org_id = (select app.org_id())
          and ((select app.is_staff())
               or ((select app.is_org_member())
                   and (visibility = 'public' or uploaded_by = (select app.user_id()))))
          and exists (select from app.visible_entity(entity_type, entity_id))
          and (entity_type is null or entity_type <> 'ticket' or visibility = 'public'
               or uploaded_by = (select app.user_id()) or (select app.has_org_role('owner', 'admin', 'manager', 'agent'))))
         or (select app.engine_trusts_metadata()));

-- Relationships from an entity (task → comments, activity, tags) join on entity_id alone. The
-- (org_id, entity_type, entity_id) indexes cannot seek past entity_type, so they read the org's
-- whole range for each entity; and a reader that relies on RLS alone (no org filter of its own)
-- cannot use an index that leads with org_id, because the policies' org test sits in an OR. Entity
-- ids are unique across kinds, so indexes that lead with entity_id serve every lookup of an
-- entity's rows; each table keeps an index leading with org_id.
drop index public.comments_entity_idx;
create index comments_entity_idx on public.comments (entity_id, created_at);
drop index public.activity_feed_entity_idx;
create index activity_feed_entity_idx on public.activity_feed (entity_id, created_at desc);
create index entity_tags_entity_id_idx on public.entity_tags (entity_id);

-- No JIT compilation for this database's sessions: the API runs short statements, but statements
-- with many policies (a user with every relationship and aggregate) pass jit_above_cost on their
-- estimates, and compiling their expressions took 6-9 s for a statement that runs in 80 ms.
do $$ begin execute format('alter database %I set jit = off', current_database()); end $$;

-- The session helpers behind every policy (org role, the caller's orgs, visible users, teams) run
-- once per statement as init plans. As SQL functions that cannot be inlined (security definer) their
-- body was parsed and planned again at every one of those calls — most of a primary-key lookup's
-- time. PL/pgSQL keeps the plan for the session; the queries and answers are unchanged.
create or replace function app.org_role() returns text
language plpgsql stable security definer
set search_path = pg_catalog, public
as $$
begin
  return (select m.role
            from public.org_memberships m
            join public.users u on u.id = m.user_id and u.disabled_at is null
           where m.org_id = app.org_id()
             and m.user_id = app.user_id());
end
$$;

create or replace function app.user_org_ids() returns uuid[]
language plpgsql stable security definer
set search_path = pg_catalog, public
as $$
begin
  return (select coalesce(array_agg(m.org_id), '{}')
            from public.org_memberships m
           where m.user_id = app.user_id());
end
$$;

create or replace function app.visible_user_ids() returns uuid[]
language plpgsql stable security definer
set search_path = pg_catalog, public
as $$
begin
  return (select coalesce(array_agg(m.user_id), '{}')
            from public.org_memberships m
           where m.org_id = app.org_id()
             and app.org_role() is not null
             and (app.is_staff()
                  or m.user_id = app.user_id()
                  or m.role in ('owner', 'admin', 'manager', 'agent', 'member')));
end
$$;

create or replace function app.my_team_ids() returns uuid[]
language plpgsql stable security definer
set search_path = pg_catalog, public
as $$
begin
  return (select coalesce(array_agg(tm.team_id), '{}')
            from public.team_members tm
           where tm.org_id = app.org_id() and tm.user_id = app.user_id());
end
$$;
