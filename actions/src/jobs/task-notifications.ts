import { z } from 'zod';
import type { Tx } from '../db-session.ts';
import { PermanentError, type EffectHandler } from './effects.ts';
import { notifyMembers } from './notify.ts';

/** Notification event types of tasks (what members set preferences for). */
export const TASK_EVENT_TYPES = {
  assigned: 'task.assigned',
  statusChanged: 'task.status_changed',
  unblocked: 'task.unblocked',
  commented: 'task.commented',
} as const;

interface TaskInfo {
  key: string;
  title: string;
  assignees: string[];
  watchers: string[];
}

/** The task as background work of its org sees it, or undefined when it is gone or in the trash. */
async function readTask(tx: Tx, taskId: string): Promise<TaskInfo | undefined> {
  const [task] = await tx`
    select t.key, t.title,
           array(select a.user_id from task_assignees a where a.task_id = t.id order by a.user_id) as assignees,
           array(select w.user_id from task_watchers w where w.task_id = t.id order by w.user_id) as watchers
      from tasks t where t.id = ${taskId} and t.deleted_at is null`;
  return task as TaskInfo | undefined;
}

function parse<T>(schema: z.ZodType<T>, topic: string, payload: unknown): T {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new PermanentError(`${topic} payload: ${parsed.error.message}`);
  return parsed.data;
}

const taskUrl = (taskId: string) => `/task/${taskId}`;

const assignedPayload = z.object({ task_id: z.guid(), user_id: z.guid(), actor_id: z.guid().nullable() });

/** task.assigned: the new assignee (unless they assigned themself). */
export const taskAssigned: EffectHandler = async (tx, event) => {
  const { task_id, user_id, actor_id } = parse(assignedPayload, event.topic, event.payload);
  const task = await readTask(tx, task_id);
  if (!task || !task.assignees.includes(user_id)) return [];
  return notifyMembers(tx, event, [user_id], {
    eventType: TASK_EVENT_TYPES.assigned,
    title: `${task.key} was assigned to you: ${task.title}`,
    url: taskUrl(task_id),
    entityType: 'task',
    entityId: task_id,
    actorId: actor_id,
    data: { task_id },
  });
};

const statusPayload = z.object({ task_id: z.guid(), from: z.string(), to: z.string(), actor_id: z.guid().nullable() });

/** task.status_changed: assignees and watchers, except whoever changed it. */
export const taskStatusChanged: EffectHandler = async (tx, event) => {
  const { task_id, from, to, actor_id } = parse(statusPayload, event.topic, event.payload);
  const task = await readTask(tx, task_id);
  if (!task) return [];
  return notifyMembers(tx, event, [...task.assignees, ...task.watchers], {
    eventType: TASK_EVENT_TYPES.statusChanged,
    title: `${task.key} moved from ${from} to ${to}: ${task.title}`,
    url: taskUrl(task_id),
    entityType: 'task',
    entityId: task_id,
    actorId: actor_id,
    data: { task_id, from, to },
  });
};

const unblockedPayload = z.object({ task_id: z.guid() });

/** task.unblocked: the assignees, once per unblocking (the event's idempotency key says which). */
export const taskUnblocked: EffectHandler = async (tx, event) => {
  const { task_id } = parse(unblockedPayload, event.topic, event.payload);
  const task = await readTask(tx, task_id);
  if (!task) return [];
  return notifyMembers(tx, event, task.assignees, {
    eventType: TASK_EVENT_TYPES.unblocked,
    title: `${task.key} is no longer blocked: ${task.title}`,
    url: taskUrl(task_id),
    entityType: 'task',
    entityId: task_id,
    actorId: null,
    data: { task_id },
  });
};

const commentPayload = z.object({
  comment_id: z.guid(),
  entity_type: z.string(),
  entity_id: z.guid(),
  author_id: z.guid().nullable(),
  mentions: z.array(z.guid()),
});

/** comment.created on a task: its watchers and assignees, except the author and those mentioned (they get the mention). */
export const taskCommented: EffectHandler = async (tx, event) => {
  const { comment_id, entity_type, entity_id, author_id, mentions } = parse(commentPayload, event.topic, event.payload);
  if (entity_type !== 'task') return [];
  const task = await readTask(tx, entity_id);
  if (!task) return [];
  const audience = [...task.watchers, ...task.assignees].filter((id) => !mentions.includes(id));
  return notifyMembers(tx, event, audience, {
    eventType: TASK_EVENT_TYPES.commented,
    title: `New comment on ${task.key}: ${task.title}`,
    url: `${taskUrl(entity_id)}#comment-${comment_id}`,
    entityType: 'task',
    entityId: entity_id,
    detail: { type: 'comment', id: comment_id },
    actorId: author_id,
    data: { task_id: entity_id, comment_id },
  });
};
