// Identity benchmark (part of `npm run bench`; alone: `npm run bench -w actions`).
// 1. Password verification (argon2id at the service's cost): throughput and p99 under concurrency.
// 2. Access-token verification with jose against a local JWKS, as the engine does per request.
// 3. With the local stack running (`npm start`, which writes .env) and the demo data loaded:
//    end-to-end signIn through the service (Fastify inject, real Postgres and Redis).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { fixed, measure, runBenchmark } from '../../scripts/bench/harness.ts';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { KeyStore } from '../src/identity/keys.ts';
import { ARGON2_OPTIONS, hashPassword, verifyPassword } from '../src/identity/passwords.ts';
import { TokenIssuer } from '../src/identity/tokens.ts';
import { ACTIONS_SECRET_HEADER } from '../src/plugins/actions-secret.ts';

const root = new URL('../../', import.meta.url);

await runBenchmark({
  name: 'identity',
  run: async (report) => {
    const hash = await hashPassword('benchmark passphrase 2026');
    const argon = await measure(200, 8, async () => {
      if (!(await verifyPassword(hash, 'benchmark passphrase 2026'))) throw new Error('verify failed');
    });
    const cost = `argon2id m=${ARGON2_OPTIONS.memoryCost} KiB t=${ARGON2_OPTIONS.timeCost} p=${ARGON2_OPTIONS.parallelism}, concurrency 8`;
    report({ metric: 'password verifications/s', value: fixed(argon.perSecond), note: cost });
    report({ metric: 'password verification p50 / p99 (ms)', value: `${fixed(argon.p50)} / ${fixed(argon.p99)}`, note: cost });

    const keysDir = mkdtempSync(join(tmpdir(), 'workgrid-bench-keys-'));
    try {
      const keys = await KeyStore.open(keysDir, 30);
      const { access_token: token } = await new TokenIssuer(keys, 'workgrid', 'workgrid').accessToken({ userId: '10000000-0000-4000-8000-000000000001', orgId: 'a0000000-0000-4000-8000-000000000000' });
      const jwks = createLocalJWKSet(keys.jwks());
      const rounds = 5000;
      const verifyStart = performance.now();
      for (let i = 0; i < rounds; i += 1) await jwtVerify(token, jwks, { issuer: 'workgrid', audience: 'workgrid' });
      report({ metric: 'access token verification (µs/request)', value: fixed(((performance.now() - verifyStart) * 1000) / rounds), note: 'EdDSA, jose, local JWKS' });
    } finally {
      rmSync(keysDir, { recursive: true, force: true });
    }

    const envFile = new URL('.env', root);
    if (!existsSync(envFile)) {
      report({ metric: 'signIn through the service (sign-ins/s)', value: '', note: 'skipped: no .env (run `npm start` first)' });
      return;
    }
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
      const warmUp = await signIn(0).then(() => undefined, (error: unknown) => error);
      if (warmUp !== undefined) {
        report({ metric: 'signIn through the service (sign-ins/s)', value: '', note: 'skipped: the local stack does not answer (run `npm start`)' });
        return;
      }
      const e2e = await measure(200, 8, signIn);
      const note = 'Fastify inject, local Postgres and Redis, concurrency 8';
      report({ metric: 'signIn through the service (sign-ins/s)', value: fixed(e2e.perSecond), note });
      report({ metric: 'signIn p50 / p99 (ms)', value: `${fixed(e2e.p50)} / ${fixed(e2e.p99)}`, note });
    } finally {
      await app.close();
    }
  },
});
