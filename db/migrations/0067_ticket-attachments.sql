-- Ticket attachments are files (0015) with entity_type 'ticket'. The upload actions record what the
-- stored bytes really are (status, sniffed content type, size) through app.record_file_check.
--
-- Members are staff for the rest of the product, so files_select would show them a ticket's
-- internal attachments; on tickets only desk staff (and the uploader) see internal files, as with
-- internal notes.
alter policy files_select on public.files
  using ((org_id = (select app.org_id())
          and ((select app.is_staff())
               or ((select app.is_org_member())
                   and (visibility = 'public' or uploaded_by = (select app.user_id()))))
          and app.can_see_entity(entity_type, entity_id)
          and (entity_type is null or entity_type <> 'ticket' or visibility = 'public'
               or uploaded_by = (select app.user_id()) or (select app.has_org_role('owner', 'admin', 'manager', 'agent'))))
         or (select app.engine_trusts_metadata()));

-- The uploader confirms their own pending upload once; the actions service has checked the bytes.
create function app.record_file_check(file_id uuid, new_status text, detected_type text, stored_bytes bigint)
returns boolean
language sql volatile security definer
set search_path = pg_catalog, public
as $$
  with checked as (
    update public.files f
       set status = new_status, detected_content_type = detected_type, size_bytes = stored_bytes
     where f.id = file_id and f.org_id = app.org_id() and f.uploaded_by = app.user_id()
       and f.status = 'pending' and new_status in ('ready', 'rejected')
    returning 1
  )
  select exists (select from checked)
$$;
comment on function app.record_file_check(uuid, text, text, bigint) is
  'Actions service only: records the result of checking an uploaded object (the caller''s own pending upload).';
revoke execute on function app.record_file_check(uuid, text, text, bigint) from public, workgrid_engine;
grant execute on function app.record_file_check(uuid, text, text, bigint) to workgrid_app;
