import { describe, expect, it } from 'vitest';
import { actAs, actAsSuperuser, errorOf, inRollback, SERVICE_ROLES } from './support/database.ts';
import { createOrg, sessionOf } from './support/fixtures.ts';

describe('audit log', () => {
  it('records actor, org, action, changed columns and request id of every change', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, 'workgrid_engine', { ...sessionOf(a, 'manager') });
      await tx`select set_config('hasura.user', (current_setting('hasura.user')::jsonb || '{"x-hasura-request-id": "req-42"}')::text, true)`;
      await tx`update teams set name = 'Platform' where id = ${a.teamId}`;

      await actAsSuperuser(tx);
      const [entry] = await tx`
        select org_id, actor_id, action, table_name, row_id, changes, request_id
          from audit_log where row_id = ${a.teamId} and action = 'update'`;
      expect(entry).toMatchObject({
        org_id: a.orgId,
        actor_id: a.users.manager,
        action: 'update',
        table_name: 'teams',
        request_id: 'req-42',
      });
      expect(entry!.changes).toEqual({ name: [expect.stringMatching(/^Team /), 'Platform'] });
    });
  });

  it('records deletes with the old values and skips updates that change nothing', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, 'workgrid_app', sessionOf(a, 'owner'));
      await tx`update teams set name = name where id = ${a.teamId}`;
      await tx`delete from entity_tags where org_id = ${a.orgId}`;
      await actAsSuperuser(tx);
      // Only the two tables touched here: the fixture itself updates rows of others (a task blocked by a dependency).
      const actions = await tx`select table_name, action, changes from audit_log
                                where org_id = ${a.orgId} and action <> 'insert' and table_name in ('teams', 'entity_tags')`;
      expect(actions.map((r) => `${r.table_name}:${r.action}`)).toEqual(['entity_tags:delete']);
      expect(actions[0]!.changes.tag_id).toEqual([a.tagId, null]);
    });
  });

  it('records each row of a multi-row statement with its own changes', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, 'workgrid_app', sessionOf(a, 'owner'));
      const tags = await tx`insert into tags (name) values ('one'), ('two'), ('three') returning id, name`;
      const idOf = (name: string) => tags.find((t) => t.name === name)!.id as string;
      await tx`update tags set name = case name when 'one' then 'uno' when 'two' then 'dos' else name end,
                               color = case name when 'two' then '#000000' else color end
                where id in ${tx(tags.map((t) => t.id as string))}`;

      await actAsSuperuser(tx); // a tag must be in the trash before a service role may delete it
      await tx`delete from tags where id in ${tx([idOf('one'), idOf('three')])}`;
      const entries = await tx`select action, row_id, changes from audit_log where table_name = 'tags' and row_id in ${tx(tags.map((t) => t.id as string))}`;
      const of = (action: string) => Object.fromEntries(entries.filter((e) => e.action === action).map((e) => [e.row_id, e.changes]));
      expect(Object.keys(of('insert')).sort()).toEqual(tags.map((t) => t.id as string).sort());
      expect(of('insert')[idOf('two')]).toMatchObject({ name: [null, 'two'], org_id: [null, a.orgId] });
      // The unchanged row ('three') gets no update entry; each changed row gets its own difference.
      expect(of('update')).toEqual({
        [idOf('one')]: { name: ['one', 'uno'] },
        [idOf('two')]: { name: ['two', 'dos'], color: ['#6b7280', '#000000'] },
      });
      expect(Object.keys(of('delete')).sort()).toEqual([idOf('one'), idOf('three')].sort());
      expect(of('delete')[idOf('three')]).toMatchObject({ name: ['three', null] });
    });
  });

  it('records each kind of column as its JSON, and case-only changes of citext columns', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const [taskId, otherTaskId] = a.taskIds;
      await tx`update tasks set description = 'Before', position = 1 where id = ${taskId!}`;
      await actAs(tx, 'workgrid_app', sessionOf(a, 'owner'));
      await tx`update tasks set title = 'Renamed', description = null, estimate = 2.50, due_date = '2026-12-01',
                                position = 1.0, parent_id = ${otherTaskId!}
                where id = ${taskId!}`;
      const [setting] = await tx`insert into settings (key, value) values ('test.audit', '{"size": "M"}') returning id`;
      await tx`update settings set value = '{"size": {"t-shirt": "L", "note": null}}' where id = ${setting!.id as string}`;
      await tx`update orgs set slug = upper(slug) where id = ${a.orgId}`;

      await actAsSuperuser(tx);
      const [task] = await tx`select changes from audit_log where row_id = ${taskId!} and action = 'update' order by occurred_at desc limit 1`;
      // position 1 → 1.0 is no change (as numbers, and as JSON); updated_at, version and search are never listed.
      expect(task!.changes).toEqual({
        title: ['Task 1', 'Renamed'],
        description: ['Before', null],
        estimate: [null, 2.5],
        due_date: [null, '2026-12-01'],
        parent_id: [null, otherTaskId],
      });
      const [settingEntry] = await tx`select changes from audit_log where row_id = ${setting!.id as string} and action = 'update'`;
      expect(settingEntry!.changes).toEqual({ value: [{ size: 'M' }, { size: { 't-shirt': 'L', note: null } }] });
      const [org] = await tx`select changes from audit_log where row_id = ${a.orgId} and action = 'update'`;
      expect(org!.changes).toEqual({ slug: [expect.stringMatching(/^alpha-/), expect.stringMatching(/^ALPHA-/)] });
    });
  });

  it('records that an audit_omit column changed, never its value', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const [mail] = await tx`insert into email_log (org_id, to_address, template_key, text_body) values (${a.orgId}, 'ada@people.example', 'notification', 'secret link')
                              returning id`;
      await tx`update email_log set html_body = '<p>secret link</p>', text_body = 'other secret', status = 'sent' where id = ${mail!.id as string}`;
      const [entry] = await tx`select changes from audit_log where row_id = ${mail!.id as string} and action = 'update'`;
      expect(entry!.changes).toEqual({ html_body: [null, '[omitted]'], text_body: ['[omitted]', '[omitted]'], status: ['queued', 'sent'] });
    });
  });

  it('keeps a complete trail after a table changes its columns, until the migration regenerates its audit', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await tx`create table public.audit_probe (id uuid primary key default gen_random_uuid(), org_id uuid not null, name text, size int)`;
      await tx`select app.install_audit_triggers('public.audit_probe')`;
      const [row] = await tx`insert into audit_probe (org_id, name, size) values (${a.orgId}, 'one', 1) returning id`;
      const probeId = row!.id as string;
      const isCurrent = async () => {
        const [state] = await tx`select p.prosrc = app.audit_update_source('public.audit_probe', 'org_id', '{}') as current
                                   from pg_proc p where p.oid = 'app.tg_audit_probe__audit_update'::regproc`;
        return state!.current as boolean;
      };
      const lastChanges = async () => {
        const [entry] = await tx`select changes from audit_log where row_id = ${probeId} and action = 'update' order by occurred_at desc, id limit 1`;
        return entry!.changes as Record<string, unknown>;
      };
      expect(await isCurrent()).toBe(true);

      await tx`alter table audit_probe add column note text, drop column size`;
      await tx`alter table audit_probe rename column name to title`;
      expect(await isCurrent()).toBe(false);
      await tx`update audit_probe set title = 'two', note = 'added later' where id = ${probeId}`;
      expect(await lastChanges()).toEqual({ title: ['one', 'two'], note: [null, 'added later'] });

      await tx`select app.refresh_audit_triggers('public.audit_probe')`;
      expect(await isCurrent()).toBe(true);
      await tx`update audit_probe set note = 'typed again' where id = ${probeId}`;
      expect(await lastChanges()).toEqual({ note: ['added later', 'typed again'] });
    });
  });

  it.each(SERVICE_ROLES)('cannot be changed or deleted by %s', async (role) => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, role, sessionOf(a, 'owner'));
      expect((await errorOf(tx, (sp) => sp`update audit_log set action = 'delete'`)).code).toBe('42501');
      expect((await errorOf(tx, (sp) => sp`delete from audit_log`)).code).toBe('42501');
      expect((await errorOf(tx, (sp) => sp`insert into audit_log (org_id, action, table_name) values (${a.orgId}, 'insert', 'teams')`)).code).toBe('42501');
    });
  });

  it('cannot be changed or deleted even by the owner role, except by purging the org', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      expect((await errorOf(tx, (sp) => sp`update audit_log set action = 'delete' where org_id = ${a.orgId}`)).message).toBe('audit_log_append_only');
      expect((await errorOf(tx, (sp) => sp`delete from audit_log where org_id = ${a.orgId}`)).message).toBe('audit_log_append_only');
      expect((await errorOf(tx, (sp) => sp`truncate audit_log`)).message).toBe('audit_log_append_only');

      await tx`delete from orgs where id = ${a.orgId}`;
      expect((await tx`select count(*)::int as n from audit_log where org_id = ${a.orgId}`)[0]!.n).toBe(0);
    });
  });

  it('is readable only by owners and admins of the org', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      for (const [orgRole, visible] of [['owner', true], ['admin', true], ['manager', false], ['member', false]] as const) {
        await actAs(tx, 'workgrid_engine', sessionOf(a, orgRole));
        const rows = await tx`select id from audit_log`;
        expect(rows.length > 0).toBe(visible);
      }
    });
  });
});

describe('outbox', () => {
  it('gets an event in the same transaction as the change that causes it', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'member'));
      const [comment] = await tx`
        insert into comments (org_id, entity_type, entity_id, author_id, body)
        values (${a.orgId}, 'team', ${a.teamId}, ${a.users.member}, ${`Ping @[Agent](user:${a.users.agent}) and @[Stranger](user:${a.outsiders[0]})`})
        returning id, mentions`;
      expect(comment!.mentions).toEqual([a.users.agent]);

      await actAsSuperuser(tx);
      const events = await tx`select org_id, topic, payload, idempotency_key from outbox_events where payload->>'comment_id' = ${comment!.id}`;
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        org_id: a.orgId,
        topic: 'comment.created',
        idempotency_key: `comment.created:${comment!.id}`,
        payload: { author_id: a.users.member, mentions: [a.users.agent] },
      });
    });
  });

  it('ignores a repeated idempotency key and refuses events for another org', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const b = await createOrg(tx, 'Beta');
      await actAs(tx, 'workgrid_app', sessionOf(a, 'service'));
      const [first] = await tx`select app.emit_event('invoice.sent', '{"n": 1}', 'invoice.sent:1') as id`;
      const [again] = await tx`select app.emit_event('invoice.sent', '{"n": 2}', 'invoice.sent:1') as id`;
      expect(first!.id).toBeTypeOf('string');
      expect(again!.id).toBeNull();
      const foreign = await errorOf(tx, (sp) => sp`select app.emit_event('invoice.sent', '{}', 'invoice.sent:2', ${b.orgId}::uuid)`);
      expect(foreign.message).toBe('outbox_org_mismatch');
    });
  });

  it('is not readable by the GraphQL engine role at all', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'owner'));
      expect((await errorOf(tx, (sp) => sp`select id from outbox_events`)).code).toBe('42501');
    });
  });
});
