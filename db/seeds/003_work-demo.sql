-- Demo work management for both demo orgs (001): a workspace, three projects (workspace-visible,
-- org-visible and private), a kanban board with five columns each, and 100 tasks per project with
-- assignees, subtasks, dependencies, comments, checklists and time entries. Deterministic ids (md5
-- of a name); idempotent: a project that already has tasks gets none added. Runs as the owner role
-- with each org's session, as the services would.

do $$
declare
  org record;
  proj record;
  n integer;
  task_id uuid;
  statuses constant text[] := array['backlog', 'todo', 'in_progress', 'in_review', 'done'];
  column_names constant text[] := array['Backlog', 'To do', 'In progress', 'In review', 'Done'];
  verbs constant text[] := array['Design', 'Implement', 'Review', 'Test', 'Document', 'Refine', 'Measure', 'Plan', 'Fix', 'Ship'];
  things constant text[] := array['sign-up flow', 'pricing page', 'search results', 'onboarding email', 'billing settings',
                                  'dashboard widgets', 'export to CSV', 'dark mode', 'notification centre', 'release notes',
                                  'API rate limits', 'mobile navigation', 'audit log view'];
  priorities constant text[] := array['none', 'low', 'medium', 'high', 'urgent'];
  staff uuid[];
  col uuid;
begin
  for org in
    select * from (values
      ('a0000000-0000-4000-8000-000000000000'::uuid, '1', 'acme'),
      ('b0000000-0000-4000-8000-000000000000'::uuid, '2', 'globex')) as o (id, prefix, slug)
  loop
    staff := array[
      (org.prefix || '0000000-0000-4000-8000-000000000001')::uuid, (org.prefix || '0000000-0000-4000-8000-000000000002')::uuid,
      (org.prefix || '0000000-0000-4000-8000-000000000003')::uuid, (org.prefix || '0000000-0000-4000-8000-000000000004')::uuid,
      (org.prefix || '0000000-0000-4000-8000-000000000005')::uuid];
    perform set_config('hasura.user', jsonb_build_object('x-hasura-org-id', org.id, 'x-hasura-user-id', staff[1])::text, true);

    insert into public.workspaces (id, org_id, name, description, created_by)
    values (md5(org.slug || ':workspace')::uuid, org.id, 'Product', 'Everything we build and ship', staff[1])
    on conflict do nothing;

    for proj in
      select * from (values
        ('WEB', 'Website relaunch', 'workspace', 'New marketing site and sign-up funnel'),
        ('APP', 'Mobile app', 'org', 'iOS and Android apps, first public release'),
        ('ACQ', 'Acquisition due diligence', 'private', 'Confidential: evaluating a purchase')) as p (key, name, visibility, description)
    loop
      insert into public.projects (id, org_id, workspace_id, key, name, description, visibility, created_by, start_date, target_date)
      values (md5(org.slug || ':project:' || proj.key)::uuid, org.id, md5(org.slug || ':workspace')::uuid, proj.key, proj.name,
              proj.description, proj.visibility, staff[case when proj.visibility = 'private' then 3 else 1 end],
              current_date - 30, current_date + 60)
      on conflict do nothing;
      -- The guest works on the website only; the manager created (and administers) the private project.
      if proj.key = 'WEB' then
        insert into public.project_members (org_id, project_id, user_id, role)
        values (org.id, md5(org.slug || ':project:WEB')::uuid, (org.prefix || '0000000-0000-4000-8000-000000000007')::uuid, 'editor'),
               (org.id, md5(org.slug || ':project:WEB')::uuid, staff[5], 'editor')
        on conflict do nothing;
      elsif proj.key = 'ACQ' then
        insert into public.project_members (org_id, project_id, user_id, role)
        values (org.id, md5(org.slug || ':project:ACQ')::uuid, staff[2], 'editor')
        on conflict do nothing;
      end if;

      insert into public.boards (id, org_id, project_id, name, view_type, config, created_by)
      values (md5(org.slug || ':board:' || proj.key)::uuid, org.id, md5(org.slug || ':project:' || proj.key)::uuid,
              proj.name || ' board', 'kanban', '{"group_by": "status", "show": ["assignees", "due_date", "priority"]}', staff[1])
      on conflict do nothing;
      for n in 1..5 loop
        insert into public.board_columns (id, org_id, project_id, board_id, name, maps_to_status, wip_limit, position)
        values (md5(org.slug || ':column:' || proj.key || ':' || n)::uuid, org.id, md5(org.slug || ':project:' || proj.key)::uuid,
                md5(org.slug || ':board:' || proj.key)::uuid, column_names[n], statuses[n],
                case when statuses[n] = 'in_progress' then 30 end, n * 1024)
        on conflict do nothing;
      end loop;

      insert into public.project_custom_fields (org_id, project_id, key, label, type)
      values (org.id, md5(org.slug || ':project:' || proj.key)::uuid, 'story_points', 'Story points', 'number')
      on conflict do nothing;

      continue when exists (select from public.tasks where project_id = md5(org.slug || ':project:' || proj.key)::uuid);

      for n in 1..100 loop
        task_id := md5(org.slug || ':task:' || proj.key || ':' || n)::uuid;
        col := md5(org.slug || ':column:' || proj.key || ':' || (1 + n % 5))::uuid;
        insert into public.tasks (id, org_id, project_id, column_id, parent_id, title, description, priority,
                                  start_date, due_date, estimate, custom_fields, created_by)
        values (task_id, org.id, md5(org.slug || ':project:' || proj.key)::uuid, col,
                case when n % 15 = 0 then md5(org.slug || ':task:' || proj.key || ':' || (n - 1))::uuid end,
                verbs[1 + n % 10] || ' ' || things[1 + n % 13],
                'Part of ' || proj.name || '. Acceptance: reviewed, tested and documented.',
                priorities[1 + n % 5],
                current_date - 20 + n % 40, current_date - 10 + n % 40 + n % 7,
                1 + n % 8, jsonb_build_object('story_points', 1 + n % 8), staff[1 + n % 5]);
        insert into public.task_assignees (org_id, project_id, task_id, user_id)
        values (org.id, md5(org.slug || ':project:' || proj.key)::uuid, task_id,
                case when proj.key = 'ACQ' then staff[2 + n % 2] else staff[1 + (n * 7) % 5] end);
        if n % 10 = 0 then
          insert into public.task_dependencies (org_id, project_id, blocker_id, blocked_id, created_by)
          values (org.id, md5(org.slug || ':project:' || proj.key)::uuid,
                  md5(org.slug || ':task:' || proj.key || ':' || (n - 3))::uuid, task_id, staff[1]);
        end if;
        if n % 7 = 0 then
          insert into public.comments (org_id, entity_type, entity_id, author_id, body)
          values (org.id, 'task', task_id, staff[1 + n % 5],
                  case when n % 14 = 0 then 'Blocked on design sign-off, @[Maria](user:' || staff[3] || ') can you take a look?'
                       else 'Started on this; first draft in review tomorrow.' end);
        end if;
        if n % 9 = 0 then
          insert into public.task_checklists (id, org_id, project_id, task_id, title)
          values (md5(org.slug || ':checklist:' || proj.key || ':' || n)::uuid, org.id, md5(org.slug || ':project:' || proj.key)::uuid, task_id, 'Definition of done');
          insert into public.task_checklist_items (org_id, project_id, checklist_id, title, position, done)
          select org.id, md5(org.slug || ':project:' || proj.key)::uuid, md5(org.slug || ':checklist:' || proj.key || ':' || n)::uuid,
                 item, ord * 1024, ord <= n % 3
            from unnest(array['Code reviewed', 'Tests added', 'Docs updated']) with ordinality as i (item, ord);
        end if;
        if n % 5 = 0 then
          insert into public.time_entries (org_id, project_id, task_id, user_id, started_at, ended_at, billable, note)
          values (org.id, md5(org.slug || ':project:' || proj.key)::uuid, task_id, staff[1 + n % 5],
                  date_trunc('day', now()) - make_interval(days => n % 20) + interval '9 hours',
                  date_trunc('day', now()) - make_interval(days => n % 20) + interval '9 hours' + make_interval(mins => 30 + (n * 13) % 180),
                  n % 2 = 0, 'Focused work');
        end if;
      end loop;
    end loop;
  end loop;
end
$$;
