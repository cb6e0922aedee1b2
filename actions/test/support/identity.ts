import { randomInt, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { decodeJwt } from 'jose';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { buildApp } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import { outboxTokenContext } from '../../src/identity/emails.ts';
import { SecretBox } from '../../src/identity/secrets.ts';
import { CLAIMS_NAMESPACE } from '../../src/identity/tokens.ts';
import { ACTIONS_SECRET_HEADER } from '../../src/plugins/actions-secret.ts';
import { TEST_ACTIONS_SECRET, testConfig } from './config.ts';

/** Superuser connection (bypasses RLS) to arrange and inspect; the service itself runs as workgrid_app. */
export const adminSql = postgres(inject('superuserUrl'), { max: 2, onnotice: () => {} });

export const STRONG_PASSWORD = 'correct horse battery staple 42';

export interface TestService {
  app: FastifyInstance;
  config: Config;
  /** Every log line the service wrote, when built with captureLogs. */
  logs: string[];
}

export async function startService(overrides: Record<string, string> = {}, captureLogs = false): Promise<TestService> {
  const config = testConfig({ ...(captureLogs ? { LOG_LEVEL: 'trace' } : {}), ...overrides });
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const app = buildApp(config, captureLogs ? { logStream } : {});
  await app.ready();
  return { app, config, logs };
}

/** Starts the service once for the test file (handing it to `started`) and closes it and adminSql afterwards. */
export function useService(started: (service: TestService) => void): void {
  let service: TestService | undefined;
  beforeAll(async () => {
    service = await startService();
    started(service);
  });
  afterAll(async () => {
    await service?.app.close();
    await adminSql.end();
  });
}

/** A random client address, so tests do not share IP rate-limit budgets. */
export const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
export const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.test`;

// Output types of actions.graphql: the engine refuses extra fields and nulls in non-null fields, so
// every successful answer in the tests is checked against its declared type.
const declarations = readFileSync(new URL('../../../hasura/metadata/actions.graphql', import.meta.url), 'utf8');
const outputTypeOf = new Map(
  [...declarations.matchAll(/^type (?:Query|Mutation) \{([^}]*)\}/gm)].flatMap((block) =>
    [...block[1]!.matchAll(/^ {2}(\w+)(?:\([^)]*\))?: \[?(\w+)/gm)].map((m) => [m[1]!, m[2]!] as const),
  ),
);
const fieldsOf = new Map(
  [...declarations.matchAll(/^type (\w+) \{([^}]*)\}/gm)].map((m) => [
    m[1]!,
    [...m[2]!.matchAll(/^ {2}(\w+): (.+)$/gm)].map((f) => ({ name: f[1]!, required: f[2]!.trim().endsWith('!') })),
  ]),
);

function expectDeclaredShape(action: string, body: Record<string, unknown> | Record<string, unknown>[]): void {
  if (Array.isArray(body)) {
    for (const item of body) expectDeclaredShape(action, item);
    return;
  }
  const fields = fieldsOf.get(outputTypeOf.get(action) ?? '');
  expect(fields, `output type of ${action} in actions.graphql`).toBeDefined();
  const names = fields!.map((f) => f.name);
  expect(Object.keys(body).filter((key) => !names.includes(key)), `fields of ${action} not in its type`).toEqual([]);
  for (const field of fields!.filter((f) => f.required)) expect(body[field.name] ?? null, `${action}.${field.name}`).not.toBeNull();
}

export type SessionVariables = Record<string, string>;
export const ANONYMOUS: SessionVariables = { 'x-hasura-role': 'anonymous' };

/** The fields action answers carry (each action uses some). */
export interface ActionBody {
  message?: string;
  extensions?: { code: string; retry_after?: number };
  accepted?: boolean;
  ok?: boolean;
  access_token?: string;
  refresh_token?: string;
  token_type?: string;
  expires_in?: number;
  user_id?: string;
  org_id?: string;
  mfa_required?: boolean;
  mfa_token?: string | null;
  secret?: string;
  otpauth_url?: string;
  backup_codes?: string[];
  enabled?: boolean;
  backup_codes_remaining?: number;
  id?: string;
  api_key?: string;
  scopes?: string[];
  invitation_id?: string;
  expires_at?: string;
  sessions_ended?: number;
  [key: string]: unknown;
}

export interface ActionResponse {
  status: number;
  body: ActionBody;
  headers: Record<string, string | string[] | number | undefined>;
}

/** Calls an action exactly as the engine does: the Hasura payload, the shared secret, client headers. */
export async function callAction(
  service: TestService,
  name: string,
  input: Record<string, unknown>,
  session: SessionVariables = ANONYMOUS,
  options: { ip?: string; secret?: string | null } = {},
): Promise<ActionResponse> {
  const headers: Record<string, string> = { 'user-agent': 'vitest-client/1.0', 'x-forwarded-for': options.ip ?? randomIp() };
  if (options.secret !== null) headers[ACTIONS_SECRET_HEADER] = options.secret ?? TEST_ACTIONS_SECRET;
  const response = await service.app.inject({
    method: 'POST',
    url: `/actions/${name}`,
    headers,
    payload: { action: { name }, input, session_variables: session, request_query: `mutation { ${name} }` },
  });
  const body = response.json<ActionBody>();
  if (response.statusCode === 200) expectDeclaredShape(name, body);
  return { status: response.statusCode, body, headers: response.headers };
}

/** The session variables the engine derives from an access token (docs/jwt-claims.md). */
export function sessionOfToken(accessToken: string): SessionVariables {
  const claims = decodeJwt(accessToken)[CLAIMS_NAMESPACE] as Record<string, string | string[]>;
  const session: SessionVariables = { 'x-hasura-role': claims['x-hasura-default-role'] as string };
  for (const [key, value] of Object.entries(claims)) {
    if (key !== 'x-hasura-default-role' && key !== 'x-hasura-allowed-roles' && typeof value === 'string') session[key] = value;
  }
  return session;
}

export const userSession = (userId: string, orgId: string): SessionVariables => ({
  'x-hasura-role': 'user',
  'x-hasura-user-id': userId,
  'x-hasura-org-id': orgId,
});

/** The token mailed to `email` in the newest outbox event of `topic` (as the email worker would open it). */
export async function mailedToken(service: TestService, topic: string, email: string): Promise<string> {
  const [event] = await adminSql<{ payload: { token_sealed: string } }[]>`
    select payload from outbox_events where topic = ${topic} and payload ->> 'email' = ${email.toLowerCase()}
     order by created_at desc, id desc limit 1`;
  expect(event, `an outbox event ${topic} for ${email}`).toBeDefined();
  const box = SecretBox.fromConfig(service.config.SECRETS_KEY, service.config.ACTIONS_SECRET);
  return box.open(event!.payload.token_sealed, outboxTokenContext(topic));
}

export interface SignedUpUser {
  email: string;
  password: string;
  userId: string;
  orgId: string;
  accessToken: string;
  refreshToken: string;
  session: SessionVariables;
}

/** Signs up, follows the verification mail, signs in. */
export async function signedUpUser(service: TestService, label: string, password = STRONG_PASSWORD): Promise<SignedUpUser> {
  const email = uniqueEmail(label);
  const signUp = await callAction(service, 'signUp', { email, password, display_name: label, org_name: `${label} Inc` });
  expect(signUp.status, JSON.stringify(signUp.body)).toBe(200);
  const token = await mailedToken(service, 'identity.email_verification_requested', email);
  const verified = await callAction(service, 'verifyEmail', { token });
  expect(verified.status, JSON.stringify(verified.body)).toBe(200);
  const signIn = await callAction(service, 'signIn', { email, password });
  expect(signIn.status, JSON.stringify(signIn.body)).toBe(200);
  return {
    email,
    password,
    userId: signIn.body.user_id!,
    orgId: signIn.body.org_id!,
    accessToken: signIn.body.access_token!,
    refreshToken: signIn.body.refresh_token!,
    session: sessionOfToken(signIn.body.access_token!),
  };
}

export async function authEvents(userId: string): Promise<{ event: string; ip: string | null; user_agent: string | null; detail: Record<string, unknown> }[]> {
  return adminSql`select event, host(ip) as ip, user_agent, detail from app_private.auth_events where user_id = ${userId} order by occurred_at`;
}
