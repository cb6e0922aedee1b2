import { graphql } from '@/__generated__/graphql';

export const MembersQuery = graphql(`
  query Members($orgId: uuid!) {
    org_memberships(where: { org_id: { _eq: $orgId } }, order_by: { created_at: asc }) {
      id
      role
      title
      created_at
      user {
        id
        display_name
        email
      }
    }
  }
`);

export const ChangeMemberRoleMutation = graphql(`
  mutation ChangeMemberRole($membershipId: uuid!, $role: String!) {
    changeMemberRole(membership_id: $membershipId, role: $role) {
      ok
    }
  }
`);

export const RemoveMemberMutation = graphql(`
  mutation RemoveMember($membershipId: uuid!) {
    removeMember(membership_id: $membershipId) {
      ok
    }
  }
`);
