import { graphql } from '@/__generated__/graphql';

// Anonymous identity actions (schema of role "anonymous"); tokens go into the cookie right after.
export const SignInMutation = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      mfa_required
      mfa_token
      refresh_token
    }
  }
`);

export const ChallengeMfaMutation = graphql(`
  mutation ChallengeMfa($mfaToken: String!, $code: String!) {
    challengeMfa(mfa_token: $mfaToken, code: $code) {
      mfa_required
      refresh_token
    }
  }
`);

export const SignUpMutation = graphql(`
  mutation SignUp($email: String!, $password: String!, $displayName: String!, $orgName: String!) {
    signUp(email: $email, password: $password, display_name: $displayName, org_name: $orgName) {
      accepted
      message
    }
  }
`);

export const VerifyEmailMutation = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token) {
      ok
    }
  }
`);

export const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($token: String!, $password: String!, $displayName: String) {
    acceptInvitation(token: $token, password: $password, display_name: $displayName) {
      refresh_token
    }
  }
`);

export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email) {
      accepted
      message
    }
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, new_password: $newPassword) {
      ok
    }
  }
`);
