import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { readEnvFile } from './env-file.ts';
import { UserFacingError } from './fail.ts';
import { repoRoot } from './paths.ts';

export const envPath = join(repoRoot, '.env');
export const examplePath = join(repoRoot, '.env.example');

const port = z.coerce.number().int().min(1).max(65535);
const schema = z.object({
  POSTGRES_PORT: port,
  REDIS_PORT: port,
  S3_PORT: port,
  ACTIONS_PORT: port,
  ENGINE_PORT: port,
  WEB_PORT: port,
  POSTGRES_SUPERUSER_PASSWORD: z.string().min(1),
  DATABASE_URL: z.url(),
  ENGINE_DATABASE_URL: z.url(),
  APP_DATABASE_URL: z.url(),
  REDIS_URL: z.url(),
  S3_ENDPOINT: z.url(),
  S3_REGION: z.string().min(1),
  S3_BUCKET: z.string().min(3),
  S3_ACCESS_KEY: z.string().min(3),
  S3_SECRET_KEY: z.string().min(8),
  JWT_KEYS_DIR: z.string().min(1),
});

export type Settings = z.infer<typeof schema>;

export interface LocalConfig {
  settings: Settings;
  /** Every variable from .env with the real environment's values on top: the children's environment. */
  variables: Record<string, string>;
  /** DATABASE_URL / REDIS_URL came from the real environment: use that server and start none. */
  external: { postgres: boolean; redis: boolean };
  jwtKeysDir: string;
}

/** Loads .env, lets the real environment override it, and validates what the scripts use. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): LocalConfig {
  const fileValues = readEnvFile(envPath);
  const variables: Record<string, string> = { ...fileValues };
  for (const name of Object.keys(fileValues)) {
    const value = given(env, name);
    if (value !== undefined) variables[name] = value;
  }
  const parsed = schema.safeParse(variables);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserFacingError(
      `The setting ${String(issue?.path.join('.'))} is invalid (${issue?.message ?? 'bad value'}): fix it in .env or delete that line so npm start regenerates it.`,
    );
  }
  const settings = parsed.data;
  return {
    settings,
    variables,
    external: { postgres: given(env, 'DATABASE_URL') !== undefined, redis: given(env, 'REDIS_URL') !== undefined },
    jwtKeysDir: isAbsolute(settings.JWT_KEYS_DIR) ? settings.JWT_KEYS_DIR : join(repoRoot, settings.JWT_KEYS_DIR),
  };
}

/** The owner's URL for db:migrate and db:seed: the environment's, else the one in .env. */
export function loadDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = given(env, 'DATABASE_URL') ?? (existsSync(envPath) ? readEnvFile(envPath)['DATABASE_URL'] : undefined);
  if (!url) throw new UserFacingError('No DATABASE_URL: run npm start once (it writes .env), or set DATABASE_URL.');
  return url;
}

function given(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}
