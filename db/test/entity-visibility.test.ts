import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { actAs, actAsSuperuser, errorOf, inRollback, SERVICE_ROLES, type Tx } from './support/database.ts';
import { createOrg, insertRow, sessionOf, TENANT_TABLES, type OrgFixture } from './support/fixtures.ts';

// Rows pointing at an entity follow the entity's visibility (app.can_see_entity). Domain migrations
// give each entity kind its case; here the function is replaced inside the test transaction so that
// one team is "hidden", which proves every pointing table consults it.

async function hideEntity(tx: Tx, hidden: string): Promise<void> {
  await actAsSuperuser(tx);
  await tx.unsafe(`create or replace function app.can_see_entity(entity_type text, entity_id uuid) returns boolean
                   language sql stable as $$ select entity_id <> '${hidden}'::uuid $$`);
}

async function pointingRows(tx: Tx, a: OrgFixture, entityId: string) {
  const onTeam = { entity_type: 'team', entity_id: entityId };
  await actAsSuperuser(tx, sessionOf(a, 'owner'));
  return {
    comments: await insertRow(tx, 'comments', { ...TENANT_TABLES.comments!.row(a, 1), ...onTeam, visibility: 'public' }),
    activity_feed: await insertRow(tx, 'activity_feed', { ...TENANT_TABLES.activity_feed!.row(a, 1), ...onTeam }),
    entity_tags: await insertRow(tx, 'entity_tags', { ...TENANT_TABLES.entity_tags!.row(a, 1), ...onTeam }),
    entity_links: await insertRow(tx, 'entity_links', { ...TENANT_TABLES.entity_links!.row(a, 1), source_id: entityId }),
    files: await insertRow(tx, 'files', { ...TENANT_TABLES.files!.row(a, 1), ...onTeam, visibility: 'public' }),
  };
}

describe.each(SERVICE_ROLES)('entity visibility as %s', (role) => {
  it('hides comments, activity, tags, links and files of an entity the caller cannot see', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const hidden = randomUUID();
      const visible = await pointingRows(tx, a, a.teamId);
      const concealed = await pointingRows(tx, a, hidden);
      await hideEntity(tx, hidden);

      await actAs(tx, role, sessionOf(a, 'owner'));
      for (const table of Object.keys(visible) as (keyof typeof visible)[]) {
        const ids = (await tx`select id from ${tx(table)}`).map((r) => r.id);
        expect(ids, table).toContain(visible[table].id);
        expect(ids, table).not.toContain(concealed[table].id);
      }
    });
  });

  it('refuses a comment, tag or link on an entity the caller cannot see', async () => {
    await inRollback(async (tx) => {
      const a = await createOrg(tx, 'Alpha');
      const hidden = randomUUID();
      await hideEntity(tx, hidden);

      await actAs(tx, role, sessionOf(a, 'member'));
      const comment = await errorOf(tx, (sp) => sp`
        insert into comments (org_id, entity_type, entity_id, author_id, body)
        values (${a.orgId}, 'team', ${hidden}, ${a.users.member}, 'Psst')`);
      expect(comment.code).toBe('42501');
      const tag = await errorOf(tx, (sp) => sp`
        insert into entity_tags (org_id, tag_id, entity_type, entity_id, created_by)
        values (${a.orgId}, ${a.tagId}, 'team', ${hidden}, ${a.users.member})`);
      expect(tag.code).toBe('42501');
      const link = await errorOf(tx, (sp) => sp`
        insert into entity_links (org_id, source_type, source_id, target_type, target_id, created_by)
        values (${a.orgId}, 'team', ${a.teamId}, 'team', ${hidden}, ${a.users.member})`);
      expect(link.code).toBe('42501');
    });
  });
});

describe('entity visibility in the plan', () => {
  it('is inlined into the policies of the pointing tables, not run as a query per row', async () => {
    await inRollback(async (tx) => {
      await actAsSuperuser(tx);
      // PostgreSQL inlines a set-returning function only when it is plain SQL, not strict, not
      // security definer and has no SET clause; otherwise each row runs it as a query of its own.
      const [fn] = await tx`
        select l.lanname, p.proisstrict, p.prosecdef, p.proconfig, p.provolatile, p.proretset
          from pg_proc p join pg_language l on l.oid = p.prolang
         where p.oid = 'app.visible_entity(text, uuid)'::regprocedure`;
      expect(fn).toEqual({ lanname: 'sql', proisstrict: false, prosecdef: false, proconfig: null, provolatile: 's', proretset: true });
      const scalarInPolicy = await tx`
        select tablename || '.' || policyname as policy from pg_policies
         where coalesce(qual, '') || coalesce(with_check, '') like '%can_see_entity%'`;
      expect(scalarInPolicy).toEqual([]);

      const a = await createOrg(tx, 'Alpha');
      await actAs(tx, 'workgrid_engine', sessionOf(a, 'member'));
      for (const table of ['comments', 'activity_feed', 'entity_tags', 'entity_links', 'files']) {
        const plan = (await tx.unsafe(`explain (verbose) select id from ${table}`)).map((r) => r['QUERY PLAN'] as string).join('\n');
        expect(plan, table).not.toContain('visible_entity');
        expect(plan, table).toMatch(/Scan (using \w+ )?on public\.tasks/);
      }
    });
  });
});
