-- Audit log: one row per change of every tenant table, written by app.tg__audit() (security definer).
-- Append-only: no service role may update or delete it, and a trigger refuses it even for the owner,
-- except when the whole org is being purged.

create table public.audit_log (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.orgs (id) on delete cascade,
  actor_id uuid references public.users (id) on delete set null,
  action text not null check (action in ('insert', 'update', 'delete')),
  table_name text not null,
  row_id uuid,
  changes jsonb not null default '{}',
  request_id text,
  occurred_at timestamptz not null default clock_timestamp()
);
comment on table public.audit_log is 'Append-only record of who changed what, when, in which request.';
comment on column public.audit_log.changes is 'Changed columns as {column: [old, new]}; inserts have null olds, deletes null news.';
create index audit_log_org_id_occurred_at_idx on public.audit_log (org_id, occurred_at desc);
create index audit_log_row_id_idx on public.audit_log (row_id);
create index audit_log_actor_id_idx on public.audit_log (actor_id);

create function app.tg_audit_log__append_only() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
begin
  if tg_op = 'DELETE' and not exists (select from public.orgs where id = old.org_id) then
    return old;
  end if;
  raise exception 'audit_log_append_only'
    using hint = 'Audit rows can be neither changed nor deleted.';
end
$$;
comment on function app.tg_audit_log__append_only() is
  'Refuses updates and deletes of audit rows; only the cascade of purging their org removes them.';

create trigger _100_append_only before update or delete on public.audit_log
  for each row execute function app.tg_audit_log__append_only();
create trigger _110_append_only_truncate before truncate on public.audit_log
  for each statement execute function app.tg_audit_log__append_only();

alter table public.audit_log enable row level security;
alter table public.audit_log force row level security;

create policy audit_log_select on public.audit_log for select
  using ((org_id = (select app.org_id()) and (select app.has_org_role('owner', 'admin')))
         or (select app.engine_trusts_metadata()));

grant select on public.audit_log to workgrid_engine, workgrid_app;
