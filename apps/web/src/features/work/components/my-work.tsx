'use client';

import Link from 'next/link';
import { DataTable } from '@/components/data-table';
import { useSubscription } from '@/features/graphql/hooks';
import { useViewer } from '@/features/shell/viewer';
import { MyWorkSubscription } from '../graphql/documents';

/** Open tasks assigned to the viewer, soonest due first; live. */
export function MyWork() {
  const viewer = useViewer();
  const { data, error, fetching } = useSubscription(MyWorkSubscription, { userId: viewer.user.id });
  return (
    <>
      <h1>My work</h1>
      <DataTable
        label="My tasks"
        query={{ fetching, error }}
        rows={data?.tasks}
        rowKey={(task) => task.id}
        empty="Nothing assigned to you."
        columns={[
          {
            header: 'Task',
            cell: (task) => (
              <Link href={`/tasks/${task.id}`}>
                {task.key} {task.title}
              </Link>
            ),
          },
          { header: 'Project', cell: (task) => task.project.name },
          { header: 'Status', cell: (task) => task.status },
          { header: 'Priority', cell: (task) => task.priority },
          { header: 'Due', cell: (task) => task.due_date ?? '—' },
        ]}
      />
    </>
  );
}
