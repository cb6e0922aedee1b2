import { SignJWT } from 'jose';
import { ACCESS_TOKEN_TTL_SECONDS, SIGNING_ALG, type KeyStore } from './keys.ts';

export const CLAIMS_NAMESPACE = 'https://hasura.io/jwt/claims';
/** A user who belongs to no org gets this org id, which matches no org (docs/jwt-claims.md). */
export const NO_ORG = '00000000-0000-0000-0000-000000000000';
/** The API role of tokens from API keys without the `write` scope: select permissions only (docs/security.md). */
export const READ_ONLY_ROLE = 'reader';

export interface AccessTokenSubject {
  userId: string;
  orgId: string | null;
  /** Set for tokens exchanged from an API key: its id and scopes become claims. */
  apiKey?: { id: string; scopes: string[] };
}

export interface IssuedAccessToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

export class TokenIssuer {
  constructor(
    private readonly keys: KeyStore,
    private readonly issuer: string,
    private readonly audience: string,
  ) {}

  async accessToken(subject: AccessTokenSubject, ttlSeconds = ACCESS_TOKEN_TTL_SECONDS): Promise<IssuedAccessToken> {
    // Picks up a rotation due here or made by another replica sharing JWT_KEYS_DIR.
    await this.keys.refresh();
    const key = this.keys.signer();
    const role = subject.apiKey && !subject.apiKey.scopes.includes('write') ? READ_ONLY_ROLE : 'user';
    const claims: Record<string, string | string[]> = {
      'x-hasura-default-role': role,
      'x-hasura-allowed-roles': [role],
      'x-hasura-user-id': subject.userId,
      'x-hasura-org-id': subject.orgId ?? NO_ORG,
    };
    if (subject.apiKey) {
      claims['x-hasura-api-key-id'] = subject.apiKey.id;
      // Hasura session variables are strings; lists use the Postgres array literal form.
      claims['x-hasura-api-scopes'] = `{${subject.apiKey.scopes.join(',')}}`;
    }
    const token = await new SignJWT({ [CLAIMS_NAMESPACE]: claims })
      .setProtectedHeader({ alg: SIGNING_ALG, typ: 'JWT', kid: key.kid })
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setSubject(subject.userId)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(key.privateKey);
    return { access_token: token, token_type: 'Bearer', expires_in: ttlSeconds };
  }
}
