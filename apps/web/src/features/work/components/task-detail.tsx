'use client';

import { useState, type FormEvent } from 'react';
import { DateTime } from '@/components/date-time';
import { ErrorAlert } from '@/components/error-alert';
import { QueryStatus } from '@/components/query-status';
import { useMutation, useSubscription } from '@/features/graphql/hooks';
import { CommentOnTaskMutation, TaskSubscription, ToggleChecklistItemMutation } from '../graphql/documents';
import { mentionToken, readableBody } from '../mentions';

/** A task, live: facts, checklists, comments with @mentions and its timeline. */
export function TaskDetail({ taskId }: { taskId: string }) {
  const { data, error, fetching } = useSubscription(TaskSubscription, { taskId });
  const toggle = useMutation(ToggleChecklistItemMutation);
  const comment = useMutation(CommentOnTaskMutation);
  const [body, setBody] = useState('');
  const [mentionId, setMentionId] = useState('');
  const task = data?.tasks_by_pk;

  if (!task) {
    return (
      <>
        <h1>Task</h1>
        <QueryStatus fetching={fetching} error={error} hasData={data !== undefined} />
        {data ? <p>This task does not exist or is not visible to you.</p> : null}
      </>
    );
  }
  const people = task.project.members.flatMap((member) => (member.user ? [member.user] : []));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await comment.run({ taskId, body })) setBody('');
  };
  const mention = () => {
    const person = people.find((candidate) => candidate.id === mentionId);
    if (person) setBody((current) => `${current}${current && !current.endsWith(' ') ? ' ' : ''}${mentionToken(person)} `);
  };

  return (
    <>
      <h1>
        <span className="muted">{task.key}</span> {task.title}
      </h1>
      <dl className="facts">
        <dt>Project</dt>
        <dd>{task.project.name}</dd>
        <dt>Status</dt>
        <dd>
          {task.status}
          {task.is_blocked ? ' (blocked)' : ''}
        </dd>
        <dt>Priority</dt>
        <dd>{task.priority}</dd>
        <dt>Assignees</dt>
        <dd>{task.assignees.map((assignee) => assignee.user?.display_name).join(', ') || 'Nobody'}</dd>
        <dt>Start</dt>
        <dd>{task.start_date ?? '—'}</dd>
        <dt>Due</dt>
        <dd>{task.due_date ?? '—'}</dd>
      </dl>
      {task.description ? <p>{task.description}</p> : null}

      {task.checklists.map((checklist) => (
        <fieldset key={checklist.id} className="card">
          <legend>{checklist.title}</legend>
          {checklist.items.map((item) => (
            <label key={item.id} className="checklist-item">
              <input type="checkbox" checked={item.done} disabled={toggle.pending} onChange={(event) => void toggle.run({ itemId: item.id, done: event.target.checked })} /> {item.title}
            </label>
          ))}
        </fieldset>
      ))}
      <ErrorAlert error={toggle.error} />

      <h2>Comments</h2>
      {task.comments.length === 0 ? <p>No comments yet.</p> : null}
      <ol aria-label="Comments" className="conversation">
        {task.comments.map((item) => (
          <li key={item.id} className="message">
            <div className="muted">
              {item.author?.display_name ?? 'Someone'} · <DateTime value={item.created_at} />
            </div>
            <p>{readableBody(item.body)}</p>
          </li>
        ))}
      </ol>
      <form className="card" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor="task-comment">Comment</label>
          <textarea id="task-comment" required rows={3} value={body} onChange={(event) => setBody(event.target.value)} />
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor="task-mention">Mention</label>
            <select id="task-mention" value={mentionId} onChange={(event) => setMentionId(event.target.value)}>
              <option value="">Choose a person</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.display_name}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="secondary" disabled={!mentionId} onClick={mention}>
            Insert mention
          </button>
        </div>
        <ErrorAlert error={comment.error} />
        <button type="submit" disabled={comment.pending}>
          Comment
        </button>
      </form>

      <h2>Timeline</h2>
      <ol aria-label="Timeline">
        {task.activity.map((entry) => (
          <li key={entry.id}>
            <DateTime value={entry.created_at} /> · {entry.actor?.display_name ?? 'WorkGrid'}: {entry.summary ?? entry.verb}
          </li>
        ))}
      </ol>
    </>
  );
}
