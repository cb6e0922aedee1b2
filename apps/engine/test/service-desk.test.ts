import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql as superuser } from '../../../db/test/support/database.ts';
import { createOrg, type OrgFixture, type OrgRole } from '../../../db/test/support/fixtures.ts';
import type { EngineConfig } from '../src/config.ts';
import { loadMetadataDirectory } from '../src/metadata.ts';
import { snapshotPath } from '../src/snapshot.ts';
import { asRole, gql, startEngine, type TestEngine } from './support/harness.ts';

// The service desk through the real WorkGrid metadata: a requester raises a ticket, an agent works
// it, and requesters never reach another requester's ticket or an internal note, by any root field,
// relationship, aggregate or function. Run with RLS and metadata together, and with metadata alone
// (compose mode), so each layer holds on its own.
const METADATA_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'hasura', 'metadata');

let a: OrgFixture;
let b: OrgFixture;

beforeAll(async () => {
  await superuser.begin(async (tx) => {
    a = await createOrg(tx, 'Alpha');
    b = await createOrg(tx, 'Beta');
  });
});
afterAll(async () => superuser.end());

interface Body {
  data?: Record<string, unknown>;
  errors?: { message: string; extensions: { code: string } }[];
}

function deskSuite(mode: string, overrides: Partial<EngineConfig>): void {
  describe(`service desk through GraphQL (${mode})`, () => {
    let engine: TestEngine;
    beforeAll(async () => {
      engine = await startEngine(loadMetadataDirectory(METADATA_DIR), overrides);
    });
    afterAll(async () => engine?.close());

    const call = async (org: OrgFixture, role: OrgRole, query: string, variables: Record<string, unknown> = {}): Promise<Body> =>
      (await gql(engine.app, { query, variables, headers: asRole('user', { 'x-hasura-user-id': org.users[role], 'x-hasura-org-id': org.orgId }) })) as Body;

    const raise = async (org: OrgFixture, role: OrgRole, subject: string): Promise<{ id: string; number: number }> => {
      const body = await call(org, role, 'mutation ($subject: String!) { insert_tickets_one(object: {subject: $subject}) { id number status requester_id } }', { subject });
      expect(body.errors).toBeUndefined();
      const ticket = body.data!.insert_tickets_one as { id: string; number: number; requester_id: string };
      expect(ticket.requester_id).toBe(org.users[role]);
      return ticket;
    };

    const reply = async (org: OrgFixture, role: OrgRole, ticketId: string, body: string, visibility: 'public' | 'internal') =>
      call(org, role, 'mutation ($t: uuid!, $b: String!, $v: String!) { insert_ticket_messages_one(object: {ticket_id: $t, body: $b, visibility: $v}) { id } }', {
        t: ticketId,
        b: body,
        v: visibility,
      });

    it('lets a requester raise a ticket, an agent answer it, and keeps notes and other requesters\' tickets out of reach', async () => {
      const secret = `note-${Math.random().toString(36).slice(2, 10)}`;
      const own = await raise(a, 'requester', `Cannot print ${mode}`);
      const others = await raise(a, 'member', `Chair broken ${mode}`);
      expect((await reply(a, 'agent', own.id, 'Which printer?', 'public')).errors).toBeUndefined();
      expect((await reply(a, 'agent', own.id, `Known issue ${secret}`, 'internal')).errors).toBeUndefined();
      expect((await reply(a, 'agent', others.id, `Other note ${secret}`, 'internal')).errors).toBeUndefined();

      const requesterView = await call(a, 'requester', `{
        tickets { id status first_response_at messages { body visibility } messages_aggregate { aggregate { count } } }
        ticket_messages { body visibility }
        ticket_messages_aggregate { aggregate { count } }
        search_tickets(args: {query: "${secret}"}) { id }
        activity_feed { summary data }
      }`);
      expect(requesterView.errors).toBeUndefined();
      const text = JSON.stringify(requesterView.data);
      expect(text).not.toContain(secret);
      expect(text).not.toContain('"internal"');
      expect(text).not.toContain(others.id);
      const tickets = requesterView.data!.tickets as { id: string; status: string; first_response_at: string | null; messages: unknown[] }[];
      const mine = tickets.find((t) => t.id === own.id)!;
      expect(mine).toMatchObject({ status: 'open', messages: [{ body: 'Which printer?', visibility: 'public' }] });
      expect(mine.first_response_at).not.toBeNull();

      // Another requester's ticket and a missing one answer the same: null, no error.
      for (const id of [others.id, '00000000-0000-4000-8000-000000000000']) {
        const byPk = await call(a, 'requester', `{ tickets_by_pk(id: "${id}") { id } }`);
        expect(byPk).toEqual({ data: { tickets_by_pk: null } });
      }
      const intrusion = await reply(a, 'requester', others.id, 'Me too', 'public');
      expect(intrusion.errors?.[0]?.extensions.code).toBe('permission-error');
      const note = await reply(a, 'requester', own.id, 'Let me in', 'internal');
      expect(note.errors).toBeDefined();

      // Both tickets are in triage (no queue), so the agent sees both notes.
      const agentView = await call(a, 'agent', `{ search_tickets(args: {query: "${secret}"}, order_by: {number: asc}) { id } }`);
      expect(agentView.data!.search_tickets).toEqual([{ id: own.id }, { id: others.id }]);
      const managerView = await call(a, 'manager', `{ tickets_by_pk(id: "${others.id}") { messages { body } } }`);
      expect(JSON.stringify(managerView.data)).toContain(secret);
    });

    it('refuses transitions outside the state machine with a stable code, and keeps orgs apart', async () => {
      const ticket = await raise(a, 'requester', `VPN ${mode}`);
      const move = (status: string) =>
        call(a, 'manager', `mutation { update_tickets_by_pk(pk_columns: {id: "${ticket.id}"}, _set: {status: "${status}"}) { status } }`);
      const refused = await move('closed');
      expect(refused.errors?.[0]?.extensions.code).toBe('ticket_invalid_transition');
      expect((await move('open')).data).toEqual({ update_tickets_by_pk: { status: 'open' } });

      const foreign = await call(b, 'manager', `{ tickets_by_pk(id: "${ticket.id}") { id } tickets_aggregate(where: {id: {_eq: "${ticket.id}"}}) { aggregate { count } } }`);
      expect(foreign).toEqual({ data: { tickets_by_pk: null, tickets_aggregate: { aggregate: { count: 0 } } } });
      const requesterUpdate = await call(a, 'requester', `mutation { update_tickets(where: {id: {_eq: "${ticket.id}"}}, _set: {status: "resolved"}) { affected_rows } }`);
      expect(requesterUpdate).toEqual({ data: { update_tickets: { affected_rows: 0 } } });
    });

    it('merges duplicates and applies macros as mutations', async () => {
      const target = await raise(a, 'requester', `Mail down ${mode}`);
      const duplicate = await raise(a, 'requester', `Mail down again ${mode}`);
      const merged = await call(a, 'agent', `mutation { merge_ticket(args: {source_id: "${duplicate.id}", target_id: "${target.id}"}) { id } }`);
      expect(merged).toEqual({ data: { merge_ticket: [{ id: target.id }] } });
      const macro = await call(a, 'agent', 'mutation { insert_ticket_macros_one(object: {name: "Resolve", reply_body: "Fixed #{{ticket.number}}", set_status: "resolved"}) { id } }');
      expect(macro.errors).toBeUndefined();
      const macroId = (macro.data!.insert_ticket_macros_one as { id: string }).id;
      await call(a, 'agent', `mutation { update_tickets_by_pk(pk_columns: {id: "${target.id}"}, _set: {status: "open"}) { id } }`);
      const applied = await call(a, 'agent', `mutation { apply_macro(args: {ticket_id: "${target.id}", macro_id: "${macroId}"}) { status } }`);
      expect(applied).toEqual({ data: { apply_macro: [{ status: 'resolved' }] } });
      const forRequester = await call(a, 'requester', '{ __type(name: "mutation_root") { fields { name } } }');
      const names = JSON.stringify(forRequester.data);
      expect(names).toContain('merge_ticket'); // exposed to the user role; RLS decides per ticket
      const denied = await call(a, 'requester', `mutation { apply_macro(args: {ticket_id: "${target.id}", macro_id: "${macroId}"}) { id } }`);
      expect(denied.errors?.[0]?.extensions.code).toBe('macro_not_found');
    });
  });
}

deskSuite('RLS and metadata', {});
deskSuite('metadata alone for queries', { sessionToSql: 'mutations' });

describe('docs/service-desk.md', () => {
  it('every GraphQL example validates against the committed user schema', () => {
    const schema = buildSchema(readFileSync(snapshotPath('user'), 'utf8'));
    const guide = readFileSync(join(METADATA_DIR, '..', '..', 'docs', 'service-desk.md'), 'utf8');
    const blocks = [...guide.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
    expect(blocks.length).toBeGreaterThan(4);
    for (const block of blocks) expect(validate(schema, parse(block)).map((error) => error.message)).toEqual([]);
  });
});
