'use client';

import { useState } from 'react';
import { DateTime } from '@/components/date-time';
import { ErrorAlert } from '@/components/error-alert';
import { QueryStatus } from '@/components/query-status';
import { useMutation, useSubscription } from '@/features/graphql/hooks';
import { useViewer } from '@/features/shell/viewer';
import { MarkAllNotificationsReadMutation, MarkNotificationReadMutation, NotificationsSubscription } from '../graphql/documents';

export function NotificationsInbox() {
  const viewer = useViewer();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const where = unreadOnly ? { archived_at: { _is_null: true }, read_at: { _is_null: true } } : { archived_at: { _is_null: true } };
  // Live: a notification arriving or read elsewhere shows here without a reload.
  const { data, error, fetching } = useSubscription(NotificationsSubscription, { where });
  const markOne = useMutation(MarkNotificationReadMutation);
  const markAll = useMutation(MarkAllNotificationsReadMutation);
  const notifications = data?.notifications ?? [];

  return (
    <>
      <h1>Notifications</h1>
      <div className="form-row">
        <p aria-live="polite">{viewer.unreadCount === 0 ? 'Nothing unread.' : `${viewer.unreadCount} unread`}</p>
        <label>
          <input type="checkbox" checked={unreadOnly} onChange={(event) => setUnreadOnly(event.target.checked)} /> Unread only
        </label>
        <button
          type="button"
          className="secondary"
          disabled={markAll.pending || viewer.unreadCount === 0}
          onClick={async () => {
            await markAll.run({ readAt: new Date().toISOString() });
          }}
        >
          Mark all read
        </button>
      </div>
      <ErrorAlert error={markOne.error ?? markAll.error} />
      <QueryStatus fetching={fetching} error={error} hasData={data !== undefined} />
      {data && notifications.length === 0 ? <p>No notifications.</p> : null}
      <ul aria-label="Notifications" style={{ listStyle: 'none', padding: 0 }}>
        {notifications.map((notification) => {
          const unread = notification.read_at === null || notification.read_at === undefined;
          return (
            <li key={notification.id} className={`notification${unread ? ' unread' : ''}`}>
              <div>
                <div className="title">
                  {notification.title}
                  {unread ? <span className="visually-hidden"> (unread)</span> : null}
                </div>
                {notification.body ? <div>{notification.body}</div> : null}
                <div className="muted">
                  <DateTime value={notification.created_at} />
                  {notification.actor ? ` · ${notification.actor.display_name}` : ''}
                </div>
              </div>
              <button
                type="button"
                className="secondary"
                disabled={markOne.pending}
                aria-label={`${unread ? 'Mark read' : 'Mark unread'}: ${notification.title}`}
                onClick={async () => {
                  await markOne.run({ id: notification.id, readAt: unread ? new Date().toISOString() : null });
                }}
              >
                {unread ? 'Mark read' : 'Mark unread'}
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
