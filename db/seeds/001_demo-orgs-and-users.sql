-- Demo data: two orgs with a user of every role, teams, tags, settings and a comment thread.
-- Deterministic (fixed ids) and idempotent (on conflict do nothing). Runs as the owner role.
-- Sign-in passwords for these users are set by the identity seed (see demo-logins.json).

insert into public.users (id, email, display_name, email_verified_at) values
  ('10000000-0000-4000-8000-000000000001', 'owner@acme.example', 'Olivia Owner', now()),
  ('10000000-0000-4000-8000-000000000002', 'admin@acme.example', 'Adam Admin', now()),
  ('10000000-0000-4000-8000-000000000003', 'manager@acme.example', 'Maria Manager', now()),
  ('10000000-0000-4000-8000-000000000004', 'agent@acme.example', 'Aaron Agent', now()),
  ('10000000-0000-4000-8000-000000000005', 'member@acme.example', 'Mia Member', now()),
  ('10000000-0000-4000-8000-000000000006', 'requester@acme.example', 'Rita Requester', now()),
  ('10000000-0000-4000-8000-000000000007', 'guest@acme.example', 'Gus Guest', now()),
  ('20000000-0000-4000-8000-000000000001', 'owner@globex.example', 'Oscar Owner', now()),
  ('20000000-0000-4000-8000-000000000002', 'admin@globex.example', 'Alice Admin', now()),
  ('20000000-0000-4000-8000-000000000003', 'manager@globex.example', 'Max Manager', now()),
  ('20000000-0000-4000-8000-000000000004', 'agent@globex.example', 'Amy Agent', now()),
  ('20000000-0000-4000-8000-000000000005', 'member@globex.example', 'Milo Member', now()),
  ('20000000-0000-4000-8000-000000000006', 'requester@globex.example', 'Ruben Requester', now()),
  ('20000000-0000-4000-8000-000000000007', 'guest@globex.example', 'Grace Guest', now())
on conflict do nothing;

insert into public.orgs (id, name, slug, plan, created_by) values
  ('a0000000-0000-4000-8000-000000000000', 'Acme Corporation', 'acme', 'team', '10000000-0000-4000-8000-000000000001')
on conflict do nothing;

insert into public.orgs (id, name, slug, plan, created_by) values
  ('b0000000-0000-4000-8000-000000000000', 'Globex Industries', 'globex', 'team', '20000000-0000-4000-8000-000000000001')
on conflict do nothing;

insert into public.org_memberships (org_id, user_id, role, invited_by) values
  ('a0000000-0000-4000-8000-000000000000', '10000000-0000-4000-8000-000000000002', 'admin', '10000000-0000-4000-8000-000000000001'),
  ('a0000000-0000-4000-8000-000000000000', '10000000-0000-4000-8000-000000000003', 'manager', '10000000-0000-4000-8000-000000000001'),
  ('a0000000-0000-4000-8000-000000000000', '10000000-0000-4000-8000-000000000004', 'agent', '10000000-0000-4000-8000-000000000001'),
  ('a0000000-0000-4000-8000-000000000000', '10000000-0000-4000-8000-000000000005', 'member', '10000000-0000-4000-8000-000000000001'),
  ('a0000000-0000-4000-8000-000000000000', '10000000-0000-4000-8000-000000000006', 'requester', '10000000-0000-4000-8000-000000000001'),
  ('a0000000-0000-4000-8000-000000000000', '10000000-0000-4000-8000-000000000007', 'guest', '10000000-0000-4000-8000-000000000001'),
  ('b0000000-0000-4000-8000-000000000000', '20000000-0000-4000-8000-000000000002', 'admin', '20000000-0000-4000-8000-000000000001'),
  ('b0000000-0000-4000-8000-000000000000', '20000000-0000-4000-8000-000000000003', 'manager', '20000000-0000-4000-8000-000000000001'),
  ('b0000000-0000-4000-8000-000000000000', '20000000-0000-4000-8000-000000000004', 'agent', '20000000-0000-4000-8000-000000000001'),
  ('b0000000-0000-4000-8000-000000000000', '20000000-0000-4000-8000-000000000005', 'member', '20000000-0000-4000-8000-000000000001'),
  ('b0000000-0000-4000-8000-000000000000', '20000000-0000-4000-8000-000000000006', 'requester', '20000000-0000-4000-8000-000000000001'),
  ('b0000000-0000-4000-8000-000000000000', '20000000-0000-4000-8000-000000000007', 'guest', '20000000-0000-4000-8000-000000000001')
on conflict (org_id, user_id) do nothing;
-- Org content is written with each org's session set, as the services would.
select set_config('hasura.user', '{"x-hasura-org-id": "a0000000-0000-4000-8000-000000000000", "x-hasura-user-id": "10000000-0000-4000-8000-000000000001"}', true);

insert into public.teams (id, org_id, name, key, description, color, created_by) values
  ('a1000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000000', 'Engineering', 'ENG', 'Builds the product', '#2563eb', '10000000-0000-4000-8000-000000000001'),
  ('a1000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000000', 'Support', 'SUP', 'Answers customers', '#16a34a', '10000000-0000-4000-8000-000000000001')
on conflict do nothing;
insert into public.team_members (id, org_id, team_id, user_id, role) values
  ('a1100000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000000', 'a1000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000003', 'lead'),
  ('a1100000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000000', 'a1000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000005', 'member'),
  ('a1100000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000000', 'a1000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000004', 'lead')
on conflict do nothing;
insert into public.tags (id, org_id, name, color, created_by) values
  ('a1200000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000000', 'urgent', '#dc2626', '10000000-0000-4000-8000-000000000001'),
  ('a1200000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000000', 'customer', '#9333ea', '10000000-0000-4000-8000-000000000001')
on conflict do nothing;
insert into public.settings (id, org_id, key, value) values
  ('a1300000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000000', 'desk.business_hours',
   '{"timezone": "America/New_York", "days": [1, 2, 3, 4, 5], "start": "09:00", "end": "17:00"}')
on conflict do nothing;
insert into public.feature_flags (id, org_id, key, enabled, description) values
  ('a1400000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000000', 'desk.portal', true, 'Requester portal')
on conflict do nothing;
insert into public.comments (id, org_id, entity_type, entity_id, author_id, body, visibility) values
  ('a1500000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000000', 'team', 'a1000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8000-000000000001', 'Welcome to the team, @[Mia Member](user:10000000-0000-4000-8000-000000000005)!', 'internal')
on conflict do nothing;
insert into public.comments (id, org_id, entity_type, entity_id, parent_id, author_id, body, visibility) values
  ('a1500000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000000', 'team', 'a1000000-0000-4000-8000-000000000001',
   'a1500000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000005', 'Thanks, glad to be here.', 'internal')
on conflict do nothing;

select set_config('hasura.user', '{"x-hasura-org-id": "b0000000-0000-4000-8000-000000000000", "x-hasura-user-id": "20000000-0000-4000-8000-000000000001"}', true);

insert into public.teams (id, org_id, name, key, description, color, created_by) values
  ('b1000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000000', 'Operations', 'OPS', 'Keeps the lights on', '#ea580c', '20000000-0000-4000-8000-000000000001')
on conflict do nothing;
insert into public.tags (id, org_id, name, color, created_by) values
  ('b1200000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000000', 'billing', '#0891b2', '20000000-0000-4000-8000-000000000001')
on conflict do nothing;
