-- Email: per-org template overrides (system defaults live in actions/src/email/templates.ts) and
-- the log of every message with its status. The worker renders and sends a logged message through
-- the configured provider (Resend, SMTP, or the database mailbox used locally, which keeps the
-- rendered bodies for the console's dev mailbox); provider webhooks move its status on.

create table public.email_templates (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  key text not null check (key ~ '^[a-z_]+(\.[a-z_]+)*$'),
  locale text not null default 'en' check (locale ~ '^[a-z]{2}(-[A-Z]{2})?$'),
  subject text not null check (length(subject) between 1 and 300),
  html text not null check (length(html) <= 100000),
  text text not null check (length(text) <= 100000),
  created_by uuid default app.user_id() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (org_id, key, locale)
);
comment on table public.email_templates is
  'An org''s override of a system email template for one locale. {{variable}} placeholders are filled '
  'at send time (HTML-escaped in html).';

create table public.email_log (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  to_address citext not null check (to_address ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
  template_key text not null check (template_key ~ '^[a-z_]+(\.[a-z_]+)*$'),
  locale text not null default 'en',
  variables jsonb not null default '{}',
  event_id uuid references public.outbox_events (id) on delete set null,
  status text not null default 'queued'
    check (status in ('queued', 'sent', 'delivered', 'delayed', 'bounced', 'complained', 'failed')),
  provider text check (provider in ('resend', 'smtp', 'mailbox')),
  provider_message_id text,
  subject text,
  html_body text,
  text_body text,
  attempts integer not null default 0 check (attempts >= 0),
  error text check (length(error) <= 2000),
  sent_at timestamptz,
  status_changed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
comment on table public.email_log is
  'One row per email: recipient, template and variables, provider and its message id, status '
  '(queued, sent, then delivered/delayed/bounced/complained from provider webhooks, or failed).';
comment on column public.email_log.html_body is 'Rendered body, kept only by the database mailbox provider (local dev mailbox).';
create index email_log_org_idx on public.email_log (org_id, created_at desc);
create unique index email_log_provider_message_idx on public.email_log (provider, provider_message_id) where provider_message_id is not null;
create index email_log_event_idx on public.email_log (event_id);

select app.install_row_triggers('public.email_templates');
-- The rendered bodies the dev mailbox keeps carry one-time links: the audit trail records that a
-- body was set, never its text.
select app.install_row_triggers('public.email_log', audit_omit => 'html_body,text_body');

alter table public.email_templates enable row level security;
alter table public.email_templates force row level security;
alter table public.email_log enable row level security;
alter table public.email_log force row level security;

create policy email_templates_select on public.email_templates for select
  using ((org_id = (select app.org_id()) and ((select app.has_org_role('owner', 'admin')) or (select app.is_service())))
         or (select app.engine_trusts_metadata()));
create policy email_templates_insert on public.email_templates for insert
  with check (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')) and created_by = (select app.user_id()));
create policy email_templates_update on public.email_templates for update
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')))
  with check (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')));
create policy email_templates_delete on public.email_templates for delete
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')));

create policy email_log_select on public.email_log for select
  using ((org_id = (select app.org_id()) and ((select app.has_org_role('owner', 'admin')) or (select app.is_service())))
         or (select app.engine_trusts_metadata()));
create policy email_log_insert on public.email_log for insert
  with check (org_id = (select app.org_id()) and (select app.is_service()));
create policy email_log_update on public.email_log for update
  using (org_id = (select app.org_id()) and (select app.is_service()))
  with check (org_id = (select app.org_id()) and (select app.is_service()));
create policy email_log_delete on public.email_log for delete
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')));

grant select, delete on public.email_templates to workgrid_engine, workgrid_app;
grant insert (id, org_id, key, locale, subject, html, text, created_by) on public.email_templates to workgrid_engine, workgrid_app;
grant update (subject, html, text) on public.email_templates to workgrid_engine, workgrid_app;

grant select, delete on public.email_log to workgrid_engine, workgrid_app;
grant insert (id, org_id, to_address, template_key, locale, variables, event_id) on public.email_log to workgrid_app;
grant update (status, provider, provider_message_id, subject, html_body, text_body, attempts, error, sent_at, status_changed_at)
  on public.email_log to workgrid_app;

-- Provider delivery webhooks name a message by the provider's id, with no org session: this is the
-- one way they may change a log row, and only its status.
create function app.email_log_apply_provider_event(provider_name text, message_id text, new_status text, detail text default null)
returns boolean
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
begin
  if new_status not in ('delivered', 'delayed', 'bounced', 'complained', 'failed') then
    raise exception 'email_status_invalid' using hint = 'Provider events set delivered, delayed, bounced, complained or failed.';
  end if;
  update public.email_log
     set status = new_status, status_changed_at = now(), error = coalesce(left(detail, 2000), error)
   -- A final word (bounced, complained) is never overwritten by a late "delivered" or "delayed".
   where provider = provider_name and provider_message_id = message_id and status not in ('bounced', 'complained');
  return found;
end
$$;
comment on function app.email_log_apply_provider_event(text, text, text, text) is
  'Provider delivery webhooks (verified by the actions service): moves one logged message to a new status.';

-- Background work of an org addresses its members by email, but may not read users under RLS.
create function app.member_contact(member_id uuid)
returns table (email text, locale text, display_name text)
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select u.email::text, u.locale, u.display_name
    from public.users u
    join public.org_memberships m on m.user_id = u.id and m.org_id = app.org_id()
   -- The execute grant (workgrid_app only) stands in for app.is_service()'s role check, which
   -- cannot see the caller inside a security definer function.
   where app.session_role() = 'service' and u.id = member_id and u.disabled_at is null
$$;
comment on function app.member_contact(uuid) is
  'Background work of an org (role service) only: email, locale and name of a member of the session org.';

revoke execute on function app.email_log_apply_provider_event(text, text, text, text), app.member_contact(uuid)
  from public, workgrid_engine;
grant execute on function app.email_log_apply_provider_event(text, text, text, text), app.member_contact(uuid)
  to workgrid_app;
