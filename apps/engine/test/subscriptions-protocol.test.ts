import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import { SignJWT } from 'jose';
import { printType, type GraphQLObjectType } from 'graphql';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql as superuser } from '../../../db/test/support/database.ts';
import type { TableMetadata } from '../src/metadata.ts';
import { ADMIN_SECRET, asAdmin, createTestSchema, gql, metadataOf, startEngine, testConfig, type TestEngine } from './support/harness.ts';
import { eventually, listen, TestSocket } from './support/ws-client.ts';

// Both websocket protocols message by message, as Hasura speaks them: graphql-transport-ws and the
// legacy subscriptions-transport-ws (subprotocol graphql-ws); auth at connection_init; token expiry.
const SCHEMA = 'subs_protocol';
const SETUP = `
create table items (id serial primary key, org_id uuid not null, name text not null);
select app.install_change_notify('items');
create table unnotified (id serial primary key, name text not null);
`;
const TABLES: TableMetadata[] = [
  {
    table: { schema: SCHEMA, name: 'items' },
    configuration: { custom_name: 'items' },
    select_permissions: [{ role: 'user', permission: { columns: ['id', 'org_id', 'name'], filter: { org_id: { _eq: 'X-Hasura-Org-Id' } }, allow_aggregations: true } }],
    insert_permissions: [{ role: 'user', permission: { columns: ['name'], check: {}, set: { org_id: 'x-hasura-org-id' } } }],
  },
  {
    table: { schema: SCHEMA, name: 'unnotified' },
    configuration: { custom_name: 'unnotified' },
    select_permissions: [
      { role: 'user', permission: { columns: ['id', 'name'], filter: {}, query_root_fields: [], subscription_root_fields: ['select_stream', 'select_by_pk'] } },
      { role: 'reader', permission: { columns: ['id', 'name'], filter: {}, query_root_fields: ['select'], allow_aggregations: false } },
    ],
  },
];
const JWT_KEY = 'a-test-signing-key-of-at-least-32-characters';

const orgA = randomUUID();
const orgB = randomUUID();
const userOf = (org: string) => ({ ...asAdmin, 'x-hasura-role': 'user', 'x-hasura-org-id': org });
const ITEMS = 'subscription { items(order_by: {id: asc}) { id name } }';

let engine: TestEngine;
let url: string;
beforeAll(async () => {
  await createTestSchema(SCHEMA, SETUP);
  engine = await startEngine(metadataOf(TABLES), { subscriptions: { liveRefetchMs: 20, liveBatchSize: 100, streamRefetchMs: 20, streamBatchSize: 100, fallbackMs: 0, keepAliveMs: 60_000, initTimeoutMs: 300, maxBufferedBytes: 1_048_576 } });
  url = await listen(engine);
});
afterAll(async () => {
  await engine?.close();
  await superuser.end();
});

async function insertItem(org: string, name: string): Promise<number> {
  const body = (await gql(engine.app, { query: 'mutation ($name: String!) { insert_items_one(object: {name: $name}) { id } }', variables: { name }, headers: userOf(org) })) as { data: { insert_items_one: { id: number } } };
  return body.data.insert_items_one.id;
}

async function connected(protocol: string, headers: Record<string, string> = userOf(orgA)): Promise<TestSocket> {
  const socket = await TestSocket.open(url, protocol);
  socket.send({ type: 'connection_init', payload: { headers } });
  expect(await socket.next()).toEqual({ type: 'connection_ack' });
  return socket;
}

describe('graphql-transport-ws', () => {
  it('acks, sends the live result, then each change once, and stops on complete', async () => {
    const socket = await connected('graphql-transport-ws');
    socket.send({ type: 'subscribe', id: 'a', payload: { query: ITEMS } });
    const first = await socket.next();
    expect(first.type).toBe('next');
    expect(first.id).toBe('a');
    const before = (first.payload as { data: { items: { id: number }[] } }).data.items;
    const id = await insertItem(orgA, 'first');
    expect(await socket.next()).toEqual({ type: 'next', id: 'a', payload: { data: { items: [...before, { id, name: 'first' }] } } });
    socket.send({ type: 'complete', id: 'a' });
    await eventually(() => engine.engine.live.stats().length === 0);
    await insertItem(orgA, 'after complete');
    await socket.quiet(150);
    socket.close();
  });

  it('answers queries and mutations with next and complete', async () => {
    const socket = await connected('graphql-transport-ws');
    socket.send({ type: 'subscribe', id: 'q', payload: { query: 'query { items_aggregate(where: {name: {_eq: "nothing"}}) { aggregate { count } } }' } });
    expect(await socket.next()).toEqual({ type: 'next', id: 'q', payload: { data: { items_aggregate: { aggregate: { count: 0 } } } } });
    expect(await socket.next()).toEqual({ type: 'complete', id: 'q' });
    socket.send({ type: 'subscribe', id: 'm', payload: { query: 'mutation { insert_items_one(object: {name: "over ws"}) { name } }' } });
    expect(await socket.next()).toEqual({ type: 'next', id: 'm', payload: { data: { insert_items_one: { name: 'over ws' } } } });
    expect(await socket.next()).toEqual({ type: 'complete', id: 'm' });
    socket.close();
  });

  it('reports validation errors with error then complete', async () => {
    const socket = await connected('graphql-transport-ws');
    socket.send({ type: 'subscribe', id: 'x', payload: { query: 'subscription { items { id } items_aggregate { aggregate { count } } }' } });
    expect(await socket.next()).toEqual({ type: 'error', id: 'x', payload: [{ message: 'subscriptions must select one top level field', extensions: { path: '$', code: 'validation-failed' } }] });
    expect(await socket.next()).toEqual({ type: 'complete', id: 'x' });
    socket.send({ type: 'subscribe', id: 'y', payload: { query: 'subscription { nope { id } }' } });
    expect(await socket.next()).toEqual({ type: 'error', id: 'y', payload: [{ message: "field 'nope' not found in type: 'subscription_root'", extensions: { path: '$.selectionSet.nope', code: 'validation-failed' } }] });
    expect(await socket.next()).toEqual({ type: 'complete', id: 'y' });
    socket.close();
  });

  it('answers ping with pong', async () => {
    const socket = await connected('graphql-transport-ws');
    socket.send({ type: 'ping' });
    expect(await socket.next()).toEqual({ type: 'pong' });
    socket.close();
  });

  it.each([
    ['a wrong admin secret', async (s: TestSocket) => s.send({ type: 'connection_init', payload: { headers: { 'x-hasura-admin-secret': 'wrong' } } }), 4403, 'Forbidden'],
    ['no connection_init in time', async () => undefined, 4408, 'Connection initialisation timed out'],
    ['an unparseable frame', async (s: TestSocket) => s.send('{nope'), 4400, undefined],
  ] as const)('closes the socket on %s', async (_case, act, code, reason) => {
    const socket = await TestSocket.open(url, 'graphql-transport-ws');
    await act(socket);
    const closed = await socket.closedWith();
    expect(closed.code).toBe(code);
    if (reason) expect(closed.reason).toBe(reason);
  });

  it('refuses subscribe before connection_init with start-failed and closes', async () => {
    const socket = await TestSocket.open(url, 'graphql-transport-ws');
    socket.send({ type: 'subscribe', id: '1', payload: { query: ITEMS } });
    expect(await socket.next()).toEqual({ type: 'error', id: '1', payload: { message: 'start received before the connection is initialised', extensions: { path: '$', code: 'start-failed' } } });
    expect(await socket.next()).toEqual({ type: 'error', id: '1', payload: 'start received before the connection is initialised' });
    expect(await socket.closedWith()).toEqual({ code: 1000, reason: 'start received before the connection is initialised' });
  });

  it('refuses a duplicate operation id the same way, and closes with 4429 on a second init', async () => {
    const socket = await connected('graphql-transport-ws');
    socket.send({ type: 'subscribe', id: 'd', payload: { query: ITEMS } });
    expect((await socket.next()).type).toBe('next');
    socket.send({ type: 'subscribe', id: 'd', payload: { query: ITEMS } });
    expect(await socket.next()).toEqual({ type: 'error', id: 'd', payload: { message: 'an operation already exists with this id: d', extensions: { path: '$', code: 'start-failed' } } });
    expect((await socket.closedWith()).code).toBe(1000);
    const again = await connected('graphql-transport-ws');
    again.send({ type: 'connection_init', payload: {} });
    expect((await again.closedWith()).code).toBe(4429);
  });

  it('serves the graphql-ws client library', async () => {
    const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { headers: userOf(orgB) }, retryAttempts: 0, lazy: true });
    const id = await insertItem(orgB, 'for the library');
    const result = await new Promise<unknown>((resolve, reject) => {
      const stop = client.subscribe(
        { query: 'subscription ($id: Int!) { items_by_pk(id: $id) { name } }', variables: { id } },
        {
          next: (value) => {
            stop();
            resolve(value);
          },
          error: reject,
          complete: () => undefined,
        },
      );
    });
    expect(result).toEqual({ data: { items_by_pk: { name: 'for the library' } } });
    await client.dispose();
  });
});

describe('by-pk live queries on an integer key', () => {
  it('refetch only the subscriber whose row a change names', async () => {
    const org = randomUUID();
    const [one, two, other] = [await insertItem(org, 'one'), await insertItem(org, 'two'), await insertItem(org, 'other')];
    const socket = await connected('graphql-transport-ws', userOf(org));
    try {
      for (const id of [one, two]) socket.send({ type: 'subscribe', id: String(id), payload: { query: 'subscription ($id: Int!) { items_by_pk(id: $id) { name } }', variables: { id } } });
      expect((await socket.next()).type).toBe('next');
      expect((await socket.next()).type).toBe('next');
      const group = () => engine.engine.live.stats().find((candidate) => candidate.orgId === org);
      await eventually(() => group()?.subscribers === 2);
      const evaluated = group()!.evaluated;

      await superuser`update ${superuser(SCHEMA)}.items set name = 'other!' where id = ${other}`;
      await superuser`update ${superuser(SCHEMA)}.items set name = 'two!' where id = ${two}`;
      expect(await socket.next()).toEqual({ type: 'next', id: String(two), payload: { data: { items_by_pk: { name: 'two!' } } } });
      expect(group()!.evaluated - evaluated).toBe(1);
    } finally {
      socket.close();
    }
  });
});

describe('legacy graphql-ws (subscriptions-transport-ws)', () => {
  it('acks, keeps alive, sends data on start and each change, nothing after stop', async () => {
    const raw = await TestSocket.open(url, 'graphql-ws');
    const kas: string[] = [];
    raw.ws.on('message', (data: Buffer) => JSON.parse(data.toString()).type === 'ka' && kas.push('ka'));
    raw.send({ type: 'connection_init', payload: { headers: userOf(orgB) } });
    expect(await raw.next()).toEqual({ type: 'connection_ack' });
    await eventually(() => kas.length === 1);
    raw.send({ type: 'start', id: '1', payload: { query: 'subscription ($name: String!) { items(where: {name: {_eq: $name}}) { name } }', variables: { name: 'legacy' } } });
    expect(await raw.next()).toEqual({ type: 'data', id: '1', payload: { data: { items: [] } } });
    await insertItem(orgB, 'legacy');
    expect(await raw.next()).toEqual({ type: 'data', id: '1', payload: { data: { items: [{ name: 'legacy' }] } } });
    raw.send({ type: 'stop', id: '1' });
    await eventually(() => engine.engine.live.stats().length === 0);
    await insertItem(orgB, 'legacy');
    await raw.quiet(150);
    raw.send({ type: 'connection_terminate' });
    expect((await raw.closedWith()).code).toBe(1000);
  });

  it('answers a query with data then complete', async () => {
    const socket = await connected('graphql-ws');
    socket.send({ type: 'start', id: 'q', payload: { query: '{ items(where: {id: {_lt: 0}}) { id } }' } });
    expect(await socket.next()).toEqual({ type: 'data', id: 'q', payload: { data: { items: [] } } });
    expect(await socket.next()).toEqual({ type: 'complete', id: 'q' });
    socket.close();
  });

  it('refuses start before connection_init and duplicate ids with error and complete', async () => {
    const socket = await TestSocket.open(url, 'graphql-ws');
    socket.send({ type: 'start', id: '1', payload: { query: ITEMS } });
    expect(await socket.next()).toEqual({ type: 'error', id: '1', payload: { message: 'start received before the connection is initialised', extensions: { path: '$', code: 'start-failed' } } });
    expect(await socket.next()).toEqual({ type: 'complete', id: '1' });
    socket.send({ type: 'connection_init', payload: { headers: userOf(orgA) } });
    expect(await socket.next()).toEqual({ type: 'connection_ack' });
    socket.send({ type: 'start', id: '2', payload: { query: ITEMS } });
    expect((await socket.next()).type).toBe('data');
    socket.send({ type: 'start', id: '2', payload: { query: ITEMS } });
    expect(await socket.next()).toEqual({ type: 'error', id: '2', payload: { message: 'an operation already exists with this id: 2', extensions: { path: '$', code: 'start-failed' } } });
    expect(await socket.next()).toEqual({ type: 'complete', id: '2' });
    socket.close();
  });

  it('sends connection_error and closes with 4400 when authentication fails', async () => {
    const socket = await TestSocket.open(url, 'graphql-ws');
    socket.send({ type: 'connection_init', payload: { headers: { 'x-hasura-admin-secret': 'wrong' } } });
    expect(await socket.next()).toEqual({ type: 'connection_error', payload: 'invalid x-hasura-admin-secret/x-hasura-access-key' });
    expect(await socket.closedWith()).toEqual({ code: 4400, reason: 'Connection initialization failed: invalid x-hasura-admin-secret/x-hasura-access-key' });
  });

  it('reports an unparseable frame with connection_error', async () => {
    const socket = await TestSocket.open(url, 'graphql-ws');
    socket.send('not json');
    const message = await socket.next();
    expect(message.type).toBe('connection_error');
    expect(String(message.payload)).toMatch(/^parsing ClientMessage failed: /);
    socket.close();
  });

  it('is what a client gets when it asks for no subprotocol', async () => {
    const socket = await TestSocket.open(url);
    expect(socket.ws.protocol).toBe('');
    socket.send({ type: 'connection_init', payload: { headers: userOf(orgA) } });
    expect(await socket.next()).toEqual({ type: 'connection_ack' });
    socket.close();
  });
});

describe('websocket endpoints', () => {
  it('answer 404 on other paths', async () => {
    const ws = new WebSocket(url.replace('/v1/graphql', '/v1/other'), ['graphql-ws']);
    const status = await new Promise<number>((resolve) => ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0)));
    expect(status).toBe(404);
  });
});

describe('JWT expiry', () => {
  let jwtEngine: TestEngine;
  let jwtUrl: string;
  beforeAll(async () => {
    jwtEngine = await startEngine(metadataOf(TABLES), { jwtSecret: JSON.stringify({ type: 'HS256', key: JWT_KEY }), adminSecret: ADMIN_SECRET });
    jwtUrl = await listen(jwtEngine);
  });
  afterAll(async () => jwtEngine?.close());

  // `exp` is in whole seconds: rounding now up keeps at least `expiresInSeconds` of validity, where
  // rounding down left as little as a millisecond (the socket then closed before its first result).
  const token = (expiresInSeconds: number) =>
    new SignJWT({ 'https://hasura.io/jwt/claims': { 'x-hasura-allowed-roles': ['user'], 'x-hasura-default-role': 'user', 'x-hasura-org-id': orgA } })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(Math.ceil(Date.now() / 1000) + expiresInSeconds)
      .sign(new TextEncoder().encode(JWT_KEY));

  it('closes a legacy socket with connection_error when the token expires', async () => {
    const socket = await TestSocket.open(jwtUrl, 'graphql-ws');
    socket.send({ type: 'connection_init', payload: { headers: { Authorization: `Bearer ${await token(1)}` } } });
    expect(await socket.next()).toEqual({ type: 'connection_ack' });
    socket.send({ type: 'start', id: '1', payload: { query: ITEMS } });
    expect((await socket.next()).type).toBe('data');
    expect(await socket.next(3000)).toEqual({ type: 'connection_error', payload: 'Could not verify JWT: JWTExpired' });
    expect((await socket.closedWith()).code).toBe(4400);
    await eventually(() => jwtEngine.engine.live.stats().length === 0);
  });

  it('closes a graphql-transport-ws socket with 4403 when the token expires', async () => {
    const socket = await TestSocket.open(jwtUrl, 'graphql-transport-ws');
    socket.send({ type: 'connection_init', payload: { headers: { Authorization: `Bearer ${await token(1)}` } } });
    expect(await socket.next()).toEqual({ type: 'connection_ack' });
    expect((await socket.closedWith(3000)).code).toBe(4403);
  });

  it('refuses an expired token at connection_init', async () => {
    const socket = await TestSocket.open(jwtUrl, 'graphql-transport-ws');
    socket.send({ type: 'connection_init', payload: { headers: { Authorization: `Bearer ${await token(-10)}` } } });
    expect((await socket.closedWith()).code).toBe(4403);
  });
});

describe('subscription_root', () => {
  const rootFields = (role: string) => Object.keys((engine.engine.roleSchema(role).schema.getSubscriptionType() as GraphQLObjectType).getFields());
  const withoutDescriptions = (sdl: string) => sdl.replace(/"""[\s\S]*?"""\s*/g, '').replace(/\n\s*\n/g, '\n');

  it('follows subscription_root_fields, independently of query_root_fields, and allow_aggregations', () => {
    expect(rootFields('user')).toEqual(['items', 'items_aggregate', 'items_by_pk', 'items_stream', 'unnotified_by_pk', 'unnotified_stream']);
    expect(Object.keys(engine.engine.roleSchema('user').schema.getQueryType()?.getFields() ?? {})).toEqual(['items', 'items_aggregate', 'items_by_pk']);
    expect(rootFields('reader')).toEqual(['unnotified', 'unnotified_by_pk', 'unnotified_stream']);
  });

  it('names the stream arguments and inputs as Hasura does', () => {
    const schema = engine.engine.roleSchema('user').schema;
    const stream = (schema.getSubscriptionType() as GraphQLObjectType).getFields()['items_stream'];
    expect(stream?.args.map((arg) => `${arg.name}: ${String(arg.type)}`)).toEqual(['batch_size: Int!', 'cursor: [items_stream_cursor_input]!', 'where: items_bool_exp']);
    expect(String(stream?.type)).toBe('[items!]!');
    const cursorInput = schema.getType('items_stream_cursor_input');
    expect(cursorInput && withoutDescriptions(printType(cursorInput))).toBe('input items_stream_cursor_input {\n  initial_value: items_stream_cursor_value_input!\n  ordering: cursor_ordering\n}');
    const ordering = schema.getType('cursor_ordering');
    expect(ordering && withoutDescriptions(printType(ordering))).toBe('enum cursor_ordering {\n  ASC\n  DESC\n}');
  });
});

describe('fallback refetch', () => {
  it('picks up changes to a table without notify triggers at the fallback interval', async () => {
    const polling = await startEngine(metadataOf(TABLES), { subscriptions: { liveRefetchMs: 20, liveBatchSize: 100, streamRefetchMs: 20, streamBatchSize: 100, fallbackMs: 200, keepAliveMs: 60_000, initTimeoutMs: 3000, maxBufferedBytes: 1_048_576 } });
    try {
      const socket = await TestSocket.open(await listen(polling), 'graphql-transport-ws');
      socket.send({ type: 'connection_init', payload: { headers: { ...asAdmin, 'x-hasura-role': 'reader' } } });
      expect(await socket.next()).toEqual({ type: 'connection_ack' });
      socket.send({ type: 'subscribe', id: 's', payload: { query: 'subscription { unnotified_stream(batch_size: 10, cursor: {initial_value: {id: 0}}) { name } }' } });
      await gql(polling.app, { query: 'mutation { insert_unnotified_one(object: {name: "polled"}) { id } }' });
      expect(await socket.next(2000)).toEqual({ type: 'next', id: 's', payload: { data: { unnotified_stream: [{ name: 'polled' }] } } });
      socket.close();
    } finally {
      await polling.close();
    }
  });
});

describe('multiplexed batches', () => {
  const NAME_QUERY = 'subscription ($name: String!) { items(where: {name: {_eq: $name}}) { name } }';
  const INSERT_NAME = 'mutation ($name: String!) { insert_items_one(object: {name: $name}) { id } }';

  /** One org's socket on an engine with `batchSize`, subscribed to each name and past the first (empty) results. */
  async function subscribedGroup(batchSize: number, names: string[]) {
    const engine = await startEngine(metadataOf(TABLES), { subscriptions: { liveRefetchMs: 20, liveBatchSize: batchSize, streamRefetchMs: 20, streamBatchSize: batchSize, fallbackMs: 0, keepAliveMs: 60_000, initTimeoutMs: 3000, maxBufferedBytes: 1_048_576 } });
    const org = randomUUID();
    const socket = await TestSocket.open(await listen(engine), 'graphql-transport-ws');
    socket.send({ type: 'connection_init', payload: { headers: userOf(org) } });
    expect(await socket.next()).toEqual({ type: 'connection_ack' });
    for (const name of names) socket.send({ type: 'subscribe', id: name, payload: { query: NAME_QUERY, variables: { name } } });
    for (let i = 0; i < names.length; i += 1) expect(await socket.next()).toMatchObject({ type: 'next', payload: { data: { items: [] } } });
    return { engine, org, socket };
  }

  it('deliver each change to its own subscriber when one group spans several batches run side by side', async () => {
    const names = Array.from({ length: 7 }, (_, n) => `batch-${n}`);
    const { engine: batched, org, socket } = await subscribedGroup(2, names);
    try {
      expect(batched.engine.live.stats()).toEqual([expect.objectContaining({ subscribers: 7 })]);

      for (const name of names) await gql(batched.app, { query: INSERT_NAME, variables: { name }, headers: userOf(org) });
      const latest = new Map<string, unknown>();
      await eventually(async () => {
        const message = await socket.next();
        latest.set(message.id as string, message.payload);
        return names.every((name) => JSON.stringify(latest.get(name)) === JSON.stringify({ data: { items: [{ name }] } }));
      }, 5000);
      socket.close();
    } finally {
      await batched.close();
    }
  });
  it('grow batches past the batch size rather than send more than 16 statements for one refetch of a big group', async () => {
    const names = Array.from({ length: 40 }, (_, n) => `big-${n}`);
    const { engine: batched, org, socket } = await subscribedGroup(1, names);
    try {
      await eventually(() => batched.engine.live.stats()[0]?.subscribers === names.length);
      const statements = batched.engine.live.statements;
      const [before] = batched.engine.live.stats();

      await gql(batched.app, { query: INSERT_NAME, variables: { name: 'big-7' }, headers: userOf(org) });
      expect(await socket.next()).toEqual({ type: 'next', id: 'big-7', payload: { data: { items: [{ name: 'big-7' }] } } });
      await eventually(() => batched.engine.live.stats()[0]!.evaluated - before!.evaluated === names.length);
      expect(batched.engine.live.stats()[0]!.refetches - before!.refetches).toBe(1);
      expect(batched.engine.live.statements - statements).toBeLessThanOrEqual(16);
      socket.close();
    } finally {
      await batched.close();
    }
  });
});

describe('shutdown', () => {
  it('closes every socket with 1012 (service restart) so clients reconnect', async () => {
    const other = await startEngine(metadataOf(TABLES), testConfig());
    const otherUrl = await listen(other);
    const socket = await TestSocket.open(otherUrl, 'graphql-transport-ws');
    socket.send({ type: 'connection_init', payload: { headers: userOf(orgA) } });
    expect(await socket.next()).toEqual({ type: 'connection_ack' });
    await other.close();
    expect(await socket.closedWith()).toEqual({ code: 1012, reason: 'shutting server down' });
  });
});
