import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);

const configSchema = z.object({
  ACTIONS_HOST: z.string().min(1).default('127.0.0.1'),
  ACTIONS_PORT: port.default(3100),
  APP_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }),
  ACTIONS_SECRET: z.string().min(16, 'ACTIONS_SECRET must be at least 16 characters'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
});

/** The worker serves no HTTP and is never called by the engine, so it gets no listener or secret. */
const workerConfigSchema = configSchema.omit({ ACTIONS_HOST: true, ACTIONS_PORT: true, ACTIONS_SECRET: true });

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
