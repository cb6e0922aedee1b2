import type { Queue } from 'bullmq';
import type { Sql } from 'postgres';
import type { BaseLogger } from 'pino';
import { z } from 'zod';
import { asService, setSession, type Tx } from '../db-session.ts';
import type { QueueName } from '../queues.ts';
import type { EffectHandler, FollowUp } from './effects.ts';
import { notifyMembers, type NoticeSource } from './notify.ts';

/** A change made by an automation at this depth no longer triggers automations (loop protection). */
export const MAX_AUTOMATION_DEPTH = 3;

const TRIGGER_OF_TOPIC: Record<string, string> = {
  'task.created': 'created',
  'task.status_changed': 'status_changed',
  'task.assigned': 'assigned',
};

const actionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('set_field'), field: z.enum(['status', 'priority', 'start_date', 'due_date', 'title']), value: z.string().nullable() }),
  z.object({ type: z.literal('assign'), user_id: z.guid() }),
  z.object({ type: z.literal('add_tag'), tag_id: z.guid() }),
  z.object({ type: z.literal('notify'), to: z.enum(['assignees', 'watchers']).optional(), user_ids: z.array(z.guid()).optional(), title: z.string().min(1).max(300) }),
  z.object({ type: z.literal('create_subtask'), title: z.string().min(1).max(500) }),
]);
type Action = z.infer<typeof actionSchema>;

interface Automation {
  id: string;
  project_id: string;
  conditions: Record<string, unknown>;
  actions: unknown;
}

interface Task {
  id: string;
  org_id: string;
  project_id: string;
  key: string;
  [field: string]: unknown;
}

/** Every condition holds: the context's value equals the condition's value, or is one of its list. */
export function conditionsHold(conditions: Record<string, unknown>, context: Record<string, unknown>): boolean {
  return Object.entries(conditions).every(([field, expected]) => {
    const actual = context[field] instanceof Date ? (context[field] as Date).toISOString().slice(0, 10) : context[field];
    return Array.isArray(expected) ? expected.includes(actual) : expected === actual;
  });
}

async function apply(tx: Tx, source: NoticeSource, task: Task, action: Action): Promise<FollowUp[]> {
  switch (action.type) {
    case 'set_field':
      await tx`update tasks set ${tx(action.field)} = ${action.value} where id = ${task.id}`;
      return [];
    case 'assign':
      await tx`insert into task_assignees (org_id, project_id, task_id, user_id)
               values (${task.org_id}, ${task.project_id}, ${task.id}, ${action.user_id}) on conflict (task_id, user_id) do nothing`;
      return [];
    case 'add_tag':
      // Background work may add tags but not read them (ON CONFLICT would need to): a tag already there is fine.
      await tx
        .savepoint((sp) => sp`insert into entity_tags (org_id, tag_id, entity_type, entity_id) values (${task.org_id}, ${action.tag_id}, 'task', ${task.id})`)
        .catch((error: unknown) => {
          if ((error as { code?: string }).code !== '23505') throw error;
        });
      return [];
    case 'create_subtask':
      await tx`insert into tasks (org_id, project_id, parent_id, title) values (${task.org_id}, ${task.project_id}, ${task.id}, ${action.title})`;
      return [];
    case 'notify': {
      const table = action.to === 'watchers' ? 'task_watchers' : 'task_assignees';
      const audience = action.to ? (await tx`select user_id from ${tx(table)} where task_id = ${task.id}`).map((r) => r.user_id as string) : [];
      return notifyMembers(tx, source, [...audience, ...(action.user_ids ?? [])], {
        eventType: 'automation.notify',
        title: `${task.key}: ${action.title}`,
        url: `/task/${task.id}`,
        entityType: 'task',
        entityId: task.id,
        actorId: null,
        data: { task_id: task.id },
      });
    }
  }
}

/**
 * One automation for one event, in the event's service transaction: claims the (automation, event)
 * run row (a second attempt finds it and does nothing), then checks depth and conditions and
 * carries out the actions with the session marked one level deeper. A failing action rolls back the
 * automation's changes only and is logged as failed.
 */
export async function runAutomation(
  tx: Tx,
  source: NoticeSource & { org_id: string },
  automation: Automation,
  task: Task,
  context: Record<string, unknown>,
  eventKey: string,
  depth: number,
): Promise<FollowUp[]> {
  const [run] = await tx`
    insert into automation_runs (org_id, project_id, automation_id, event_key, task_id, depth, status)
    values (${source.org_id}, ${automation.project_id}, ${automation.id}, ${eventKey}, ${task.id}, ${depth}, 'skipped')
    on conflict (automation_id, event_key) do nothing returning id`;
  if (!run) return [];
  const finish = (status: string, detail: string | null) => tx`update automation_runs set status = ${status}, detail = ${detail} where id = ${run.id as string}`;
  if (depth >= MAX_AUTOMATION_DEPTH) {
    await finish('skipped', `stopped: more than ${MAX_AUTOMATION_DEPTH} automations in a chain`);
    return [];
  }
  if (!conditionsHold(automation.conditions, context)) {
    await finish('skipped', 'conditions not met');
    return [];
  }
  const actions = z.array(actionSchema).safeParse(automation.actions);
  if (!actions.success) {
    await finish('failed', `invalid actions: ${actions.error.message}`.slice(0, 2000));
    return [];
  }
  try {
    const followUps = (await tx.savepoint(async (sp) => {
      await setSession(sp, { 'x-hasura-role': 'service', 'x-hasura-org-id': source.org_id, 'x-workgrid-automation-depth': String(depth + 1) });
      const produced: FollowUp[] = [];
      for (const action of actions.data) produced.push(...(await apply(sp, source, task, action)));
      return produced;
    })) as FollowUp[];
    await setSession(tx, { 'x-hasura-role': 'service', 'x-hasura-org-id': source.org_id });
    await finish('succeeded', null);
    return followUps;
  } catch (error) {
    await setSession(tx, { 'x-hasura-role': 'service', 'x-hasura-org-id': source.org_id });
    await finish('failed', (error instanceof Error ? error.message : String(error)).slice(0, 2000));
    return [];
  }
}

const eventPayload = z.object({
  task_id: z.guid(),
  automation_depth: z.number().int().nonnegative().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  user_id: z.guid().optional(),
});

/** task.created / task.status_changed / task.assigned: the project's active automations of that trigger. */
export const taskAutomations: EffectHandler = async (tx, event) => {
  const trigger = TRIGGER_OF_TOPIC[event.topic];
  const parsed = eventPayload.safeParse(event.payload);
  if (!trigger || !parsed.success || !event.org_id) return [];
  const [task] = (await tx`select * from tasks where id = ${parsed.data.task_id} and deleted_at is null`) as unknown as Task[];
  if (!task) return [];
  const automations = (await tx`
    select id, project_id, conditions, actions from automations
     where project_id = ${task.project_id} and trigger = ${trigger} and active order by created_at, id`) as unknown as Automation[];
  const context = { ...task, from: parsed.data.from, to: parsed.data.to, assignee_id: parsed.data.user_id };
  const followUps: FollowUp[] = [];
  for (const automation of automations) {
    followUps.push(...(await runAutomation(tx, { id: event.id, org_id: event.org_id }, automation, task, context, event.idempotency_key, parsed.data.automation_depth ?? 0)));
  }
  return followUps;
};

/** due-automations: due-soon and overdue automations of every org, once per (automation, task, due date). */
export function dueAutomationsProcessor(deps: { sql: Sql; queues: Record<QueueName, Queue>; log: Pick<BaseLogger, 'info'> }) {
  return async (): Promise<number> => {
    const due = (await deps.sql`select org_id, automation_id, task_id, event_key from app.due_automation_events()`) as unknown as {
      org_id: string;
      automation_id: string;
      task_id: string;
      event_key: string;
    }[];
    for (const row of due) {
      const followUps = await asService(deps.sql, row.org_id, async (tx) => {
        const [automation] = (await tx`select id, project_id, conditions, actions from automations where id = ${row.automation_id} and active`) as unknown as Automation[];
        const [task] = (await tx`select * from tasks where id = ${row.task_id} and deleted_at is null`) as unknown as Task[];
        if (!automation || !task) return [];
        return runAutomation(tx, { id: null, org_id: row.org_id }, automation, task, { ...task }, row.event_key, 0);
      });
      for (const followUp of followUps) await deps.queues[followUp.queue as QueueName].add(followUp.name, followUp.data, { jobId: followUp.jobId, ...followUp.opts });
    }
    if (due.length > 0) deps.log.info({ runs: due.length }, 'due automations run');
    return due.length;
  };
}
