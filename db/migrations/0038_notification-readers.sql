-- Who may be told about a thing. A notification names an entity (and sometimes a comment or a
-- message of it); telling someone who may not read it reveals that it exists — a guest watching a
-- task must not hear of an internal comment, a member removed from a private project must not hear
-- of its tasks. Background work of an org asks here with its candidates and gets back those who
-- may read the thing, answered by the same RLS that answers their own queries: each candidate's
-- user session is set in turn, and the service session is put back before returning.

create function app.readers_of(candidates uuid[], entity_type text, entity_id uuid,
                               detail_type text default null, detail_id uuid default null) returns uuid[]
language plpgsql volatile
set search_path = pg_catalog, public
as $$
declare
  service_session text := current_setting('hasura.user', true);
  org uuid := app.org_id();
  candidate uuid;
  readers uuid[] := '{}';
begin
  -- The execute grant (workgrid_app only) and this check keep anyone but background work from
  -- asking what other people may read.
  if app.session_role() is distinct from 'service' or org is null then
    raise exception 'service_session_required' using hint = 'Only background work of an org asks who may read an entity.';
  end if;
  foreach candidate in array coalesce(candidates, '{}') loop
    perform set_config('hasura.user',
      jsonb_build_object('x-hasura-role', 'user', 'x-hasura-org-id', org, 'x-hasura-user-id', candidate)::text, true);
    if app.can_see_entity(entity_type, entity_id)
       and (detail_type is null
            or case detail_type
                 when 'comment' then exists (select from public.comments c where c.id = detail_id and c.deleted_at is null)
                 else app.can_see_entity(detail_type, detail_id)
               end) then
      readers := readers || candidate;
    end if;
  end loop;
  perform set_config('hasura.user', service_session, true);
  return readers;
end
$$;
comment on function app.readers_of(uuid[], text, uuid, text, uuid) is
  'Background work of an org (role service) only: the candidates who may read the entity (and, when named, '
  'the comment or other detail of it), each checked under their own user session and RLS.';
revoke execute on function app.readers_of(uuid[], text, uuid, text, uuid) from public, workgrid_engine;
grant execute on function app.readers_of(uuid[], text, uuid, text, uuid) to workgrid_app;
