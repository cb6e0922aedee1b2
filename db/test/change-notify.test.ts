import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from './support/database.ts';
import { createOrg, type OrgFixture } from './support/fixtures.ts';

// The workgrid_changes notifications the engine's subscriptions wake on (migrations 0032, 0082).

interface Change {
  table: string;
  orgs: string[] | null;
  keys: string[] | null;
}

const received: { change: Change; bytes: number }[] = [];
let a: OrgFixture;
let b: OrgFixture;
let unlisten: () => Promise<void>;

beforeAll(async () => {
  await sql.begin(async (tx) => {
    a = await createOrg(tx, 'Alpha');
    b = await createOrg(tx, 'Beta');
  });
  const listening = await sql.listen('workgrid_changes', (payload) => received.push({ change: JSON.parse(payload) as Change, bytes: Buffer.byteLength(payload) }));
  unlisten = listening.unlisten;
});
afterAll(async () => unlisten());

/**
 * Runs a committed write and returns the notifications about `table` (audit_log gets its own) that
 * concern this file's orgs: other test files commit writes of their own meanwhile.
 */
async function notificationsOf(table: string, write: () => Promise<unknown>): Promise<{ change: Change; bytes: number }[]> {
  const marker = `marker-${Math.random()}`;
  received.length = 0;
  await write();
  await sql`select pg_notify('workgrid_changes', ${JSON.stringify({ table: marker, orgs: [] })})`;
  const deadline = Date.now() + 5000;
  while (!received.some(({ change }) => change.table === marker)) {
    if (Date.now() > deadline) throw new Error('no marker notification');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const ours = (org: string) => org === a.orgId || org === b.orgId;
  return received.filter(({ change }) => change.table === table && (change.orgs === null || change.orgs.some(ours)));
}

async function changesOf(table: string, write: () => Promise<unknown>): Promise<Change[]> {
  return (await notificationsOf(table, write)).map(({ change }) => change);
}

const sorted = (values: readonly string[] | null | undefined) => [...(values ?? [])].sort();
const insertTags = (count: number) =>
  sql<{ id: string }[]>`insert into tags (org_id, name, created_by) select ${a.orgId}, 'bulk-' || g || '-' || gen_random_uuid(), ${a.users.owner} from generate_series(1, ${count}) g returning id`;

describe('change notifications', () => {
  it('name the table and the distinct orgs and primary keys of the rows one statement changed', async () => {
    const ids = await sql<{ id: string }[]>`select id from tags where org_id in (${a.orgId}, ${b.orgId})`;
    const changes = await changesOf('public.tags', () => sql`update tags set name = name || '' where org_id in (${a.orgId}, ${b.orgId})`);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.table).toBe('public.tags');
    expect(sorted(changes[0]!.orgs)).toEqual(sorted([a.orgId, b.orgId]));
    expect(sorted(changes[0]!.keys)).toEqual(sorted(ids.map((row) => row.id)));
  });

  it('fire for inserts and deletes with the one org and the row concerned', async () => {
    let id = '';
    const inserted = await changesOf('public.tags', async () => {
      const [row] = await sql<{ id: string }[]>`insert into tags (org_id, name, created_by) values (${a.orgId}, 'notify-test', ${a.users.owner}) returning id`;
      id = row!.id;
    });
    expect(inserted).toEqual([{ table: 'public.tags', orgs: [a.orgId], keys: [id] }]);
    const deleted = await changesOf('public.tags', () => sql`delete from tags where id = ${id}`);
    expect(deleted).toEqual([{ table: 'public.tags', orgs: [a.orgId], keys: [id] }]);
  });

  it('split the keys of many rows over notifications that each stay under 8000 bytes', async () => {
    let ids: string[] = [];
    const notifications = await notificationsOf('public.tags', async () => {
      ids = (await insertTags(500)).map((row) => row.id);
    });
    expect(notifications.length).toBeGreaterThan(1);
    for (const { change, bytes } of notifications) {
      expect(bytes).toBeLessThan(8000);
      expect(change.orgs).toEqual([a.orgId]);
    }
    expect(sorted(notifications.flatMap(({ change }) => change.keys ?? []))).toEqual(sorted(ids));
    const deleted = await changesOf('public.tags', () => sql`delete from tags where id = any(${ids}::uuid[])`);
    expect(sorted(deleted.flatMap((change) => change.keys ?? []))).toEqual(sorted(ids));
  });

  it('name no key (any row) for a statement changing more than 2,000 rows', async () => {
    let ids: string[] = [];
    const inserted = await changesOf('public.tags', async () => {
      ids = (await insertTags(2001)).map((row) => row.id);
    });
    expect(inserted).toEqual([{ table: 'public.tags', orgs: [a.orgId], keys: null }]);
    const deleted = await changesOf('public.tags', () => sql`delete from tags where id = any(${ids}::uuid[])`);
    expect(deleted).toEqual([{ table: 'public.tags', orgs: [a.orgId], keys: null }]);
  });

  it('stay silent when a statement changes no row or its transaction rolls back', async () => {
    expect(await changesOf('public.tags', () => sql`update tags set name = name where false`)).toEqual([]);
    const rolledBack = changesOf('public.tags', () =>
      sql
        .begin(async (tx) => {
          await tx`update tags set name = name || '' where org_id = ${a.orgId}`;
          throw new Error('rollback');
        })
        .catch(() => undefined),
    );
    expect(await rolledBack).toEqual([]);
  });

  it('identify orgs by their id and users by their memberships', async () => {
    expect(await changesOf('public.orgs', () => sql`update orgs set name = name where id = ${b.orgId}`)).toEqual([{ table: 'public.orgs', orgs: [b.orgId], keys: [b.orgId] }]);
    expect(await changesOf('public.users', () => sql`update users set display_name = display_name where id = ${a.users.agent}`)).toEqual([{ table: 'public.users', orgs: [a.orgId], keys: null }]);
  });

  it('name any org and any row when a table is truncated', async () => {
    // A table of this test's own, created and dropped in the transaction: the shared ones hold other files' rows.
    const changes = await changesOf('public.notify_probe', () =>
      sql.begin(async (tx) => {
        await tx`create table public.notify_probe (id uuid primary key default gen_random_uuid(), org_id uuid not null)`;
        await tx`select app.install_change_notify('public.notify_probe')`;
        await tx`insert into notify_probe (org_id) values (${a.orgId})`;
        await tx`truncate notify_probe`;
        await tx`drop table notify_probe`;
      }),
    );
    expect(changes).toHaveLength(2);
    expect(changes[1]).toEqual({ table: 'public.notify_probe', orgs: null, keys: null });
  });

  it('are installed on every tenant table, orgs and users', async () => {
    const missing = await sql<{ name: string }[]>`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
         and (c.relname in ('orgs', 'users') or exists (select from pg_attribute a where a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped))
         and (select count(*) from pg_trigger t where t.tgrelid = c.oid and t.tgname like '\\_900\\_notify\\_%') <> 4`;
    expect(missing.map((row) => row.name)).toEqual([]);
  });
});
