-- The kinds of entity that tags, comments, links, files, activity and notifications can point at.
-- Each domain migration adds its kinds here, so a polymorphic reference always names a known kind.

create table public.entity_types (
  value text primary key check (value ~ '^[a-z][a-z_]*$'),
  comment text not null
);
comment on table public.entity_types is 'Enum of entity kinds for polymorphic references (tracked as a GraphQL enum).';
insert into public.entity_types (value, comment) values
  ('org', 'Organization'),
  ('user', 'User'),
  ('team', 'Team'),
  ('comment', 'Comment'),
  ('file', 'File');

grant select on public.entity_types to workgrid_engine, workgrid_app;
