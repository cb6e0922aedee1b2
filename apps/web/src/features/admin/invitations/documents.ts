import { graphql } from '@/__generated__/graphql';

export const InvitationsQuery = graphql(`
  query Invitations {
    invitations(order_by: { created_at: desc }, limit: 200) {
      id
      email
      role
      expires_at
      accepted_at
      revoked_at
      created_at
      invited_by_user {
        display_name
      }
    }
  }
`);

export const InviteMemberMutation = graphql(`
  mutation InviteMember($email: String!, $role: String, $message: String) {
    inviteMember(email: $email, role: $role, message: $message) {
      invitation_id
      expires_at
    }
  }
`);

export const RevokeInvitationMutation = graphql(`
  mutation RevokeInvitation($invitationId: uuid!) {
    revokeInvitation(invitation_id: $invitationId) {
      ok
    }
  }
`);

export const ResendInvitationMutation = graphql(`
  mutation ResendInvitation($invitationId: uuid!) {
    resendInvitation(invitation_id: $invitationId) {
      invitation_id
      expires_at
    }
  }
`);
