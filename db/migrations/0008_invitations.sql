-- Invitations to join an org. The single-use token is stored hashed in app_private by the identity
-- actions; this table holds what admins see and manage.

create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null default app.org_id() references public.orgs (id) on delete cascade,
  email citext not null check (email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
  role text not null default 'member' references public.org_roles (value) on update cascade on delete restrict
    check (role <> 'owner'),
  message text check (length(message) <= 2000),
  invited_by uuid default app.user_id() references public.users (id) on delete set null,
  expires_at timestamptz not null default now() + interval '7 days',
  accepted_at timestamptz,
  accepted_by uuid references public.users (id) on delete set null,
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (expires_at > created_at),
  check (accepted_at is null or revoked_at is null)
);
comment on table public.invitations is 'Pending, accepted, revoked or expired invitations to an org. Owners are made by transfer, never invited.';
create unique index invitations_pending_email_idx on public.invitations (org_id, email)
  where accepted_at is null and revoked_at is null;
create index invitations_org_id_idx on public.invitations (org_id, created_at desc);

create function app.tg_invitations__revoke() returns trigger
language plpgsql volatile
as $$
begin
  if old.revoked_at is not null and new.revoked_at is distinct from old.revoked_at then
    raise exception 'invitation_revoked'
      using hint = 'A revoked invitation stays revoked: send a new one instead.';
  end if;
  if old.revoked_at is null and new.revoked_at is not null then
    new.revoked_at := now();
  end if;
  return new;
end
$$;
comment on function app.tg_invitations__revoke() is 'Stamps revocation with server time and makes it final.';

create trigger _150_revoke before update of revoked_at on public.invitations
  for each row execute function app.tg_invitations__revoke();
select app.install_row_triggers('public.invitations');

alter table public.invitations enable row level security;
alter table public.invitations force row level security;

create policy invitations_select on public.invitations for select
  using ((org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')))
         or (select app.engine_trusts_metadata()));
create policy invitations_insert on public.invitations for insert
  with check (org_id = (select app.org_id())
              and (select app.has_org_role('owner', 'admin'))
              and invited_by = (select app.user_id()));
create policy invitations_update on public.invitations for update
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')))
  with check (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')));
create policy invitations_delete on public.invitations for delete
  using (org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')));

grant select, delete on public.invitations to workgrid_engine, workgrid_app;
grant insert (id, org_id, email, role, message, invited_by, expires_at) on public.invitations to workgrid_app;
grant update (revoked_at) on public.invitations to workgrid_engine, workgrid_app;
grant update (expires_at, accepted_at, accepted_by) on public.invitations to workgrid_app;
