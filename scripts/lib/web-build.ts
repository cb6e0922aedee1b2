import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserFacingError } from './fail.ts';
import { repoRoot } from './paths.ts';

const webDir = join(repoRoot, 'apps', 'web');
const inputs = ['src', 'public', 'next.config.ts', 'package.json', 'tsconfig.json', 'scripts'].map((name) => join(webDir, name));

/**
 * A build of the console in its own folder under apps/web (next.config.ts reads WEB_BUILD_DIR):
 * `.next` for npm start, another one for the tests, so a test run never swaps the files under a
 * console that npm start is serving.
 */
export interface WebBuild {
  /** The standalone server `next build` writes (output: 'standalone'). */
  serverScript: string;
  /** True when there is no build, or a source file changed after it. */
  isStale: () => boolean;
  /** Builds when missing or stale; true when it built. */
  ensure: (say: (line: string) => void) => boolean;
}

export function webBuild(buildDir: string): WebBuild {
  const serverDir = join(webDir, buildDir, 'standalone', 'apps', 'web');
  const serverScript = join(serverDir, 'server.js');
  const buildStamp = join(serverDir, buildDir, 'BUILD_ID');
  const isStale = (): boolean => {
    if (!existsSync(serverScript) || !existsSync(buildStamp)) return true;
    const built = statSync(buildStamp).mtimeMs;
    return inputs.some((path) => newestChange(path) > built);
  };
  const ensure = (say: (line: string) => void): boolean => {
    if (!isStale()) return false;
    say('Building the web console (next build)…');
    const result = spawnSync('npm', ['run', 'build', '--workspace=apps/web'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      env: { ...process.env, WEB_BUILD_DIR: buildDir, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (result.status !== 0) {
      throw new UserFacingError(`The web console did not build:\n${`${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-30).join('\n')}`);
    }
    return true;
  };
  return { serverScript, isStale, ensure };
}

/** The build npm start serves. */
export const startBuild = webBuild('.next');

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}
