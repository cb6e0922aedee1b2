import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrate } from '../lib/database-setup.ts';
import { ensureEnvFile, readEnvFile } from '../lib/env-file.ts';
import { toSentence, UserFacingError } from '../lib/fail.ts';
import { examplePath } from '../lib/config.ts';
import { assertPortFree, freePort } from '../lib/ports.ts';
import { s3Client } from '../lib/s3-store.ts';

describe('provided PostgreSQL', () => {
  const roles = [
    ['superuserUrl', 'postgres'],
    ['ownerUrl', 'workgrid_owner'],
    ['engineUrl', 'workgrid_engine'],
    ['appUrl', 'workgrid_app'],
  ] as const;

  it.each(roles)('is reachable with %s as %s', async (key, role) => {
    const sql = postgres(inject(key), { max: 1 });
    try {
      const [row] = await sql<{ user: string; db: string }[]>`select current_user as user, current_database() as db`;
      expect(row).toEqual({ user: role, db: 'workgrid_test' });
    } finally {
      await sql.end();
    }
  });

  it('gives the service roles no way around row-level security and no objects', async () => {
    const sql = postgres(inject('superuserUrl'), { max: 1 });
    try {
      const rows = await sql<{ rolname: string; rolbypassrls: boolean; rolsuper: boolean; owned: number }[]>`
        select r.rolname, r.rolbypassrls, r.rolsuper,
               (select count(*)::int from pg_shdepend d where d.refobjid = r.oid and d.deptype = 'o') as owned
        from pg_roles r where r.rolname in ('workgrid_engine', 'workgrid_app') order by r.rolname`;
      expect(rows).toEqual([
        { rolname: 'workgrid_app', rolbypassrls: false, rolsuper: false, owned: 0 },
        { rolname: 'workgrid_engine', rolbypassrls: false, rolsuper: false, owned: 0 },
      ]);
      const [owner] = await sql<{ owner: string }[]>`
        select pg_get_userbyid(datdba) as owner from pg_database where datname = current_database()`;
      expect(owner?.owner).toBe('workgrid_owner');
    } finally {
      await sql.end();
    }
  });
});

describe('migration failures', () => {
  let scratchDir: string;
  let scratchDatabase: string;

  beforeAll(async () => {
    scratchDir = mkdtempSync(join(tmpdir(), 'workgrid-migrations-'));
    writeFileSync(join(scratchDir, '0001_ok.sql'), 'create table scratch_ok (id int);');
    writeFileSync(join(scratchDir, '0002_broken.sql'), 'select * from table_that_does_not_exist;');
    writeFileSync(join(scratchDir, 'README.md'), 'not a migration');
    scratchDatabase = `scratch_${process.pid}`;
    const sql = postgres(inject('superuserUrl'), { max: 1 });
    await sql.unsafe(`create database ${scratchDatabase} owner workgrid_owner`);
    await sql.end();
  });

  afterAll(async () => {
    rmSync(scratchDir, { recursive: true, force: true });
    const sql = postgres(inject('superuserUrl'), { max: 1 });
    await sql.unsafe(`drop database if exists ${scratchDatabase} with (force)`);
    await sql.end();
  });

  it('name the migration file and the Postgres message in one sentence', async () => {
    const url = new URL(inject('ownerUrl'));
    url.pathname = `/${scratchDatabase}`;
    const failure = await migrate(url.toString(), scratchDir).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UserFacingError);
    expect(toSentence(failure)).toBe(
      'Migration 0002_broken.sql failed: relation "table_that_does_not_exist" does not exist — fix that file and run the command again.',
    );
  });
});

describe('provided Redis', () => {
  it('answers and never evicts keys (BullMQ needs noeviction)', async () => {
    const redis = new Redis(inject('redisUrl'));
    try {
      expect(await redis.ping()).toBe('PONG');
      expect(await redis.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
    } finally {
      redis.disconnect();
    }
  });
});

describe('provided S3 store', () => {
  it('round-trips an object with the minio client', async () => {
    const s3 = inject('s3');
    const client = s3Client(s3);
    const body = Buffer.from(`hello ${Date.now()}`);
    await client.putObject(s3.bucket, 'round-trip.txt', body, body.length, { 'Content-Type': 'text/plain' });
    const stream = await client.getObject(s3.bucket, 'round-trip.txt');
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(body)).toBe(true);
    await client.removeObject(s3.bucket, 'round-trip.txt');
  });
});

describe('.env generation', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'workgrid-env-'));
    mkdirSync(dir, { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes fresh distinct secrets with mode 0600 and keeps them on the next run', async () => {
    const envPath = join(dir, '.env');
    const example = join(dir, '.env.example');
    copyFileSync(examplePath, example);

    const first = await ensureEnvFile({ envPath, examplePath: example });
    expect(first).toEqual({ created: true, added: [] });
    expect(statSync(envPath).mode & 0o777).toBe(0o600);
    const values = readEnvFile(envPath);
    expect(Object.keys(values).sort()).toEqual(Object.keys(readEnvFile(example)).sort());

    const secrets = [
      values['POSTGRES_SUPERUSER_PASSWORD'],
      values['S3_SECRET_KEY'],
      values['HASURA_GRAPHQL_ADMIN_SECRET'],
      values['ACTIONS_SECRET'],
      values['OWNER_DB_PASSWORD'],
      values['ENGINE_DB_PASSWORD'],
      values['APP_DB_PASSWORD'],
    ];
    for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(new Set(secrets).size).toBe(secrets.length);
    expect(readFileSync(envPath, 'utf8')).not.toContain('change-me');
    expect(new URL(values['DATABASE_URL'] ?? '').port).toBe(values['POSTGRES_PORT']);
    expect(new URL(values['DATABASE_URL'] ?? '').password).toBe(values['OWNER_DB_PASSWORD']);
    expect(new URL(values['ENGINE_DATABASE_URL'] ?? '').password).toBe(values['ENGINE_DB_PASSWORD']);
    expect(new URL(values['APP_DATABASE_URL'] ?? '').password).toBe(values['APP_DB_PASSWORD']);
    expect(values['EMAIL_FROM']).toBe('WorkGrid <no-reply@workgrid.localhost>');
    const sourced = execFileSync('bash', ['-c', `set -a; . '${envPath}'; printf %s "$EMAIL_FROM"`], { encoding: 'utf8' });
    expect(sourced).toBe(values['EMAIL_FROM']);

    writeFileSync(example, `${readFileSync(example, 'utf8')}\nNEW_SECRET=change-me\n`);
    const second = await ensureEnvFile({ envPath, examplePath: example });
    expect(second).toEqual({ created: false, added: ['NEW_SECRET'] });
    const kept = readEnvFile(envPath);
    expect(kept).toMatchObject(values);
    expect(kept['NEW_SECRET']).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(statSync(envPath).mode & 0o777).toBe(0o600);
  });

  it('moves a port off a busy default', async () => {
    const busy = await listen(await freePort());
    try {
      const port = (busy.address() as { port: number }).port;
      const example = join(dir, 'ports.example');
      writeFileSync(example, `REDIS_PORT=${port}\nREDIS_URL=redis://127.0.0.1:\${REDIS_PORT}\n`);
      await ensureEnvFile({ envPath: join(dir, 'ports.env'), examplePath: example });
      const values = readEnvFile(join(dir, 'ports.env'));
      expect(values['REDIS_PORT']).not.toBe(String(port));
      expect(values['REDIS_URL']).toBe(`redis://127.0.0.1:${values['REDIS_PORT']}`);
    } finally {
      busy.close();
    }
  });
});

describe('port checks', () => {
  it('turn a busy port into one sentence saying what to do', async () => {
    const server = await listen(await freePort());
    const port = (server.address() as { port: number }).port;
    try {
      const failure = await assertPortFree(port, 'REDIS_PORT').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(UserFacingError);
      expect(toSentence(failure)).toBe(
        `Port ${port} (REDIS_PORT) is already in use by another program: stop that program or set REDIS_PORT to a free port in .env.`,
      );
    } finally {
      server.close();
    }
    await expect(assertPortFree(port, 'REDIS_PORT')).resolves.toBeUndefined();
  });
});

function listen(port: number): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
