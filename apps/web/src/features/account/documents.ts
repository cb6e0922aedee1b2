import { graphql } from '@/__generated__/graphql';

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(current_password: $currentPassword, new_password: $newPassword) {
      refresh_token
    }
  }
`);

export const SignOutAllMutation = graphql(`
  mutation SignOutAll {
    signOutAll {
      sessions_ended
    }
  }
`);

export const EnrollMfaMutation = graphql(`
  mutation EnrollMfa {
    enrollMfa {
      secret
      otpauth_url
    }
  }
`);

export const VerifyMfaMutation = graphql(`
  mutation VerifyMfa($code: String!) {
    verifyMfa(code: $code) {
      enabled
      backup_codes
    }
  }
`);

export const DisableMfaMutation = graphql(`
  mutation DisableMfa($code: String!) {
    disableMfa(code: $code) {
      enabled
    }
  }
`);
