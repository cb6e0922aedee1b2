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
  // --- Side effects (worker, webhooks, email) ---
  OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(50).default(5_000),
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(1).default(300),
  JOB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  JOB_BACKOFF_BASE_MS: z.coerce.number().int().min(1).default(1_000),
  JOB_BACKOFF_MAX_MS: z.coerce.number().int().min(1).default(3_600_000),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(10),
  /** How long a job's lock lives without renewal: a crashed worker's jobs return after about this long. */
  WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(500).default(30_000),
  /** Test and development escape hatch: lets outbound webhooks reach private and loopback addresses. */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: z.stringbool().default(false),
  /** Waits between webhook delivery attempts, comma-separated milliseconds. */
  WEBHOOK_RETRY_DELAYS_MS: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'comma-separated milliseconds')
    .default('60000,300000,1800000,7200000')
    .transform((value) => value.split(',').map(Number)),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Where email goes: the database mailbox (local default), Resend's HTTP API, or an SMTP server. */
  EMAIL_PROVIDER: z.enum(['mailbox', 'resend', 'smtp']).default('mailbox'),
  EMAIL_FROM: z.string().min(3).default('WorkGrid <no-reply@workgrid.localhost>'),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_API_URL: z.url().default('https://api.resend.com'),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** Inbound webhook secrets; a source without one is not accepted (404). */
  GITHUB_WEBHOOK_SECRET: z.string().min(16).optional(),
  SLACK_SIGNING_SECRET: z.string().min(16).optional(),
  EMAIL_WEBHOOK_SECRET: z.string().min(16).optional(),
  /** How far a signed inbound timestamp may be from now (replay window), in seconds. */
  INBOUND_WEBHOOK_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
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
