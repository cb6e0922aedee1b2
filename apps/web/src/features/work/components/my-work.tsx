'use client';

import Link from 'next/link';
import { QueryStatus } from '@/components/query-status';
import { useQuery } from '@/features/graphql/hooks';
import { MyWorkQuery } from '../graphql/documents';

/** Open tasks assigned to the viewer, soonest due first. */
export function MyWork() {
  const { data, error, fetching } = useQuery(MyWorkQuery, {});
  const tasks = data?.my_work ?? [];
  return (
    <>
      <h1>My work</h1>
      <QueryStatus fetching={fetching} error={error} hasData={data !== undefined} />
      {data && tasks.length === 0 ? <p>Nothing assigned to you.</p> : null}
      {tasks.length > 0 ? (
        <table aria-label="My tasks">
          <thead>
            <tr>
              <th scope="col">Task</th>
              <th scope="col">Project</th>
              <th scope="col">Status</th>
              <th scope="col">Priority</th>
              <th scope="col">Due</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr key={task.id}>
                <td>
                  <Link href={`/tasks/${task.id}`}>
                    {task.key} {task.title}
                  </Link>
                </td>
                <td>{task.project.name}</td>
                <td>{task.status}</td>
                <td>{task.priority}</td>
                <td>{task.due_date ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
