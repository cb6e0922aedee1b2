import { graphql } from '@/__generated__/graphql';

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($name: String!, $scopes: [String!]!, $expiresInDays: Int) {
    createApiKey(name: $name, scopes: $scopes, expires_in_days: $expiresInDays) {
      id
      api_key
      prefix
      scopes
      expires_at
    }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($apiKeyId: uuid!) {
    revokeApiKey(api_key_id: $apiKeyId) {
      ok
    }
  }
`);
