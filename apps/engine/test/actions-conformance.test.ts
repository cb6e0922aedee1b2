import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Metadata, TableMetadata } from '../src/metadata.ts';
import { asAdmin, asRole, createTestSchema, gql, metadataOf, startEngine, type TestEngine } from './support/harness.ts';

// Hasura's synchronous actions: the handler payload and headers, output shaping by the selection,
// the documented error mapping, and per-role permissions. The handler is a local fake.
const SCHEMA = 'conf_actions';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

type Reply = { status: number; body: string; delayMs?: number };

const received: Received[] = [];
const replies = new Map<string, Reply>();
const json = (status: number, value: unknown): Reply => ({ status, body: JSON.stringify(value) });

let handler: Server;
let handlerUrl: string;
let closedUrl: string;
let engine: TestEngine;

const TABLES: TableMetadata[] = [
  {
    table: { schema: SCHEMA, name: 'item' },
    configuration: { custom_name: 'item' },
    select_permissions: [{ role: 'user', permission: { columns: ['id', 'name'], filter: {} } }],
    insert_permissions: [{ role: 'user', permission: { columns: ['id', 'name'], check: {} } }],
  },
];

const action = (name: string, type: 'query' | 'mutation', args: { name: string; type: string }[], output: string, roles: string[], extra: Record<string, unknown> = {}) => ({
  name,
  definition: {
    kind: 'synchronous',
    type,
    handler: `{{HANDLER_BASE}}/${name}`,
    forward_client_headers: true,
    headers: [
      { name: 'x-handler-secret', value_from_env: 'HANDLER_SECRET' },
      { name: 'x-fixed', value: 'fixed-value' },
    ],
    timeout: 5,
    arguments: args,
    output_type: output,
    ...extra,
  },
  permissions: roles.map((role) => ({ role })),
});

function metadata(): Metadata {
  return {
    ...metadataOf(TABLES),
    actions: [
      action('createThing', 'mutation', [{ name: 'input', type: 'ThingInput!' }, { name: 'note', type: 'String' }], 'Thing', ['user']),
      action('things', 'query', [{ name: 'limit', type: 'Int' }], '[Thing!]', ['user']),
      action('adminOnly', 'mutation', [], 'Ok', []),
      action('slow', 'mutation', [], 'Ok', ['user'], { timeout: 1 }),
      action('unreachable', 'mutation', [], 'Ok', ['user'], { handler: '{{CLOSED_BASE}}/unreachable' }),
      action('quiet', 'mutation', [], 'Ok', ['user'], { forward_client_headers: false }),
    ],
    custom_types: {
      scalars: [{ name: 'Json' }],
      enums: [{ name: 'Colour', values: [{ value: 'RED' }, { value: 'BLUE' }] }],
      input_objects: [{ name: 'ThingInput', fields: [{ name: 'name', type: 'String!' }, { name: 'colour', type: 'Colour' }, { name: 'tags', type: '[String!]' }, { name: 'owner', type: 'uuid' }] }],
      objects: [
        { name: 'Thing', fields: [{ name: 'id', type: 'Int!' }, { name: 'name', type: 'String!' }, { name: 'colour', type: 'Colour' }, { name: 'tags', type: '[String!]!' }, { name: 'meta', type: 'Json' }, { name: 'parts', type: '[Part!]' }] },
        { name: 'Part', fields: [{ name: 'label', type: 'String!' }, { name: 'count', type: 'Int' }] },
        { name: 'Ok', fields: [{ name: 'ok', type: 'Boolean!' }] },
      ],
    },
  };
}

const THING = { id: 1, name: 'one', colour: 'RED', tags: ['a', 'b'], meta: { deep: [1, { x: null }] }, parts: [{ label: 'p', count: 2 }, { label: 'q', count: null }] };

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  handler = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
      const reply = replies.get(request.url ?? '') ?? json(404, { message: 'no reply configured' });
      setTimeout(() => response.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body), reply.delayMs ?? 0);
    });
  });
  handlerUrl = await listen(handler);
  const closed = createServer();
  closedUrl = await listen(closed);
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  await createTestSchema(SCHEMA, 'create table item (id int primary key, name text not null);');
  engine = await startEngine(metadata(), { environment: { HANDLER_BASE: handlerUrl, CLOSED_BASE: closedUrl, HANDLER_SECRET: 'h-secret' } });
});

afterAll(async () => {
  await engine?.close();
  await new Promise<void>((resolve) => handler.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
  replies.clear();
});

const USER = asRole('user', { 'x-hasura-user-id': '7' });

describe('handler request', () => {
  it('POSTs {action, input, session_variables, request_query} with configured and forwarded client headers', async () => {
    replies.set('/createThing', json(200, THING));
    const query = 'mutation ($n: String!) { createThing(input: {name: $n, colour: BLUE, tags: ["t"], owner: "0b6c2d6e-3f1a-4c59-9a57-1f2d3c4b5a69"}) { id } }';
    const answer = await gql(engine.app, { query, variables: { n: 'widget' }, headers: { ...USER, authorization: 'Bearer abc', 'x-client-thing': 'c', 'user-agent': 'tester/1' } });
    expect(answer).toEqual({ data: { createThing: { id: 1 } } });
    expect(received).toHaveLength(1);
    const [call] = received;
    expect(call?.path).toBe('/createThing');
    expect(call?.body).toEqual({
      action: { name: 'createThing' },
      input: { input: { name: 'widget', colour: 'BLUE', tags: ['t'], owner: '0b6c2d6e-3f1a-4c59-9a57-1f2d3c4b5a69' } },
      session_variables: { 'x-hasura-role': 'user', 'x-hasura-user-id': '7' },
      request_query: query,
    });
    const headers = call?.headers ?? {};
    expect(headers['content-type']).toBe('application/json');
    expect(headers['x-handler-secret']).toBe('h-secret');
    expect(headers['x-fixed']).toBe('fixed-value');
    expect(headers['authorization']).toBe('Bearer abc');
    expect(headers['x-client-thing']).toBe('c');
    expect(headers['x-forwarded-user-agent']).toBe('tester/1');
    expect(Object.keys(headers).filter((name) => name.startsWith('x-hasura-'))).toEqual([]);
  });

  it('without forward_client_headers sends only the configured headers', async () => {
    replies.set('/quiet', json(200, { ok: true }));
    await gql(engine.app, { query: 'mutation { quiet { ok } }', headers: { ...USER, 'x-client-thing': 'c' } });
    const headers = received[0]?.headers ?? {};
    expect(headers['x-client-thing']).toBeUndefined();
    expect(headers['x-handler-secret']).toBe('h-secret');
  });
});

describe('output shaping', () => {
  it('follows the selection: aliases, fragments, __typename, nested objects and lists, custom scalars', async () => {
    replies.set('/createThing', json(200, THING));
    const answer = await gql(engine.app, {
      query: `mutation { made: createThing(input: {name: "x"}) { __typename id label: name colour tags meta parts { label count __typename } ...more } }
              fragment more on Thing { id }`,
      headers: USER,
    });
    expect(answer).toEqual({
      data: { made: { __typename: 'Thing', id: 1, label: 'one', colour: 'RED', tags: ['a', 'b'], meta: { deep: [1, { x: null }] }, parts: [{ label: 'p', count: 2, __typename: 'Part' }, { label: 'q', count: null, __typename: 'Part' }] } },
    });
  });

  it('query actions answer lists and sit beside table fields', async () => {
    replies.set('/things', json(200, [THING, { ...THING, id: 2 }]));
    const answer = await gql(engine.app, { query: 'query { things(limit: 2) { id } item { id } __typename }', headers: USER });
    expect(answer).toEqual({ data: { things: [{ id: 1 }, { id: 2 }], item: [], __typename: 'query_root' } });
    expect((received[0]?.body as { input: unknown }).input).toEqual({ limit: 2 });
  });

  it('answers that do not fit the output type are errors, even for unselected fields', async () => {
    const failure = async (body: unknown) => {
      replies.set('/createThing', json(200, body));
      return gql(engine.app, { query: 'mutation { createThing(input: {name: "x"}) { id } }', headers: USER });
    };
    const error = (message: string) => ({ errors: [{ message, extensions: { path: '$.selectionSet.createThing', code: 'unexpected' } }] });
    expect(await failure({ ...THING, name: null })).toEqual(error('expecting not null value for field "name"'));
    expect(await failure({ id: 1, tags: [] })).toEqual(error("field 'name' expected in webhook response, but not found"));
    expect(await failure({ ...THING, extra: 1, more: 2 })).toEqual(error('unexpected fields in webhook response: extra, more'));
    expect(await failure({ ...THING, parts: [{ label: 'p', stray: true }] })).toEqual(error('unexpected fields in webhook response: stray'));
  });
});

describe('mutations with several root fields', () => {
  it('run actions and table mutations in document order', async () => {
    replies.set('/createThing', json(200, THING));
    replies.set('/quiet', json(200, { ok: true }));
    const answer = await gql(engine.app, {
      query: 'mutation { first: createThing(input: {name: "a"}) { id } insert_item_one(object: {id: 1, name: "row"}) { id } second: quiet { ok } }',
      headers: USER,
    });
    expect(answer).toEqual({ data: { first: { id: 1 }, insert_item_one: { id: 1 }, second: { ok: true } } });
    expect(received.map((call) => call.path)).toEqual(['/createThing', '/quiet']);
  });
});

describe('errors', () => {
  const run = (query: string) => gql(engine.app, { query, headers: USER });

  it('a 4xx {message, extensions} becomes that error, its extensions as given', async () => {
    replies.set('/quiet', json(400, { message: 'nope', extensions: { code: 'rate-limited', retry_after: 3 } }));
    expect(await run('mutation { quiet { ok } }')).toEqual({ errors: [{ message: 'nope', extensions: { code: 'rate-limited', retry_after: 3 } }] });
  });

  it('a 4xx without extensions gets its legacy code, else unexpected, at path $', async () => {
    replies.set('/quiet', json(422, { message: 'bad input' }));
    expect(await run('mutation { quiet { ok } }')).toEqual({ errors: [{ message: 'bad input', extensions: { path: '$', code: 'unexpected' } }] });
    replies.set('/quiet', json(401, { message: 'who?', code: 'invalid-jwt' }));
    expect(await run('mutation { quiet { ok } }')).toEqual({ errors: [{ message: 'who?', extensions: { path: '$', code: 'invalid-jwt' } }] });
  });

  it('5xx, bad JSON, timeouts and refused connections', async () => {
    const error = (message: string) => ({ errors: [{ message, extensions: { path: expect.any(String) as string, code: 'unexpected' } }] });
    replies.set('/quiet', json(500, { message: 'boom' }));
    expect(await run('mutation { quiet { ok } }')).toEqual(error('internal error'));
    replies.set('/quiet', { status: 200, body: 'not json' });
    expect(await run('mutation { quiet { ok } }')).toEqual(error('not a valid json response from webhook'));
    replies.set('/slow', { ...json(200, { ok: true }), delayMs: 1500 });
    expect(await run('mutation { slow { ok } }')).toEqual(error('http exception when calling webhook'));
    expect(await run('mutation { unreachable { ok } }')).toEqual(error('http exception when calling webhook'));
  });

  it('admins see the webhook detail in extensions.internal', async () => {
    replies.set('/adminOnly', json(503, { message: 'down' }));
    const answer = (await gql(engine.app, { query: 'mutation { adminOnly { ok } }', headers: asAdmin })) as { errors: { extensions: { internal: unknown } }[] };
    expect(answer.errors[0]?.extensions.internal).toEqual({ request: { url: `${handlerUrl}/adminOnly` }, response: { status: 503, body: '{"message":"down"}' } });
  });
});

describe('permissions and metadata', () => {
  it('an action is in a role schema only with an action permission; admin always', async () => {
    replies.set('/adminOnly', json(200, { ok: true }));
    expect(await gql(engine.app, { query: 'mutation { adminOnly { ok } }', headers: USER })).toEqual({
      errors: [{ message: "field 'adminOnly' not found in type: 'mutation_root'", extensions: { path: '$.selectionSet.adminOnly', code: 'validation-failed' } }],
    });
    expect(await gql(engine.app, { query: 'mutation { adminOnly { ok } }', headers: asAdmin })).toEqual({ data: { adminOnly: { ok: true } } });
    expect(await gql(engine.app, { query: 'mutation { quiet { ok } }', headers: asRole('other') })).toEqual({ errors: [{ message: 'no mutations exist', extensions: { path: '$', code: 'validation-failed' } }] });
    expect(received.map((call) => call.path)).toEqual(['/adminOnly']);
  });

  it('unset environment variables and unknown types are inconsistent objects', async () => {
    const broken = metadata();
    broken.actions = [action('ghost', 'mutation', [{ name: 'x', type: 'Nope' }], 'Ok', ['user'])];
    const other = await startEngine(broken, { allowInconsistentMetadata: true, environment: {} });
    try {
      expect(other.engine.inconsistencies.map((item) => [item.type, item.name, item.reason])).toEqual([
        ['action', 'action ghost', 'Inconsistent object: in action "ghost": environment variable "HANDLER_BASE" not set; environment variable "HANDLER_SECRET" not set; the type: "Nope" is not defined in custom types or it is not a scalar/enum/input_object'],
      ]);
    } finally {
      await other.close();
    }
  });
});
