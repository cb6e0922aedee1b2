-- tasks.version decides "did a person change this row": app.tg_tasks__version compared both row
-- images as JSON (to_jsonb of every column, twice per updated row), about a sixth of what a bulk
-- title update costs per row. It now compares the rows themselves, with the maintained columns
-- copied over. Equal answers, except that a numeric rewritten with another scale only (an estimate
-- of 1.0 set to 1.00) no longer counts as an edit.

create or replace function app.tg_tasks__version() returns trigger
language plpgsql volatile
as $$
declare
  unchanged public.tasks := old;
begin
  if tg_op = 'UPDATE' then
    -- The columns the database maintains are not edits: take them from the new row.
    unchanged.is_blocked := new.is_blocked;
    unchanged.blocked_since := new.blocked_since;
    unchanged.updated_at := new.updated_at;
    unchanged.version := new.version;
    unchanged.search := new.search;
    if unchanged is not distinct from new then
      new.version := old.version;
      return new;
    end if;
  end if;
  new.version := case when tg_op = 'INSERT' then 1 else old.version + 1 end;
  return new;
end
$$;
