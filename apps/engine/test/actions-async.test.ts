import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Metadata } from '../src/metadata.ts';
import { asAdmin, gql, metadataOf, startEngine, type TestEngine } from './support/harness.ts';
import { eventually, listen, TestSocket } from './support/ws-client.ts';

// Hasura's asynchronous actions: the mutation answers an action id at once, the handler's answer is
// stored (engine.action_log, db/migrations/0033) and read back by `name(id)` as a query or a
// subscription, only by the session that started it.

let handler: Server;
let release: (() => void) | undefined;
let engine: TestEngine;
let url: string;

const metadata = (base: string): Metadata => ({
  ...metadataOf([]),
  actions: [
    {
      name: 'buildReport',
      definition: { kind: 'asynchronous', type: 'mutation', handler: `${base}/buildReport`, arguments: [{ name: 'title', type: 'String!' }], output_type: 'Report', timeout: 5 },
      permissions: [{ role: 'user' }],
    },
    { name: 'failReport', definition: { kind: 'asynchronous', type: 'mutation', handler: `${base}/failReport`, arguments: [], output_type: 'Report', timeout: 5 }, permissions: [{ role: 'user' }] },
  ],
  custom_types: { scalars: [], enums: [], input_objects: [], objects: [{ name: 'Report', fields: [{ name: 'title', type: 'String!' }, { name: 'pages', type: 'Int' }] }] },
});

beforeAll(async () => {
  handler = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const payload = JSON.parse(body) as { input: { title?: string }; session_variables: Record<string, string | undefined> };
      if (request.url === '/failReport') {
        response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'no report today', extensions: { code: 'no-report' } }));
        return;
      }
      // Answers only when the test lets it, so the "not yet answered" state can be observed.
      release = () => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ title: payload.input.title, pages: payload.session_variables['x-hasura-user-id'] ? 3 : 0 }));
    });
  });
  await new Promise<void>((resolve) => handler.listen(0, '127.0.0.1', resolve));
  engine = await startEngine(metadata(`http://127.0.0.1:${(handler.address() as AddressInfo).port}`));
  url = await listen(engine);
});
afterAll(async () => {
  await engine?.close();
  handler?.close();
});

const userHeaders = (userId: string) => ({ ...asAdmin, 'x-hasura-role': 'user', 'x-hasura-user-id': userId });

describe('asynchronous actions', () => {
  it('answer the action id, then the stored result to a subscription and a query of the same session', async () => {
    const user = randomUUID();
    const started = (await gql(engine.app, { query: 'mutation { buildReport(title: "Q3") }', headers: userHeaders(user) })) as { data: { buildReport: string } };
    const id = started.data.buildReport;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const socket = await TestSocket.open(url, 'graphql-transport-ws');
    socket.send({ type: 'connection_init', payload: { headers: userHeaders(user) } });
    expect(await socket.next()).toEqual({ type: 'connection_ack' });
    socket.send({ type: 'subscribe', id: '1', payload: { query: 'subscription ($id: uuid!) { buildReport(id: $id) { id errors output { title pages } } }', variables: { id } } });
    expect(await socket.next()).toEqual({ type: 'next', id: '1', payload: { data: { buildReport: { id, errors: null, output: null } } } });
    await eventually(() => release !== undefined);
    release?.();
    expect(await socket.next()).toEqual({ type: 'next', id: '1', payload: { data: { buildReport: { id, errors: null, output: { title: 'Q3', pages: 3 } } } } });
    socket.close();

    const query = await gql(engine.app, { query: `{ buildReport(id: "${id}") { output { title } created_at } }`, headers: userHeaders(user) });
    expect(query).toEqual({ data: { buildReport: { output: { title: 'Q3' }, created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) } } });
  });

  it('are invisible to another session', async () => {
    const started = (await gql(engine.app, { query: 'mutation { failReport }', headers: userHeaders(randomUUID()) })) as { data: { failReport: string } };
    const other = await gql(engine.app, { query: `{ failReport(id: "${started.data.failReport}") { id } }`, headers: userHeaders(randomUUID()) });
    expect(other).toEqual({ data: { failReport: null } });
  });

  it('store the handler’s error in errors', async () => {
    const user = randomUUID();
    const started = (await gql(engine.app, { query: 'mutation { failReport }', headers: userHeaders(user) })) as { data: { failReport: string } };
    let answer: unknown;
    await eventually(async () => {
      answer = await gql(engine.app, { query: `{ failReport(id: "${started.data.failReport}") { errors output { title } } }`, headers: userHeaders(user) });
      return JSON.stringify(answer).includes('no-report');
    });
    expect(answer).toEqual({ data: { failReport: { errors: { message: 'no report today', extensions: { code: 'no-report' } }, output: null } } });
  });

  it('appear in the schema as Hasura generates them', () => {
    const schema = engine.engine.roleSchema('user').schema;
    expect(String(schema.getMutationType()?.getFields()['buildReport']?.type)).toBe('uuid!');
    expect(schema.getQueryType()?.getFields()['buildReport']?.args.map((arg) => `${arg.name}: ${String(arg.type)}`)).toEqual(['id: uuid!']);
    expect(String(schema.getSubscriptionType()?.getFields()['buildReport']?.type)).toBe('buildReport');
    const result = schema.getType('buildReport') as { getFields: () => Record<string, { type: unknown }> };
    expect(Object.entries(result.getFields()).map(([name, field]) => `${name}: ${String(field.type)}`)).toEqual(['created_at: timestamptz!', 'errors: json', 'id: uuid!', 'output: Report']);
  });
});
