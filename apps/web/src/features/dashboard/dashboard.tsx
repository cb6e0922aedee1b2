'use client';

import Link from 'next/link';
import { isOrgAdmin, useViewer } from '@/features/shell/viewer';

export function Dashboard() {
  const viewer = useViewer();
  return (
    <>
      <h1>{viewer.org.name}</h1>
      <p className="muted">
        Signed in as {viewer.user.displayName} ({viewer.user.email}){viewer.role ? `, ${viewer.role}` : ''}.
      </p>
      <div className="card">
        <h2>Notifications</h2>
        <p>
          {viewer.unreadCount === 0 ? 'Nothing unread.' : `${viewer.unreadCount} unread.`}{' '}
          <Link href="/notifications">Open the inbox</Link>
        </p>
      </div>
      {isOrgAdmin(viewer.role) ? (
        <div className="card">
          <h2>Administration</h2>
          <p>
            <Link href="/admin/members">Members</Link> · <Link href="/admin/invitations">Invitations</Link> ·{' '}
            <Link href="/admin/webhooks">Webhooks</Link> · <Link href="/admin/audit-log">Audit log</Link> ·{' '}
            <Link href="/admin/mailbox">Mailbox</Link>
          </p>
        </div>
      ) : null}
    </>
  );
}
