import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql as superuser } from '../../../db/test/support/database.ts';
import { createOrg, type OrgFixture } from '../../../db/test/support/fixtures.ts';
import { loadMetadataDirectory } from '../src/metadata.ts';
import type { TableInfo } from '../src/model.ts';
import { RoleView } from '../src/schema.ts';
import { asRole, startEngine, type TestEngine } from './support/harness.ts';

// A few thousand random and malformed operations against the WorkGrid metadata: the engine must
// always answer HTTP 200 with Hasura's shape, never leak SQL or stack traces, never crash, and never
// return the other org's data.
const METADATA_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'hasura', 'metadata');
const CASES = 2500;

/** Deterministic PRNG (mulberry32) so a failure reproduces. */
function rng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The rules the database enforces raise the stable codes listed in docs/error-codes.md. */
const DOMAIN_CODES = [...readFileSync(join(METADATA_DIR, '..', '..', 'docs', 'error-codes.md'), 'utf8').matchAll(/^\| `([a-z_]+)` \|/gm)].map((match) => match[1]!);
const KNOWN_CODES = new Set([
  'validation-failed', 'parse-failed', 'invalid-json', 'not-found', 'permission-error', 'constraint-violation', 'data-exception', 'bad-request',
  'unexpected-payload', 'not-supported', 'constraint-error', 'access-denied', 'invalid-headers', 'invalid-jwt',
  ...DOMAIN_CODES,
]);

let a: OrgFixture;
let b: OrgFixture;
let engine: TestEngine;
beforeAll(async () => {
  await superuser.begin(async (tx) => {
    a = await createOrg(tx, 'FuzzA');
    b = await createOrg(tx, 'FuzzB');
  });
  engine = await startEngine(loadMetadataDirectory(METADATA_DIR));
});
afterAll(async () => {
  await engine?.close();
  await superuser.end();
});

describe('fuzzing /v1/graphql', () => {
  it(`survives ${CASES} random and malformed requests without leaks`, async () => {
    const random = rng(20261122);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const view = new RoleView(engine.engine.model, 'user');
    const tables = [...engine.engine.model.tables.values()].filter((table) => view.select(table));
    const values = ['1', '-1', '0', '"x"', '""', 'null', 'true', '1.5', '"%"', `"${b.orgId}"`, `"${a.orgId}"`, '[1, 2]', '[]', '{a: 1}', '"\' or 1=1 --"', '"\\u0000"', '99999999999999999999'];
    const operators = ['_eq', '_neq', '_gt', '_lt', '_in', '_nin', '_is_null', '_like', '_ilike', '_regex', '_contains', '_has_key', '_cast', '_nope'];
    const columnsOf = (table: TableInfo) => view.columns(table).map((column) => column.gqlName);
    const where = (table: TableInfo, depth: number): string => {
      const roll = random();
      if (roll < 0.15 && depth < 3) return `{_or: [${where(table, depth + 1)}, ${where(table, depth + 1)}]}`;
      if (roll < 0.25 && depth < 3) return `{_not: ${where(table, depth + 1)}}`;
      if (roll < 0.4 && depth < 3) {
        const rel = pick([...table.relationships.values()]);
        const target = rel ? view.target(rel) : undefined;
        if (rel && target) return `{${rel.name}: ${where(target, depth + 1)}}`;
      }
      if (random() < 0.2) return `{${pick([...columnsOf(table), 'nope'])}: {${pick(operators)}: ${pick(values)}}}`;
      const column = pick(view.columns(table));
      if (!column) return '{}';
      const value = valueFor(column.pg.typeName);
      return `{${column.gqlName}: ${pick([`{_eq: ${value}}`, `{_neq: ${value}}`, `{_in: [${value}]}`, `{_nin: [${value}, ${value}]}`, '{_is_null: true}', '{_is_null: false}'])}}`;
    };
    const valueFor = (type: string): string => {
      if (type === 'uuid') return `"${pick([a.orgId, b.orgId, a.users.owner, b.users.owner, b.teamId])}"`;
      if (type.startsWith('int') || type === 'numeric') return pick(['1', '0', '42']);
      if (type === 'bool') return pick(['true', 'false']);
      if (type === 'timestamptz' || type === 'date') return '"2024-01-01T00:00:00Z"';
      if (type === 'jsonb') return '{a: 1}';
      return pick(['"x"', '"owner"', '"member"', '""']);
    };
    const selection = (table: TableInfo, depth: number): string => {
      const fields = columnsOf(table).filter(() => random() < 0.4);
      if (depth < 3) {
        for (const rel of table.relationships.values()) {
          const target = view.target(rel);
          if (target && random() < 0.2) fields.push(`${rel.name}${rel.kind === 'array' && random() < 0.5 ? `(limit: ${random() < 0.9 ? '3' : pick(values)}, where: ${where(target, 2)})` : ''} { ${selection(target, depth + 1)} }`);
        }
      }
      if (random() < 0.1) fields.push('__typename');
      if (random() < 0.01) fields.push('bogus_field');
      return fields.length > 0 ? fields.join(' ') : (columnsOf(table)[0] ?? '__typename');
    };
    const operation = (): string => {
      const table = pick(tables);
      const kind = random();
      if (kind < 0.5) return `{ ${table.rootFields.select}(where: ${where(table, 0)}, limit: ${random() < 0.9 ? pick(['1', '5', '100']) : pick(values)}, order_by: {${pick(columnsOf(table))}: ${pick(['asc', 'desc_nulls_last', 'desc', 'asc_nulls_first', 'sideways'])}}) { ${selection(table, 0)} } }`;
      if (kind < 0.6) return `{ ${table.rootFields.select_aggregate}(where: ${where(table, 0)}) { aggregate { count(distinct: ${random() < 0.8 ? 'true' : pick(values)}) } nodes { ${selection(table, 1)} } } }`;
      if (kind < 0.7) return `{ ${table.rootFields.select_by_pk}(id: ${pick(values)}) { ${selection(table, 0)} } }`;
      if (kind < 0.8) return `mutation { ${table.rootFields.update}(where: ${where(table, 0)}, _set: {${pick(columnsOf(table))}: ${random() < 0.5 ? '"x"' : pick(values)}}) { affected_rows returning { ${selection(table, 1)} } } }`;
      if (kind < 0.85) return `mutation { ${table.rootFields.delete}(where: {${pick(columnsOf(table))}: {_eq: ${pick(values)}}}) { affected_rows } }`;
      const valid = `{ ${table.rootFields.select} { ${selection(table, 0)} } }`;
      const cut = Math.floor(random() * valid.length);
      return pick([valid.slice(0, cut), valid.replace(/[{}]/, ''), `${valid}}`, '{'.repeat(50) + '}'.repeat(50), `query ($x: Int!) ${valid}`, valid.split('').reverse().join('')]);
    };
    const bodies = (): string => {
      const roll = random();
      if (roll < 0.85) return JSON.stringify({ query: operation(), variables: random() < 0.1 ? { x: pick(values) } : undefined });
      if (roll < 0.9) return JSON.stringify([{ query: operation() }, { query: operation() }]);
      return pick(['', 'null', '[]', '{"query": 1}', '{"query": "{"}', '{"variables": []}', '{', '"just a string"', JSON.stringify({ query: '{ __schema { types { name } } }' })]);
    };

    const headers = { 'content-type': 'application/json', ...asRole('user', { 'x-hasura-user-id': a.users.owner, 'x-hasura-org-id': a.orgId }) };
    const foreign = [b.orgId, ...Object.values(b.users), b.teamId, b.tagId, b.commentId];
    const outcomes = new Map<string, number>();
    const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    for (let index = 0; index < CASES; index += 1) {
      const payload = bodies();
      const response = await engine.app.inject({ method: 'POST', url: '/v1/graphql', headers, payload });
      const context = `case ${index}: ${payload.slice(0, 300)}`;
      expect(response.statusCode, context).toBe(200);
      const body = JSON.parse(response.body) as unknown;
      for (const reply of Array.isArray(body) ? body : [body]) {
        const errors = (reply as { errors?: { message: string; extensions: { code: string; internal?: unknown } }[] }).errors;
        if (errors) {
          expect(reply, context).not.toHaveProperty('data');
          for (const error of errors) {
            count(error.extensions.code);
            expect(KNOWN_CODES.has(error.extensions.code), `${context} → ${JSON.stringify(error)}`).toBe(true);
            expect(error.extensions.internal, context).toBeUndefined();
            expect(error.message, context).not.toMatch(/\bselect\b.*\bfrom\b|\n\s+at |json_build_object/i);
          }
        } else {
          expect(reply, context).toHaveProperty('data');
          count('data');
          // Error messages may echo the request's own values; data must never hold the other org's.
          const data = JSON.stringify((reply as { data: unknown }).data);
          for (const id of foreign) expect(data.includes(id), `${context} leaked ${id}`).toBe(false);
        }
      }
    }
    // The generator reaches execution, not only validation.
    expect(outcomes.get('data') ?? 0, JSON.stringify([...outcomes])).toBeGreaterThan(CASES / 5);
    console.log(`fuzz outcomes: ${JSON.stringify(Object.fromEntries(outcomes))}`);
    const health = await engine.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.body).toBe('OK');
  }, 240_000);
});
