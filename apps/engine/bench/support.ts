// What the engine's benchmarks share: the test suite's throwaway PostgreSQL (migrated), the engine
// started as a process of its own, and JWTs for a WorkGrid user.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SignJWT } from 'jose';
import type { TestProject } from 'vitest/node';
import { repoRoot } from '../../../scripts/lib/paths.ts';
import { freePort } from '../../../scripts/lib/ports.ts';
import { setup, type SetupOptions } from '../../../scripts/test/global-setup.ts';

export interface ThrowawayDatabase {
  /** Superuser (bypasses RLS: loads data). */
  superuserUrl: string;
  /** workgrid_engine (NOBYPASSRLS), as the engine connects. */
  engineUrl: string;
  teardown: () => Promise<void>;
}

/** A fresh cluster with the WorkGrid migrations (the test suite's global setup). */
export async function throwawayDatabase(options: SetupOptions = {}): Promise<ThrowawayDatabase> {
  const provided: Record<string, unknown> = {};
  const teardown = await setup({ provide: (key: string, value: unknown) => void (provided[key] = value) } as unknown as TestProject, options);
  return { superuserUrl: provided['superuserUrl'] as string, engineUrl: provided['engineUrl'] as string, teardown };
}

/** Starts `node <args>` and resolves with the first stdout line matching `ready`. */
export function startProcess(args: string[], env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (ready.test(line)) resolve({ child, line });
    });
  });
}

export interface EngineProcess {
  child: ChildProcess;
  /** http://127.0.0.1:<port>/v1/graphql */
  url: string;
  jwtKey: string;
}

/** The engine (apps/engine/src/server.ts) in production mode, accepting HS256 JWTs signed with a fresh key. */
export async function startEngineProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<EngineProcess> {
  const jwtKey = randomBytes(32).toString('hex');
  const port = await freePort();
  const { child } = await startProcess(['--import', 'tsx', join(repoRoot, 'apps', 'engine', 'src', 'server.ts')], {
    HASURA_GRAPHQL_DATABASE_URL: databaseUrl,
    HASURA_GRAPHQL_METADATA_DIR: join(repoRoot, 'hasura', 'metadata'),
    HASURA_GRAPHQL_ADMIN_SECRET: randomBytes(16).toString('hex'),
    HASURA_GRAPHQL_JWT_SECRET: JSON.stringify({ type: 'HS256', key: jwtKey }),
    HASURA_GRAPHQL_SERVER_PORT: String(port),
    ACTIONS_BASE_URL: 'http://127.0.0.1:9',
    ACTIONS_SECRET: 'bench',
    NODE_ENV: 'production',
    ...env,
  }, /engine listening/);
  return { child, url: `http://127.0.0.1:${port}/v1/graphql`, jwtKey };
}

/** A JWT for a member of an org, with the `user` role. */
export function userToken(jwtKey: string, userId: string, orgId: string): Promise<string> {
  return new SignJWT({
    sub: userId,
    'https://hasura.io/jwt/claims': { 'x-hasura-allowed-roles': ['user'], 'x-hasura-default-role': 'user', 'x-hasura-user-id': userId, 'x-hasura-org-id': orgId },
  }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2h').sign(new TextEncoder().encode(jwtKey));
}
