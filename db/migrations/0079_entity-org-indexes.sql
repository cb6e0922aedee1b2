-- A relationship from an entity to its comments or activity (task → comments) joins on entity_id, and
-- the engine's select permission adds the caller's org (`org_id = X-Hasura-Org-Id`, mirroring the
-- policy). With the (entity_id, created_at) indexes of 0072 the planner combined two bitmaps for that:
-- the entity's few rows and the org's whole range (6,000 comments in the benchmark), because it takes
-- the two conditions for independent; reading the org's range cost 60 % of a list of 100 tasks with
-- their 5 latest comments. With org_id second, one index scan serves both conditions and still
-- yields an entity's rows of one org newest first; a reader that has no org filter of its own
-- (PostGraphile in the benchmark) seeks on entity_id alone as before.
drop index public.comments_entity_idx;
create index comments_entity_idx on public.comments (entity_id, org_id, created_at);
drop index public.activity_feed_entity_idx;
create index activity_feed_entity_idx on public.activity_feed (entity_id, org_id, created_at desc);
