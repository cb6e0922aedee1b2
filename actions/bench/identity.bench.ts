// Identity benchmark: `npm run bench -w actions`.
// 1. Password verification (argon2id at the service's cost): throughput and p99 under concurrency.
// 2. Access-token verification with jose against a local JWKS, as the engine does per request.
// 3. With the local stack running (`npm start`, which writes .env) and the demo data loaded:
//    end-to-end signIn through the service (Fastify inject, real Postgres and Redis).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { KeyStore } from '../src/identity/keys.ts';
import { ARGON2_OPTIONS, hashPassword, verifyPassword } from '../src/identity/passwords.ts';
import { TokenIssuer } from '../src/identity/tokens.ts';
import { ACTIONS_SECRET_HEADER } from '../src/plugins/actions-secret.ts';

const root = new URL('../../', import.meta.url);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(total: number, concurrency: number, task: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await task(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: total / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

const fmt = (n: number) => n.toFixed(1);

const hash = await hashPassword('benchmark passphrase 2026');
const argon = await measure(200, 8, async () => {
  if (!(await verifyPassword(hash, 'benchmark passphrase 2026'))) throw new Error('verify failed');
});
console.log(`argon2id m=${ARGON2_OPTIONS.memoryCost} KiB t=${ARGON2_OPTIONS.timeCost} p=${ARGON2_OPTIONS.parallelism}: `
  + `${fmt(argon.perSecond)} verifications/s, p50 ${fmt(argon.p50)} ms, p99 ${fmt(argon.p99)} ms (concurrency 8)`);

const keysDir = mkdtempSync(join(tmpdir(), 'workgrid-bench-keys-'));
process.once('exit', () => rmSync(keysDir, { recursive: true, force: true }));
const keys = await KeyStore.open(keysDir, 30);
const { access_token: token } = await new TokenIssuer(keys, 'workgrid', 'workgrid').accessToken({ userId: '10000000-0000-4000-8000-000000000001', orgId: 'a0000000-0000-4000-8000-000000000000' });
const jwks = createLocalJWKSet(keys.jwks());
const rounds = 5000;
const verifyStart = performance.now();
for (let i = 0; i < rounds; i += 1) await jwtVerify(token, jwks, { issuer: 'workgrid', audience: 'workgrid' });
console.log(`access token verification (EdDSA, jose, local JWKS): ${fmt(((performance.now() - verifyStart) * 1000) / rounds)} µs per request`);

const envFile = new URL('.env', root);
if (!existsSync(envFile)) {
  console.log('sign-in through the service: skipped (no .env; run `npm start` first)');
} else {
  process.loadEnvFile(envFile);
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', AUTH_IP_MAX_ATTEMPTS: '1000000' });
  const logins = JSON.parse(readFileSync(new URL('db/seeds/demo-logins.json', root), 'utf8')) as { password: string; logins: { email: string }[] };
  const app = buildApp(config);
  await app.ready();
  try {
    const signIn = async (i: number) => {
      const response = await app.inject({
        method: 'POST',
        url: '/actions/signIn',
        headers: { [ACTIONS_SECRET_HEADER]: config.ACTIONS_SECRET, 'x-forwarded-for': `10.9.${i % 250}.${(i % 200) + 1}` },
        payload: { action: { name: 'signIn' }, input: { email: logins.logins[i % logins.logins.length]!.email, password: logins.password }, session_variables: { 'x-hasura-role': 'anonymous' } },
      });
      if (response.statusCode !== 200) throw new Error(`signIn answered ${response.statusCode}: ${response.body}`);
    };
    await signIn(0);
    const e2e = await measure(200, 8, signIn);
    console.log(`signIn through the service: ${fmt(e2e.perSecond)} sign-ins/s, p50 ${fmt(e2e.p50)} ms, p99 ${fmt(e2e.p99)} ms (concurrency 8)`);
  } finally {
    await app.close();
  }
}
