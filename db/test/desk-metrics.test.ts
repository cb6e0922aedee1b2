import { describe, expect, it } from 'vitest';
import { actAs, actAsSuperuser, inRollback, type Tx } from './support/database.ts';
import { createOrg, sessionOf, type OrgFixture } from './support/fixtures.ts';

// Dashboard figures (app.desk_metrics, db/migrations/0069) over a range, on tickets whose times are
// set directly (the transaction's clock stands still).

async function ticketAt(tx: Tx, org: OrgFixture, times: Record<string, string | number | null>): Promise<string> {
  await actAsSuperuser(tx, sessionOf(org, 'owner'));
  const [row] = await tx`
    insert into tickets (org_id, subject, requester_id, assignee_id, team_id, created_by)
    values (${org.orgId}, 'Metric', ${org.users.requester}, ${org.users.agent}, ${org.teamId}, ${org.users.owner}) returning id`;
  await tx`set local session_replication_role = replica`;
  await tx`update tickets set ${tx(times)} where id = ${row!.id as string}`;
  await tx`set local session_replication_role = origin`;
  return row!.id as string;
}

describe('desk metrics', () => {
  it('reports open tickets, SLA events, response and resolution percentiles per agent and team, and satisfaction', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      await actAsSuperuser(tx);
      await tx`delete from sla_policies where org_id = ${a.orgId}`;
      const fast = await ticketAt(tx, a, {
        created_at: '2026-01-05T10:00:00Z', first_response_at: '2026-01-05T10:10:00Z', resolved_at: '2026-01-05T12:00:00Z',
        status: 'resolved', satisfaction_rating: 5, satisfaction_rated_at: '2026-01-06T09:00:00Z',
      });
      await ticketAt(tx, a, {
        created_at: '2026-01-07T10:00:00Z', first_response_at: '2026-01-07T10:30:00Z', resolved_at: '2026-01-07T11:00:00Z',
        status: 'closed', satisfaction_rating: 2, satisfaction_rated_at: '2026-01-08T09:00:00Z',
      });
      await ticketAt(tx, a, { created_at: '2026-01-09T10:00:00Z', status: 'open', priority: 'high' });
      await ticketAt(tx, a, { created_at: '2025-12-09T10:00:00Z', status: 'pending' }); // before the range
      await tx`insert into sla_events (org_id, ticket_id, target, kind, due_at, occurred_at)
               values (${a.orgId}, ${fast}, 'resolution', 'breach', '2026-01-05T11:00:00Z', '2026-01-05T11:00:00Z')`;

      await actAs(tx, 'workgrid_engine', sessionOf(a, 'manager'));
      const [{ metrics }] = (await tx`select app.desk_metrics('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z') as metrics`) as unknown as [{ metrics: Record<string, unknown> }];
      expect(metrics).toMatchObject({
        open_by_status: [{ key: 'open', count: 1 }],
        open_by_priority: [{ key: 'high', count: 1 }],
        open_by_team: [{ key: a.teamId, count: 1 }],
        breaches: 1,
        warnings: 0,
        first_response_by_agent: [{ key: a.users.agent, tickets: 2, median_minutes: 20, p90_minutes: 28 }],
        first_response_by_team: [{ key: a.teamId, tickets: 2, median_minutes: 20, p90_minutes: 28 }],
        resolution_by_agent: [{ key: a.users.agent, tickets: 2, median_minutes: 90, p90_minutes: 114 }],
        satisfaction: { responses: 2, average: 3.5, satisfied_percent: 50 },
      });

      // A requester's figures cover their own tickets only: here, none of the org's.
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'member'));
      const [{ mine }] = (await tx`select app.desk_metrics('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z') as mine`) as unknown as [{ mine: Record<string, unknown> }];
      expect(mine).toMatchObject({ open_by_status: [], breaches: 0, satisfaction: { responses: 0 } });
    });
  });
});
