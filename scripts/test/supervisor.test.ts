import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../lib/paths.ts';
import { isAlive, ownProcess, spawnDetached, stopOwnProcess } from '../lib/processes.ts';
import { nextRestartDelay, RESTART_POLICY } from '../lib/restart-policy.ts';
import { waitUntil } from '../lib/wait.ts';

describe('restart policy', () => {
  it('doubles the wait after each quick exit, up to the cap, and starts over after a stable run', () => {
    const waits: number[] = [];
    let delay: number | undefined;
    for (let i = 0; i < 8; i += 1) waits.push((delay = nextRestartDelay(delay, 500)));
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(nextRestartDelay(30_000, RESTART_POLICY.stableAfterMs)).toBe(RESTART_POLICY.initialDelayMs);
  });
});

describe('scripts/supervise.ts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'workgrid-supervise-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const supervisorEntry = join(repoRoot, 'scripts', 'supervise.ts');

  it('starts a service again each time it exits on its own, and restarts nothing once stopped', async () => {
    // A real service that crashes on its first two starts, then keeps running until SIGTERM.
    const service = join(dir, 'flaky.mjs');
    const starts = join(dir, 'starts.log');
    writeFileSync(
      service,
      `import { appendFileSync, existsSync, readFileSync } from 'node:fs';
       const previous = existsSync(${JSON.stringify(starts)}) ? readFileSync(${JSON.stringify(starts)}, 'utf8').split('\\n').filter(Boolean).length : 0;
       appendFileSync(${JSON.stringify(starts)}, process.pid + '\\n');
       if (previous < 2) setTimeout(() => process.exit(3), 50);
       else { setInterval(() => {}, 1000); process.on('SIGTERM', () => { appendFileSync(${JSON.stringify(starts)}, 'stopped\\n'); process.exit(0); }); }`,
    );
    const pidFile = join(dir, 'flaky.pid');
    const supervisorPidFile = join(dir, 'flaky.supervisor.pid');
    const logFile = join(dir, 'flaky.log');
    const marker = `${supervisorEntry} flaky ${service}`;
    const supervisor = spawnDetached({
      command: process.execPath,
      args: ['--import', 'tsx', supervisorEntry, 'flaky', service, pidFile],
      cwd: repoRoot,
      env: process.env,
      logFile,
      pidFile: supervisorPidFile,
    });
    const startLines = () => (existsSync(starts) ? readFileSync(starts, 'utf8').split('\n').filter(Boolean) : []);
    await waitUntil(async () => startLines().length >= 3 && ownProcess(pidFile, service) !== undefined, { timeoutMs: 15_000, intervalMs: 100, timeoutError: () => new Error('the service did not reach its third start') });

    const restarts = readFileSync(logFile, 'utf8').split('\n').filter((line) => line.includes('service exited; restarting')).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(restarts).toHaveLength(2);
    expect(restarts.map((line) => [line['service'], line['code'], line['restart_in_s']])).toEqual([['flaky', 3, 1], ['flaky', 3, 2]]);
    const running = ownProcess(pidFile, service)!;
    expect(running).toBe(Number(startLines()[2]));

    expect(await stopOwnProcess(supervisorPidFile, marker)).toBe(true);
    expect(isAlive(supervisor)).toBe(false);
    expect(isAlive(running)).toBe(false);
    expect(startLines().at(-1)).toBe('stopped');
    expect(existsSync(pidFile)).toBe(false);
    await sleep(2_500);
    expect(startLines()).toHaveLength(4);
  }, 30_000);
});
