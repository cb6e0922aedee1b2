import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actAs, inRollback } from './support/database.ts';

// The work demo seed loads on top of the org seed, is idempotent, and respects the rules it demonstrates.

const seedFile = (name: string) => readFileSync(new URL(`../seeds/${name}`, import.meta.url), 'utf8');
const ACME = 'a0000000-0000-4000-8000-000000000000';

describe('work demo seed', () => {
  it('gives both demo orgs projects, boards and a few hundred tasks, once', async () => {
    await inRollback(async (tx) => {
      await tx.unsafe(seedFile('001_demo-orgs-and-users.sql')).simple();
      await tx.unsafe(seedFile('003_work-demo.sql')).simple();
      await tx.unsafe(seedFile('003_work-demo.sql')).simple();
      const counts = await tx`
        select o.slug, count(distinct p.id)::int as projects, count(t.id)::int as tasks, max(t.number)::int as last_number,
               count(t.id) filter (where t.is_blocked)::int as blocked
          from orgs o join projects p on p.org_id = o.id join tasks t on t.project_id = p.id
         where o.slug in ('acme', 'globex') group by o.slug order by o.slug`;
      expect(counts.map((r) => [r.slug, r.projects, r.tasks, r.last_number])).toEqual([['acme', 3, 300, 100], ['globex', 3, 300, 100]]);
      expect(counts[0]!.blocked).toBeGreaterThan(0);

      // The guest sees the website project only; the member does not see the private one.
      await actAs(tx, 'workgrid_engine', { orgId: ACME, userId: '10000000-0000-4000-8000-000000000007' });
      expect((await tx`select key from projects`).map((r) => r.key)).toEqual(['WEB']);
      await actAs(tx, 'workgrid_engine', { orgId: ACME, userId: '10000000-0000-4000-8000-000000000005' });
      expect((await tx`select key from projects order by key`).map((r) => r.key)).toEqual(['APP', 'WEB']);
      expect((await tx`select count(*)::int as n from search_work('pricing page')`)[0]!.n).toBeGreaterThan(0);
    });
  });
});
