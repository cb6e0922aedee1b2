-- What happens to a task, recorded by triggers: activity rows (status, assignees, dates, dependencies,
-- trash) for the task's history, outbox events for notifications (assignment, status change) and
-- webhooks. Creators and assignees follow their tasks (task_watchers) automatically. A timeline query
-- merges the activity with the task's comments.

-- Changes made by an automation's actions carry its depth in the session (set by the worker), so
-- the events they cause say how deep in a chain of automations they are (loop protection).
create function app.automation_depth() returns integer
language sql stable parallel safe
as $$ select coalesce((app.session() ->> 'x-workgrid-automation-depth')::integer, 0) $$;
comment on function app.automation_depth() is 'How many automations deep the current change is (0 for people and plain background work).';

create function app.record_task_activity(task public.tasks, verb text, summary text, data jsonb default '{}')
returns void
language sql volatile security definer
set search_path = pg_catalog, public
as $$
  insert into public.activity_feed (org_id, actor_id, verb, entity_type, entity_id, summary, data)
  values (task.org_id, app.user_id(), verb, 'task', task.id, left(task.key || ' ' || summary, 500),
          data || jsonb_build_object('project_id', task.project_id))
$$;
comment on function app.record_task_activity(public.tasks, text, text, jsonb) is 'Appends one activity row about a task, by the session user.';
revoke execute on function app.record_task_activity(public.tasks, text, text, jsonb) from workgrid_engine, workgrid_app;

create function app.watch_task(task public.tasks, user_id uuid) returns void
language sql volatile security definer
set search_path = pg_catalog, public
as $$
  insert into public.task_watchers (org_id, project_id, task_id, user_id)
  select task.org_id, task.project_id, task.id, watch_task.user_id
   where watch_task.user_id is not null
     and exists (select from public.org_memberships m where m.org_id = task.org_id and m.user_id = watch_task.user_id)
  on conflict (task_id, user_id) do nothing
$$;
comment on function app.watch_task(public.tasks, uuid) is 'Makes a member of the task''s org follow the task (no-op when they already do).';
revoke execute on function app.watch_task(public.tasks, uuid) from workgrid_engine, workgrid_app;

create function app.tg_tasks__activity() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
declare
  topic_key text := new.id || ':' || new.version;
begin
  if tg_op = 'INSERT' then
    perform app.record_task_activity(new, 'task.created', 'created: ' || new.title);
    perform app.watch_task(new, new.created_by);
    perform app.emit_event('task.created',
      jsonb_build_object('task_id', new.id, 'project_id', new.project_id, 'actor_id', app.user_id(),
                         'automation_depth', app.automation_depth()),
      'task.created:' || new.id, new.org_id);
    return null;
  end if;
  if new.status is distinct from old.status then
    perform app.record_task_activity(new, 'task.status_changed', format('status %s → %s', old.status, new.status),
      jsonb_build_object('from', old.status, 'to', new.status));
    perform app.emit_event('task.status_changed',
      jsonb_build_object('task_id', new.id, 'project_id', new.project_id, 'from', old.status, 'to', new.status,
                         'actor_id', app.user_id(), 'automation_depth', app.automation_depth()),
      'task.status_changed:' || topic_key, new.org_id);
  end if;
  if new.start_date is distinct from old.start_date or new.due_date is distinct from old.due_date then
    perform app.record_task_activity(new, 'task.dates_changed',
      format('dates %s – %s', coalesce(new.start_date::text, '…'), coalesce(new.due_date::text, '…')),
      jsonb_build_object('from', jsonb_build_object('start_date', old.start_date, 'due_date', old.due_date),
                         'to', jsonb_build_object('start_date', new.start_date, 'due_date', new.due_date)));
  end if;
  if new.deleted_at is distinct from old.deleted_at then
    perform app.record_task_activity(new, case when new.deleted_at is null then 'task.restored' else 'task.trashed' end,
      case when new.deleted_at is null then 'restored from the trash' else 'moved to the trash' end);
  end if;
  return null;
end
$$;
comment on function app.tg_tasks__activity() is 'Activity and outbox events of task changes (created, status, dates, trash).';

create function app.tg_task_assignees__activity() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
declare
  task public.tasks;
  row_ public.task_assignees := case when tg_op = 'DELETE' then old else new end;
  who text;
begin
  select * into task from public.tasks where id = row_.task_id;
  if not found then
    return null; -- the task itself is being deleted
  end if;
  select display_name into who from public.users where id = row_.user_id;
  if tg_op = 'INSERT' then
    perform app.record_task_activity(task, 'task.assigned', 'assigned to ' || coalesce(who, 'a member'),
      jsonb_build_object('user_id', new.user_id));
    perform app.watch_task(task, new.user_id);
    perform app.emit_event('task.assigned',
      jsonb_build_object('task_id', task.id, 'project_id', task.project_id, 'user_id', new.user_id, 'actor_id', app.user_id(),
                         'automation_depth', app.automation_depth()),
      'task.assigned:' || new.id, task.org_id);
  else
    perform app.record_task_activity(task, 'task.unassigned', 'unassigned ' || coalesce(who, 'a member'),
      jsonb_build_object('user_id', old.user_id));
  end if;
  return null;
end
$$;
comment on function app.tg_task_assignees__activity() is 'Activity of (un)assignments; an assignee follows the task and gets a task.assigned event.';

create function app.tg_task_dependencies__activity() returns trigger
language plpgsql volatile security definer
set search_path = pg_catalog, public
as $$
declare
  edge public.task_dependencies := case when tg_op = 'DELETE' then old else new end;
  task public.tasks;
  blocker_key text;
begin
  select * into task from public.tasks where id = edge.blocked_id;
  if not found then
    return null;
  end if;
  select key into blocker_key from public.tasks where id = edge.blocker_id;
  perform app.record_task_activity(task,
    case when tg_op = 'INSERT' then 'task.dependency_added' else 'task.dependency_removed' end,
    case when tg_op = 'INSERT' then 'now waits for ' else 'no longer waits for ' end || coalesce(blocker_key, 'a task'),
    jsonb_build_object('blocker_id', edge.blocker_id, 'kind', edge.kind));
  return null;
end
$$;
comment on function app.tg_task_dependencies__activity() is 'Activity on the blocked task when a dependency is added or removed.';

create trigger _450_activity after insert or update on public.tasks
  for each row execute function app.tg_tasks__activity();
create trigger _450_activity after insert or delete on public.task_assignees
  for each row execute function app.tg_task_assignees__activity();
create trigger _450_activity after insert or delete on public.task_dependencies
  for each row execute function app.tg_task_dependencies__activity();

-- The history of a task: its activity and its comments in one stream, oldest first. Comments appear
-- as rows with verb comment.created (edited/deleted state in data); row-level security of both
-- tables applies to the caller, so requesters and guests see only what they may.
create function public.task_timeline(task_id uuid)
returns setof public.activity_feed
language sql stable
set search_path = pg_catalog, public
as $$
  select * from (
    select a.* from public.activity_feed a
     where a.entity_type = 'task' and a.entity_id = task_timeline.task_id
    union all
    select c.id, c.org_id, c.author_id, 'comment.created', 'task', c.entity_id,
           left(case when c.deleted_at is null then c.body else '(deleted)' end, 500),
           jsonb_build_object('comment_id', c.id, 'parent_id', c.parent_id, 'edited_at', c.edited_at,
                              'deleted', c.deleted_at is not null, 'visibility', c.visibility),
           c.created_at
      from public.comments c
     where c.entity_type = 'task' and c.entity_id = task_timeline.task_id
  ) timeline
  order by created_at, id
$$;
comment on function public.task_timeline(uuid) is 'Activity and comments of a task merged into one timeline (oldest first).';
grant execute on function public.task_timeline(uuid) to workgrid_engine, workgrid_app;
