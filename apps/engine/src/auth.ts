import { createLocalJWKSet, decodeProtectedHeader, errors as joseErrors, importSPKI, importX509, jwtVerify, type JSONWebKeySet, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { HasuraError } from './errors.ts';
import type { Session } from './session.ts';
import { BoundedMap } from './bounded-map.ts';

const claimsMapValue = z.union([z.string(), z.array(z.string()), z.object({ path: z.string(), default: z.unknown().optional() })]);

/** HASURA_GRAPHQL_JWT_SECRET, as Hasura documents it. */
const jwtSecretSchema = z
  .object({
    type: z.enum(['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512', 'Ed25519']).optional(),
    key: z.string().optional(),
    jwk_url: z.string().url().optional(),
    claims_namespace: z.string().optional(),
    claims_namespace_path: z.string().optional(),
    claims_format: z.enum(['json', 'stringified_json']).default('json'),
    claims_map: z.record(z.string(), claimsMapValue).optional(),
    audience: z.union([z.string(), z.array(z.string())]).optional(),
    issuer: z.string().optional(),
    allowed_skew: z.number().int().nonnegative().default(0),
    header: z
      .union([z.object({ type: z.literal('Authorization') }), z.object({ type: z.literal('Cookie'), name: z.string() })])
      .default({ type: 'Authorization' }),
  })
  .refine((value) => (value.key !== undefined && value.type !== undefined) !== (value.jwk_url !== undefined), {
    message: 'exactly one of "type"+"key" or "jwk_url" is required',
  });

export type JwtSecret = z.infer<typeof jwtSecretSchema>;

export function parseJwtSecret(text: string): JwtSecret {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('HASURA_GRAPHQL_JWT_SECRET is not valid JSON');
  }
  const parsed = jwtSecretSchema.safeParse(json);
  if (!parsed.success) throw new Error(`HASURA_GRAPHQL_JWT_SECRET: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  return parsed.data;
}

type Key = Parameters<typeof jwtVerify>[1];

/** A JWKS fetched from `jwk_url`, kept for as long as its Cache-Control max-age (or Expires) allows. */
class RemoteJwks {
  private keys: JWTVerifyGetKey | undefined;
  private expiresAt = 0;
  private pending: Promise<JWTVerifyGetKey> | undefined;

  constructor(private readonly url: string) {}

  async get(force = false): Promise<JWTVerifyGetKey> {
    if (!force && this.keys && Date.now() < this.expiresAt) return this.keys;
    this.pending ??= this.fetch().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetch(): Promise<JWTVerifyGetKey> {
    const response = await fetch(this.url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`fetching JWKS failed with status ${response.status}`);
    const jwks = (await response.json()) as JSONWebKeySet;
    this.keys = createLocalJWKSet(jwks);
    this.expiresAt = Date.now() + cacheLifetimeMs(response.headers);
    return this.keys;
  }
}

export function cacheLifetimeMs(headers: Headers): number {
  const maxAge = /(?:^|,)\s*(?:s-)?max-age=(\d+)/i.exec(headers.get('cache-control') ?? '');
  if (maxAge?.[1]) return Number(maxAge[1]) * 1000;
  if (/no-cache|no-store/i.test(headers.get('cache-control') ?? '')) return 0;
  const expires = headers.get('expires');
  if (expires) {
    const at = Date.parse(expires);
    if (!Number.isNaN(at)) return Math.max(0, at - Date.now());
  }
  return 60_000;
}

/** How many tokens a static key verified are remembered (least recently verified first out). */
const VERIFIED_TOKENS = 1000;

export class JwtVerifier {
  private staticKey: Promise<Key> | undefined;
  private readonly remote: RemoteJwks | undefined;
  /**
   * Tokens the static key verified, with their claims, until they expire: a client sends the same
   * token with every request, and verifying it (~0.1 ms) cost as much as a primary-key read's SQL.
   * Only what verified is kept, and an entry is used only while `jwtVerify` would still accept the
   * token (its `exp` plus the allowed skew); the options never change for a verifier.
   */
  private readonly verified = new BoundedMap<string, { payload: JWTPayload; until: number }>(VERIFIED_TOKENS);

  constructor(readonly secret: JwtSecret) {
    if (secret.jwk_url) this.remote = new RemoteJwks(secret.jwk_url);
    else this.staticKey = importKey(secret);
  }

  /** The token from the configured header or cookie, or undefined when none was sent. */
  token(headers: Record<string, string>): string | undefined {
    if (this.secret.header.type === 'Cookie') {
      const name = this.secret.header.name;
      const cookie = headers['cookie'];
      if (!cookie) return undefined;
      for (const part of cookie.split(';')) {
        const [key, ...rest] = part.trim().split('=');
        if (key === name) return decodeURIComponent(rest.join('='));
      }
      return undefined;
    }
    const header = headers['authorization'];
    if (header === undefined) return undefined;
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match?.[1]) throw new HasuraError('invalid-headers', 'Malformed Authorization header', '$', undefined, 400);
    return match[1];
  }

  async claims(token: string): Promise<JWTPayload> {
    const options = {
      ...(this.secret.audience !== undefined ? { audience: this.secret.audience } : {}),
      ...(this.secret.issuer !== undefined ? { issuer: this.secret.issuer } : {}),
      clockTolerance: this.secret.allowed_skew,
    };
    try {
      if (this.remote) {
        try {
          return (await jwtVerify(token, await this.remote.get(), options)).payload;
        } catch (error) {
          if (!(error instanceof joseErrors.JWKSNoMatchingKey)) throw error;
          return (await jwtVerify(token, await this.remote.get(true), options)).payload;
        }
      }
      const known = this.verified.get(token);
      if (known && Date.now() < known.until) return known.payload;
      this.verified.delete(token);
      const key = await (this.staticKey as Promise<Key>);
      const { payload } = await jwtVerify(token, key, options);
      this.verified.set(token, { payload, until: payload.exp === undefined ? Infinity : (payload.exp + this.secret.allowed_skew) * 1000 });
      return payload;
    } catch (error) {
      throw new HasuraError('invalid-jwt', `Could not verify JWT: ${joseReason(error, token)}`, '$', undefined, 400);
    }
  }
}

function joseReason(error: unknown, token: string): string {
  if (error instanceof joseErrors.JWTExpired) return 'JWTExpired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'JWTNotInAudience';
    if (error.claim === 'iss') return 'JWTNotInIssuer';
    if (error.claim === 'nbf') return 'JWTNotYetValid';
    return 'JWTClaimsSetDecodeError';
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'JWSError JWSInvalidSignature';
  try {
    decodeProtectedHeader(token);
  } catch {
    return `JWSError (CompactDecodeError Invalid number of parts: Expected 3 parts; got ${token.split('.').length})`;
  }
  return 'JWSError JWSInvalidSignature';
}

async function importKey(secret: JwtSecret): Promise<Key> {
  const type = secret.type ?? 'HS256';
  const key = secret.key ?? '';
  if (type.startsWith('HS')) return new TextEncoder().encode(key);
  const algorithm = type === 'Ed25519' ? 'EdDSA' : type;
  return key.includes('BEGIN CERTIFICATE') ? importX509(key, algorithm) : importSPKI(key, algorithm);
}

const DEFAULT_NAMESPACE = 'https://hasura.io/jwt/claims';

function readPath(root: unknown, path: string): unknown {
  const steps = path.replace(/^\$\.?/, '').match(/[^.[\]'"]+/g) ?? [];
  let current: unknown = root;
  for (const step of steps) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

/** Hasura-claims object from a verified payload (namespace, namespace path or claims_map). */
export function hasuraClaims(secret: JwtSecret, payload: JWTPayload): Record<string, unknown> {
  if (secret.claims_map) {
    const claims: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(secret.claims_map)) {
      if (typeof spec === 'string' || Array.isArray(spec)) claims[name.toLowerCase()] = spec;
      else {
        const value = readPath(payload, spec.path) ?? spec.default;
        if (value === undefined) throw new HasuraError('jwt-invalid-claims', `claim ${name} not found at path ${spec.path}`, '$', undefined, 400);
        claims[name.toLowerCase()] = value;
      }
    }
    return claims;
  }
  const namespace = secret.claims_namespace ?? DEFAULT_NAMESPACE;
  let raw = secret.claims_namespace_path !== undefined ? readPath(payload, secret.claims_namespace_path) : (payload as Record<string, unknown>)[namespace];
  if (raw === undefined) {
    const where = secret.claims_namespace_path !== undefined ? `claims not found at claims_namespace_path: '${secret.claims_namespace_path}'` : `claims key: '${namespace}' not found`;
    throw new HasuraError('jwt-invalid-claims', where, '$', undefined, 400);
  }
  if (secret.claims_format === 'stringified_json' && typeof raw === 'string') {
    try {
      raw = JSON.parse(raw);
    } catch {
      throw new HasuraError('jwt-invalid-claims', 'invalid stringified_json claims', '$', undefined, 400);
    }
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new HasuraError('jwt-invalid-claims', 'claims should be a JSON object', '$', undefined, 400);
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key.toLowerCase(), value]));
}

export interface ResolvedAuth {
  role: string;
  session: Session;
  /** The request carried the right admin secret (or no secret is configured). */
  admin: boolean;
  /** backend_only permissions apply: admin secret plus `x-hasura-use-backend-only-permissions: true`. */
  backendOnly: boolean;
  /** When the credentials expire (JWT `exp`, epoch ms): websockets close then. */
  expiresAt?: number;
}

export interface AuthConfig {
  adminSecret: string | undefined;
  unauthorizedRole: string | undefined;
  jwt: JwtVerifier | undefined;
  /** Webhook mode (HASURA_GRAPHQL_AUTH_HOOK): the hook answers the session for each request. */
  hook?: { url: string; mode: 'GET' | 'POST' } | undefined;
}

const HOP_HEADERS = new Set(['content-length', 'content-type', 'host', 'connection', 'accept-encoding', 'transfer-encoding', 'upgrade', 'keep-alive']);

/** Asks the auth webhook for the session: 200 + variables, 401 = unauthorized, anything else an error. */
async function askHook(hook: { url: string; mode: 'GET' | 'POST' }, headers: Record<string, string>, request: unknown): Promise<Session> {
  const forwarded = Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_HEADERS.has(name)));
  let response: Response;
  try {
    response =
      hook.mode === 'GET'
        ? await fetch(hook.url, { method: 'GET', headers: forwarded, signal: AbortSignal.timeout(10_000) })
        : await fetch(hook.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ headers: forwarded, request }), signal: AbortSignal.timeout(10_000) });
  } catch {
    throw new HasuraError('unexpected', 'webhook authentication request failed', '$', undefined, 500);
  }
  if (response.status === 401) throw new HasuraError('access-denied', 'Authentication hook unauthorized this request', '$', undefined, 401);
  if (response.status !== 200) throw new HasuraError('unexpected', `Invalid response from authorization hook: status ${response.status}`, '$', undefined, 500);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new HasuraError('unexpected', 'Invalid response from authorization hook', '$', undefined, 500);
  }
  const session: Session = {};
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    const name = key.toLowerCase();
    if (!name.startsWith('x-hasura-')) continue;
    if (typeof value !== 'string') throw new HasuraError('unexpected', `Invalid response from authorization hook: ${name} should be a string`, '$', undefined, 500);
    session[name] = value;
  }
  if (!session['x-hasura-role']) throw new HasuraError('unexpected', 'missing x-hasura-role key in webhook response', '$', undefined, 500);
  return session;
}

function headerSession(headers: Record<string, string>): Session {
  const session: Session = {};
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    if (key.startsWith('x-hasura-') && key !== 'x-hasura-admin-secret' && key !== 'x-hasura-access-key') session[key] = value;
  }
  return session;
}

/** Hasura's order: no secret configured → admin; admin secret → impersonation; JWT; unauthorized role. */
export async function authenticate(config: AuthConfig, rawHeaders: Record<string, string | string[] | undefined>, request?: unknown): Promise<ResolvedAuth> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(rawHeaders)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  const finish = (role: string, session: Session, admin: boolean): ResolvedAuth => {
    const { 'x-hasura-use-backend-only-permissions': backend, ...rest } = session;
    return { role, session: { ...rest, 'x-hasura-role': role }, admin, backendOnly: admin && backend?.toLowerCase() === 'true' };
  };
  if (config.adminSecret === undefined) {
    const session = headerSession(headers);
    return finish(session['x-hasura-role'] ?? 'admin', session, true);
  }
  const given = headers['x-hasura-admin-secret'] ?? headers['x-hasura-access-key'];
  if (given !== undefined) {
    if (given !== config.adminSecret) throw new HasuraError('access-denied', 'invalid x-hasura-admin-secret/x-hasura-access-key', '$', undefined, 401);
    const session = headerSession(headers);
    return finish(session['x-hasura-role'] ?? 'admin', session, true);
  }
  if (config.hook) {
    const session = await askHook(config.hook, headers, request);
    return finish(session['x-hasura-role'] ?? '', session, false);
  }
  if (config.jwt) {
    const token = config.jwt.token(headers);
    if (token === undefined) {
      if (config.unauthorizedRole) return finish(config.unauthorizedRole, headerSession(headers), false);
      throw new HasuraError('invalid-headers', 'Missing Authorization header in JWT authentication mode', '$', undefined, 400);
    }
    const payload = await config.jwt.claims(token);
    const claims = hasuraClaims(config.jwt.secret, payload);
    const allowed = claims['x-hasura-allowed-roles'];
    const fallback = claims['x-hasura-default-role'];
    if (allowed === undefined) throw new HasuraError('jwt-missing-role-claims', 'JWT claim does not contain x-hasura-allowed-roles', '$', undefined, 400);
    if (fallback === undefined) throw new HasuraError('jwt-missing-role-claims', 'JWT claim does not contain x-hasura-default-role', '$', undefined, 400);
    if (!Array.isArray(allowed) || !allowed.every((role) => typeof role === 'string')) {
      throw new HasuraError('jwt-invalid-claims', 'invalid x-hasura-allowed-roles; should be a list of roles', '$', undefined, 400);
    }
    if (typeof fallback !== 'string') throw new HasuraError('jwt-invalid-claims', 'invalid x-hasura-default-role; should be a role', '$', undefined, 400);
    const session: Session = {};
    for (const [key, value] of Object.entries(claims)) {
      if (!key.startsWith('x-hasura-') || key === 'x-hasura-allowed-roles' || key === 'x-hasura-default-role') continue;
      if (typeof value !== 'string') throw new HasuraError('jwt-invalid-claims', `x-hasura-* claims: ${key} should be a string`, '$', undefined, 400);
      session[key] = value;
    }
    const requested = headers['x-hasura-role'];
    if (requested !== undefined && !allowed.includes(requested)) {
      throw new HasuraError('access-denied', 'Your requested role is not in allowed roles', '$', undefined, 400);
    }
    return { ...finish(requested ?? fallback, session, false), ...(payload.exp !== undefined ? { expiresAt: payload.exp * 1000 } : {}) };
  }
  if (config.unauthorizedRole) return finish(config.unauthorizedRole, headerSession(headers), false);
  throw new HasuraError('access-denied', 'x-hasura-admin-secret/x-hasura-access-key required, but not found', '$', undefined, 401);
}
