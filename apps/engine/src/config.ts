import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const environment = z.object({
  HASURA_GRAPHQL_DATABASE_URL: z.string().min(1).optional(),
  HASURA_GRAPHQL_METADATA_DATABASE_URL: z.string().min(1).optional(),
  HASURA_GRAPHQL_ADMIN_SECRET: z.string().min(1).optional(),
  HASURA_GRAPHQL_JWT_SECRET: z.string().min(1).optional(),
  HASURA_GRAPHQL_UNAUTHORIZED_ROLE: z.string().min(1).optional(),
  HASURA_GRAPHQL_AUTH_HOOK: z.string().url().optional(),
  HASURA_GRAPHQL_AUTH_HOOK_MODE: z.enum(['GET', 'POST']).default('GET'),
  HASURA_GRAPHQL_SERVER_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HASURA_GRAPHQL_SERVER_HOST: z.string().default('127.0.0.1'),
  HASURA_GRAPHQL_ENABLE_CONSOLE: bool.default(false),
  HASURA_GRAPHQL_DEV_MODE: bool.default(false),
  HASURA_GRAPHQL_METADATA_DIR: z.string().optional(),
  HASURA_GRAPHQL_ALLOW_INCONSISTENT_METADATA: bool.default(false),
  HASURA_GRAPHQL_STRINGIFY_NUMERIC_TYPES: bool.default(false),
  HASURA_GRAPHQL_LIVE_QUERIES_MULTIPLEXED_REFETCH_INTERVAL: z.coerce.number().int().nonnegative().optional(),
  HASURA_GRAPHQL_LIVE_QUERIES_MULTIPLEXED_BATCH_SIZE: z.coerce.number().int().positive().default(100),
  HASURA_GRAPHQL_STREAMING_QUERIES_MULTIPLEXED_REFETCH_INTERVAL: z.coerce.number().int().nonnegative().optional(),
  HASURA_GRAPHQL_STREAMING_QUERIES_MULTIPLEXED_BATCH_SIZE: z.coerce.number().int().positive().default(100),
  HASURA_GRAPHQL_WEBSOCKET_KEEPALIVE: z.coerce.number().int().positive().default(5),
  HASURA_GRAPHQL_WEBSOCKET_CONNECTION_INIT_TIMEOUT: z.coerce.number().int().positive().default(3),
  /** WorkGrid: refetch every subscription at this interval even without a change notification (0 = never). */
  WORKGRID_ENGINE_LIVE_QUERY_FALLBACK_MS: z.coerce.number().int().nonnegative().default(30_000),
  /** WorkGrid: a websocket buffering more than this many bytes gets only the latest result of each subscription. */
  WORKGRID_ENGINE_WS_MAX_BUFFERED_BYTES: z.coerce.number().int().positive().default(4_194_304),
  /** WorkGrid: `SET LOCAL ROLE` to this database role in every transaction (when the login role differs). */
  WORKGRID_ENGINE_DB_ROLE: z.string().min(1).optional(),
  /** WorkGrid: largest accepted request body in bytes. */
  WORKGRID_ENGINE_BODY_LIMIT: z.coerce.number().int().positive().default(1_048_576),
  /** WorkGrid: deepest accepted selection nesting. */
  WORKGRID_ENGINE_MAX_DEPTH: z.coerce.number().int().positive().default(15),
  /** WorkGrid: most fields one operation may select, all levels together (a cost limit). */
  WORKGRID_ENGINE_MAX_FIELDS: z.coerce.number().int().positive().default(5000),
  /** WorkGrid: statement_timeout of every operation's transaction, in milliseconds (0 = none). */
  WORKGRID_ENGINE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().nonnegative().default(30_000),
});

export interface EngineConfig {
  databaseUrl: string;
  /** Where metadata is stored (schema hdb_catalog); the main database when unset. */
  metadataDatabaseUrl?: string | undefined;
  adminSecret: string | undefined;
  jwtSecret: string | undefined;
  authHook?: { url: string; mode: 'GET' | 'POST' } | undefined;
  unauthorizedRole: string | undefined;
  port: number;
  host: string;
  enableConsole: boolean;
  devMode: boolean;
  metadataDir: string;
  allowInconsistentMetadata: boolean;
  /** Database role to switch to inside each transaction, if any. */
  dbRole: string | undefined;
  /**
   * How the session reaches SQL: `always` (embedded default: every operation sets `hasura.user`), or
   * `mutations` (real Hasura's behaviour: queries run session-less and rely on metadata filters,
   * with `workgrid.engine_trusts_metadata` switched on for the transaction).
   */
  sessionToSql: 'always' | 'mutations';
  bodyLimit: number;
  maxDepth: number;
  maxFields?: number;
  statementTimeoutMs?: number;
  stringifyNumeric?: boolean;
  /** Subscriptions and websockets (see `subscriptionDefaults`). */
  subscriptions?: SubscriptionConfig;
  /** The environment, for metadata's `{from_env: NAME}` references (source database URLs). */
  environment?: Record<string, string | undefined>;
}

export interface SubscriptionConfig {
  /** Shortest time between two refetches of one live-query group, in ms (they refetch only when woken). */
  liveRefetchMs: number;
  liveBatchSize: number;
  /** As `liveRefetchMs`, for streaming subscriptions. */
  streamRefetchMs: number;
  streamBatchSize: number;
  /** Refetch every group at this interval without a notification (0 = never). */
  fallbackMs: number;
  keepAliveMs: number;
  initTimeoutMs: number;
  maxBufferedBytes: number;
}

// Hasura polls every refetch interval (1 s by default); here groups refetch only when a change
// notification wakes them, so the interval only spaces refetches and a short default keeps latency low.
export const subscriptionDefaults: SubscriptionConfig = {
  liveRefetchMs: 100,
  liveBatchSize: 100,
  streamRefetchMs: 100,
  streamBatchSize: 100,
  fallbackMs: 30_000,
  keepAliveMs: 5_000,
  initTimeoutMs: 3_000,
  maxBufferedBytes: 4_194_304,
};

/** Reads Hasura's environment variable names (and a few WorkGrid extras); nothing else reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): EngineConfig {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    throw new Error(`invalid engine configuration: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  const values = parsed.data;
  const databaseUrl = values.HASURA_GRAPHQL_DATABASE_URL ?? values.HASURA_GRAPHQL_METADATA_DATABASE_URL;
  if (!databaseUrl) throw new Error('invalid engine configuration: HASURA_GRAPHQL_DATABASE_URL is required');
  if (values.HASURA_GRAPHQL_AUTH_HOOK && values.HASURA_GRAPHQL_JWT_SECRET) {
    throw new Error('invalid engine configuration: HASURA_GRAPHQL_AUTH_HOOK and HASURA_GRAPHQL_JWT_SECRET are mutually exclusive');
  }
  if (values.HASURA_GRAPHQL_AUTH_HOOK && (!values.HASURA_GRAPHQL_ADMIN_SECRET || values.HASURA_GRAPHQL_UNAUTHORIZED_ROLE)) {
    throw new Error('invalid engine configuration: HASURA_GRAPHQL_AUTH_HOOK requires HASURA_GRAPHQL_ADMIN_SECRET and excludes HASURA_GRAPHQL_UNAUTHORIZED_ROLE');
  }
  if (values.HASURA_GRAPHQL_JWT_SECRET && !values.HASURA_GRAPHQL_ADMIN_SECRET) {
    throw new Error('invalid engine configuration: HASURA_GRAPHQL_JWT_SECRET requires HASURA_GRAPHQL_ADMIN_SECRET');
  }
  return {
    databaseUrl,
    metadataDatabaseUrl: values.HASURA_GRAPHQL_METADATA_DATABASE_URL,
    adminSecret: values.HASURA_GRAPHQL_ADMIN_SECRET,
    jwtSecret: values.HASURA_GRAPHQL_JWT_SECRET,
    authHook: values.HASURA_GRAPHQL_AUTH_HOOK ? { url: values.HASURA_GRAPHQL_AUTH_HOOK, mode: values.HASURA_GRAPHQL_AUTH_HOOK_MODE } : undefined,
    unauthorizedRole: values.HASURA_GRAPHQL_UNAUTHORIZED_ROLE,
    port: values.HASURA_GRAPHQL_SERVER_PORT,
    host: values.HASURA_GRAPHQL_SERVER_HOST,
    enableConsole: values.HASURA_GRAPHQL_ENABLE_CONSOLE,
    devMode: values.HASURA_GRAPHQL_DEV_MODE,
    metadataDir: resolve(cwd, values.HASURA_GRAPHQL_METADATA_DIR ?? 'metadata'),
    allowInconsistentMetadata: values.HASURA_GRAPHQL_ALLOW_INCONSISTENT_METADATA,
    dbRole: values.WORKGRID_ENGINE_DB_ROLE,
    sessionToSql: 'always',
    bodyLimit: values.WORKGRID_ENGINE_BODY_LIMIT,
    maxDepth: values.WORKGRID_ENGINE_MAX_DEPTH,
    maxFields: values.WORKGRID_ENGINE_MAX_FIELDS,
    statementTimeoutMs: values.WORKGRID_ENGINE_STATEMENT_TIMEOUT_MS,
    stringifyNumeric: values.HASURA_GRAPHQL_STRINGIFY_NUMERIC_TYPES,
    subscriptions: {
      liveRefetchMs: values.HASURA_GRAPHQL_LIVE_QUERIES_MULTIPLEXED_REFETCH_INTERVAL ?? subscriptionDefaults.liveRefetchMs,
      liveBatchSize: values.HASURA_GRAPHQL_LIVE_QUERIES_MULTIPLEXED_BATCH_SIZE,
      streamRefetchMs: values.HASURA_GRAPHQL_STREAMING_QUERIES_MULTIPLEXED_REFETCH_INTERVAL ?? subscriptionDefaults.streamRefetchMs,
      streamBatchSize: values.HASURA_GRAPHQL_STREAMING_QUERIES_MULTIPLEXED_BATCH_SIZE,
      fallbackMs: values.WORKGRID_ENGINE_LIVE_QUERY_FALLBACK_MS,
      keepAliveMs: values.HASURA_GRAPHQL_WEBSOCKET_KEEPALIVE * 1000,
      initTimeoutMs: values.HASURA_GRAPHQL_WEBSOCKET_CONNECTION_INIT_TIMEOUT * 1000,
      maxBufferedBytes: values.WORKGRID_ENGINE_WS_MAX_BUFFERED_BYTES,
    },
    environment: { ...env },
  };
}
