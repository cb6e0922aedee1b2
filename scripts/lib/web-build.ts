import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserFacingError } from './fail.ts';
import { repoRoot } from './paths.ts';

const webDir = join(repoRoot, 'apps', 'web');
/** The standalone server `next build` writes (output: 'standalone'); what npm start and the tests run. */
export const webServerScript = join(webDir, '.next', 'standalone', 'apps', 'web', 'server.js');
const buildStamp = join(webDir, '.next', 'standalone', 'apps', 'web', '.next', 'BUILD_ID');
const inputs = ['src', 'public', 'next.config.ts', 'package.json', 'tsconfig.json', 'scripts'].map((name) => join(webDir, name));

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

/** True when there is no build of the console, or a source file changed after it. */
export function webBuildIsStale(): boolean {
  if (!existsSync(webServerScript) || !existsSync(buildStamp)) return true;
  const built = statSync(buildStamp).mtimeMs;
  return inputs.some((path) => newestChange(path) > built);
}

/** Builds the console (next build, standalone) when missing or stale; true when it built. */
export function ensureWebBuild(say: (line: string) => void): boolean {
  if (!webBuildIsStale()) return false;
  say('Building the web console (next build)…');
  const result = spawnSync('npm', ['run', 'build', '--workspace=apps/web'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) {
    throw new UserFacingError(`The web console did not build:\n${`${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-30).join('\n')}`);
  }
  return true;
}
