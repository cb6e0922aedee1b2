-- Satisfaction: when a ticket is resolved, its requester is emailed a signed link (the worker, on
-- ticket.status_changed to resolved); the answer, verified by the actions service, is stored on the
-- ticket through app.record_satisfaction. A later answer replaces an earlier one while the ticket
-- stays resolved or closed.

alter table public.tickets
  add column satisfaction_rating smallint check (satisfaction_rating between 1 and 5),
  add column satisfaction_comment text check (length(satisfaction_comment) <= 2000),
  add column satisfaction_rated_at timestamptz;
comment on column public.tickets.satisfaction_rating is 'The requester''s rating (1–5) from the signed link of the resolution email.';

create function app.record_satisfaction(ticket uuid, rating integer, remark text)
returns boolean
language sql volatile security definer
set search_path = pg_catalog, public
as $$
  with rated as (
    update public.tickets t
       set satisfaction_rating = rating, satisfaction_comment = nullif(btrim(remark), ''), satisfaction_rated_at = now()
     where t.id = ticket and t.status in ('resolved', 'closed') and t.merged_into_id is null
    returning 1
  )
  select exists (select from rated)
$$;
comment on function app.record_satisfaction(uuid, integer, text) is
  'Actions service only, after verifying the signed link: stores the rating of a resolved or closed ticket.';
revoke execute on function app.record_satisfaction(uuid, integer, text) from public, workgrid_engine;
grant execute on function app.record_satisfaction(uuid, integer, text) to workgrid_app;
