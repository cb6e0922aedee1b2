import { spawnSync } from 'node:child_process';
import { UserFacingError } from './fail.ts';

export interface OsUser {
  name: string;
  uid: number;
  gid: number;
}

function lookup(name: string): OsUser | undefined {
  const result = spawnSync('getent', ['passwd', name], { encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  const [, , uid, gid] = result.stdout.trim().split(':');
  return { name, uid: Number(uid), gid: Number(gid) };
}

/** The system user the server runs as when we are root (initdb and postgres refuse to run as root). */
export function ensureSystemUser(name: string): OsUser {
  const found = lookup(name);
  if (found) return found;
  const created = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', name], {
    encoding: 'utf8',
  });
  const user = lookup(name);
  if (created.status !== 0 || !user) {
    throw new UserFacingError(`Could not create the "${name}" system user (${created.stderr.trim() || 'useradd failed'}): create it yourself, e.g. useradd --system ${name}.`);
  }
  return user;
}
