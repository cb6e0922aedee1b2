import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { actAsSuperuser, sql as superuser } from '../../../db/test/support/database.ts';
import { createOrg, type OrgFixture } from '../../../db/test/support/fixtures.ts';
import { loadMetadataDirectory } from '../src/metadata.ts';
import { asRole, gql, startEngine, type TestEngine } from './support/harness.ts';
import { eventually, listen, TestSocket } from './support/ws-client.ts';

// Subscriptions on the real WorkGrid schema and metadata with two orgs: live updates after another
// client's mutation, no duplicates, no cross-tenant delivery or wake-up, one statement per group
// and refetch, streams, cleanup, a lost LISTEN connection, and a requester's ticket conversation
// that never carries an internal note.
const METADATA_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'hasura', 'metadata');

let a: OrgFixture;
let b: OrgFixture;
let engine: TestEngine;
let url: string;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  await superuser.begin(async (tx) => {
    a = await createOrg(tx, 'Alpha');
    b = await createOrg(tx, 'Beta');
  });
  engine = await startEngine(loadMetadataDirectory(METADATA_DIR), {
    subscriptions: { liveRefetchMs: 20, liveBatchSize: 100, streamRefetchMs: 20, streamBatchSize: 100, fallbackMs: 0, keepAliveMs: 60_000, initTimeoutMs: 3000, maxBufferedBytes: 1_048_576 },
  });
  url = await listen(engine);
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await eventually(() => engine.engine.live.stats().length === 0);
});
afterAll(async () => {
  await engine?.close();
  await superuser.end();
});

const userOf = (org: OrgFixture) => asRole('user', { 'x-hasura-user-id': org.users.owner, 'x-hasura-org-id': org.orgId });

async function subscribe(org: OrgFixture, query: string, variables: Record<string, unknown> = {}, headers = userOf(org)): Promise<TestSocket> {
  const socket = await TestSocket.open(url, 'graphql-transport-ws');
  sockets.push(socket);
  socket.send({ type: 'connection_init', payload: { headers } });
  expect(await socket.next()).toEqual({ type: 'connection_ack' });
  socket.send({ type: 'subscribe', id: '1', payload: { query, variables } });
  return socket;
}

async function dataOf(socket: TestSocket): Promise<unknown> {
  const message = await socket.next();
  expect(message.type).toBe('next');
  return (message.payload as { data: unknown }).data;
}

async function insertTag(org: OrgFixture, name: string): Promise<void> {
  const body = await gql(engine.app, { query: 'mutation ($name: String!) { insert_tags_one(object: {name: $name}) { id } }', variables: { name }, headers: userOf(org) });
  expect(body).toMatchObject({ data: { insert_tags_one: { id: expect.any(String) } } });
}

const groupOf = (org: OrgFixture) => engine.engine.live.stats().find((group) => group.orgId === org.orgId);
const TAG_NAMES = 'subscription ($prefix: String!) { tags(where: {name: {_like: $prefix}}, order_by: {name: asc}) { name } }';

describe('live queries on the WorkGrid schema', () => {
  it('deliver another client’s mutation, and nothing when a woken refetch finds no change', async () => {
    const prefix = `live-${randomUUID().slice(0, 6)}`;
    const socket = await subscribe(a, TAG_NAMES, { prefix: `${prefix}%` });
    expect(await dataOf(socket)).toEqual({ tags: [] });
    await insertTag(a, `${prefix}-1`);
    expect(await dataOf(socket)).toEqual({ tags: [{ name: `${prefix}-1` }] });

    // A write to a table the subscription reads, in its org, that leaves its result unchanged.
    const before = groupOf(a)?.refetches ?? 0;
    await superuser`update tags set description = 'changed' where org_id = ${a.orgId} and name = ${`${prefix}-1`}`;
    await eventually(() => (groupOf(a)?.refetches ?? 0) > before);
    await socket.quiet(100);
  });

  it('never deliver nor wake for another org’s change', async () => {
    const prefix = `iso-${randomUUID().slice(0, 6)}`;
    const socketA = await subscribe(a, TAG_NAMES, { prefix: `${prefix}%` });
    const socketB = await subscribe(b, TAG_NAMES, { prefix: `${prefix}%` });
    expect(await dataOf(socketA)).toEqual({ tags: [] });
    expect(await dataOf(socketB)).toEqual({ tags: [] });
    const refetchesB = groupOf(b)?.refetches;
    const statements = engine.engine.live.statements;

    await insertTag(a, `${prefix}-a`);
    expect(await dataOf(socketA)).toEqual({ tags: [{ name: `${prefix}-a` }] });
    await socketB.quiet(150);
    expect(groupOf(b)?.refetches).toBe(refetchesB);
    expect(engine.engine.live.statements - statements).toBe(1);

    await insertTag(b, `${prefix}-b`);
    expect(await dataOf(socketB)).toEqual({ tags: [{ name: `${prefix}-b` }] });
    await socketA.quiet(100);
  });

  it('apply row-level security to the admin role through the session', async () => {
    const prefix = `rls-${randomUUID().slice(0, 6)}`;
    await insertTag(b, `${prefix}-b`);
    const socket = await subscribe(a, TAG_NAMES, { prefix: `${prefix}%` }, asRole('admin', { 'x-hasura-user-id': a.users.owner, 'x-hasura-org-id': a.orgId }));
    expect(await dataOf(socket)).toEqual({ tags: [] });
    await insertTag(a, `${prefix}-a`);
    expect(await dataOf(socket)).toEqual({ tags: [{ name: `${prefix}-a` }] });
  });

  it('evaluate all subscribers of one operation and session in one statement per refetch', async () => {
    const prefix = `grp-${randomUUID().slice(0, 6)}`;
    const subscribers = await Promise.all([1, 2, 3, 4, 5].map((n) => subscribe(a, TAG_NAMES, { prefix: `${prefix}-${n}%` })));
    for (const socket of subscribers) expect(await dataOf(socket)).toEqual({ tags: [] });
    expect(engine.engine.live.stats()).toEqual([expect.objectContaining({ orgId: a.orgId, subscribers: 5 })]);
    const statements = engine.engine.live.statements;
    const refetches = groupOf(a)?.refetches ?? 0;

    await superuser.begin(async (tx) => {
      for (const n of [1, 2, 3, 4, 5]) await tx`insert into tags (org_id, name, created_by) values (${a.orgId}, ${`${prefix}-${n}`}, ${a.users.owner})`;
    });
    for (const [index, socket] of subscribers.entries()) expect(await dataOf(socket)).toEqual({ tags: [{ name: `${prefix}-${index + 1}` }] });
    expect(engine.engine.live.statements - statements).toBe(1);
    expect((groupOf(a)?.refetches ?? 0) - refetches).toBe(1);
  });

  it('evaluate only the new subscriber when one joins a group, and everyone on the next change', async () => {
    const prefix = `join-${randomUUID().slice(0, 6)}`;
    const first = await Promise.all([1, 2, 3].map((n) => subscribe(a, TAG_NAMES, { prefix: `${prefix}-${n}%` })));
    for (const socket of first) expect(await dataOf(socket)).toEqual({ tags: [] });
    await eventually(() => groupOf(a)?.subscribers === 3);
    const evaluated = groupOf(a)!.evaluated;

    const joining = await subscribe(a, TAG_NAMES, { prefix: `${prefix}-4%` });
    expect(await dataOf(joining)).toEqual({ tags: [] });
    expect(groupOf(a)!.evaluated - evaluated).toBe(1);

    await insertTag(a, `${prefix}-2`);
    expect(await dataOf(first[1]!)).toEqual({ tags: [{ name: `${prefix}-2` }] });
    expect(groupOf(a)!.evaluated - evaluated).toBe(1 + 4);
    for (const socket of [first[0]!, first[2]!, joining]) await socket.quiet(100);
  });

  it('cost no statement while nothing they read changes', async () => {
    const socket = await subscribe(a, TAG_NAMES, { prefix: 'idle%' });
    await dataOf(socket);
    const statements = engine.engine.live.statements;
    await superuser`update teams set description = 'not read by the subscription' where org_id = ${a.orgId}`;
    await insertTag(b, `idle-${randomUUID().slice(0, 6)}`);
    await socket.quiet(300);
    expect(engine.engine.live.statements).toBe(statements);
  });

  it('forget a subscriber when its socket closes', async () => {
    const socket = await subscribe(a, TAG_NAMES, { prefix: 'x%' });
    await dataOf(socket);
    expect(engine.engine.live.stats()).toHaveLength(1);
    socket.close();
    await eventually(() => engine.engine.live.stats().length === 0);
  });

  it('refetch once after the LISTEN connection is lost and listen again', async () => {
    const prefix = `lost-${randomUUID().slice(0, 6)}`;
    const socket = await subscribe(a, TAG_NAMES, { prefix: `${prefix}%` });
    expect(await dataOf(socket)).toEqual({ tags: [] });
    const refetches = groupOf(a)?.refetches ?? 0;
    const listeners = () => superuser<{ pid: number }[]>`select pid from pg_stat_activity where query ilike 'listen%workgrid_changes%' and usename = 'workgrid_engine'`;
    const [lost] = await listeners();
    expect(lost).toBeDefined();
    await superuser`select pg_terminate_backend(${lost!.pid})`;
    await eventually(async () => (groupOf(a)?.refetches ?? 0) > refetches, 10_000);
    await eventually(async () => (await listeners()).some((row) => row.pid !== lost!.pid), 10_000);
    await insertTag(a, `${prefix}-1`);
    expect(await dataOf(socket)).toEqual({ tags: [{ name: `${prefix}-1` }] });
  });
});

describe('by-pk live queries', () => {
  const TAG_BY_PK = 'subscription ($id: uuid!) { tags_by_pk(id: $id) { name } }';
  const member = () => asRole('user', { 'x-hasura-user-id': a.users.member, 'x-hasura-org-id': a.orgId });

  /** Three new tags of org a, each watched by a socket of org a's member (one group). */
  async function watchThreeTags(ids: (id: string) => string = (id) => id): Promise<{ tags: { id: string; name: string }[]; sockets: TestSocket[] }> {
    const prefix = `pk-${randomUUID().slice(0, 6)}`;
    const tags = await superuser<{ id: string; name: string }[]>`
      insert into tags (org_id, name, created_by) select ${a.orgId}, ${prefix} || '-' || n, ${a.users.owner} from generate_series(1, 3) n returning id, name`;
    const sockets = await Promise.all(tags.map((tag) => subscribe(a, TAG_BY_PK, { id: ids(tag.id) }, member())));
    for (const [index, socket] of sockets.entries()) expect(await dataOf(socket)).toEqual({ tags_by_pk: { name: tags[index]!.name } });
    await eventually(() => groupOf(a)?.subscribers === 3);
    return { tags, sockets };
  }

  it('refetch only the subscriber whose row changed, and push null when it is deleted', async () => {
    const { tags, sockets } = await watchThreeTags();
    const evaluated = groupOf(a)!.evaluated;
    await superuser`update tags set name = name || '-renamed' where id = ${tags[1]!.id}`;
    expect(await dataOf(sockets[1]!)).toEqual({ tags_by_pk: { name: `${tags[1]!.name}-renamed` } });
    expect(groupOf(a)!.evaluated - evaluated).toBe(1);

    await superuser`delete from tags where id = ${tags[2]!.id}`;
    expect(await dataOf(sockets[2]!)).toEqual({ tags_by_pk: null });
    expect(groupOf(a)!.evaluated - evaluated).toBe(2);
    await sockets[0]!.quiet(100);
  });

  it('match a key written in upper case or with braces', async () => {
    const { tags, sockets } = await watchThreeTags((id) => `{${id.toUpperCase()}}`);
    await superuser`update tags set name = name || '-renamed' where id = ${tags[0]!.id}`;
    expect(await dataOf(sockets[0]!)).toEqual({ tags_by_pk: { name: `${tags[0]!.name}-renamed` } });
  });

  it('cost no statement for a change to an unwatched row or to another org', async () => {
    await watchThreeTags();
    const statements = engine.engine.live.statements;
    await superuser`update tags set name = name || '+' where id in (${a.tagId}, ${b.tagId})`;
    await superuser`update tags set name = name || '+' where org_id = ${b.orgId}`;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(engine.engine.live.statements).toBe(statements);
  });

  it('re-evaluate every subscriber when a table their permission reads changes', async () => {
    const { tags, sockets } = await watchThreeTags();
    const evaluated = groupOf(a)!.evaluated;
    const setRole = (role: string) => superuser`update org_memberships set role = ${role} where org_id = ${a.orgId} and user_id = ${a.users.member}`;
    try {
      await setRole('guest');
      for (const socket of sockets) expect(await dataOf(socket)).toEqual({ tags_by_pk: null });
      expect(groupOf(a)!.evaluated - evaluated).toBe(3);
    } finally {
      await setRole('member');
    }
    for (const [index, socket] of sockets.entries()) expect(await dataOf(socket)).toEqual({ tags_by_pk: { name: tags[index]!.name } });
  });

  it('re-evaluate a by-pk query that also reads other rows of its table (subtasks)', async () => {
    const socket = await subscribe(a, 'subscription ($id: uuid!) { tasks_by_pk(id: $id) { subtasks { title } } }', { id: a.taskIds[0] });
    expect(await dataOf(socket)).toEqual({ tasks_by_pk: { subtasks: [] } });
    const title = `Subtask ${randomUUID().slice(0, 6)}`;
    await superuser.begin(async (tx) => {
      await actAsSuperuser(tx, { orgId: a.orgId, userId: a.users.owner });
      await tx`insert into tasks (org_id, project_id, parent_id, title, created_by) values (${a.orgId}, ${a.projectId}, ${a.taskIds[0]}, ${title}, ${a.users.owner})`;
    });
    expect(await dataOf(socket)).toEqual({ tasks_by_pk: { subtasks: [{ title }] } });
  });

  it('re-evaluate every subscriber when a change names no rows', async () => {
    await watchThreeTags();
    const fullRefetch = async (write: () => Promise<unknown>) => {
      const evaluated = groupOf(a)!.evaluated;
      await write();
      await eventually(() => groupOf(a)!.evaluated - evaluated >= 3);
    };
    // More rows than one statement's notifications name, then a notification without keys (as before 0082).
    let bulk: string[] = [];
    await fullRefetch(async () => {
      bulk = (await superuser<{ id: string }[]>`insert into tags (org_id, name, created_by) select ${a.orgId}, 'bulk-' || gen_random_uuid(), ${a.users.owner} from generate_series(1, 2001) returning id`).map((row) => row.id);
    });
    await fullRefetch(() => superuser`delete from tags where id = any(${bulk}::uuid[])`);
    await fullRefetch(() => superuser`select pg_notify('workgrid_changes', ${JSON.stringify({ table: 'public.tags', orgs: [a.orgId] })})`);
  });
});

describe('streaming subscriptions (T_stream)', () => {
  const STREAM = 'subscription ($from: String!, $order: cursor_ordering, $like: String!) { tags_stream(batch_size: 2, cursor: {initial_value: {name: $from}, ordering: $order}, where: {name: {_like: $like}}) { name } }';

  it('send batches after the cursor in order, then new rows as they arrive', async () => {
    const prefix = `st-${randomUUID().slice(0, 6)}`;
    for (const n of [1, 2, 3]) await insertTag(a, `${prefix}-${n}`);
    const socket = await subscribe(a, STREAM, { from: prefix, order: 'ASC', like: `${prefix}%` });
    expect(await dataOf(socket)).toEqual({ tags_stream: [{ name: `${prefix}-1` }, { name: `${prefix}-2` }] });
    expect(await dataOf(socket)).toEqual({ tags_stream: [{ name: `${prefix}-3` }] });
    await socket.quiet(100);
    await insertTag(a, `${prefix}-4`);
    expect(await dataOf(socket)).toEqual({ tags_stream: [{ name: `${prefix}-4` }] });
  });

  it('walk the cursor downwards with ordering DESC', async () => {
    const prefix = `sd-${randomUUID().slice(0, 6)}`;
    for (const n of [1, 2, 3]) await insertTag(a, `${prefix}-${n}`);
    const socket = await subscribe(a, STREAM, { from: `${prefix}-3`, order: 'DESC', like: `${prefix}%` });
    expect(await dataOf(socket)).toEqual({ tags_stream: [{ name: `${prefix}-2` }, { name: `${prefix}-1` }] });
    await socket.quiet(100);
  });

  it('stay within the subscriber’s org', async () => {
    const prefix = `so-${randomUUID().slice(0, 6)}`;
    const socket = await subscribe(b, STREAM, { from: prefix, order: 'ASC', like: `${prefix}%` });
    await insertTag(a, `${prefix}-a`);
    await insertTag(b, `${prefix}-b`);
    expect(await dataOf(socket)).toEqual({ tags_stream: [{ name: `${prefix}-b` }] });
    await socket.quiet(100);
  });
});

describe('a requester subscribed to their ticket', () => {
  const as = (org: OrgFixture, role: 'requester' | 'agent') => asRole('user', { 'x-hasura-user-id': org.users[role], 'x-hasura-org-id': org.orgId });
  const run = async (headers: Record<string, string>, query: string, variables: Record<string, unknown>) => {
    const body = (await gql(engine.app, { query, variables, headers })) as { data?: Record<string, { id: string }>; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data!;
  };
  const post = (ticketId: string, body: string, visibility: 'public' | 'internal') =>
    run(as(a, 'agent'), 'mutation ($t: uuid!, $b: String!, $v: String!) { insert_ticket_messages_one(object: {ticket_id: $t, body: $b, visibility: $v}) { id } }', { t: ticketId, b: body, v: visibility });

  it('never receives an internal note, live or in the refetch a later public reply causes', async () => {
    const created = await run(as(a, 'requester'), 'mutation ($s: String!) { insert_tickets_one(object: {subject: $s}) { id } }', { s: `Printer ${randomUUID().slice(0, 6)}` });
    const ticketId = created['insert_tickets_one']!.id;
    const socket = await subscribe(
      a,
      'subscription ($t: uuid!) { ticket_messages(where: {ticket_id: {_eq: $t}}, order_by: {created_at: asc}) { body visibility } }',
      { t: ticketId },
      as(a, 'requester'),
    );
    expect(await dataOf(socket)).toEqual({ ticket_messages: [] });

    await post(ticketId, 'Known firmware bug, do not tell them yet', 'internal');
    await socket.quiet(300);
    await post(ticketId, 'We are on it.', 'public');
    expect(await dataOf(socket)).toEqual({ ticket_messages: [{ body: 'We are on it.', visibility: 'public' }] });
    await socket.quiet(100);
  });
});
