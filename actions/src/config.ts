import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);

const configSchema = z.object({
  ACTIONS_HOST: z.string().min(1).default('127.0.0.1'),
  ACTIONS_PORT: port.default(3100),
  APP_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }),
  ACTIONS_SECRET: z.string().min(16, 'ACTIONS_SECRET must be at least 16 characters'),
  JWT_KEYS_DIR: z.string().min(1).default('.data/keys'),
  JWT_AUDIENCE: z.string().min(1).default('workgrid'),
  JWT_ISSUER: z.string().min(1).default('workgrid'),
  /** A new signing key is made when the newest is older than this; old keys stay published until their tokens expire. */
  JWT_KEY_ROTATION_DAYS: z.coerce.number().int().min(1).default(30),
  /**
   * 32 random bytes, base64: encrypts TOTP secrets at rest and the one-time tokens inside outbox
   * emails (the worker holds the same key). Without it, a key is derived from ACTIONS_SECRET.
   */
  SECRETS_KEY: z.string().min(32).optional(),
  /** Failed sign-ins of one account before it is locked, and for how long. */
  AUTH_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  AUTH_LOCKOUT_SECONDS: z.coerce.number().int().min(1).default(900),
  /** Attempts (sign-in, reset, exchange) allowed from one IP address per window. */
  AUTH_IP_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(100),
  AUTH_IP_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
});

/** The worker serves no HTTP and is never called by the engine, so it gets no listener or secret. */
const workerConfigSchema = configSchema.pick({
  APP_DATABASE_URL: true,
  REDIS_URL: true,
  SECRETS_KEY: true,
  LOG_LEVEL: true,
  NODE_ENV: true,
});

export type Config = z.infer<typeof configSchema>;
export type WorkerConfig = z.infer<typeof workerConfigSchema>;

type Env = Record<string, string | undefined>;

/** Reads and validates the service's settings; the only place in actions/ that reads process.env. */
export function loadConfig(env: Env = process.env): Config {
  return parse(configSchema, env);
}

export function loadWorkerConfig(env: Env = process.env): WorkerConfig {
  return parse(workerConfigSchema, env);
}

function parse<T>(schema: z.ZodType<T>, env: Env): T {
  // An empty variable means "not set", so defaults apply to `FOO=` lines too.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = schema.safeParse(given);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}
