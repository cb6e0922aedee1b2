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
  /** Days expired or used refresh, email, invitation and MFA records are kept (docs/operations.md). */
  RETENTION_TOKEN_DAYS: z.coerce.number().int().min(1).default(7),
  /** Days security events are kept. */
  RETENTION_AUTH_EVENT_DAYS: z.coerce.number().int().min(1).default(365),
  /** Days delivered outbox rows are kept; their idempotency keys are unique only that long. */
  RETENTION_OUTBOX_DAYS: z.coerce.number().int().min(2).default(30),
  // --- Object storage (ticket attachments); without S3_ENDPOINT the upload actions answer storage_unavailable ---
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  /** The endpoint browsers reach, named by presigned URLs only; S3_ENDPOINT when unset. */
  S3_PUBLIC_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().min(3).default('workgrid'),
  S3_ACCESS_KEY: z.string().min(1).optional(),
  S3_SECRET_KEY: z.string().min(1).optional(),
  /** Largest ticket attachment accepted, in bytes (25 MiB by default). */
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1).default(25 * 1024 * 1024),
});

/** The worker serves no HTTP and is never called by the engine, so it gets no listener or secret. */
const workerConfigSchema = configSchema.pick({
  APP_DATABASE_URL: true,
  REDIS_URL: true,
  LOG_LEVEL: true,
  NODE_ENV: true,
  OUTBOX_POLL_INTERVAL_MS: true,
  OUTBOX_BATCH_SIZE: true,
  OUTBOX_LEASE_SECONDS: true,
  JOB_MAX_ATTEMPTS: true,
  JOB_BACKOFF_BASE_MS: true,
  JOB_BACKOFF_MAX_MS: true,
  WORKER_CONCURRENCY: true,
  WORKER_LOCK_DURATION_MS: true,
  WEBHOOK_ALLOW_PRIVATE_TARGETS: true,
  WEBHOOK_RETRY_DELAYS_MS: true,
  WEBHOOK_TIMEOUT_MS: true,
  EMAIL_PROVIDER: true,
  EMAIL_FROM: true,
  RESEND_API_KEY: true,
  RESEND_API_URL: true,
  SMTP_URL: true,
  RETENTION_TOKEN_DAYS: true,
  RETENTION_AUTH_EVENT_DAYS: true,
  RETENTION_OUTBOX_DAYS: true,
}).extend({
  /** The worker opens the tokens sealed into identity emails: it needs the actions service's key itself. */
  SECRETS_KEY: z.string().min(32, 'SECRETS_KEY must be the actions service\'s value (at least 32 characters)'),
  /** S3 storage for task imports' error reports and task exports (MinIO in compose, the local store with npm start). */
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  /** The endpoint browsers reach, named by presigned links only; S3_ENDPOINT when unset. */
  S3_PUBLIC_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().min(3).default('workgrid'),
  S3_ACCESS_KEY: z.string().min(3).optional(),
  S3_SECRET_KEY: z.string().min(8).optional(),
  /** How long an export or error report link stays valid. */
  DOWNLOAD_LINK_SECONDS: z.coerce.number().int().min(60).max(7 * 24 * 3600).default(3600),
  /** Where people reach the web console: the base of the links in emails. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3300').transform((url) => url.replace(/\/+$/, '')),
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
