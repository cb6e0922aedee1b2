import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Metadata, TableMetadata } from '../src/metadata.ts';
import { asRole, createTestSchema, gql, metadataOf, startEngine, type TestEngine } from './support/harness.ts';
import { eventually, listen, TestSocket } from './support/ws-client.ts';

// Hasura's action relationships: custom object types joined to tables by field_mapping, for
// synchronous queries and mutations and for asynchronous results. The related rows are read with the
// caller's select permission and under row-level security with the caller's session.
const SCHEMA = 'conf_action_rels';
const AUTHOR = '6f1d3c2b-5a49-4e8f-9b7a-0c1d2e3f4a5b';
const OTHER_AUTHOR = '0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d';
const ORG_A_ID = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const ORG_B_ID = '9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b';

const SETUP = `
create table ticket (id int primary key, org text not null, title text not null);
alter table ticket enable row level security;
create policy ticket_org on ticket using (org = nullif(current_setting('hasura.user', true), '')::json->>'x-hasura-org-id');
create table note (id int primary key, ticket_id int not null references ticket, body text not null, author text not null);
alter table note enable row level security;
create policy note_ticket on note using (exists (select 1 from ticket t where t.id = note.ticket_id));
insert into ticket values (1, '${ORG_A_ID}', 'first'), (2, '${ORG_A_ID}', 'second'), (3, '${ORG_B_ID}', 'other org');
insert into note values (10, 1, 'n1', '${AUTHOR}'), (11, 1, 'n2', '${AUTHOR}'), (12, 1, 'someone else''s', '${OTHER_AUTHOR}'), (13, 2, 'n3', '${AUTHOR}'), (14, 3, 'n4', '${AUTHOR}');
`;

const TABLES: TableMetadata[] = [
  {
    table: { schema: SCHEMA, name: 'ticket' },
    configuration: { custom_name: 'ticket' },
    array_relationships: [{ name: 'notes', using: { manual_configuration: { remote_table: { schema: SCHEMA, name: 'note' }, column_mapping: { id: 'ticket_id' } } } }],
    select_permissions: [{ role: 'user', permission: { columns: ['id', 'title'], filter: {} } }],
  },
  {
    table: { schema: SCHEMA, name: 'note' },
    configuration: { custom_name: 'note' },
    select_permissions: [
      { role: 'user', permission: { columns: ['id', 'ticket_id', 'body'], filter: { author: { _eq: 'X-Hasura-User-Id' } }, allow_aggregations: true } },
      { role: 'guest', permission: { columns: ['id'], filter: {} } },
    ],
  },
];

const action = (name: string, type: 'query' | 'mutation', args: { name: string; type: string }[], output: string, roles: string[], kind = 'synchronous') => ({
  name,
  definition: { kind, type, handler: `{{HANDLER_BASE}}/${name}`, timeout: 5, arguments: args, output_type: output },
  permissions: roles.map((role) => ({ role })),
});

const TICKET_REF_RELATIONSHIPS = [
  { name: 'ticket', type: 'object', remote_table: { schema: SCHEMA, name: 'ticket' }, field_mapping: { ticket_id: 'id' } },
  { name: 'notes', type: 'array', remote_table: { schema: SCHEMA, name: 'note' }, field_mapping: { ticket_id: 'ticket_id' } },
];

function metadata(relationships: unknown[] = TICKET_REF_RELATIONSHIPS): Metadata {
  return {
    ...metadataOf(TABLES),
    actions: [
      action('openTicket', 'mutation', [{ name: 'id', type: 'Int' }], 'TicketRef', ['user', 'guest']),
      action('ticketBatch', 'query', [], 'Batch', ['user']),
      action('findTickets', 'query', [], '[TicketRef]', ['user']),
      action('openTicketLater', 'mutation', [{ name: 'id', type: 'Int' }], 'TicketRef', ['user'], 'asynchronous'),
    ],
    custom_types: {
      scalars: [],
      enums: [],
      input_objects: [],
      objects: [
        { name: 'TicketRef', fields: [{ name: 'ticket_id', type: 'Int' }, { name: 'label', type: 'String!' }, { name: 'ids', type: '[Int!]' }], relationships },
        { name: 'Batch', fields: [{ name: 'refs', type: '[TicketRef!]!' }, { name: 'main', type: 'TicketRef' }] },
      ],
    },
  };
}

/** The handler: a TicketRef for the given id (no `ticket_id` at all for id 0), fixed lists otherwise. */
function answer(action: string, input: { id?: number | null }): unknown {
  if (action === 'ticketBatch') return { refs: [{ ticket_id: 1, label: 'a' }, { ticket_id: 3, label: 'b' }, { ticket_id: 2, label: 'c' }], main: { ticket_id: 2, label: 'm' } };
  if (action === 'findTickets') return [{ ticket_id: 2, label: 'x' }, null, { ticket_id: 1, label: 'y' }];
  return input.id === 0 ? { label: 'no id' } : { ticket_id: input.id ?? null, label: 'L' };
}

let handler: Server;
let engine: TestEngine;

beforeAll(async () => {
  handler = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const payload = JSON.parse(body) as { action: { name: string }; input: { id?: number | null } };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer(payload.action.name, payload.input)));
    });
  });
  await new Promise<void>((resolve) => handler.listen(0, '127.0.0.1', resolve));
  await createTestSchema(SCHEMA, SETUP);
  engine = await startEngine(metadata(), { environment: { HANDLER_BASE: `http://127.0.0.1:${(handler.address() as AddressInfo).port}` } });
});

afterAll(async () => {
  await engine?.close();
  await new Promise<void>((resolve) => handler.close(() => resolve()));
});

const ORG_A = asRole('user', { 'x-hasura-user-id': AUTHOR, 'x-hasura-org-id': ORG_A_ID });
const ORG_B = asRole('user', { 'x-hasura-user-id': AUTHOR, 'x-hasura-org-id': ORG_B_ID });
const GUEST = asRole('guest', { 'x-hasura-org-id': ORG_A_ID });

describe('object and array relationships of a synchronous action', () => {
  it('join the row the output field names, and the rows whose column matches it', async () => {
    const result = await gql(engine.app, { query: 'mutation { openTicket(id: 1) { label ticket { id title } notes { id body } } }', headers: ORG_A });
    expect(result).toEqual({ data: { openTicket: { label: 'L', ticket: { id: 1, title: 'first' }, notes: [{ id: 10, body: 'n1' }, { id: 11, body: 'n2' }] } } });
  });

  it('take the table select arguments, aliases, fragments, nested relationships and aggregates', async () => {
    const query = `mutation {
      openTicket(id: 1) {
        t: ticket { heading: title notes(order_by: {id: desc}) { id } __typename }
        first: notes(limit: 1, order_by: {id: asc}) { id }
        later: notes(offset: 1, order_by: {id: asc}) { id }
        named: notes(where: {body: {_eq: "n2"}}) { ...noteFields }
        notes_aggregate { aggregate { count } nodes { id } }
      }
    }
    fragment noteFields on note { id body }`;
    const result = await gql(engine.app, { query, headers: ORG_A });
    expect(result).toEqual({
      data: {
        openTicket: {
          t: { heading: 'first', notes: [{ id: 11 }, { id: 10 }], __typename: 'ticket' },
          first: [{ id: 10 }],
          later: [{ id: 11 }],
          named: [{ id: 11, body: 'n2' }],
          notes_aggregate: { aggregate: { count: 2 }, nodes: [{ id: 10 }, { id: 11 }] },
        },
      },
    });
  });

  it('answer null and [] when the mapped field is null, missing, or matches no row', async () => {
    for (const id of ['null', '0', '99']) {
      const result = await gql(engine.app, { query: `mutation { openTicket(id: ${id}) { ticket { id } notes { id } notes_aggregate { aggregate { count } } } }`, headers: ORG_A });
      expect(result).toEqual({ data: { openTicket: { ticket: null, notes: [], notes_aggregate: { aggregate: { count: 0 } } } } });
    }
  });

  it('follow lists and nested custom objects, in the output order', async () => {
    const batch = await gql(engine.app, { query: '{ ticketBatch { refs { label ticket { title } } main { ticket { title } } } }', headers: ORG_A });
    expect(batch).toEqual({ data: { ticketBatch: { refs: [{ label: 'a', ticket: { title: 'first' } }, { label: 'b', ticket: null }, { label: 'c', ticket: { title: 'second' } }], main: { ticket: { title: 'second' } } } } });
    const list = await gql(engine.app, { query: '{ findTickets { label ticket { title } notes { id } } }', headers: ORG_A });
    expect(list).toEqual({ data: { findTickets: [{ label: 'x', ticket: { title: 'second' }, notes: [{ id: 13 }] }, null, { label: 'y', ticket: { title: 'first' }, notes: [{ id: 10 }, { id: 11 }] }] } });
  });
});

describe('permissions of action relationships', () => {
  it('filter the related rows by the role select permission (another author note never appears)', async () => {
    const result = (await gql(engine.app, { query: 'mutation { openTicket(id: 1) { notes { id } } }', headers: ORG_A })) as { data: { openTicket: { notes: { id: number }[] } } };
    expect(result.data.openTicket.notes.map((note) => note.id)).not.toContain(12);
  });

  it('read under row-level security with the caller session: a row of another org never appears', async () => {
    const fromA = await gql(engine.app, { query: 'mutation { openTicket(id: 3) { ticket { title } notes { id } } }', headers: ORG_A });
    expect(fromA).toEqual({ data: { openTicket: { ticket: null, notes: [] } } });
    const fromB = await gql(engine.app, { query: 'mutation { openTicket(id: 3) { ticket { title } notes { id } } }', headers: ORG_B });
    expect(fromB).toEqual({ data: { openTicket: { ticket: { title: 'other org' }, notes: [{ id: 14 }] } } });
  });

  it('exist only for a role that may select the remote table', async () => {
    const fields = async (headers: Record<string, string>) =>
      ((await gql(engine.app, { query: '{ __type(name: "TicketRef") { fields { name type { kind name ofType { name } } args { name } } } }', headers })) as { data: { __type: { fields: { name: string }[] } } }).data.__type.fields;
    expect((await fields(ORG_A)).map((field) => field.name)).toEqual(['ticket_id', 'label', 'ids', 'ticket', 'notes', 'notes_aggregate']);
    expect(await fields(ORG_A)).toContainEqual({ name: 'ticket', type: { kind: 'OBJECT', name: 'ticket', ofType: null }, args: [] });
    expect(await fields(ORG_A)).toContainEqual({ name: 'notes', type: { kind: 'NON_NULL', name: null, ofType: { name: null } }, args: [{ name: 'distinct_on' }, { name: 'limit' }, { name: 'offset' }, { name: 'order_by' }, { name: 'where' }] });
    // The guest may select notes (without aggregations) but not tickets.
    expect((await fields(GUEST)).map((field) => field.name)).toEqual(['ticket_id', 'label', 'ids', 'notes']);
    const refused = await gql(engine.app, { query: 'mutation { openTicket(id: 1) { ticket { id } } }', headers: GUEST });
    expect(refused).toEqual({ errors: [{ message: "field 'ticket' not found in type: 'TicketRef'", extensions: { path: '$.selectionSet.openTicket.selectionSet.ticket', code: 'validation-failed' } }] });
    expect(await gql(engine.app, { query: 'mutation { openTicket(id: 1) { label notes { id } } }', headers: GUEST })).toEqual({ data: { openTicket: { label: 'L', notes: [{ id: 10 }, { id: 11 }, { id: 12 }] } } });
  });
});

describe('relationships of an asynchronous action result', () => {
  it('join the stored output to the rows the reading session may see', async () => {
    const started = (await gql(engine.app, { query: 'mutation { openTicketLater(id: 1) }', headers: ORG_A })) as { data: { openTicketLater: string } };
    const id = started.data.openTicketLater;
    const query = `query ($id: uuid!) { openTicketLater(id: $id) { output { label ticket { title } mine: notes(order_by: {id: desc}) { id } } } }`;
    let result: unknown;
    await eventually(async () => {
      result = await gql(engine.app, { query, variables: { id }, headers: ORG_A });
      return (result as { data?: { openTicketLater?: { output: unknown } } }).data?.openTicketLater?.output !== null;
    });
    expect(result).toEqual({ data: { openTicketLater: { output: { label: 'L', ticket: { title: 'first' }, mine: [{ id: 11 }, { id: 10 }] } } } });

    const socket = await TestSocket.open(await listen(engine), 'graphql-transport-ws');
    socket.send({ type: 'connection_init', payload: { headers: ORG_A } });
    expect(await socket.next()).toEqual({ type: 'connection_ack' });
    socket.send({ type: 'subscribe', id: '1', payload: { query: query.replace(/^query/, 'subscription'), variables: { id } } });
    expect(await socket.next()).toEqual({ type: 'next', id: '1', payload: result });
    socket.close();
  });
});

describe('inconsistent relationships', () => {
  it('are reported: an untracked table, an unknown field or column, a name taken by a field', async () => {
    const bad = [
      { name: 'gone', type: 'object', remote_table: { schema: SCHEMA, name: 'missing' }, field_mapping: { ticket_id: 'id' } },
      { name: 'wrongField', type: 'object', remote_table: { schema: SCHEMA, name: 'ticket' }, field_mapping: { nope: 'id' } },
      { name: 'wrongColumn', type: 'array', remote_table: { schema: SCHEMA, name: 'note' }, field_mapping: { ticket_id: 'nope' } },
      { name: 'label', type: 'object', remote_table: { schema: SCHEMA, name: 'ticket' }, field_mapping: { ticket_id: 'id' } },
      { name: 'viaList', type: 'array', remote_table: { schema: SCHEMA, name: 'note' }, field_mapping: { ids: 'id' } },
    ];
    const reasons = (await engine.engine.replaceMetadata(metadata(bad), false)).map((item) => item.reason);
    expect(reasons).toEqual([
      `Inconsistent object: in object type "TicketRef": relationship "gone": table "missing" is not tracked`,
      `Inconsistent object: in object type "TicketRef": relationship "wrongField": field "nope" does not exist in type "TicketRef"`,
      `Inconsistent object: in object type "TicketRef": relationship "wrongColumn": column "nope" does not exist in table "note"`,
      `Inconsistent object: in object type "TicketRef": relationship "label" conflicts with a field of the same name`,
      `Inconsistent object: in object type "TicketRef": relationship "viaList": field "ids" is not a scalar`,
    ]);
    // Refused metadata leaves the served schema as it was.
    expect(await gql(engine.app, { query: 'mutation { openTicket(id: 2) { ticket { title } } }', headers: ORG_A })).toEqual({ data: { openTicket: { ticket: { title: 'second' } } } });
  });
});
