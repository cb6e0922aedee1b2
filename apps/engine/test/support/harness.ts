import postgres from 'postgres';
import { inject } from 'vitest';
import { buildApp } from '../../src/app.ts';
import type { EngineConfig } from '../../src/config.ts';
import { Engine } from '../../src/engine.ts';
import type { Metadata, TableMetadata } from '../../src/metadata.ts';
import type { FastifyInstance } from 'fastify';

export const ADMIN_SECRET = 's3cret';

export interface TestEngine {
  engine: Engine;
  app: FastifyInstance;
  close: () => Promise<void>;
}

export function testConfig(overrides: Partial<EngineConfig> = {}): EngineConfig {
  return {
    databaseUrl: inject('engineUrl'),
    adminSecret: ADMIN_SECRET,
    jwtSecret: undefined,
    unauthorizedRole: 'anonymous',
    port: 0,
    host: '127.0.0.1',
    enableConsole: true,
    devMode: false,
    metadataDir: '',
    allowInconsistentMetadata: false,
    dbRole: undefined,
    sessionToSql: 'always',
    bodyLimit: 1_048_576,
    maxDepth: 15,
    maxFields: 5000,
    statementTimeoutMs: 30_000,
    // What the WorkGrid metadata's actions read: a handler that nothing listens on, unless a test says otherwise.
    environment: { ACTIONS_BASE_URL: 'http://127.0.0.1:9', ACTIONS_SECRET: 'test-actions-secret' },
    ...overrides,
  };
}

/** Runs setup SQL as superuser in a fresh schema and lets workgrid_engine use it. */
export async function createTestSchema(schema: string, setupSql: string): Promise<void> {
  const sql = postgres(inject('superuserUrl'), { max: 1, onnotice: () => undefined });
  try {
    await sql.unsafe(`drop schema if exists "${schema}" cascade; create schema "${schema}"; set search_path to "${schema}", public;\n${setupSql}`);
    await sql.unsafe(`grant usage on schema "${schema}" to workgrid_engine;
      grant select, insert, update, delete on all tables in schema "${schema}" to workgrid_engine;
      grant usage, select on all sequences in schema "${schema}" to workgrid_engine;`);
  } finally {
    await sql.end();
  }
}

export function metadataOf(tables: TableMetadata[], functions: unknown[] = []): Metadata {
  return { version: 3, sources: [{ name: 'default', kind: 'postgres', tables, functions, configuration: {} }] };
}

export async function startEngine(metadata: Metadata, overrides: Partial<EngineConfig> = {}): Promise<TestEngine> {
  const engine = new Engine(testConfig(overrides));
  const inconsistencies = await engine.replaceMetadata(metadata, overrides.allowInconsistentMetadata ?? false);
  if (inconsistencies.length > 0 && !overrides.allowInconsistentMetadata) {
    await engine.close();
    throw new Error(`inconsistent metadata: ${JSON.stringify(inconsistencies)}`);
  }
  const app = buildApp(engine);
  await app.ready();
  return {
    engine,
    app,
    close: async () => {
      await app.close();
      await engine.close();
    },
  };
}

export interface GraphqlCall {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  headers?: Record<string, string>;
}

export const asAdmin = { 'x-hasura-admin-secret': ADMIN_SECRET };

export function asRole(role: string, session: Record<string, string> = {}): Record<string, string> {
  return { ...asAdmin, 'x-hasura-role': role, ...session };
}

/** POST /v1/graphql and return the parsed body (status asserted 200 as Hasura always answers). */
export async function gql(app: FastifyInstance, call: GraphqlCall): Promise<unknown> {
  const payload: Record<string, unknown> = { query: call.query };
  if (call.variables) payload['variables'] = call.variables;
  if (call.operationName) payload['operationName'] = call.operationName;
  const response = await app.inject({ method: 'POST', url: '/v1/graphql', headers: { 'content-type': 'application/json', ...(call.headers ?? asAdmin) }, payload: JSON.stringify(payload) });
  if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}: ${response.body}`);
  return JSON.parse(response.body) as unknown;
}
