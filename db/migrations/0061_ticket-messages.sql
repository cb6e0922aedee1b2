-- A ticket's conversation: public replies (the requester sees them and is emailed the agents' ones)
-- and internal notes (desk staff only: owners, admins, managers, agents). Requesters and members
-- never see internal notes, by whatever path: the select policy is the only door, activity entries
-- and outbox events of internal notes carry no text and reach desk staff only.
--
-- Side effects of a new message, in SQL so that every path (GraphQL, inbound email, macros) gets them:
--   the first public reply of desk staff stamps first_response_at (it stops the first-response SLA);
--   desk staff replying on a new ticket opens it; the requester replying on a pending ticket opens it
--   again, on a resolved or closed one reopens it (the state machine decides whether it may).

create table public.ticket_messages (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  ticket_id uuid not null,
  author_id uuid default app.user_id() references public.users (id) on delete set null,
  visibility text not null default 'public' check (visibility in ('public', 'internal')),
  body text not null check (length(btrim(body)) between 1 and 50000),
  channel text not null default 'web' check (channel in ('web', 'email')),
  from_desk boolean not null default false,
  search tsvector generated always as (to_tsvector('simple', body)) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (org_id, id),
  foreign key (org_id, ticket_id) references public.tickets (org_id, id) on delete cascade
);
comment on table public.ticket_messages is
  'Conversation of a ticket. internal notes are visible to desk staff only (owners, admins, managers, agents).';
comment on column public.ticket_messages.from_desk is 'Written by desk staff (set by the server): such public replies count as responses.';
create index ticket_messages_ticket_idx on public.ticket_messages (org_id, ticket_id, created_at);
create index ticket_messages_author_idx on public.ticket_messages (author_id);
create index ticket_messages_search_idx on public.ticket_messages using gin (search);

alter table public.tickets add column first_response_at timestamptz;
comment on column public.tickets.first_response_at is 'Time of the first public reply by desk staff (stops the first-response SLA).';

create function app.tg_ticket_messages__prepare() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
begin
  if new.org_id is distinct from app.org_id() then
    return new;  -- refused by RLS right after this trigger
  end if;
  new.from_desk := coalesce(
    (select m.role in ('owner', 'admin', 'manager', 'agent')
       from public.org_memberships m where m.org_id = new.org_id and m.user_id = new.author_id),
    false);
  if new.visibility = 'internal' and not new.from_desk then
    raise exception 'ticket_note_forbidden' using hint = 'Only desk staff write internal notes.';
  end if;
  return new;
end
$$;
comment on function app.tg_ticket_messages__prepare() is 'Marks messages written by desk staff; internal notes are theirs only.';

create function app.tg_ticket_messages__apply() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
declare
  ticket public.tickets;
begin
  select * into ticket from public.tickets where id = new.ticket_id for update;
  if ticket.merged_into_id is not null then
    raise exception 'ticket_merged' using hint = 'This ticket was merged into another; reply there.';
  end if;
  if new.visibility = 'public' and new.from_desk then
    update public.tickets
       set first_response_at = coalesce(first_response_at, new.created_at),
           status = case when status = 'new' then 'open' else status end
     where id = new.ticket_id;
  elsif new.visibility = 'public' and new.author_id = ticket.requester_id and ticket.status in ('pending', 'resolved', 'closed') then
    update public.tickets set status = 'open' where id = new.ticket_id;
  end if;

  perform app.emit_event('ticket.message_created',
    jsonb_build_object('message_id', new.id, 'ticket_id', new.ticket_id, 'visibility', new.visibility,
                       'author_id', new.author_id, 'from_desk', new.from_desk),
    'ticket.message_created:' || new.id, new.org_id);
  if new.visibility = 'public' then
    insert into public.activity_feed (org_id, actor_id, verb, entity_type, entity_id, summary, data)
    values (new.org_id, new.author_id, 'ticket.replied', 'ticket', new.ticket_id,
            format('Reply on ticket #%s', ticket.number), jsonb_build_object('message_id', new.id));
  end if;
  return null;
end
$$;
comment on function app.tg_ticket_messages__apply() is
  'First response, status moves caused by a reply, the outbox event and (public replies only) the activity entry.';

create trigger _120_prepare before insert on public.ticket_messages
  for each row execute function app.tg_ticket_messages__prepare();
create trigger _600_apply after insert on public.ticket_messages
  for each row execute function app.tg_ticket_messages__apply();
select app.install_row_triggers('public.ticket_messages');

alter table public.ticket_messages enable row level security;
alter table public.ticket_messages force row level security;

-- The exists() runs under the tickets policies: a message is visible only with its ticket.
create policy ticket_messages_select on public.ticket_messages for select
  using ((org_id = (select app.org_id())
          and exists (select from public.tickets t where t.id = ticket_id)
          and (visibility = 'public' or (select app.has_org_role('owner', 'admin', 'manager', 'agent'))))
         or (org_id = (select app.org_id()) and (select app.is_service()))
         or (select app.engine_trusts_metadata()));
create policy ticket_messages_insert on public.ticket_messages for insert
  with check (org_id = (select app.org_id())
              and author_id = (select app.user_id())
              and exists (select from public.tickets t where t.id = ticket_id)
              and (visibility = 'public' or (select app.has_org_role('owner', 'admin', 'manager', 'agent'))));
create policy ticket_messages_update on public.ticket_messages for update
  using (org_id = (select app.org_id()) and author_id = (select app.user_id()) and (select app.has_org_role('owner', 'admin', 'manager', 'agent')))
  with check (org_id = (select app.org_id()) and author_id = (select app.user_id()) and (select app.has_org_role('owner', 'admin', 'manager', 'agent')));
create policy ticket_messages_delete on public.ticket_messages for delete
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')));

grant select, delete on public.ticket_messages to workgrid_engine, workgrid_app;
grant insert (id, org_id, ticket_id, author_id, visibility, body, channel) on public.ticket_messages to workgrid_engine, workgrid_app;
grant update (body) on public.ticket_messages to workgrid_engine, workgrid_app;

-- Comments, tags, links, files and activity on tickets and their messages follow the ticket's RLS
-- (adds both kinds to 0041's version, keeping its cases).
create or replace function app.can_see_entity(entity_type text, entity_id uuid) returns boolean
language sql stable
as $$
  select case entity_type
           when 'workspace' then exists (select from public.workspaces w where w.id = entity_id)
           when 'project' then exists (select from public.projects p where p.id = entity_id)
           when 'board' then exists (select from public.boards b where b.id = entity_id)
           when 'task' then exists (select from public.tasks t where t.id = entity_id)
           when 'ticket' then exists (select from public.tickets t where t.id = entity_id)
           when 'ticket_message' then exists (select from public.ticket_messages m where m.id = entity_id)
           else true
         end
$$;

-- Full-text search over tickets the caller sees, matching the subject, the description or a message
-- the caller sees (so an internal note can never make a ticket match for a requester).
create function public.search_tickets(query text) returns setof public.tickets
language sql stable
as $$
  select t.*
    from public.tickets t
   where to_tsvector('simple', t.subject || ' ' || coalesce(t.description, '')) @@ websearch_to_tsquery('simple', query)
      or exists (select from public.ticket_messages m
                  where m.ticket_id = t.id and m.search @@ websearch_to_tsquery('simple', query))
$$;
comment on function public.search_tickets(text) is 'Tickets the caller sees whose subject, description or visible messages match query.';
grant execute on function public.search_tickets(text) to workgrid_engine, workgrid_app;

select app.install_read_only_guards();
