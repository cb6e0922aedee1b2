import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actAs, actAsSuperuser, errorOf, inRollback, type Tx } from './support/database.ts';
import { createOrg, sessionOf, type OrgFixture, type OrgRole } from './support/fixtures.ts';

// Tickets: numbering, the status state machine, form fields, triage of requester-raised tickets,
// merging and macros (db/migrations/0060, 0061, 0064).

const STATUSES = ['new', 'open', 'pending', 'on_hold', 'resolved', 'closed'] as const;
type Status = (typeof STATUSES)[number];
const ALLOWED = new Set([
  'new>open',
  'open>pending', 'open>on_hold', 'open>resolved',
  'pending>open', 'pending>on_hold', 'pending>resolved',
  'on_hold>open', 'on_hold>pending', 'on_hold>resolved',
  'resolved>open', 'resolved>closed',
  'closed>open',
]);

async function raise(tx: Tx, org: OrgFixture, role: OrgRole, ticket: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  await actAs(tx, 'workgrid_engine', sessionOf(org, role));
  const row = { org_id: org.orgId, subject: 'VPN is down', requester_id: org.users[role], created_by: org.users[role], ...ticket };
  const [inserted] = await tx`insert into tickets ${tx(row)} returning *`;
  return inserted!;
}

/** Puts a ticket into a status directly (triggers off), as if it had got there. */
async function forceStatus(tx: Tx, ticketId: unknown, status: Status, resolvedAt = 'now()'): Promise<void> {
  await actAsSuperuser(tx);
  await tx`set local session_replication_role = replica`;
  await tx.unsafe(`update tickets set status = $1, resolved_at = ${status === 'resolved' || status === 'closed' ? resolvedAt : 'null'} where id = $2`, [
    status,
    ticketId as string,
  ]);
  await tx`set local session_replication_role = origin`;
}

describe('ticket numbers', () => {
  it('are sequential per org, without gaps after a failed insert', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const b = await createOrg(tx, 'Beta');
      const first = await raise(tx, a, 'requester');
      await errorOf(tx, (sp) => sp`insert into tickets (org_id, subject, requester_id, created_by) values (${a.orgId}, '', ${a.users.requester}, ${a.users.requester})`);
      const second = await raise(tx, a, 'member');
      const other = await raise(tx, b, 'requester');
      expect(Number(second.number)).toBe(Number(first.number) + 1);
      expect(Number(other.number)).toBe(2); // the fixture ticket of Beta is number 1
    });
  });
});

describe('ticket status state machine', () => {
  const pairs = STATUSES.flatMap((from) => STATUSES.filter((to) => to !== from).map((to) => [from, to] as const));

  it.each(pairs)('%s → %s is allowed only along the state machine', async (from, to) => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const ticket = await raise(tx, a, 'requester');
      await forceStatus(tx, ticket.id, from);
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'manager'));
      if (ALLOWED.has(`${from}>${to}`)) {
        const [updated] = await tx`update tickets set status = ${to} where id = ${ticket.id as string} returning status`;
        expect(updated!.status).toBe(to);
      } else {
        const error = await errorOf(tx, (sp) => sp`update tickets set status = ${to} where id = ${ticket.id as string}`);
        expect(error.message).toBe('ticket_invalid_transition');
      }
    });
  });

  it('reopens a closed ticket only within the reopen window of the org', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const recent = await raise(tx, a, 'requester');
      const old = await raise(tx, a, 'requester');
      await forceStatus(tx, recent.id, 'closed', "now() - interval '2 days'");
      await forceStatus(tx, old.id, 'closed', "now() - interval '10 days'");
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'agent'));
      const [reopened] = await tx`update tickets set status = 'open' where id = ${recent.id as string} returning status, reopened_count, resolved_at`;
      expect(reopened).toMatchObject({ status: 'open', reopened_count: 1, resolved_at: null });
      expect((await errorOf(tx, (sp) => sp`update tickets set status = 'open' where id = ${old.id as string}`)).message).toBe('ticket_invalid_transition');

      await actAsSuperuser(tx, sessionOf(a, 'owner'));
      await tx`insert into settings (org_id, key, value) values (${a.orgId}, 'desk.reopen_window_days', '30')`;
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'agent'));
      expect((await tx`update tickets set status = 'open' where id = ${old.id as string}`).count).toBe(1);
    });
  });

  it('stamps status times', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const ticket = await raise(tx, a, 'requester');
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'agent'));
      const id = ticket.id as string;
      await tx`update tickets set status = 'open' where id = ${id}`;
      await tx`update tickets set status = 'resolved' where id = ${id}`;
      await tx`update tickets set status = 'closed' where id = ${id}`;
      const [row] = await tx`select opened_at, resolved_at, closed_at, status_changed_at from tickets where id = ${id}`;
      expect(Object.values(row!).every((value) => value instanceof Date)).toBe(true);
    });
  });
});

describe('raising a ticket', () => {
  it('triages what a requester raises: status new, no assignee, the category\'s queue', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAsSuperuser(tx, sessionOf(a, 'owner'));
      const [category] = await tx`
        insert into request_categories (org_id, name, default_team_id, created_by) values (${a.orgId}, 'Hardware', ${a.teamId}, ${a.users.owner}) returning id`;
      const ticket = await raise(tx, a, 'requester', { category_id: category!.id, assignee_id: a.users.agent });
      expect(ticket).toMatchObject({ status: 'new', assignee_id: null, team_id: a.teamId, channel: 'web' });
    });
  });

  it('validates form fields against the category\'s form schema', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAsSuperuser(tx, sessionOf(a, 'owner'));
      const schema = { fields: [{ key: 'model', type: 'select', required: true, options: ['X1', 'T14'] }, { key: 'seats', type: 'number' }] };
      const [category] = await tx`
        insert into request_categories (org_id, name, form_schema, created_by) values (${a.orgId}, 'Laptop', ${tx.json(schema)}, ${a.users.owner}) returning id`;
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'requester'));
      const insert = (fields: object) => (sp: Tx) => sp`
        insert into tickets (org_id, subject, requester_id, created_by, category_id, fields)
        values (${a.orgId}, 'New laptop', ${a.users.requester}, ${a.users.requester}, ${category!.id as string}, ${sp.json(fields as never)})`;
      for (const fields of [{}, { model: 'Mac' }, { model: 'X1', seats: 'two' }]) {
        const error = await errorOf(tx, insert(fields));
        expect(error.message).toBe('ticket_fields_invalid');
      }
      await insert({ model: 'X1', seats: 2 })(tx);
    });
  });

  it('refuses guests and raising for someone else unless desk staff', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'guest'));
      const guest = await errorOf(tx, (sp) => sp`
        insert into tickets (org_id, subject, requester_id, created_by) values (${a.orgId}, 'Hi', ${a.users.guest}, ${a.users.guest})`);
      expect(guest.message).toBe('ticket_requester_invalid');
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'requester'));
      const forOther = await errorOf(tx, (sp) => sp`
        insert into tickets (org_id, subject, requester_id, created_by) values (${a.orgId}, 'Hi', ${a.users.member}, ${a.users.requester})`);
      expect(forOther.code).toBe('42501');
      const onBehalf = await raise(tx, a, 'agent', { requester_id: a.users.requester, assignee_id: a.users.agent });
      expect(onBehalf.assignee_id).toBe(a.users.agent);
      const notAnAgent = await errorOf(tx, (sp) => sp`update tickets set assignee_id = ${a.users.member} where id = ${onBehalf.id as string}`);
      expect(notAnAgent.message).toBe('ticket_assignee_invalid');
    });
  });

  it('keeps ticket conversations out of the generic comments table', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'agent'));
      const error = await errorOf(tx, (sp) => sp`
        insert into comments (org_id, entity_type, entity_id, author_id, body, visibility)
        values (${a.orgId}, 'ticket', ${a.ticketId}, ${a.users.agent}, 'Note', 'internal')`);
      expect(error.message).toBe('ticket_comment_refused');
    });
  });
});

describe('conversation side effects', () => {
  it('opens a new ticket and stamps the first response at the first public desk reply only', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const ticket = await raise(tx, a, 'requester');
      const id = ticket.id as string;
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'agent'));
      await tx`insert into ticket_messages (org_id, ticket_id, author_id, visibility, body) values (${a.orgId}, ${id}, ${a.users.agent}, 'internal', 'Looking')`;
      expect((await tx`select status, first_response_at from tickets where id = ${id}`)[0]).toEqual({ status: 'new', first_response_at: null });
      await tx`insert into ticket_messages (org_id, ticket_id, author_id, body) values (${a.orgId}, ${id}, ${a.users.agent}, 'On it')`;
      const [after] = await tx`select status, first_response_at from tickets where id = ${id}`;
      expect(after!.status).toBe('open');
      expect(after!.first_response_at).toBeInstanceOf(Date);
    });
  });

  it('reopens a pending or resolved ticket when its requester replies', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const ticket = await raise(tx, a, 'requester');
      for (const status of ['pending', 'resolved'] as const) {
        await forceStatus(tx, ticket.id, status);
        await actAs(tx, 'workgrid_engine', sessionOf(a, 'requester'));
        await tx`insert into ticket_messages (org_id, ticket_id, author_id, body) values (${a.orgId}, ${ticket.id as string}, ${a.users.requester}, 'Still broken')`;
        expect((await tx`select status from tickets where id = ${ticket.id as string}`)[0]!.status).toBe('open');
      }
    });
  });

  it('lets only desk staff write internal notes', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const ticket = await raise(tx, a, 'member');
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'member'));
      const error = await errorOf(tx, (sp) => sp`
        insert into ticket_messages (org_id, ticket_id, author_id, visibility, body) values (${a.orgId}, ${ticket.id as string}, ${a.users.member}, 'internal', 'psst')`);
      expect(error.message).toBe('ticket_note_forbidden');
    });
  });
});

describe('merging tickets', () => {
  it('closes the duplicate into the target, moving the conversation of the same requester', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const target = await raise(tx, a, 'requester', { subject: 'Mail down' });
      const duplicate = await raise(tx, a, 'requester', { subject: 'Mail still down' });
      await tx`insert into ticket_messages (org_id, ticket_id, author_id, body) values (${a.orgId}, ${duplicate.id as string}, ${a.users.requester}, 'Any news?')`;
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'agent'));
      const [merged] = await tx`select * from merge_ticket(${duplicate.id as string}, ${target.id as string})`;
      expect(merged!.id).toBe(target.id);
      const [source] = await tx`select status, merged_into_id from tickets where id = ${duplicate.id as string}`;
      expect(source).toEqual({ status: 'closed', merged_into_id: target.id });
      const bodies = (await tx`select body from ticket_messages where ticket_id = ${target.id as string} order by created_at, body`).map((r) => r.body);
      expect(bodies).toContain('Any news?');
      expect(bodies.some((b: string) => b.includes('was merged into this ticket'))).toBe(true);
      const [link] = await tx`select link_type from entity_links where source_id = ${duplicate.id as string} and target_id = ${target.id as string}`;
      expect(link!.link_type).toBe('duplicates');
      const again = await errorOf(tx, (sp) => sp`select * from merge_ticket(${duplicate.id as string}, ${target.id as string})`);
      expect(again.message).toBe('ticket_not_found');
      const reopen = await errorOf(tx, (sp) => sp`update tickets set status = 'open' where id = ${duplicate.id as string}`);
      expect(reopen.message).toBe('ticket_invalid_transition');
    });
  });

  it('answers a ticket the caller cannot see like a missing one', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const b = await createOrg(tx, 'Beta');
      const mine = await raise(tx, a, 'requester');
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'agent'));
      for (const other of [b.ticketId, randomUUID()]) {
        const error = await errorOf(tx, (sp) => sp`select * from merge_ticket(${other}, ${mine.id as string})`);
        expect(error.message).toBe('ticket_not_found');
      }
    });
  });
});

describe('macros', () => {
  it('adds the reply, sets the fields and tags the ticket', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const ticket = await raise(tx, a, 'requester');
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'agent'));
      const [macro] = await tx`
        insert into ticket_macros (org_id, name, reply_body, set_status, set_priority, add_tag_ids, created_by)
        values (${a.orgId}, 'Need details', 'Hello {{requester.name}}, which device is #{{ticket.number}} about?', 'pending', 'high',
                ${[a.tagId]}, ${a.users.agent}) returning id`;
      const [applied] = await tx`select * from apply_macro(${ticket.id as string}, ${macro!.id as string})`;
      expect(applied).toMatchObject({ status: 'pending', priority: 'high' });
      const [reply] = await tx`select body, visibility from ticket_messages where ticket_id = ${ticket.id as string}`;
      expect(reply).toEqual({ body: `Hello Alpha-requester, which device is #${String(ticket.number)} about?`, visibility: 'public' });
      expect((await tx`select count(*)::int as n from entity_tags where entity_type = 'ticket' and entity_id = ${ticket.id as string}`)[0]!.n).toBe(1);

      await actAs(tx, 'workgrid_engine', sessionOf(a, 'requester'));
      const refused = await errorOf(tx, (sp) => sp`select * from apply_macro(${ticket.id as string}, ${macro!.id as string})`);
      expect(refused.message).toBe('macro_not_found');
    });
  });
});

describe('service-desk demo seed', () => {
  it('loads idempotently, numbering each demo ticket once', async () => {
    const seeds = new URL('../seeds/', import.meta.url);
    await inRollback(async (tx) => {
      await actAsSuperuser(tx);
      for (let round = 0; round < 2; round += 1) {
        for (const file of readdirSync(seeds).filter((name) => name.endsWith('.sql')).sort()) await tx.unsafe(readFileSync(new URL(file, seeds), 'utf8'));
      }
      const acme = 'a0000000-0000-4000-8000-000000000000';
      const tickets = await tx`select number, team_id, first_response_due_at is not null as scheduled from tickets where org_id = ${acme} order by number`;
      expect(tickets.map((t) => Number(t.number))).toEqual([1, 2, 3]);
      expect(tickets.every((t) => t.scheduled)).toBe(true);
      expect((await tx`select last_number from app.ticket_counters where org_id = ${acme}`)[0]!.last_number).toBe('3');
    });
  });
});
