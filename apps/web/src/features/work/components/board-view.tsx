'use client';

import Link from 'next/link';
import { useState, type DragEvent } from 'react';
import { ErrorAlert } from '@/components/error-alert';
import { QueryStatus } from '@/components/query-status';
import { useMutation, useSubscription } from '@/features/graphql/hooks';
import { BoardSubscription, MoveTaskMutation } from '../graphql/documents';
import type { BoardSubscription as BoardData } from '@/__generated__/graphql/graphql';

type Column = NonNullable<BoardData['boards_by_pk']>['columns'][number];
type Task = Column['tasks'][number];

const DRAG_TYPE = 'application/x-workgrid-task';

/**
 * A kanban board, live: every move, from here or anywhere else, shows at once. Tasks move by drag
 * and drop or with the buttons on each card (keyboard); the server decides the order and refuses a
 * full column or a task changed since it was shown.
 */
export function BoardView({ boardId }: { boardId: string }) {
  const { data, error, fetching } = useSubscription(BoardSubscription, { boardId });
  const move = useMutation(MoveTaskMutation);
  const [notice, setNotice] = useState('');
  const board = data?.boards_by_pk;

  const moveTask = async (task: Task, to: Column, afterTaskId: string | null) => {
    setNotice('');
    const moved = await move.run({ taskId: task.id, columnId: to.id, afterTaskId, expectedVersion: task.version });
    if (moved) setNotice(`${task.key} moved to ${to.name}.`);
  };
  const lastOf = (column: Column) => column.tasks.at(-1)?.id ?? null;

  if (!board) {
    return (
      <>
        <h1>Board</h1>
        <QueryStatus fetching={fetching} error={error} hasData={data !== undefined} />
        {data ? <p>This board does not exist or is not visible to you.</p> : null}
      </>
    );
  }

  const onDrop = (event: DragEvent, to: Column, afterTaskId: string | null) => {
    event.preventDefault();
    event.stopPropagation();
    const task = board.columns.flatMap((column) => column.tasks).find((candidate) => candidate.id === event.dataTransfer.getData(DRAG_TYPE));
    if (task && task.id !== afterTaskId) void moveTask(task, to, afterTaskId);
  };

  return (
    <>
      <h1>{board.name}</h1>
      <p className="muted">
        {board.project.name} ({board.project.key})
      </p>
      <ErrorAlert error={move.error} />
      <p role="status" className="visually-hidden">
        {notice}
      </p>
      <div className="board">
        {board.columns.map((column, index) => {
          const full = column.wip_limit !== null && column.wip_limit !== undefined && column.tasks.length >= column.wip_limit;
          return (
            <section
              key={column.id}
              className={`board-column${full ? ' full' : ''}`}
              aria-labelledby={`column-${column.id}`}
              onDragOver={(event) => event.preventDefault()}
              onDrop={(event) => onDrop(event, column, lastOf(column))}
            >
              <h2 id={`column-${column.id}`}>
                {column.name}{' '}
                <span className="muted">
                  {column.tasks.length}
                  {column.wip_limit ? ` / ${column.wip_limit}` : ''}
                  {full ? <span className="visually-hidden"> (at its limit)</span> : null}
                </span>
              </h2>
              <ol aria-label={`Tasks in ${column.name}`} className="board-cards">
                {column.tasks.map((task) => (
                  <li
                    key={task.id}
                    className="board-card"
                    draggable
                    onDragStart={(event) => event.dataTransfer.setData(DRAG_TYPE, task.id)}
                    onDrop={(event) => onDrop(event, column, task.id)}
                  >
                    <div>
                      <span className="muted">{task.key}</span> <Link href={`/tasks/${task.id}`}>{task.title}</Link>
                    </div>
                    <div className="muted">
                      {task.priority}
                      {task.due_date ? ` · due ${task.due_date}` : ''}
                      {task.is_blocked ? ' · blocked' : ''}
                      {task.assignees.length > 0 ? ` · ${task.assignees.map((assignee) => assignee.user?.display_name).join(', ')}` : ''}
                    </div>
                    <div className="form-row">
                      {[board.columns[index - 1], board.columns[index + 1]].map((target) =>
                        target ? (
                          <button
                            key={target.id}
                            type="button"
                            className="secondary"
                            disabled={move.pending}
                            aria-label={`Move ${task.key} to ${target.name}`}
                            onClick={() => void moveTask(task, target, lastOf(target))}
                          >
                            {target === board.columns[index - 1] ? `← ${target.name}` : `${target.name} →`}
                          </button>
                        ) : null,
                      )}
                    </div>
                  </li>
                ))}
              </ol>
            </section>
          );
        })}
      </div>
    </>
  );
}
