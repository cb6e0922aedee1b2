-- Rows that point at any entity (comments, activity, tags, links, files) are visible only to callers
-- who may see the entity itself: a comment on a task in a private project, or on another
-- requester's ticket, must not leak through the comments table. app.can_see_entity is the one
-- place that answers "may the caller see this entity?"; each domain migration that adds an entity
-- kind replaces it with a version that adds its case, answered by the entity table's own RLS
-- (the function runs as the caller, so `exists (select from <table> where id = ...)` is exactly
-- "the caller can select it"). Kinds without a case are visible to whoever passes the pointing
-- row's own policy, as before.

create function app.can_see_entity(entity_type text, entity_id uuid) returns boolean
language sql stable
as $$ select true $$;
comment on function app.can_see_entity(text, uuid) is
  'True when the caller may see the entity (by the entity table''s RLS), or when nothing is named (a file '
  'attached to no entity). Replaced by each migration that adds an entity kind.';

alter policy comments_select on public.comments
  using ((org_id = (select app.org_id())
          and ((select app.is_staff()) or ((select app.is_org_member()) and visibility = 'public'))
          and app.can_see_entity(entity_type, entity_id))
         or (select app.engine_trusts_metadata()));
alter policy comments_insert on public.comments
  with check (org_id = (select app.org_id())
              and author_id = (select app.user_id())
              and ((select app.is_staff()) or ((select app.is_org_member()) and visibility = 'public'))
              and app.can_see_entity(entity_type, entity_id));

alter policy activity_feed_select on public.activity_feed
  using ((org_id = (select app.org_id()) and (select app.is_staff()) and app.can_see_entity(entity_type, entity_id))
         or (select app.engine_trusts_metadata()));

alter policy entity_tags_select on public.entity_tags
  using ((org_id = (select app.org_id()) and (select app.is_staff()) and app.can_see_entity(entity_type, entity_id))
         or (select app.engine_trusts_metadata()));
alter policy entity_tags_insert on public.entity_tags
  with check (org_id = (select app.org_id()) and (select app.is_staff()) and created_by = (select app.user_id())
              and app.can_see_entity(entity_type, entity_id));

alter policy entity_links_select on public.entity_links
  using ((org_id = (select app.org_id()) and (select app.is_staff())
          and app.can_see_entity(source_type, source_id) and app.can_see_entity(target_type, target_id))
         or (select app.engine_trusts_metadata()));
alter policy entity_links_insert on public.entity_links
  with check (org_id = (select app.org_id()) and (select app.is_staff()) and created_by = (select app.user_id())
              and app.can_see_entity(source_type, source_id) and app.can_see_entity(target_type, target_id));

alter policy files_select on public.files
  using ((org_id = (select app.org_id())
          and ((select app.is_staff())
               or ((select app.is_org_member())
                   and (visibility = 'public' or uploaded_by = (select app.user_id()))))
          and app.can_see_entity(entity_type, entity_id))
         or (select app.engine_trusts_metadata()));
