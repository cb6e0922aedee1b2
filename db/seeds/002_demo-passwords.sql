-- Sign-in passwords of the demo users: every one signs in with the password in demo-logins.json
-- ("workgrid-demo-2026"). The argon2id hash below was computed once with the service's parameters
-- (docs/security.md) and is committed instead of the password being hashed at seed time, so the
-- seed stays plain, deterministic SQL. Idempotent; a demo user who changed their password keeps it.

insert into app_private.password_credentials (user_id, password_hash)
select u.id, '$argon2id$v=19$m=19456,t=2,p=1$mb9dR+dUC6uRaoZWJtHduA$MjupGBM4Hhhm37rc6BWbr2lIDo1hg5n2osT9q0ur//s'
  from public.users u
 where u.email in (
   'owner@acme.example', 'admin@acme.example', 'manager@acme.example', 'agent@acme.example',
   'member@acme.example', 'requester@acme.example', 'guest@acme.example',
   'owner@globex.example', 'admin@globex.example', 'manager@globex.example', 'agent@globex.example',
   'member@globex.example', 'requester@globex.example', 'guest@globex.example')
on conflict (user_id) do nothing;
