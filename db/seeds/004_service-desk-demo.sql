-- Service-desk demo data for the two demo orgs: business calendars, request categories, SLA policies
-- with escalation, desk settings, macros and a few tickets with a conversation. Deterministic ids;
-- idempotent (tickets are inserted only when absent, so re-seeding takes no ticket number).

select set_config('hasura.user', '{"x-hasura-org-id": "a0000000-0000-4000-8000-000000000000", "x-hasura-user-id": "10000000-0000-4000-8000-000000000001"}', true);

insert into public.settings (id, org_id, key, value) values
  ('a4000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000000', 'desk.inbound_address', '"help@acme.example"'),
  ('a4000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000000', 'desk.reopen_window_days', '7'),
  ('a4000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000000', 'desk.email_creates_requesters', 'false')
on conflict do nothing;

insert into public.business_calendars (id, org_id, name, time_zone, working_hours, holidays, created_by) values
  ('a4100000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000000', 'Berlin office hours', 'Europe/Berlin',
   '{"1": [["09:00", "17:00"]], "2": [["09:00", "17:00"]], "3": [["09:00", "17:00"]], "4": [["09:00", "17:00"]], "5": [["09:00", "15:00"]]}',
   '{2026-12-24,2026-12-25,2026-12-26,2026-12-31,2027-01-01}', '10000000-0000-4000-8000-000000000001')
on conflict do nothing;

insert into public.request_categories (id, org_id, name, description, form_schema, default_team_id, default_priority, created_by) values
  ('a4200000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000000', 'Hardware', 'Laptops, screens, printers',
   '{"fields": [{"key": "device", "label": "Device", "type": "select", "required": true, "options": ["Laptop", "Screen", "Printer", "Phone"]},
                {"key": "asset_tag", "label": "Asset tag", "type": "text"}]}',
   'a1000000-0000-4000-8000-000000000002', 'normal', '10000000-0000-4000-8000-000000000001'),
  ('a4200000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000000', 'Access request', 'Accounts and permissions',
   '{"fields": [{"key": "system", "label": "System", "type": "text", "required": true}, {"key": "until", "label": "Needed until", "type": "text"}]}',
   'a1000000-0000-4000-8000-000000000002', 'normal', '10000000-0000-4000-8000-000000000001')
on conflict do nothing;

insert into public.sla_policies (id, org_id, name, priority, category_id, calendar_id, first_response_minutes, resolution_minutes, warn_at_percent, created_by) values
  ('a4300000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000000', 'Standard', null, null,
   'a4100000-0000-4000-8000-000000000001', 240, 2400, 80, '10000000-0000-4000-8000-000000000001'),
  ('a4300000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000000', 'Urgent', 'urgent', null,
   'a4100000-0000-4000-8000-000000000001', 30, 480, 75, '10000000-0000-4000-8000-000000000001'),
  ('a4300000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000000', 'Access, high', 'high', 'a4200000-0000-4000-8000-000000000002',
   'a4100000-0000-4000-8000-000000000001', 60, 960, 80, '10000000-0000-4000-8000-000000000001')
on conflict do nothing;

insert into public.sla_escalation_rules (id, org_id, policy_id, target, kind, action, reassign_team_id, created_by) values
  ('a4400000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000000', 'a4300000-0000-4000-8000-000000000002',
   'first_response', 'warning', 'notify_managers', null, '10000000-0000-4000-8000-000000000001'),
  ('a4400000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000000', 'a4300000-0000-4000-8000-000000000001',
   'resolution', 'breach', 'raise_priority', null, '10000000-0000-4000-8000-000000000001'),
  ('a4400000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000000', 'a4300000-0000-4000-8000-000000000002',
   'resolution', 'breach', 'reassign', 'a1000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001')
on conflict do nothing;

insert into public.ticket_macros (id, org_id, name, reply_body, reply_visibility, set_status, created_by) values
  ('a4500000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000000', 'Ask for details',
   'Hello {{requester.name}}, could you tell us more about #{{ticket.number}}? A screenshot helps.', 'public', 'pending',
   '10000000-0000-4000-8000-000000000004'),
  ('a4500000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000000', 'Solved',
   'Glad we could help, {{requester.name}}. Reply within 7 days if the problem comes back.', 'public', 'resolved',
   '10000000-0000-4000-8000-000000000004')
on conflict do nothing;

insert into public.tickets (id, org_id, subject, description, requester_id, category_id, priority, fields, created_by)
select 'a4600000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000000', 'Laptop screen flickers',
       'The screen of my laptop flickers since this morning.', '10000000-0000-4000-8000-000000000006',
       'a4200000-0000-4000-8000-000000000001', 'normal', '{"device": "Laptop", "asset_tag": "ACME-0042"}', '10000000-0000-4000-8000-000000000006'
 where not exists (select from public.tickets where id = 'a4600000-0000-4000-8000-000000000001');
insert into public.tickets (id, org_id, subject, description, requester_id, category_id, priority, fields, created_by)
select 'a4600000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000000', 'Access to the finance share',
       'I need read access to the finance share for the audit.', '10000000-0000-4000-8000-000000000005',
       'a4200000-0000-4000-8000-000000000002', 'high', '{"system": "Finance share", "until": "end of quarter"}', '10000000-0000-4000-8000-000000000005'
 where not exists (select from public.tickets where id = 'a4600000-0000-4000-8000-000000000002');
insert into public.tickets (id, org_id, subject, requester_id, priority, created_by)
select 'a4600000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000000', 'Wi-Fi down on the 3rd floor',
       '10000000-0000-4000-8000-000000000006', 'urgent', '10000000-0000-4000-8000-000000000006'
 where not exists (select from public.tickets where id = 'a4600000-0000-4000-8000-000000000003');

insert into public.ticket_watchers (id, org_id, ticket_id, user_id, created_by) values
  ('a4700000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000000', 'a4600000-0000-4000-8000-000000000003',
   '10000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000003')
on conflict do nothing;

insert into public.ticket_messages (id, org_id, ticket_id, author_id, visibility, body) values
  ('a4800000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000000', 'a4600000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8000-000000000004', 'internal', 'Same model as last week''s cable issue; try swapping the display cable first.'),
  ('a4800000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000000', 'a4600000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8000-000000000004', 'public', 'Hi Rita, we will swap the display cable today. Can you bring the laptop to the desk at 2 pm?')
on conflict do nothing;

select set_config('hasura.user', '{"x-hasura-org-id": "b0000000-0000-4000-8000-000000000000", "x-hasura-user-id": "20000000-0000-4000-8000-000000000001"}', true);

insert into public.business_calendars (id, org_id, name, time_zone, working_hours, created_by) values
  ('b4100000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000000', 'New York support hours', 'America/New_York',
   '{"1": [["08:00", "18:00"]], "2": [["08:00", "18:00"]], "3": [["08:00", "18:00"]], "4": [["08:00", "18:00"]], "5": [["08:00", "18:00"]]}',
   '20000000-0000-4000-8000-000000000001')
on conflict do nothing;
insert into public.sla_policies (id, org_id, name, calendar_id, first_response_minutes, resolution_minutes, created_by) values
  ('b4300000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000000', 'Standard',
   'b4100000-0000-4000-8000-000000000001', 120, 1200, '20000000-0000-4000-8000-000000000001')
on conflict do nothing;
insert into public.tickets (id, org_id, subject, description, requester_id, created_by)
select 'b4600000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000000', 'Invoice PDF does not open',
       'The invoice link in the last email gives an error.', '20000000-0000-4000-8000-000000000006', '20000000-0000-4000-8000-000000000006'
 where not exists (select from public.tickets where id = 'b4600000-0000-4000-8000-000000000001');
