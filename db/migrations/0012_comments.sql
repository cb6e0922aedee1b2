-- Threaded comments on any entity, with @mentions and full-text search. A mention is written in the
-- body as @[Display Name](user:<uuid>); the server extracts the ids into mentions (keeping only
-- members of the org) and emits one outbox event per new comment for notifications.

create table public.comments (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  entity_type text not null references public.entity_types (value) on update cascade on delete restrict,
  entity_id uuid not null,
  parent_id uuid,
  author_id uuid default app.user_id() references public.users (id) on delete set null,
  body text not null check (length(btrim(body)) between 1 and 20000),
  visibility text not null default 'internal' check (visibility in ('public', 'internal')),
  mentions uuid[] not null default '{}',
  edited_at timestamptz,
  search tsvector generated always as (to_tsvector('simple', body)) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  deleted_at timestamptz,
  deleted_by uuid references public.users (id) on delete set null,
  unique (org_id, id),
  foreign key (org_id, parent_id) references public.comments (org_id, id) on delete cascade
);
comment on table public.comments is
  'Comments on any entity; replies point at parent_id on the same entity. Internal comments are hidden '
  'from requesters and guests.';
comment on column public.comments.mentions is 'Users mentioned in the body, extracted by the server (read-only).';
create index comments_entity_idx on public.comments (org_id, entity_type, entity_id, created_at);
create index comments_parent_id_idx on public.comments (parent_id);
create index comments_author_id_idx on public.comments (author_id);
create index comments_search_idx on public.comments using gin (search);

create function app.tg_comments__prepare() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
begin
  if new.parent_id is not null and not exists (
    select from public.comments p
     where p.id = new.parent_id and p.entity_type = new.entity_type and p.entity_id = new.entity_id) then
    raise exception 'comment_parent_mismatch'
      using hint = 'A reply must be on the same entity as the comment it answers.';
  end if;

  select coalesce(array_agg(distinct m.user_id), '{}')
    into new.mentions
    from regexp_matches(new.body, '@\[[^\]]*\]\(user:([0-9a-fA-F-]{36})\)', 'g') as match
    join public.org_memberships m on m.org_id = new.org_id and m.user_id = match[1]::uuid;

  if tg_op = 'UPDATE' and new.body is distinct from old.body then
    new.edited_at := now();
  end if;
  return new;
end
$$;
comment on function app.tg_comments__prepare() is
  'Checks that a reply is on its parent''s entity, extracts @mentions of org members, stamps edits.';

create function app.tg_comments__emit_created() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
begin
  perform app.emit_event(
    'comment.created',
    jsonb_build_object('comment_id', new.id, 'entity_type', new.entity_type, 'entity_id', new.entity_id,
                       'author_id', new.author_id, 'mentions', to_jsonb(new.mentions)),
    'comment.created:' || new.id,
    new.org_id);
  return null;
end
$$;
comment on function app.tg_comments__emit_created() is 'Outbox event for notifications (mentions, watchers) of a new comment.';

create trigger _150_prepare before insert or update of body, parent_id on public.comments
  for each row execute function app.tg_comments__prepare();
create trigger _600_emit_created after insert on public.comments
  for each row execute function app.tg_comments__emit_created();
select app.install_row_triggers('public.comments');

alter table public.comments enable row level security;
alter table public.comments force row level security;

create policy comments_select on public.comments for select
  using ((org_id = (select app.org_id())
          and ((select app.is_staff()) or ((select app.is_org_member()) and visibility = 'public')))
         or (select app.engine_trusts_metadata()));
create policy comments_insert on public.comments for insert
  with check (org_id = (select app.org_id())
              and author_id = (select app.user_id())
              and ((select app.is_staff()) or ((select app.is_org_member()) and visibility = 'public')));
create policy comments_update on public.comments for update
  using (org_id = (select app.org_id())
         and ((author_id = (select app.user_id()) and (select app.is_org_member()))
              or (select app.has_org_role('owner', 'admin'))))
  with check (org_id = (select app.org_id())
              and ((select app.is_staff()) or visibility = 'public'));
create policy comments_delete on public.comments for delete
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')) and deleted_at is not null);

grant select, delete on public.comments to workgrid_engine, workgrid_app;
grant insert (id, org_id, entity_type, entity_id, parent_id, author_id, body, visibility) on public.comments
  to workgrid_engine, workgrid_app;
grant update (body, visibility, deleted_at) on public.comments to workgrid_engine, workgrid_app;
