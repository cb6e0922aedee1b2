'use client';

import Link from 'next/link';
import { QueryStatus } from '@/components/query-status';
import { useQuery } from '@/features/graphql/hooks';
import { ProjectsQuery } from '../graphql/documents';

/** The projects the viewer can see, per workspace, with their kanban boards. */
export function ProjectsList() {
  const { data, error, fetching } = useQuery(ProjectsQuery, {});
  const workspaces = (data?.workspaces ?? []).filter((workspace) => workspace.projects.length > 0);
  return (
    <>
      <h1>Projects</h1>
      <QueryStatus fetching={fetching} error={error} hasData={data !== undefined} />
      {data && workspaces.length === 0 ? <p>No projects yet.</p> : null}
      {workspaces.map((workspace) => (
        <section key={workspace.id} className="card" aria-labelledby={`workspace-${workspace.id}`}>
          <h2 id={`workspace-${workspace.id}`}>{workspace.name}</h2>
          <ul>
            {workspace.projects.map((project) => (
              <li key={project.id}>
                <strong>{project.name}</strong> <span className="muted">{project.key} · {project.status}</span>
                {project.boards.length === 0 ? (
                  <span className="muted"> · no board</span>
                ) : (
                  <ul aria-label={`Boards of ${project.name}`}>
                    {project.boards.map((board) => (
                      <li key={board.id}>
                        <Link href={`/boards/${board.id}`}>{board.name}</Link>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
