-- Identity emails (verification, password reset, invitation, sign-up notice) sent by the worker.
-- Account emails (reset, re-sent verification, sign-up notice) belong to no org, so email_log
-- accepts org-less rows, which only the worker's org-less service session reaches (they leave no
-- audit rows: the audit trail is per org).

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
