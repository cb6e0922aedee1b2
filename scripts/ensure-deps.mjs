// Installs dependencies when node_modules is missing or older than package-lock.json.
// Plain Node, no dependencies: it runs before anything is installed (prestart/pretest/prestop).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { patchDependencies } from './patch-dependencies.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lockfile = join(root, 'package-lock.json');
// npm rewrites this hidden lockfile after every install, so its age is the install's age.
const installedMarker = join(root, 'node_modules', '.package-lock.json');

const mtime = (path) => statSync(path).mtimeMs;
const hasLockfile = existsSync(lockfile);
const upToDate = existsSync(installedMarker) && (!hasLockfile || mtime(installedMarker) >= mtime(lockfile));

if (!upToDate) {
  const command = hasLockfile ? 'ci' : 'install';
  const result = spawnSync('npm', [command, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: root,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    const log = join(root, '.data', 'logs', 'npm-install.log');
    mkdirSync(dirname(log), { recursive: true });
    writeFileSync(log, `${result.error ?? ''}${result.stdout ?? ''}${result.stderr ?? ''}`);
    const outOfSync = /in sync/.test(result.stderr ?? '');
    console.error(
      outOfSync
        ? 'package-lock.json does not match package.json: run npm install and commit the updated package-lock.json.'
        : `npm ${command} failed (output in ${relative(root, log)}): fix the problem it reports and run the command again.`,
    );
    process.exit(1);
  }
}

patchDependencies();
