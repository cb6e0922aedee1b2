import { CronExpressionParser } from 'cron-parser';
import type { Sql } from 'postgres';
import type { BaseLogger } from 'pino';
import { asService, type Tx } from '../db-session.ts';

/** At most this many occurrences of one rule become tasks per run; the rest follow on the next run. */
export const MAX_OCCURRENCES_PER_RUN = 50;

interface Rule {
  id: string;
  org_id: string;
  project_id: string;
  column_id: string | null;
  title: string;
  description: string | null;
  priority: string;
  cron: string;
  timezone: string;
  assignee_strategy: 'same' | 'rotate';
  assignee_ids: string[];
  rotation_index: number;
  due_in_days: number | null;
  last_occurrence_at: Date | null;
  next_run_at: Date | null;
  created_by: string | null;
  created_at: Date;
}

/**
 * One rule, in its org's service transaction: every occurrence after the last one handled, up to
 * now, becomes a task. The rule row stays locked until commit, so a concurrent run of the same rule
 * waits and then finds the occurrences done; the unique (rule, occurrence) index backs that up.
 * An invalid cron expression deactivates the rule with the parser's message in last_error.
 */
export async function runRecurringRule(tx: Tx, ruleId: string, now: Date): Promise<number> {
  const [rule] = (await tx`select * from recurring_task_rules where id = ${ruleId} and active for update`) as unknown as Rule[];
  if (!rule || (rule.next_run_at && rule.next_run_at > now)) return 0;
  let schedule;
  try {
    schedule = CronExpressionParser.parse(rule.cron, { currentDate: rule.last_occurrence_at ?? rule.created_at, tz: rule.timezone });
  } catch (error) {
    await tx`update recurring_task_rules set active = false, last_error = ${error instanceof Error ? error.message : String(error)} where id = ${rule.id}`;
    return 0;
  }
  let created = 0;
  let rotation = rule.rotation_index;
  let last = rule.last_occurrence_at;
  let next = schedule.next().toDate();
  while (next <= now && created < MAX_OCCURRENCES_PER_RUN) {
    const assignees = rule.assignee_strategy === 'same' || rule.assignee_ids.length === 0
      ? rule.assignee_ids
      : [rule.assignee_ids[rotation % rule.assignee_ids.length]!];
    if (await createOccurrence(tx, rule, next, assignees)) {
      created += 1;
      if (rule.assignee_strategy === 'rotate') rotation += 1;
    }
    last = next;
    next = schedule.next().toDate();
  }
  await tx`
    update recurring_task_rules set last_occurrence_at = ${last}, next_run_at = ${next}, rotation_index = ${rotation}, last_error = null
     where id = ${rule.id}`;
  return created;
}

async function createOccurrence(tx: Tx, rule: Rule, occurrence: Date, assignees: string[]): Promise<boolean> {
  const [task] = await tx`
    insert into tasks (org_id, project_id, column_id, title, description, priority, start_date, due_date,
                       recurrence_rule_id, occurrence_at, created_by)
    select ${rule.org_id}, ${rule.project_id}, ${rule.column_id}, ${rule.title}, ${rule.description}, ${rule.priority},
           (${occurrence}::timestamptz at time zone ${rule.timezone})::date,
           (${occurrence}::timestamptz at time zone ${rule.timezone})::date + ${rule.due_in_days}::integer,
           ${rule.id}, ${occurrence}, ${rule.created_by}
     where not exists (select from tasks where recurrence_rule_id = ${rule.id} and occurrence_at = ${occurrence})
    returning id`;
  if (!task) return false;
  for (const userId of assignees) {
    // An assignee who left the org (or the project) since the rule was written is skipped.
    await tx
      .savepoint((sp) => sp`
        insert into task_assignees (org_id, project_id, task_id, user_id)
        values (${rule.org_id}, ${rule.project_id}, ${task.id as string}, ${userId})`)
      .catch((error: unknown) => {
        if ((error as { code?: string }).code !== '23503') throw error;
      });
  }
  return true;
}

/** recurring-tasks: runs every due rule of every org, each in its own org-scoped transaction. */
export function recurringTasksProcessor(deps: { sql: Sql; log: Pick<BaseLogger, 'info' | 'warn'> }) {
  return async (): Promise<number> => {
    const due = (await deps.sql`select rule_id, org_id from app.due_recurring_rules()`) as unknown as { rule_id: string; org_id: string }[];
    let created = 0;
    for (const { rule_id: ruleId, org_id: orgId } of due) {
      created += await asService(deps.sql, orgId, (tx) => runRecurringRule(tx, ruleId, new Date()));
    }
    if (created > 0) deps.log.info({ created }, 'recurring tasks created');
    return created;
  };
}
