-- Identity emails (verification, password reset, invitation, sign-up notice) sent by the worker.
-- Account emails (reset, re-sent verification, sign-up notice) belong to no org, so email_log
-- accepts org-less rows, which only the worker's org-less service session reaches. The rendered
-- bodies the dev mailbox keeps carry one-time links: the audit trail records that a body was set,
-- never its text.

-- tg_argv[1]: comma-separated columns whose values the audit row leaves out: a value shows as
-- "[omitted]" (null stays null, so the trail still says when one was set). Rows without an org
-- have no org audit trail.
create function app.audit_omitted(value jsonb) returns jsonb
language sql immutable parallel safe
as $$ select case when value is null or value = 'null'::jsonb then value else to_jsonb('[omitted]'::text) end $$;
comment on function app.audit_omitted(jsonb) is 'An audited value left out of the trail: "[omitted]", or null when it was null.';
revoke execute on function app.audit_omitted(jsonb) from public;

create or replace function app.tg__audit() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
declare
  old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  any_row jsonb := coalesce(new_row, old_row);
  org_column text := coalesce(tg_argv[0], 'org_id');
  omitted text[] := coalesce(string_to_array(tg_argv[1], ','), '{}');
  changed jsonb;
begin
  select jsonb_object_agg(key, case when key = any (omitted)
                                    then jsonb_build_array(app.audit_omitted(old_row -> key), app.audit_omitted(new_row -> key))
                                    else jsonb_build_array(old_row -> key, new_row -> key) end)
    into changed
    from jsonb_object_keys(any_row) as key
   where key not in ('updated_at', 'version', 'search')
     and (old_row -> key) is distinct from (new_row -> key);

  if tg_op = 'UPDATE' and changed is null then
    return null;
  end if;
  if any_row ->> org_column is null then
    return null;
  end if;
  -- Purging an org removes its audit trail with it; rows deleted by that cascade leave none.
  if tg_op = 'DELETE'
     and not exists (select from public.orgs where id = (any_row ->> org_column)::uuid) then
    return null;
  end if;

  insert into public.audit_log (org_id, actor_id, action, table_name, row_id, changes, request_id)
  values (
    (any_row ->> org_column)::uuid,
    app.user_id(),
    lower(tg_op),
    tg_table_name,
    (any_row ->> 'id')::uuid,
    coalesce(changed, '{}'::jsonb),
    app.request_id()
  );
  return null;
end
$$;

drop trigger _500_audit on public.email_log;
create trigger _500_audit after insert or update or delete on public.email_log
  for each row execute function app.tg__audit('org_id', 'html_body,text_body');

alter table public.email_log alter column org_id drop not null;
comment on column public.email_log.org_id is
  'The org the email belongs to; null for account emails (password reset, sign-up notice), which only the worker reads.';

-- The worker acting for no org (role service, no org in the session, as workgrid_app only) reaches
-- the org-less rows, and only those.
create function app.is_account_email_row(row_org_id uuid) returns boolean
language sql stable parallel safe
as $$
  select row_org_id is null
     and current_user = 'workgrid_app'
     and app.session_role() = 'service'
     and app.org_id() is null
$$;
comment on function app.is_account_email_row(uuid) is
  'True for an org-less email_log row (an account email) read by the worker''s org-less service session.';

create policy email_log_account_select on public.email_log for select using (app.is_account_email_row(org_id));
create policy email_log_account_insert on public.email_log for insert with check (app.is_account_email_row(org_id));
create policy email_log_account_update on public.email_log for update
  using (app.is_account_email_row(org_id)) with check (app.is_account_email_row(org_id));

-- Identity emails address a user by id, who may be in no org (or not in the event's org) yet.
create function app.account_contact(account_id uuid)
returns table (email text, locale text, display_name text)
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select u.email::text, u.locale, u.display_name
    from public.users u
   -- As in app.member_contact, the execute grant (workgrid_app only) stands in for the role check.
   where app.session_role() = 'service' and u.id = account_id and u.disabled_at is null
$$;
comment on function app.account_contact(uuid) is
  'Worker only (role service): email, locale and name of an enabled account, for identity emails.';

-- An invitation email names the org and the inviter, neither of which a service session may read.
-- It is sent only while its token is the invitation's current one: a resend replaced it otherwise.
create function app.invitation_mail(invitation uuid, current_token_hash bytea)
returns table (email text, locale text, org_name text, inviter_name text, expires_at timestamptz)
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select i.email::text, o.locale, o.name, u.display_name, i.expires_at
    from public.invitations i
    join app_private.invitation_tokens t on t.invitation_id = i.id and t.token_hash = current_token_hash
    join public.orgs o on o.id = i.org_id
    left join public.users u on u.id = i.invited_by
   where app.session_role() = 'service' and i.org_id = app.org_id() and i.id = invitation
     and i.accepted_at is null and i.revoked_at is null
$$;
comment on function app.invitation_mail(uuid, bytea) is
  'Worker only (role service, the invitation''s org): what an invitation email says, while it is pending with that token.';

revoke execute on function app.account_contact(uuid), app.invitation_mail(uuid, bytea) from public, workgrid_engine;
grant execute on function app.account_contact(uuid), app.invitation_mail(uuid, bytea) to workgrid_app;
