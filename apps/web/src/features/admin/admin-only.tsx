'use client';

import type { ReactNode } from 'react';
import { isOrgAdmin, useViewer } from '@/features/shell/viewer';

/** Admin screens for owners and admins; the API refuses everyone else too (RLS and metadata). */
export function AdminOnly({ children }: { children: ReactNode }) {
  const viewer = useViewer();
  if (isOrgAdmin(viewer.role)) return <>{children}</>;
  return (
    <>
      <h1>Not available</h1>
      <p role="alert" className="alert">
        Only owners and admins of {viewer.org.name} can open this page.
      </p>
    </>
  );
}
