import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql as superuser } from '../../../db/test/support/database.ts';
import { createOrg, type OrgFixture } from '../../../db/test/support/fixtures.ts';
import { loadMetadataDirectory } from '../src/metadata.ts';
import { asRole, createTestSchema, gql, metadataOf, startEngine, type TestEngine } from './support/harness.ts';

// The engine talks to Postgres through a proxy that counts round trips: the times the client starts
// sending while every request it has sent so far has been answered, i.e. after waiting for the
// database. Requests end with Sync or are simple queries; each is answered by one ReadyForQuery.
// Answers reach the client ANSWER_LATENCY_MS late, as over a network: postgres.js flushes a pipeline's
// short tail (the COMMIT) in a later event-loop phase than its head, and on a busy machine that phase
// can come after Postgres has answered the head, though the client never waited for the answer.
const ANSWER_LATENCY_MS = 50;
const METADATA_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'hasura', 'metadata');
// A table whose insert check the engine alone enforces (no row-level security to fail first).
const CHECKED = 'conf_round_trips';

/** Splits one direction of the Postgres protocol into message types (the client's first message has none). */
function messageTypes(untypedFirst: boolean): (chunk: Buffer) => string[] {
  let buffer = Buffer.alloc(0);
  let untyped = untypedFirst;
  return (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    const types: string[] = [];
    for (;;) {
      const offset = untyped ? 0 : 1;
      if (buffer.length < offset + 4) break;
      const end = offset + buffer.readInt32BE(offset);
      if (buffer.length < end) break;
      if (!untyped) types.push(String.fromCharCode(buffer[0] ?? 0));
      untyped = false;
      buffer = buffer.subarray(end);
    }
    return types;
  };
}

/** A TCP proxy to `target` counting, over all its connections, the times a client speaks after waiting. */
async function roundTripCounter(target: URL): Promise<{ url: string; roundTrips: () => number; clientPorts: () => number[]; close: () => Promise<void> }> {
  let roundTrips = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = createConnection({ host: target.hostname, port: Number(target.port) });
    const sent = messageTypes(true);
    const received = messageTypes(false);
    let unanswered = 0;
    sockets.add(client).add(upstream);
    client.on('data', (chunk) => {
      if (unanswered === 0) roundTrips += 1;
      unanswered += sent(chunk).filter((type) => type === 'S' || type === 'Q').length;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      const answered = received(chunk).filter((type) => type === 'Z').length;
      setTimeout(() => {
        unanswered = Math.max(0, unanswered - answered);
        client.write(chunk);
      }, ANSWER_LATENCY_MS);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = new URL(target.href);
  url.hostname = '127.0.0.1';
  url.port = String(typeof address === 'object' && address ? address.port : 0);
  return {
    url: url.href,
    roundTrips: () => roundTrips,
    /** The proxy's own ports towards Postgres: how pg_stat_activity knows the engine's connections. */
    clientPorts: () => [...sockets].flatMap((socket) => (socket.remotePort === Number(target.port) && socket.localPort ? [socket.localPort] : [])),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

let org: OrgFixture;
let engine: TestEngine;
let checked: TestEngine;
let proxy: Awaited<ReturnType<typeof roundTripCounter>>;

beforeAll(async () => {
  await superuser.begin(async (tx) => {
    org = await createOrg(tx, 'RoundTrips');
  });
  await createTestSchema(CHECKED, 'create table note (id serial primary key, body text unique not null, owner_id int not null);');
  proxy = await roundTripCounter(new URL(inject('engineUrl')));
  engine = await startEngine(loadMetadataDirectory(METADATA_DIR), { databaseUrl: proxy.url });
  checked = await startEngine(
    metadataOf([
      {
        table: { schema: CHECKED, name: 'note' },
        configuration: { custom_name: 'note' },
        select_permissions: [{ role: 'user', permission: { columns: ['id', 'body', 'owner_id'], filter: {} } }],
        insert_permissions: [{ role: 'user', permission: { columns: ['body', 'owner_id'], check: { owner_id: { _eq: 'X-Hasura-User-Id' } } } }],
      },
    ]),
    { databaseUrl: proxy.url },
  );
});
afterAll(async () => {
  await engine.close();
  await checked.close();
  await proxy.close();
  await superuser.end();
});

/** The round trips a call costs, once every pooled connection has prepared its statements. */
async function steadyCost(call: (index: number) => Promise<void>): Promise<number[]> {
  // Until each pooled connection has prepared the statements, postgres.js describes them first.
  for (let warmUp = 0; warmUp < 12; warmUp += 1) await call(warmUp);
  const costs: number[] = [];
  for (let index = 12; index < 15; index += 1) {
    const before = proxy.roundTrips();
    await call(index);
    costs.push(proxy.roundTrips() - before);
  }
  return costs;
}

async function idleConnections(): Promise<string[]> {
  const states = await superuser<{ state: string }[]>`select state from pg_stat_activity where client_port = any(${proxy.clientPorts()}::int[])`;
  expect(states.length).toBeGreaterThan(0);
  return states.map((row) => row.state).filter((state) => state !== 'idle');
}

describe('round trips to Postgres', () => {
  it('a repeated query costs one: BEGIN, session, statements and COMMIT are sent together', async () => {
    const query = 'query ($id: uuid!) { tasks_by_pk(id: $id) { id title project { id } } tasks(limit: 2) { id } }';
    const headers = asRole('user', { 'x-hasura-user-id': org.users.member, 'x-hasura-org-id': org.orgId });
    const costs = await steadyCost(async (index) => {
      const id = org.taskIds[index % 3]!;
      const body = (await gql(engine.app, { query, variables: { id }, headers })) as { data: { tasks_by_pk: { id: string } | null } };
      expect(body.data.tasks_by_pk?.id).toBe(id);
    });
    expect(costs).toEqual([1, 1, 1]);
  });

  it('a failing read still rolls back and reports the error of the failing statement', async () => {
    const headers = asRole('user', { 'x-hasura-user-id': org.users.member, 'x-hasura-org-id': org.orgId });
    const query = 'query ($id: uuid!) { a: tasks(limit: 1) { id } b: tasks_by_pk(id: $id) { id } }';
    const failed = (await gql(engine.app, { query, variables: { id: 'not-a-uuid' }, headers })) as { errors: { message: string; extensions: { code: string; path: string } }[] };
    expect(failed.errors[0]?.extensions).toEqual({ code: 'data-exception', path: '$.selectionSet.b' });
    // The connection is usable again, outside any transaction.
    const ok = await gql(engine.app, { query, variables: { id: org.taskIds[0] }, headers });
    expect(ok).toMatchObject({ data: { b: { id: org.taskIds[0] } } });
    expect(await idleConnections()).toEqual([]);
  });

  it('a repeated insert costs one: its permission check raises instead of answering a flag', async () => {
    const headers = asRole('user', { 'x-hasura-user-id': org.users.member, 'x-hasura-org-id': org.orgId });
    const query = 'mutation ($p: uuid!, $title: String!) { insert_tasks_one(object: {project_id: $p, title: $title}) { title } }';
    const costs = await steadyCost(async (index) => {
      const body = await gql(engine.app, { query, variables: { p: org.projectId, title: `Round trip ${index}` }, headers });
      expect(body).toEqual({ data: { insert_tasks_one: { title: `Round trip ${index}` } } });
    });
    expect(costs).toEqual([1, 1, 1]);
  });

  it("an insert failing its check in that one round trip writes nothing, also of the fields before it, and answers Hasura's error", async () => {
    await superuser.unsafe(`truncate ${CHECKED}.note`);
    const headers = asRole('user', { 'x-hasura-user-id': '10' });
    const failed = {
      errors: [{ message: 'check constraint of an insert/update permission has failed', extensions: { path: '$.selectionSet.theirs.args.object', code: 'permission-error' } }],
    };
    const query = `mutation ($a: String!, $b: String!) {
      mine: insert_note_one(object: {body: $a, owner_id: 10}) { id }
      theirs: insert_note_one(object: {body: $b, owner_id: 20}) { id }
    }`;
    const costs = await steadyCost(async (index) => {
      expect(await gql(checked.app, { query, variables: { a: `a${index}`, b: `b${index}` }, headers })).toEqual(failed);
    });
    expect(costs).toEqual([1, 1, 1]);
    expect(await superuser.unsafe(`select body from ${CHECKED}.note`)).toEqual([]);
    expect(await idleConnections()).toEqual([]);
    // The first failure is reported: the check, not the duplicate the field after it makes.
    await superuser.unsafe(`insert into ${CHECKED}.note (body, owner_id) values ('taken', 10)`);
    const duplicate = `mutation { theirs: insert_note_one(object: {body: "b", owner_id: 20}) { id } again: insert_note_one(object: {body: "taken", owner_id: 10}) { id } }`;
    expect(await gql(checked.app, { query: duplicate, headers })).toEqual(failed);
    await superuser.unsafe(`truncate ${CHECKED}.note`);
    expect(await gql(checked.app, { query: 'mutation { insert_note_one(object: {body: "kept", owner_id: 10}) { body } }', headers })).toEqual({ data: { insert_note_one: { body: 'kept' } } });
    expect(await superuser.unsafe(`select body from ${CHECKED}.note`)).toEqual([{ body: 'kept' }]);
  });
});
