import { graphql } from '@/__generated__/graphql';

export const ViewerQuery = graphql(`
  query Viewer($userId: uuid!, $orgId: uuid!) {
    me: users_by_pk(id: $userId) {
      id
      display_name
      email
    }
    orgs(order_by: { name: asc }) {
      id
      name
    }
    membership: org_memberships(where: { user_id: { _eq: $userId }, org_id: { _eq: $orgId } }) {
      id
      role
    }
    unread: notifications_aggregate(where: { read_at: { _is_null: true }, archived_at: { _is_null: true } }) {
      aggregate {
        count
      }
    }
  }
`);

export const UnreadCountSubscription = graphql(`
  subscription UnreadCount {
    notifications_aggregate(where: { read_at: { _is_null: true }, archived_at: { _is_null: true } }) {
      aggregate {
        count
      }
    }
  }
`);

export const SwitchOrganizationMutation = graphql(`
  mutation SwitchOrganization($orgId: uuid!) {
    switchOrganization(org_id: $orgId) {
      refresh_token
    }
  }
`);
