import { graphql } from '@/__generated__/graphql';

export const NotificationsSubscription = graphql(`
  subscription Notifications($where: notifications_bool_exp!) {
    notifications(where: $where, order_by: { created_at: desc }, limit: 100) {
      id
      title
      body
      event_type
      read_at
      created_at
      actor {
        display_name
      }
    }
  }
`);

export const MarkNotificationReadMutation = graphql(`
  mutation MarkNotificationRead($id: uuid!, $readAt: timestamptz) {
    update_notifications_by_pk(pk_columns: { id: $id }, _set: { read_at: $readAt }) {
      id
      read_at
    }
  }
`);

export const MarkAllNotificationsReadMutation = graphql(`
  mutation MarkAllNotificationsRead($readAt: timestamptz!) {
    update_notifications(where: { read_at: { _is_null: true }, archived_at: { _is_null: true } }, _set: { read_at: $readAt }) {
      affected_rows
    }
  }
`);
