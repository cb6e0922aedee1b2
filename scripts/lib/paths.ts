import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = realpathSync(resolve(fileURLToPath(import.meta.url), '../../..'));

export const dataDir = join(repoRoot, '.data');
export const runDir = join(dataDir, 'run');
export const logsDir = join(dataDir, 'logs');

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** Short, stable id of this checkout, used to keep per-checkout state apart outside the repo. */
function checkoutId(): string {
  return createHash('sha256').update(repoRoot).digest('hex').slice(0, 12);
}

/**
 * Where Postgres keeps its cluster. As root the server runs as the `postgres` OS user, which may
 * not be able to traverse the checkout (e.g. a 0700 `mktemp -d`), so it lives under /var/lib.
 */
export function postgresHome(): string {
  return isRoot() ? join('/var/lib/workgrid', checkoutId()) : dataDir;
}
