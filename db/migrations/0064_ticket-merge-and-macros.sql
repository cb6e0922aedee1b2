-- Merging duplicate tickets and macros (canned responses that set fields and add a reply). Both are
-- tracked GraphQL mutations; they run as the caller, so RLS decides which tickets they may touch.

create function app.move_ticket_conversation(source uuid, target uuid) returns void
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
declare
  from_ticket public.tickets;
  into_ticket public.tickets;
begin
  select * into from_ticket from public.tickets where id = source;
  select * into into_ticket from public.tickets where id = target;
  -- The caller has just set merged_into_id under RLS: that is the permission this function relies on.
  if from_ticket.merged_into_id is distinct from target or from_ticket.org_id is distinct from app.org_id() then
    raise exception 'ticket_not_found' using hint = 'No such ticket.';
  end if;
  -- A requester sees only their own tickets: the conversation follows only to a ticket of the same
  -- requester; otherwise it stays (linked) on the merged ticket.
  if from_ticket.requester_id = into_ticket.requester_id then
    update public.ticket_messages set ticket_id = target where ticket_id = source;
  end if;
  insert into public.ticket_watchers (org_id, ticket_id, user_id, created_by)
  select w.org_id, target, w.user_id, app.user_id() from public.ticket_watchers w where w.ticket_id = source
  on conflict (ticket_id, user_id) do nothing;
end
$$;
comment on function app.move_ticket_conversation(uuid, uuid) is
  'Moves messages (same requester only) and watchers of a merged ticket to the ticket it was merged into.';

create function public.merge_ticket(source_id uuid, target_id uuid) returns setof public.tickets
language plpgsql volatile
set search_path = pg_catalog, public
as $$
declare
  source public.tickets;
  target public.tickets;
begin
  select * into target from public.tickets where id = target_id and merged_into_id is null and status <> 'closed' for update;
  if not found or source_id = target_id then
    raise exception 'ticket_not_found' using hint = 'The ticket to merge into does not exist, is closed, or is the same ticket.';
  end if;
  update public.tickets set merged_into_id = target_id, status = 'closed'
   where id = source_id and merged_into_id is null and status <> 'closed'
  returning * into source;
  if not found then
    raise exception 'ticket_not_found' using hint = 'The ticket to merge does not exist or is already closed.';
  end if;
  perform app.move_ticket_conversation(source_id, target_id);
  insert into public.entity_links (org_id, source_type, source_id, target_type, target_id, link_type, created_by)
  values (source.org_id, 'ticket', source_id, 'ticket', target_id, 'duplicates', app.user_id())
  on conflict do nothing;
  insert into public.ticket_messages (org_id, ticket_id, author_id, visibility, body)
  values (source.org_id, target_id, app.user_id(), 'internal', format('Ticket #%s (%s) was merged into this ticket.', source.number, source.subject));
  return query select * from public.tickets where id = target_id;
end
$$;
comment on function public.merge_ticket(uuid, uuid) is
  'Closes source_id as a duplicate of target_id (merged_into_id), moves its conversation when both have the '
  'same requester, its watchers always, links the two and leaves an internal note on the target.';
grant execute on function public.merge_ticket(uuid, uuid) to workgrid_engine, workgrid_app;

create table public.ticket_macros (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 120),
  description text check (length(description) <= 2000),
  reply_body text check (length(btrim(reply_body)) between 1 and 50000),
  reply_visibility text not null default 'public' check (reply_visibility in ('public', 'internal')),
  set_status text check (set_status in ('open', 'pending', 'on_hold', 'resolved', 'closed')),
  set_priority text check (set_priority in ('low', 'normal', 'high', 'urgent')),
  set_team_id uuid,
  set_assignee_id uuid references public.users (id) on delete set null,
  add_tag_ids uuid[] not null default '{}',
  created_by uuid default app.user_id() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  deleted_at timestamptz,
  deleted_by uuid references public.users (id) on delete set null,
  unique (org_id, id),
  foreign key (org_id, set_team_id) references public.teams (org_id, id) on delete set null (set_team_id)
);
comment on table public.ticket_macros is
  'Canned responses: a reply (placeholders {{ticket.number}}, {{ticket.subject}}, {{requester.name}}) and '
  'field changes applied together by apply_macro.';
create index ticket_macros_org_id_idx on public.ticket_macros (org_id);
select app.install_row_triggers('public.ticket_macros');

alter table public.ticket_macros enable row level security;
alter table public.ticket_macros force row level security;
create policy ticket_macros_select on public.ticket_macros for select
  using ((org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager', 'agent'))) or (select app.engine_trusts_metadata()));
create policy ticket_macros_insert on public.ticket_macros for insert
  with check (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager', 'agent')) and created_by = (select app.user_id()));
create policy ticket_macros_update on public.ticket_macros for update
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager', 'agent')))
  with check (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager', 'agent')));
create policy ticket_macros_delete on public.ticket_macros for delete
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin', 'manager')) and deleted_at is not null);
grant select, delete on public.ticket_macros to workgrid_engine, workgrid_app;
grant insert (id, org_id, name, description, reply_body, reply_visibility, set_status, set_priority, set_team_id,
              set_assignee_id, add_tag_ids, created_by) on public.ticket_macros to workgrid_engine, workgrid_app;
grant update (name, description, reply_body, reply_visibility, set_status, set_priority, set_team_id, set_assignee_id,
              add_tag_ids, deleted_at) on public.ticket_macros to workgrid_engine, workgrid_app;

-- The reply comes first (a desk reply opens a new ticket), then the field changes, each through the
-- same rules as a direct write (state machine, assignee check, SLA recomputation).
create function public.apply_macro(ticket_id uuid, macro_id uuid) returns setof public.tickets
language plpgsql volatile
set search_path = pg_catalog, public
as $$
declare
  ticket public.tickets;
  macro public.ticket_macros;
  requester_name text;
begin
  select * into macro from public.ticket_macros m where m.id = macro_id and m.deleted_at is null;
  if not found then
    raise exception 'macro_not_found' using hint = 'No such macro.';
  end if;
  -- Visible to the caller and workable by them (the update policy), or not found.
  update public.tickets t set subject = t.subject where t.id = ticket_id returning * into ticket;
  if not found then
    raise exception 'ticket_not_found' using hint = 'No such ticket.';
  end if;
  if macro.reply_body is not null then
    select u.display_name into requester_name from public.users u where u.id = ticket.requester_id;
    insert into public.ticket_messages (org_id, ticket_id, author_id, visibility, body)
    values (ticket.org_id, ticket.id, app.user_id(), macro.reply_visibility,
            replace(replace(replace(macro.reply_body,
              '{{ticket.number}}', ticket.number::text),
              '{{ticket.subject}}', ticket.subject),
              '{{requester.name}}', coalesce(requester_name, '')));
  end if;
  update public.tickets t
     set status = coalesce(macro.set_status, t.status),
         priority = coalesce(macro.set_priority, t.priority),
         team_id = coalesce(macro.set_team_id, t.team_id),
         assignee_id = coalesce(macro.set_assignee_id, t.assignee_id)
   where t.id = ticket.id;
  insert into public.entity_tags (org_id, tag_id, entity_type, entity_id, created_by)
  select ticket.org_id, tag_id, 'ticket', ticket.id, app.user_id() from unnest(macro.add_tag_ids) as tag_id
  on conflict do nothing;
  return query select * from public.tickets t where t.id = ticket.id;
end
$$;
comment on function public.apply_macro(uuid, uuid) is 'Adds the macro''s reply to the ticket and applies its field changes and tags.';
grant execute on function public.apply_macro(uuid, uuid) to workgrid_engine, workgrid_app;

select app.install_read_only_guards();
