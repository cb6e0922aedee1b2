import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { actAs, actAsSuperuser, errorOf, inRollback, SERVICE_ROLES, type Tx } from './support/database.ts';
import { createOrg, sessionOf, type OrgFixture } from './support/fixtures.ts';

// Requester portal semantics and internal notes (db/migrations/0060, 0061): who sees which ticket,
// and that an internal note reaches desk staff only, through every path SQL offers.

interface Desk {
  a: OrgFixture;
  /** Raised by the requester, in the fixture team's queue, with a public reply and an internal note. */
  own: string;
  /** Raised by the member, in another team's queue. */
  others: string;
  /** Raised by the member, no queue (triage). */
  triage: string;
  secret: string;
}

async function desk(tx: Tx): Promise<Desk> {
  const a = await createOrg(tx, 'Alpha');
  await actAsSuperuser(tx, sessionOf(a, 'owner'));
  const [team] = await tx`insert into teams (org_id, name, key, created_by) values (${a.orgId}, 'Facilities', 'FAC', ${a.users.owner}) returning id`;
  const insert = async (requester: string, teamId: string | null) =>
    (await tx`insert into tickets (org_id, subject, requester_id, team_id, created_by)
              values (${a.orgId}, 'Broken chair', ${requester}, ${teamId}, ${a.users.owner}) returning id`)[0]!.id as string;
  const own = await insert(a.users.requester, a.teamId);
  const others = await insert(a.users.member, team!.id as string);
  const triage = await insert(a.users.member, null);
  const secret = `zanzibar${randomUUID().slice(0, 6)}`;
  await actAsSuperuser(tx, sessionOf(a, 'agent'));
  await tx`insert into ticket_messages (org_id, ticket_id, author_id, body) values (${a.orgId}, ${own}, ${a.users.agent}, 'We are on it')`;
  await tx`insert into ticket_messages (org_id, ticket_id, author_id, visibility, body)
           values (${a.orgId}, ${own}, ${a.users.agent}, 'internal', ${`Requester is difficult ${secret}`})`;
  await tx`insert into ticket_messages (org_id, ticket_id, author_id, visibility, body)
           values (${a.orgId}, ${others}, ${a.users.agent}, 'internal', ${`Member note ${secret}`})`;
  return { a, own, others, triage, secret };
}

const ids = async (tx: Tx, query: string) => (await tx.unsafe(query)).map((row) => row.id as string).sort();

describe.each(SERVICE_ROLES)('ticket visibility as %s', (role) => {
  it('shows managers and admins every ticket, agents their queues, triage and assignments, others their own', async () => {
    await inRollback(async (tx) => {
      const d = await desk(tx);
      const all = [d.a.ticketId, d.own, d.others, d.triage];
      for (const who of ['owner', 'admin', 'manager'] as const) {
        await actAs(tx, role, sessionOf(d.a, who));
        expect(await ids(tx, 'select id from tickets'), who).toEqual([...all].sort());
      }
      await actAs(tx, role, sessionOf(d.a, 'agent'));
      // The fixture ticket and triage have no queue; `own` is in the agent's team; `others` is not.
      expect(await ids(tx, 'select id from tickets')).toEqual([d.a.ticketId, d.own, d.triage].sort());
      await actAsSuperuser(tx);
      await tx`update tickets set assignee_id = ${d.a.users.agent} where id = ${d.others}`;
      await actAs(tx, role, sessionOf(d.a, 'agent'));
      expect(await ids(tx, 'select id from tickets')).toContain(d.others);
      await actAsSuperuser(tx);
      await tx`update tickets set assignee_id = null where id = ${d.others}`;
      // Another queue's ticket cannot be worked either: the update finds no row.
      await actAs(tx, role, sessionOf(d.a, 'agent'));
      expect((await tx`update tickets set priority = 'urgent' where id = ${d.others}`).count).toBe(0);
      expect((await tx`update tickets set priority = 'urgent' where id = ${d.own}`).count).toBe(1);

      await actAs(tx, role, sessionOf(d.a, 'requester'));
      expect(await ids(tx, 'select id from tickets')).toEqual([d.a.ticketId, d.own].sort());
      await actAs(tx, role, sessionOf(d.a, 'member'));
      expect(await ids(tx, 'select id from tickets')).toEqual([d.others, d.triage].sort());
      await actAs(tx, role, sessionOf(d.a, 'guest'));
      expect(await ids(tx, 'select id from tickets')).toEqual([]);
    });
  });

  it('answers another requester\'s ticket exactly like one that does not exist', async () => {
    await inRollback(async (tx) => {
      const d = await desk(tx);
      await actAs(tx, role, sessionOf(d.a, 'requester'));
      for (const id of [d.others, randomUUID()]) {
        expect(await tx`select id from tickets where id = ${id}`).toHaveLength(0);
        expect(await tx`select id from ticket_messages where ticket_id = ${id}`).toHaveLength(0);
        expect(await tx`select id from ticket_watchers where ticket_id = ${id}`).toHaveLength(0);
        const reply = await errorOf(tx, (sp) => sp`
          insert into ticket_messages (org_id, ticket_id, author_id, body) values (${d.a.orgId}, ${id}, ${d.a.users.requester}, 'Me too')`);
        expect(reply.code).toBe('42501');
        const watch = await errorOf(tx, (sp) => sp`
          insert into ticket_watchers (org_id, ticket_id, user_id, created_by) values (${d.a.orgId}, ${id}, ${d.a.users.requester}, ${d.a.users.requester})`);
        expect(watch.code).toBe('42501');
      }
      // The requester does not work tickets, not even their own.
      expect((await tx`update tickets set subject = 'Mine now' where id = ${d.own}`).count).toBe(0);
    });
  });

  it('never shows an internal note to a requester or member: rows, aggregates, search, activity, events', async () => {
    await inRollback(async (tx) => {
      const d = await desk(tx);
      for (const who of ['requester', 'member'] as const) {
        await actAs(tx, role, sessionOf(d.a, who));
        const visible = await tx`select visibility, body from ticket_messages`;
        expect(visible.every((m) => m.visibility === 'public'), who).toBe(true);
        expect(visible.some((m) => String(m.body).includes(d.secret)), who).toBe(false);
        const [count] = await tx`select count(*)::int as n from ticket_messages where visibility = 'internal'`;
        expect(count!.n, who).toBe(0);
        expect(await tx`select id from search_tickets(${d.secret})`, who).toHaveLength(0);
        const activity = await tx`select summary, data::text as data from activity_feed where entity_type = 'ticket'`;
        expect(activity.some((a) => `${a.summary as string}${a.data as string}`.includes(d.secret)), who).toBe(false);
      }
      await actAs(tx, role, sessionOf(d.a, 'requester'));
      expect(await ids(tx, "select id from search_tickets('chair')")).toEqual([d.own]);

      await actAs(tx, role, sessionOf(d.a, 'agent'));
      expect(await ids(tx, `select id from search_tickets('${d.secret}')`)).toEqual([d.own]);
      // Its queue's note, not the one on the other queue's ticket.
      expect((await tx`select count(*)::int as n from ticket_messages where body like ${`%${d.secret}`}`)[0]!.n).toBe(1);

      // The outbox event of a note carries ids only, never its text.
      await actAsSuperuser(tx);
      const events = await tx`select payload::text as payload from outbox_events where org_id = ${d.a.orgId} and topic like 'ticket.%'`;
      expect(events.length).toBeGreaterThan(0);
      expect(events.some((e) => String(e.payload).includes(d.secret))).toBe(false);
    });
  });

  it('hides tags, links and activity of tickets the caller cannot see', async () => {
    await inRollback(async (tx) => {
      const d = await desk(tx);
      await actAsSuperuser(tx, sessionOf(d.a, 'owner'));
      await tx`insert into entity_tags (org_id, tag_id, entity_type, entity_id, created_by) values (${d.a.orgId}, ${d.a.tagId}, 'ticket', ${d.others}, ${d.a.users.owner})`;
      await tx`update tickets set status = 'open' where id = ${d.others}`;
      await actAs(tx, role, sessionOf(d.a, 'agent'));
      expect(await tx`select id from entity_tags where entity_id = ${d.others}`).toHaveLength(0);
      expect(await tx`select id from activity_feed where entity_id = ${d.others}`).toHaveLength(0);
      await actAs(tx, role, sessionOf(d.a, 'manager'));
      expect(await tx`select id from entity_tags where entity_id = ${d.others}`).toHaveLength(1);
      expect(await tx`select id from activity_feed where entity_id = ${d.others}`).toHaveLength(1);
    });
  });
});
