-- In-app notifications and each member's delivery preferences. Notifications are created by
-- background work of the org (the worker, from outbox events); a member reads and marks their own.

create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  user_id uuid not null,
  event_type text not null check (event_type ~ '^[a-z_]+(\.[a-z_]+)*$'),
  title text not null check (length(title) <= 300),
  body text check (length(body) <= 5000),
  data jsonb not null default '{}',
  entity_type text references public.entity_types (value) on update cascade on delete restrict,
  entity_id uuid,
  actor_id uuid references public.users (id) on delete set null,
  read_at timestamptz,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  -- Leaving an org removes one's notifications of it.
  foreign key (org_id, user_id) references public.org_memberships (org_id, user_id) on delete cascade
);
comment on table public.notifications is 'In-app notifications of one member; only the recipient sees them.';
create index notifications_inbox_idx on public.notifications (org_id, user_id, created_at desc);
create index notifications_unread_idx on public.notifications (org_id, user_id) where read_at is null;

create table public.notification_preferences (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  user_id uuid not null default app.user_id(),
  event_type text not null check (event_type ~ '^([a-z_]+(\.[a-z_]+)*|\*)$'),
  channel text not null check (channel in ('in_app', 'email')),
  enabled boolean not null default true,
  digest text not null default 'off' check (digest in ('off', 'hourly', 'daily')),
  muted_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (org_id, user_id, event_type, channel),
  foreign key (org_id, user_id) references public.org_memberships (org_id, user_id) on delete cascade
);
comment on table public.notification_preferences is
  'Per member, event type (or * for all) and channel: on or off, digest frequency, mute until a time.';
create index notification_preferences_user_idx on public.notification_preferences (org_id, user_id);

select app.install_row_triggers('public.notifications');
select app.install_row_triggers('public.notification_preferences');

alter table public.notifications enable row level security;
alter table public.notifications force row level security;
alter table public.notification_preferences enable row level security;
alter table public.notification_preferences force row level security;

create policy notifications_select on public.notifications for select
  using ((org_id = (select app.org_id()) and user_id = (select app.user_id()) and (select app.is_org_member()))
         or (org_id = (select app.org_id()) and (select app.is_service()))
         or (select app.engine_trusts_metadata()));
create policy notifications_insert on public.notifications for insert
  with check (org_id = (select app.org_id()) and (select app.is_service()));
create policy notifications_update on public.notifications for update
  using (org_id = (select app.org_id()) and user_id = (select app.user_id()) and (select app.is_org_member()))
  with check (org_id = (select app.org_id()) and user_id = (select app.user_id()));
create policy notifications_delete on public.notifications for delete
  using (org_id = (select app.org_id()) and user_id = (select app.user_id()) and (select app.is_org_member()));

create policy notification_preferences_select on public.notification_preferences for select
  using ((org_id = (select app.org_id()) and user_id = (select app.user_id()) and (select app.is_org_member()))
         or (org_id = (select app.org_id()) and (select app.is_service()))
         or (select app.engine_trusts_metadata()));
create policy notification_preferences_insert on public.notification_preferences for insert
  with check (org_id = (select app.org_id()) and user_id = (select app.user_id()) and (select app.is_org_member()));
create policy notification_preferences_update on public.notification_preferences for update
  using (org_id = (select app.org_id()) and user_id = (select app.user_id()) and (select app.is_org_member()))
  with check (org_id = (select app.org_id()) and user_id = (select app.user_id()));
create policy notification_preferences_delete on public.notification_preferences for delete
  using (org_id = (select app.org_id()) and user_id = (select app.user_id()) and (select app.is_org_member()));

grant select, delete on public.notifications, public.notification_preferences to workgrid_engine, workgrid_app;
grant insert (id, org_id, user_id, event_type, title, body, data, entity_type, entity_id, actor_id)
  on public.notifications to workgrid_app;
grant update (read_at, archived_at) on public.notifications to workgrid_engine, workgrid_app;
grant insert (id, org_id, user_id, event_type, channel, enabled, digest, muted_until)
  on public.notification_preferences to workgrid_engine, workgrid_app;
grant update (enabled, digest, muted_until) on public.notification_preferences to workgrid_engine, workgrid_app;
