-- Activity feed: what happened in an org, in human terms ("Ann commented on ..."). Append-only:
-- written by members for their own actions or by background work of the org; never changed.

create table public.activity_feed (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  actor_id uuid default app.user_id() references public.users (id) on delete set null,
  verb text not null check (verb ~ '^[a-z_]+(\.[a-z_]+)*$'),
  entity_type text not null references public.entity_types (value) on update cascade on delete restrict,
  entity_id uuid not null,
  summary text not null check (length(summary) <= 500),
  data jsonb not null default '{}',
  created_at timestamptz not null default now()
);
comment on table public.activity_feed is 'Append-only stream of what happened in an org, for feeds and entity histories.';
create index activity_feed_org_id_created_at_idx on public.activity_feed (org_id, created_at desc);
create index activity_feed_entity_idx on public.activity_feed (org_id, entity_type, entity_id, created_at desc);

alter table public.activity_feed enable row level security;
alter table public.activity_feed force row level security;

create policy activity_feed_select on public.activity_feed for select
  using ((org_id = (select app.org_id()) and (select app.is_staff())) or (select app.engine_trusts_metadata()));
create policy activity_feed_insert on public.activity_feed for insert
  with check (org_id = (select app.org_id())
              and (((select app.is_staff()) and actor_id = (select app.user_id())) or (select app.is_service())));

grant select on public.activity_feed to workgrid_engine, workgrid_app;
grant insert (id, org_id, actor_id, verb, entity_type, entity_id, summary, data) on public.activity_feed to workgrid_app;
