import postgres, { type Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { asService } from '../src/db-session.ts';
import { runRecurringRule } from '../src/jobs/recurring-tasks.ts';
import { createTestOrg, superuserSql, type TestOrg } from './support/org.ts';

// Recurring rules become one task per occurrence, in turn for rotating assignees, exactly once even
// when two workers run the same rule at the same time or a restarted worker runs it again.

const sql = superuserSql();
const app: Sql = postgres(inject('appUrl'), { max: 6, onnotice: () => {} });
afterAll(async () => {
  await sql.end();
  await app.end();
});

let org: TestOrg;
let projectId = '';

beforeAll(async () => {
  org = await createTestOrg(sql, 'Recur', 2);
  await sql.begin(async (tx) => {
    await tx`select set_config('hasura.user', ${JSON.stringify({ 'x-hasura-org-id': org.orgId, 'x-hasura-user-id': org.owner })}, true)`;
    const [workspace] = await tx`insert into workspaces (org_id, name, created_by) values (${org.orgId}, 'Ops', ${org.owner}) returning id`;
    const [project] = await tx`
      insert into projects (org_id, workspace_id, key, name, created_by) values (${org.orgId}, ${workspace!.id as string}, 'OPS', 'Operations', ${org.owner}) returning id`;
    projectId = project!.id as string;
  });
});

async function createRule(cron: string, hoursAgo: number): Promise<string> {
  return (await sql.begin(async (tx) => {
    await tx`select set_config('hasura.user', ${JSON.stringify({ 'x-hasura-org-id': org.orgId, 'x-hasura-user-id': org.owner })}, true)`;
    const [rule] = await tx`
      insert into recurring_task_rules (org_id, project_id, title, cron, timezone, assignee_strategy, assignee_ids, due_in_days, created_by)
      values (${org.orgId}, ${projectId}, 'Check backups', ${cron}, 'Europe/Paris', 'rotate', ${[org.members[0]!, org.members[1]!]}::uuid[], 1, ${org.owner})
      returning id`;
    // As if the rule had last run some hours ago.
    await tx`update recurring_task_rules set last_occurrence_at = date_trunc('hour', now()) - make_interval(hours => ${hoursAgo}) + interval '1 second'
              where id = ${rule!.id as string}`;
    return rule!.id as string;
  })) as string;
}

const run = (ruleId: string) => asService(app, org.orgId, (tx) => runRecurringRule(tx, ruleId, new Date()));

describe('recurring task rules', () => {
  it('creates one task per occurrence, rotating assignees, exactly once across concurrent and repeated runs', async () => {
    const ruleId = await createRule('0 * * * *', 3);
    const counts = await Promise.all([run(ruleId), run(ruleId)]);
    expect(counts.sort()).toEqual([0, 3]);
    expect(await run(ruleId)).toBe(0);

    const tasks = await sql`
      select t.occurrence_at, t.due_date - t.start_date as due_in, array(select user_id from task_assignees a where a.task_id = t.id) as assignees
        from tasks t where t.recurrence_rule_id = ${ruleId} order by t.occurrence_at`;
    expect(tasks).toHaveLength(3);
    expect(tasks.map((t) => (t.assignees as string[])[0])).toEqual([org.members[0], org.members[1], org.members[0]]);
    expect(tasks.every((t) => t.due_in === 1)).toBe(true);
    const [rule] = await sql`select next_run_at, rotation_index from recurring_task_rules where id = ${ruleId}`;
    expect((rule!.next_run_at as Date).getTime()).toBeGreaterThan(Date.now());
    expect(rule!.rotation_index).toBe(3);
  });

  it('deactivates a rule whose cron expression cannot be parsed, saying why', async () => {
    const ruleId = await createRule('61 * * * *', 1);
    expect(await run(ruleId)).toBe(0);
    const [rule] = await sql`select active, last_error from recurring_task_rules where id = ${ruleId}`;
    expect(rule!.active).toBe(false);
    expect(rule!.last_error).toMatch(/.+/);
  });

  it('refuses an unknown timezone with recurring_rule_timezone_invalid', async () => {
    const error = await sql`update recurring_task_rules set timezone = 'Mars/Olympus' where project_id = ${projectId}`.catch((e: unknown) => e);
    expect((error as Error).message).toBe('recurring_rule_timezone_invalid');
  });
});
