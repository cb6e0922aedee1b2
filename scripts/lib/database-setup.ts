import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runner } from 'node-pg-migrate';
import postgres, { type Options, type PostgresType, type Sql } from 'postgres';
import { sqlFileFailed, UserFacingError } from './fail.ts';
import { repoRoot } from './paths.ts';

const migrationsDir = join(repoRoot, 'db', 'migrations');
const seedsDir = join(repoRoot, 'db', 'seeds');

export type ConnectionTarget = string | Options<Record<string, PostgresType>>;

export interface RoleUrls {
  /** workgrid_owner: BYPASSRLS, owns the database and runs migrations and seeds. */
  ownerUrl: string;
  /** workgrid_engine and workgrid_app: NOBYPASSRLS, own nothing. */
  engineUrl: string;
  appUrl: string;
}

const SERVICE_ROLE_ATTRIBUTES = 'login nobypassrls nosuperuser nocreatedb nocreaterole';
const OWNER_ROLE_ATTRIBUTES = 'login bypassrls nosuperuser nocreatedb nocreaterole';

function connect(target: ConnectionTarget): Sql {
  const options = { max: 1, connect_timeout: 10, onnotice: () => undefined };
  return typeof target === 'string' ? postgres(target, options) : postgres({ ...options, ...target });
}

/** As superuser: creates or updates the three login roles (passwords from their URLs) and the database. */
export async function provisionDatabase(superuser: ConnectionTarget, urls: RoleUrls): Promise<void> {
  const sql = connect(superuser);
  try {
    const owner = new URL(urls.ownerUrl);
    const ownerName = await ensureRole(sql, owner, OWNER_ROLE_ATTRIBUTES);
    const engineName = await ensureRole(sql, new URL(urls.engineUrl), SERVICE_ROLE_ATTRIBUTES);
    const appName = await ensureRole(sql, new URL(urls.appUrl), SERVICE_ROLE_ATTRIBUTES);
    const database = databaseName(owner);
    const [found] = await sql`select 1 as found from pg_database where datname = ${database}`;
    await execFormatted(sql, found ? 'alter database %I owner to %I' : 'create database %I owner %I', [database, ownerName]);
    // The same database grants as compose (db/docker-init): only the service roles may connect.
    await execFormatted(sql, 'revoke all on database %I from public', [database]);
    await execFormatted(sql, 'grant connect on database %I to %I, %I', [database, engineName, appName]);
  } finally {
    await sql.end();
  }
}

/** Drops a database and every connection to it (test databases only). */
export async function dropDatabase(superuser: ConnectionTarget, name: string): Promise<void> {
  const sql = connect(superuser);
  try {
    await execFormatted(sql, 'drop database if exists %I with (force)', [name]);
  } finally {
    await sql.end();
  }
}

/** Sets the superuser's password (the local cluster trusts its socket, so this always works there). */
export async function setSuperuserPassword(superuser: ConnectionTarget, password: string): Promise<void> {
  const sql = connect(superuser);
  try {
    await execFormatted(sql, 'alter role current_user password %L', [password]);
  } finally {
    await sql.end();
  }
}

/** Creates or updates the login role named in the URL, with the URL's password; returns its name. */
async function ensureRole(sql: Sql, url: URL, attributes: string): Promise<string> {
  const name = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const [found] = await sql`select 1 as found from pg_roles where rolname = ${name}`;
  await execFormatted(sql, `${found ? 'alter' : 'create'} role %I with ${attributes} password %L`, [name, password]);
  return name;
}

/** Utility statements take no bind parameters: let the server quote identifiers and literals. */
async function execFormatted(sql: Sql, template: string, args: string[]): Promise<void> {
  const placeholders = args.map((_, index) => `$${index + 2}::text`).join(', ');
  const [row] = await sql.unsafe<{ statement: string }[]>(`select format($1::text, ${placeholders}) as statement`, [template, ...args]);
  if (row) await sql.unsafe(row.statement);
}

function databaseName(url: URL): string {
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!name) throw new UserFacingError(`DATABASE_URL names no database: add one, e.g. ${url.protocol}//…/workgrid.`);
  return name;
}

/** Applies pending migrations as the owner; returns the names applied. */
export async function migrate(ownerUrl: string, dir = migrationsDir): Promise<string[]> {
  if (!existsSync(dir)) return [];
  let current: string | undefined;
  const logger = {
    info: (message: string) => {
      current = /^### MIGRATION (.+) \(UP\) ###$/.exec(message)?.[1] ?? current;
    },
    warn: () => undefined,
    error: () => undefined,
  };
  try {
    const applied = await runner({
      databaseUrl: ownerUrl,
      dir,
      // Only .sql files are migrations; a README may sit beside them.
      ignorePattern: '(?!.*\\.sql$).*',
      direction: 'up',
      migrationsTable: 'pgmigrations',
      checkOrder: true,
      logger,
    });
    return applied.map((migration) => migration.name);
  } catch (error) {
    throw migrationError(error, current);
  }
}

function migrationError(error: unknown, current: string | undefined): Error {
  if (!(error instanceof Error)) return new UserFacingError(`Migrations failed: ${String(error)}.`);
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && current) return sqlFileFailed('Migration', `${current}.sql`, error.message);
  // Connection and authentication failures have their own sentences.
  if (code !== undefined) return error;
  return new UserFacingError(`Migrations could not run (${error.message}): fix the cause and run the command again.`);
}

/** Runs every db/seeds/*.sql in name order as the owner, each in its own transaction. */
export async function seed(ownerUrl: string, dir = seedsDir): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((name) => name.endsWith('.sql')).sort();
  const sql = connect(ownerUrl);
  try {
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      try {
        await sql.begin((tx) => tx.unsafe(text).simple());
      } catch (error) {
        if (error instanceof postgres.PostgresError) throw sqlFileFailed('Seed', basename(file), error.message);
        throw error;
      }
    }
  } finally {
    await sql.end();
  }
  return files;
}
