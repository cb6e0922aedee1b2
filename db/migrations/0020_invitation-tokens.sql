-- Invitation tokens (SHA-256 of 256-bit random values) and accepting an invitation, which creates a
-- membership: the invitee is not yet a member, so that step runs as the owner with its checks here.

create table app_private.invitation_tokens (
  invitation_id uuid primary key references public.invitations (id) on delete cascade,
  token_hash bytea not null unique check (length(token_hash) = 32),
  created_at timestamptz not null default now()
);
comment on table app_private.invitation_tokens is 'The current token of each invitation; resending replaces it.';

alter table app_private.invitation_tokens enable row level security;
alter table app_private.invitation_tokens force row level security;
-- Whoever may manage the invitation (owners and admins of its org, by the invitations policy) may
-- manage its token.
create policy invitation_tokens_all on app_private.invitation_tokens for all to workgrid_app
  using (exists (select from public.invitations i where i.id = invitation_id))
  with check (exists (select from public.invitations i where i.id = invitation_id));

grant select, insert, update, delete on app_private.invitation_tokens to workgrid_app;

create function app_private.invitation_by_token(hash bytea)
returns table (invitation_id uuid, org_id uuid, email citext, role text, expires_at timestamptz,
               accepted_at timestamptz, revoked_at timestamptz)
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select i.id, i.org_id, i.email, i.role, i.expires_at, i.accepted_at, i.revoked_at
    from app_private.invitation_tokens t
    join public.invitations i on i.id = t.invitation_id
   where t.token_hash = hash
$$;
comment on function app_private.invitation_by_token(bytea) is 'The invitation a token (by hash) opens, whatever its state.';
revoke all on function app_private.invitation_by_token(bytea) from public;
grant execute on function app_private.invitation_by_token(bytea) to workgrid_app;

create function app_private.accept_invitation(accepted_invitation uuid)
returns uuid
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
declare
  inv public.invitations;
  invitee public.users;
begin
  select * into inv from public.invitations where id = accepted_invitation for update;
  select * into invitee from public.users where id = app.user_id();
  if inv.id is null or invitee.id is null then
    raise exception 'invitation_invalid' using hint = 'This invitation link is not valid.';
  end if;
  if inv.org_id is distinct from app.org_id() then
    raise exception 'invitation_invalid' using hint = 'The session is not for the invitation''s org.';
  end if;
  if inv.revoked_at is not null then
    raise exception 'invitation_revoked' using hint = 'This invitation was revoked.';
  end if;
  if inv.accepted_at is not null then
    raise exception 'invitation_used' using hint = 'This invitation was already accepted.';
  end if;
  if inv.expires_at <= now() then
    raise exception 'invitation_expired' using hint = 'This invitation has expired: ask for a new one.';
  end if;
  if lower(invitee.email) <> lower(inv.email) then
    raise exception 'invitation_invalid' using hint = 'The invitation was sent to another address.';
  end if;
  insert into public.org_memberships (org_id, user_id, role, invited_by)
  values (inv.org_id, invitee.id, inv.role, inv.invited_by)
  on conflict (org_id, user_id) do nothing;
  update public.invitations set accepted_at = now(), accepted_by = invitee.id where id = inv.id;
  delete from app_private.invitation_tokens where invitation_id = inv.id;
  return inv.org_id;
end
$$;
comment on function app_private.accept_invitation(uuid) is
  'Makes the session user a member of the session org through a pending invitation addressed to them; single use.';
revoke all on function app_private.accept_invitation(uuid) from public;
grant execute on function app_private.accept_invitation(uuid) to workgrid_app;
