-- Service-desk tickets: a catalog of request types (categories with a form schema), tickets with a
-- per-org gap-free number, a status state machine enforced here whatever the path, and watchers.
--
-- Who sees a ticket (tickets_select):
--   owners, admins and managers: every ticket of the org;
--   agents: tickets of the queues (teams) they belong to, tickets without a queue (triage) and
--           tickets assigned to them;
--   anyone else (members, requesters): only the tickets they requested. Another requester's ticket
--           answers exactly like a ticket that does not exist (RLS filters it; no error).
--   guests: none (they neither raise nor see tickets).

insert into public.entity_types (value, comment) values
  ('ticket', 'Service-desk ticket'),
  ('ticket_message', 'Public reply or internal note on a ticket');

-- Org-level service-desk settings live in public.settings under "desk.*"; triggers (which run for
-- requesters too, who may read settings but through the caller's RLS) read them here.
create function app.desk_setting(setting_key text, fallback jsonb) returns jsonb
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select coalesce((select s.value from public.settings s where s.org_id = app.org_id() and s.key = setting_key), fallback)
$$;
comment on function app.desk_setting(text, jsonb) is 'A desk.* setting of the session org, or fallback when unset.';

-- Desk staff work tickets: owners, admins, managers and agents (members are staff of the org but
-- raise tickets like requesters do).
create function app.is_desk_staff() returns boolean
language sql stable
as $$ select app.has_org_role('owner', 'admin', 'manager', 'agent') $$;
comment on function app.is_desk_staff() is 'True for owners, admins, managers and agents of the session org.';

create function app.my_team_ids() returns uuid[]
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select coalesce(array_agg(tm.team_id), '{}')
    from public.team_members tm
   where tm.org_id = app.org_id() and tm.user_id = app.user_id()
$$;
comment on function app.my_team_ids() is 'Teams (queues) the caller belongs to in the session org.';

create table public.request_categories (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 120),
  description text check (length(description) <= 2000),
  form_schema jsonb not null default '{"fields": []}'
    check (jsonb_typeof(form_schema) = 'object' and jsonb_typeof(coalesce(form_schema -> 'fields', '[]')) = 'array'),
  default_team_id uuid,
  default_priority text not null default 'normal' check (default_priority in ('low', 'normal', 'high', 'urgent')),
  created_by uuid default app.user_id() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  deleted_at timestamptz,
  deleted_by uuid references public.users (id) on delete set null,
  unique (org_id, id),
  foreign key (org_id, default_team_id) references public.teams (org_id, id) on delete set null (default_team_id)
);
comment on table public.request_categories is
  'Catalog of request types. form_schema {"fields": [{"key", "label", "type": text|number|boolean|select, '
  '"required", "options"}]} describes the extra fields a ticket of the category carries.';
create index request_categories_org_id_idx on public.request_categories (org_id);
create unique index request_categories_org_id_name_idx on public.request_categories (org_id, lower(name)) where deleted_at is null;
select app.install_row_triggers('public.request_categories');

alter table public.request_categories enable row level security;
alter table public.request_categories force row level security;
create policy request_categories_select on public.request_categories for select
  using ((org_id = (select app.org_id()) and (select app.is_org_member())) or (select app.engine_trusts_metadata()));
create policy request_categories_insert on public.request_categories for insert
  with check (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager'))
              and created_by = (select app.user_id()));
create policy request_categories_update on public.request_categories for update
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager')))
  with check (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager')));
create policy request_categories_delete on public.request_categories for delete
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')) and deleted_at is not null);

grant select, delete on public.request_categories to workgrid_engine, workgrid_app;
grant insert (id, org_id, name, description, form_schema, default_team_id, default_priority, created_by)
  on public.request_categories to workgrid_engine, workgrid_app;
grant update (name, description, form_schema, default_team_id, default_priority, deleted_at)
  on public.request_categories to workgrid_engine, workgrid_app;

-- One counter row per org, locked by the insert that takes the next number, so numbers are
-- sequential and gap-free (a rolled back insert rolls its increment back too).
create table app.ticket_counters (
  org_id uuid primary key references public.orgs (id) on delete cascade,
  last_number bigint not null default 0
);
comment on table app.ticket_counters is 'Last ticket number handed out per org (written by tickets triggers only).';

create table public.tickets (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  number bigint not null,
  subject text not null check (length(btrim(subject)) between 1 and 300),
  description text check (length(description) <= 50000),
  requester_id uuid not null default app.user_id() references public.users (id) on delete restrict,
  assignee_id uuid references public.users (id) on delete set null,
  team_id uuid,
  category_id uuid,
  priority text not null default 'normal' check (priority in ('low', 'normal', 'high', 'urgent')),
  status text not null default 'new' check (status in ('new', 'open', 'pending', 'on_hold', 'resolved', 'closed')),
  channel text not null default 'web' check (channel in ('web', 'email')),
  fields jsonb not null default '{}' check (jsonb_typeof(fields) = 'object'),
  merged_into_id uuid,
  status_changed_at timestamptz not null default now(),
  opened_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  reopened_count integer not null default 0,
  created_by uuid default app.user_id() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  deleted_at timestamptz,
  deleted_by uuid references public.users (id) on delete set null,
  unique (org_id, id),
  unique (org_id, number),
  check (merged_into_id is distinct from id),
  foreign key (org_id, team_id) references public.teams (org_id, id) on delete set null (team_id),
  foreign key (org_id, category_id) references public.request_categories (org_id, id) on delete set null (category_id),
  foreign key (org_id, merged_into_id) references public.tickets (org_id, id) on delete set null (merged_into_id)
);
comment on table public.tickets is
  'Service-desk requests. number is per org and gap-free; status follows the state machine of '
  'app.tg_tickets__transition (docs/service-desk.md).';
comment on column public.tickets.fields is 'Values of the category''s form fields, validated against its form_schema.';
comment on column public.tickets.merged_into_id is 'Set when this ticket was merged into another (it is then closed).';
create index tickets_org_id_status_idx on public.tickets (org_id, status);
create index tickets_requester_idx on public.tickets (org_id, requester_id);
create index tickets_assignee_idx on public.tickets (org_id, assignee_id);
create index tickets_team_idx on public.tickets (org_id, team_id);
create index tickets_category_idx on public.tickets (org_id, category_id);

-- Form values: every required field present and non-empty, every present value of the field's type.
create function app.ticket_fields_problems(form_schema jsonb, field_values jsonb) returns text[]
language sql immutable
as $$
  select coalesce(array_agg(problem order by problem), '{}')
    from (
      select case
               when not (field_values ? (f ->> 'key')) or field_values -> (f ->> 'key') in ('null'::jsonb, '""'::jsonb) then
                 case when coalesce((f ->> 'required')::boolean, false) then (f ->> 'key') || ' is required' end
               when coalesce(f ->> 'type', 'text') in ('text', 'select') and jsonb_typeof(field_values -> (f ->> 'key')) <> 'string'
                 then (f ->> 'key') || ' must be text'
               when f ->> 'type' = 'number' and jsonb_typeof(field_values -> (f ->> 'key')) <> 'number'
                 then (f ->> 'key') || ' must be a number'
               when f ->> 'type' = 'boolean' and jsonb_typeof(field_values -> (f ->> 'key')) <> 'boolean'
                 then (f ->> 'key') || ' must be true or false'
               when f ->> 'type' = 'select' and not coalesce(f -> 'options', '[]') @> jsonb_build_array(field_values -> (f ->> 'key'))
                 then (f ->> 'key') || ' must be one of the options'
             end as problem
        from jsonb_array_elements(coalesce(form_schema -> 'fields', '[]')) as f
    ) checked
   where problem is not null
$$;
comment on function app.ticket_fields_problems(jsonb, jsonb) is 'Why field_values do not satisfy form_schema (empty when they do).';

create function app.tg_tickets__prepare() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
declare
  category public.request_categories;
  problems text[];
begin
  -- A row for another org than the session's is refused by RLS right after this trigger: no number,
  -- no checks that would answer first (and differently).
  if new.org_id is distinct from app.org_id() then
    return new;
  end if;
  if tg_op = 'INSERT' then
    insert into app.ticket_counters as c (org_id, last_number) values (new.org_id, 1)
    on conflict (org_id) do update set last_number = c.last_number + 1
    returning last_number into new.number;
    -- Requesters and members raise tickets; the desk (or the org's background work) triages them.
    if not (app.is_desk_staff() or app.session_role() = 'service') then
      new.status := 'new';
      new.assignee_id := null;
      new.team_id := null;
    end if;
    new.status_changed_at := now();
    if new.status <> 'new' then
      raise exception 'ticket_invalid_transition' using hint = 'A ticket starts in status new.';
    end if;
  end if;

  if new.category_id is not null then
    select * into category from public.request_categories where id = new.category_id;
    if tg_op = 'INSERT' then
      new.team_id := coalesce(new.team_id, category.default_team_id);
    end if;
    if tg_op = 'INSERT' or new.fields is distinct from old.fields or new.category_id is distinct from old.category_id then
      problems := app.ticket_fields_problems(category.form_schema, new.fields);
      if cardinality(problems) > 0 then
        raise exception 'ticket_fields_invalid' using hint = 'Form fields: ' || array_to_string(problems, '; ') || '.';
      end if;
    end if;
  end if;

  if (tg_op = 'INSERT' or new.requester_id is distinct from old.requester_id)
     and not exists (select from public.org_memberships m
                      where m.org_id = new.org_id and m.user_id = new.requester_id and m.role <> 'guest') then
    raise exception 'ticket_requester_invalid' using hint = 'The requester must be a member of the org (not a guest).';
  end if;
  if new.assignee_id is not null and (tg_op = 'INSERT' or new.assignee_id is distinct from old.assignee_id)
     and not exists (select from public.org_memberships m
                      where m.org_id = new.org_id and m.user_id = new.assignee_id
                        and m.role in ('owner', 'admin', 'manager', 'agent')) then
    raise exception 'ticket_assignee_invalid' using hint = 'Tickets are assigned to agents, managers, admins or owners of the org.';
  end if;
  return new;
end
$$;
comment on function app.tg_tickets__prepare() is
  'Numbers new tickets, triages requester-raised ones, fills the category''s default queue, and checks '
  'form fields, requester and assignee.';

-- The state machine. Allowed: new → open; open → pending | on_hold | resolved; pending ↔ on_hold;
-- pending | on_hold → open | resolved; resolved → open | closed; closed → open only within the reopen
-- window (desk.reopen_window_days after resolution, default 7). Merging closes from any status.
create function app.ticket_transition_allowed(from_status text, to_status text) returns boolean
language sql immutable
as $$
  select (from_status, to_status) in (
    ('new', 'open'),
    ('open', 'pending'), ('open', 'on_hold'), ('open', 'resolved'),
    ('pending', 'open'), ('pending', 'on_hold'), ('pending', 'resolved'),
    ('on_hold', 'open'), ('on_hold', 'pending'), ('on_hold', 'resolved'),
    ('resolved', 'open'), ('resolved', 'closed'),
    ('closed', 'open'))
$$;
comment on function app.ticket_transition_allowed(text, text) is 'The edges of the ticket status state machine.';

create function app.tg_tickets__transition() returns trigger
language plpgsql volatile
set search_path = pg_catalog, public
as $$
declare
  window_days numeric := (app.desk_setting('desk.reopen_window_days', '7'::jsonb) #>> '{}')::numeric;
begin
  if new.status = old.status then
    return new;
  end if;
  if not (app.ticket_transition_allowed(old.status, new.status)
          or (new.status = 'closed' and new.merged_into_id is not null and old.merged_into_id is null)) then
    raise exception 'ticket_invalid_transition'
      using hint = format('A ticket cannot go from %s to %s.', old.status, new.status);
  end if;
  if old.status = 'closed' and old.resolved_at is not null and old.resolved_at < now() - make_interval(days => window_days::integer) then
    raise exception 'ticket_invalid_transition'
      using hint = format('A closed ticket can be reopened only within %s days of its resolution.', window_days);
  end if;
  if old.status = 'closed' and old.merged_into_id is not null then
    raise exception 'ticket_invalid_transition' using hint = 'A merged ticket cannot be reopened; work on the ticket it was merged into.';
  end if;

  new.status_changed_at := now();
  if new.status = 'open' and new.opened_at is null then
    new.opened_at := now();
  end if;
  if new.status = 'open' and old.status in ('resolved', 'closed') then
    new.reopened_count := old.reopened_count + 1;
    new.resolved_at := null;
    new.closed_at := null;
  end if;
  if new.status = 'resolved' then
    new.resolved_at := now();
  end if;
  if new.status = 'closed' then
    new.closed_at := now();
  end if;
  return new;
end
$$;
comment on function app.tg_tickets__transition() is 'Refuses status changes outside the state machine and stamps status times.';

create function app.tg_tickets__emit() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
begin
  if tg_op = 'INSERT' then
    perform app.emit_event('ticket.created',
      jsonb_build_object('ticket_id', new.id, 'number', new.number, 'requester_id', new.requester_id, 'team_id', new.team_id),
      'ticket.created:' || new.id, new.org_id);
  elsif new.status is distinct from old.status then
    perform app.emit_event('ticket.status_changed',
      jsonb_build_object('ticket_id', new.id, 'number', new.number, 'from', old.status, 'to', new.status),
      'ticket.status_changed:' || new.id || ':' || new.version, new.org_id);
    insert into public.activity_feed (org_id, actor_id, verb, entity_type, entity_id, summary, data)
    values (new.org_id, app.user_id(), 'ticket.status_changed', 'ticket', new.id,
            format('Ticket #%s moved from %s to %s', new.number, old.status, new.status),
            jsonb_build_object('from', old.status, 'to', new.status));
  end if;
  return null;
end
$$;
comment on function app.tg_tickets__emit() is 'Outbox events and activity entries for new tickets and status changes.';

create trigger _120_prepare before insert or update of requester_id, assignee_id, category_id, fields on public.tickets
  for each row execute function app.tg_tickets__prepare();
create trigger _130_transition before update of status on public.tickets
  for each row execute function app.tg_tickets__transition();
create trigger _600_emit after insert or update of status on public.tickets
  for each row execute function app.tg_tickets__emit();
select app.install_row_triggers('public.tickets');

alter table public.tickets enable row level security;
alter table public.tickets force row level security;

create policy tickets_select on public.tickets for select
  using ((org_id = (select app.org_id())
          and ((select app.has_org_role('owner', 'admin', 'manager'))
               or ((select app.has_org_role('agent'))
                   and (assignee_id = (select app.user_id()) or team_id is null or team_id = any ((select app.my_team_ids())::uuid[])))
               or (requester_id = (select app.user_id()) and (select app.is_org_member()))))
         or (org_id = (select app.org_id()) and (select app.is_service()))
         or (select app.engine_trusts_metadata()));
create policy tickets_insert on public.tickets for insert
  with check (org_id = (select app.org_id())
              and created_by = (select app.user_id())
              and ((select app.has_org_role('owner', 'admin', 'manager', 'agent'))
                   or (requester_id = (select app.user_id()) and (select app.is_org_member()))));
create policy tickets_update on public.tickets for update
  using ((org_id = (select app.org_id())
          and ((select app.has_org_role('owner', 'admin', 'manager'))
               or ((select app.has_org_role('agent'))
                   and (assignee_id = (select app.user_id()) or team_id is null or team_id = any ((select app.my_team_ids())::uuid[])))))
         or (org_id = (select app.org_id()) and (select app.is_service())))
  with check ((org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager', 'agent')))
              or (org_id = (select app.org_id()) and (select app.is_service())));
create policy tickets_delete on public.tickets for delete
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')) and deleted_at is not null);

grant select, delete on public.tickets to workgrid_engine, workgrid_app;
grant insert (id, org_id, subject, description, requester_id, assignee_id, team_id, category_id, priority, channel, fields, created_by)
  on public.tickets to workgrid_engine, workgrid_app;
-- merged_into_id is written by app.merge_ticket only (not exposed as a column to update).
grant update (subject, description, requester_id, assignee_id, team_id, category_id, priority, status, fields, merged_into_id, deleted_at)
  on public.tickets to workgrid_engine, workgrid_app;

create table public.ticket_watchers (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  ticket_id uuid not null,
  user_id uuid not null,
  created_by uuid default app.user_id() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (ticket_id, user_id),
  foreign key (org_id, ticket_id) references public.tickets (org_id, id) on delete cascade,
  foreign key (org_id, user_id) references public.org_memberships (org_id, user_id) on delete cascade
);
comment on table public.ticket_watchers is 'Members notified of a ticket''s public conversation and status changes.';
create index ticket_watchers_org_id_idx on public.ticket_watchers (org_id);
create index ticket_watchers_user_idx on public.ticket_watchers (org_id, user_id);
select app.install_row_triggers('public.ticket_watchers');

alter table public.ticket_watchers enable row level security;
alter table public.ticket_watchers force row level security;
-- Watcher rows follow the ticket's visibility (the subquery runs under the tickets policies).
create policy ticket_watchers_select on public.ticket_watchers for select
  using ((org_id = (select app.org_id()) and exists (select from public.tickets t where t.id = ticket_id))
         or (select app.engine_trusts_metadata()));
create policy ticket_watchers_insert on public.ticket_watchers for insert
  with check (org_id = (select app.org_id())
              and created_by = (select app.user_id())
              and user_id = (select app.user_id())
              and exists (select from public.tickets t where t.id = ticket_id));
create policy ticket_watchers_update on public.ticket_watchers for update
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager', 'agent')))
  with check (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager', 'agent')));
create policy ticket_watchers_delete on public.ticket_watchers for delete
  using (org_id = (select app.org_id())
         and ((select app.has_org_role('owner', 'admin', 'manager', 'agent')) or user_id = (select app.user_id()))
         and exists (select from public.tickets t where t.id = ticket_id));

-- Members watch (and unwatch) tickets they see for themselves; desk staff may also remove watchers.
grant select, delete on public.ticket_watchers to workgrid_engine, workgrid_app;
grant insert (id, org_id, ticket_id, user_id, created_by) on public.ticket_watchers to workgrid_engine, workgrid_app;

-- Tickets have their own conversation (ticket_messages, 0061), whose internal notes requesters never
-- see; the generic comments table would be a second door, so it refuses ticket entities.
create function app.tg_comments__not_on_tickets() returns trigger
language plpgsql volatile
as $$
begin
  if new.entity_type in ('ticket', 'ticket_message') then
    raise exception 'ticket_comment_refused' using hint = 'Reply on a ticket through ticket_messages.';
  end if;
  return new;
end
$$;
comment on function app.tg_comments__not_on_tickets() is 'Keeps ticket conversations in ticket_messages.';
create trigger _140_not_on_tickets before insert or update of entity_type on public.comments
  for each row execute function app.tg_comments__not_on_tickets();

select app.install_read_only_guards();
