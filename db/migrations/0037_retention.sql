-- Retention: what has expired or served its purpose is deleted by the worker's repeatable
-- retention-sweep job, through app.prune_expired (workgrid_app only; it runs as the owner because
-- the worker may read none of these rows). Each call deletes at most `batch` rows of each kind, set
-- based; a backlog drains over successive runs, and a rerun finds nothing more to do.
--
--   kind                     deleted when
--   refresh_tokens           expired more than token_retention ago (rotated ones are kept until
--                            then: presenting one again is how reuse is detected)
--   refresh_token_families   no token left, and revoked (or created) more than token_retention ago
--   email_tokens             used or expired more than token_retention ago
--   invitation_tokens        their invitation was accepted, revoked or expired more than
--                            token_retention ago (the invitation row itself stays as history)
--   mfa_pending_factors      an enrollment never confirmed, started more than token_retention ago
--   mfa_backup_codes         used more than token_retention ago (a used code is refused either way)
--   auth_events              older than auth_event_retention
--   outbox_events            delivered more than outbox_retention ago (dead letters stay until
--                            retried or their org is purged). An idempotency key is unique only
--                            while its row exists, so outbox_retention must outlast any retry of
--                            the operation that emitted it.

-- auth_events stay append-only, except for the sweep: inside app.prune_expired a transaction-local
-- flag lets its deletes through. Only the owner role may delete these rows at all.
create function app.tg_auth_events__append_only() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
begin
  if tg_op = 'DELETE'
     and (current_setting('workgrid.retention_sweep', true) = 'on'
          or not exists (select from public.orgs where id = old.org_id)) then
    return old;
  end if;
  raise exception 'audit_log_append_only'
    using hint = 'Security events can be neither changed nor deleted; they expire by retention.';
end
$$;
comment on function app.tg_auth_events__append_only() is
  'Refuses updates and deletes of security events, except the retention sweep and the cascade of purging their org.';

drop trigger _100_append_only on app_private.auth_events;
create trigger _100_append_only before update or delete on app_private.auth_events
  for each row execute function app.tg_auth_events__append_only();
create index auth_events_occurred_at_idx on app_private.auth_events (occurred_at);
create index outbox_events_delivered_at_idx on public.outbox_events (delivered_at) where delivered_at is not null;

create function app.prune_expired(
  token_retention interval, auth_event_retention interval, outbox_retention interval, batch integer default 10000
) returns table (kind text, removed bigint)
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
declare
  token_cutoff timestamptz := now() - token_retention;
begin
  return query with gone as (
    delete from app_private.refresh_tokens where id in (
      select id from app_private.refresh_tokens where expires_at < token_cutoff limit batch)
    returning 1)
  select 'refresh_tokens', count(*) from gone;

  return query with gone as (
    delete from app_private.refresh_token_families where id in (
      select f.id from app_private.refresh_token_families f
       where coalesce(f.revoked_at, f.created_at) < token_cutoff
         and not exists (select from app_private.refresh_tokens t where t.family_id = f.id)
       limit batch)
    returning 1)
  select 'refresh_token_families', count(*) from gone;

  return query with gone as (
    delete from app_private.email_tokens where id in (
      select id from app_private.email_tokens where used_at < token_cutoff or expires_at < token_cutoff limit batch)
    returning 1)
  select 'email_tokens', count(*) from gone;

  return query with gone as (
    delete from app_private.invitation_tokens where invitation_id in (
      select i.id from public.invitations i
        join app_private.invitation_tokens t on t.invitation_id = i.id
       where i.accepted_at < token_cutoff or i.revoked_at < token_cutoff or i.expires_at < token_cutoff
       limit batch)
    returning 1)
  select 'invitation_tokens', count(*) from gone;

  return query with gone as (
    delete from app_private.mfa_factors where user_id in (
      select user_id from app_private.mfa_factors where enabled_at is null and created_at < token_cutoff limit batch)
    returning 1)
  select 'mfa_pending_factors', count(*) from gone;

  return query with gone as (
    delete from app_private.mfa_backup_codes where id in (
      select id from app_private.mfa_backup_codes where used_at < token_cutoff limit batch)
    returning 1)
  select 'mfa_backup_codes', count(*) from gone;

  perform set_config('workgrid.retention_sweep', 'on', true);
  return query with gone as (
    delete from app_private.auth_events where id in (
      select id from app_private.auth_events where occurred_at < now() - auth_event_retention limit batch)
    returning 1)
  select 'auth_events', count(*) from gone;
  perform set_config('workgrid.retention_sweep', 'off', true);

  return query with gone as (
    delete from public.outbox_events where id in (
      select id from public.outbox_events where delivered_at < now() - outbox_retention limit batch)
    returning 1)
  select 'outbox_events', count(*) from gone;
end
$$;
comment on function app.prune_expired(interval, interval, interval, integer) is
  'Worker only: deletes expired tokens, old security events and delivered outbox rows past their retention (at most batch of each); answers how many of each.';
revoke execute on function app.prune_expired(interval, interval, interval, integer) from public, workgrid_engine;
grant execute on function app.prune_expired(interval, interval, interval, integer) to workgrid_app;
