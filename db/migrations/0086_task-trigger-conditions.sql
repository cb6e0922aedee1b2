-- Two of the tasks' row triggers ran for every updated row although most edits concern neither:
-- _130_rules (number and key kept, project fixed, parent cycles, completed_at) and _450_activity
-- (activity for status, date and trash changes). Each call is a security definer function with
-- its own search_path, about 4 µs a row, or 8 of a bulk title update's ~75 µs per row. On updates
-- they now run only when a column they look at changed (a WHEN condition, which costs no call and,
-- for the AFTER trigger, queues no event); inserts still run them always. WHEN conditions cannot
-- name OLD on insert, hence a trigger per event. The names keep their place in the firing order.

drop trigger _130_rules on public.tasks;
create trigger _130_rules before insert on public.tasks
  for each row execute function app.tg_tasks__rules();
create trigger _130_rules_update before update on public.tasks
  for each row
  when (old.number is distinct from new.number or old.key is distinct from new.key
        or old.project_id is distinct from new.project_id or old.parent_id is distinct from new.parent_id
        or old.status is distinct from new.status or old.completed_at is distinct from new.completed_at)
  execute function app.tg_tasks__rules();

drop trigger _450_activity on public.tasks;
create trigger _450_activity after insert on public.tasks
  for each row execute function app.tg_tasks__activity();
create trigger _450_activity_update after update on public.tasks
  for each row
  when (old.status is distinct from new.status or old.start_date is distinct from new.start_date
        or old.due_date is distinct from new.due_date or old.deleted_at is distinct from new.deleted_at)
  execute function app.tg_tasks__activity();
