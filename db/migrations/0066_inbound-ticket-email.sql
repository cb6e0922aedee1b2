-- Inbound email becomes tickets and replies. The actions service verifies the provider's signature
-- and deduplicates the delivery (0027), then hands the message to app.receive_ticket_email:
--   the org is the one whose setting desk.inbound_address equals one of the recipients;
--   the sender must be a member of that org (not a guest). An unknown sender becomes a requester
--   only when the org's setting desk.email_creates_requesters is true; otherwise the message is
--   ignored (nothing tells the sender whether the address is known);
--   a subject carrying "[#<number>]" of a ticket the sender requested, or of any ticket when the
--   sender is desk staff, adds a public reply (channel email) to it, unless that ticket was merged
--   or can no longer be reopened: then, as for every other message, a new ticket is raised.
-- The message is written as the sender (session set to them), so the same triggers apply as on
-- the web: numbering, triage, first response, reopening, outbox events.

create function app.receive_ticket_email(recipients text[], sender text, sender_name text, subject text, body text)
returns table (outcome text, ticket_id uuid, message_id uuid)
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
declare
  target_org uuid;
  author uuid;
  author_role text;
  ticket public.tickets;
  new_ticket uuid;
  new_message uuid;
  number_in_subject bigint := substring(subject from '\[#([0-9]{1,18})\]')::bigint;
begin
  select s.org_id into target_org
    from public.settings s
   where s.key = 'desk.inbound_address' and lower(s.value #>> '{}') = any (select lower(r) from unnest(recipients) r)
   limit 1;
  if target_org is null then
    return query select 'ignored_unknown_address', null::uuid, null::uuid;
    return;
  end if;

  select u.id, m.role into author, author_role
    from public.users u
    join public.org_memberships m on m.user_id = u.id and m.org_id = target_org
   where u.email = sender::citext and u.disabled_at is null;
  if author is null then
    if coalesce((select (s.value #>> '{}')::boolean from public.settings s
                  where s.org_id = target_org and s.key = 'desk.email_creates_requesters'), false)
       and not exists (select from public.users u where u.email = sender::citext) then
      insert into public.users (email, display_name)
      values (sender, coalesce(nullif(btrim(sender_name), ''), split_part(sender, '@', 1)))
      returning id into author;
      insert into public.org_memberships (org_id, user_id, role) values (target_org, author, 'requester');
      author_role := 'requester';
    else
      return query select 'ignored_unknown_sender', null::uuid, null::uuid;
      return;
    end if;
  end if;
  if author_role = 'guest' then
    return query select 'ignored_unknown_sender', null::uuid, null::uuid;
    return;
  end if;

  perform set_config('hasura.user',
    jsonb_build_object('x-hasura-role', 'user', 'x-hasura-org-id', target_org, 'x-hasura-user-id', author)::text, true);

  if number_in_subject is not null then
    select * into ticket from public.tickets t
     where t.org_id = target_org and t.number = number_in_subject and t.merged_into_id is null
       and (t.requester_id = author or author_role in ('owner', 'admin', 'manager', 'agent'));
    if found then
      begin
        insert into public.ticket_messages (org_id, ticket_id, author_id, visibility, body, channel)
        values (target_org, ticket.id, author, 'public', left(coalesce(nullif(btrim(body), ''), '(no text)'), 50000), 'email')
        returning id into new_message;
        return query select 'replied', ticket.id, new_message;
        return;
      exception when raise_exception then
        -- The ticket cannot take the reply (closed beyond the reopen window): raise a new one below.
        null;
      end;
    end if;
  end if;

  insert into public.tickets (org_id, subject, description, requester_id, channel, created_by)
  values (target_org, left(coalesce(nullif(btrim(subject), ''), '(no subject)'), 300), left(body, 50000), author, 'email', author)
  returning id into new_ticket;
  return query select 'created', new_ticket, null::uuid;
end
$$;
comment on function app.receive_ticket_email(text[], text, text, text, text) is
  'Actions service only, after verifying and deduplicating the delivery: files an inbound email as a reply '
  '("[#number]" in the subject) or a new ticket in the org whose desk.inbound_address received it.';
revoke execute on function app.receive_ticket_email(text[], text, text, text, text) from public, workgrid_engine;
grant execute on function app.receive_ticket_email(text[], text, text, text, text) to workgrid_app;
