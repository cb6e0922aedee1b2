import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { nextRestartDelay } from './lib/restart-policy.ts';

// Runs one WorkGrid service (npm start starts one supervisor per service, detached) and starts it
// again with capped backoff whenever it exits on its own. SIGTERM/SIGINT stop the service and then
// the supervisor, and nothing restarts after that.
//   usage: supervise.ts <service name> <entry file> <service pid file>
// The service inherits this process's environment and output (the service's log file); lines of the
// supervisor itself are JSON like the services' own logs.

const [name, entry, pidFile] = process.argv.slice(2);
if (!name || !entry || !pidFile) {
  console.error('usage: supervise.ts <service name> <entry file> <service pid file>');
  process.exit(2);
}

const STOP_GRACE_MS = 35_000;
let child: ChildProcess | undefined;
let restartTimer: NodeJS.Timeout | undefined;
let delayMs: number | undefined;
let stopping = false;

const log = (level: number, msg: string, fields: Record<string, unknown>) =>
  console.log(JSON.stringify({ level, time: Date.now(), name: 'supervisor', service: name, ...fields, msg }));

function start(): void {
  const startedAt = Date.now();
  // TypeScript entries run through tsx; a build's output (the console's server.js) runs as it is.
  const args = entry!.endsWith('.ts') ? ['--import', 'tsx', entry!] : [entry!];
  const running = spawn(process.execPath, args, { stdio: 'inherit', env: process.env });
  child = running;
  if (running.pid !== undefined) writeFileSync(pidFile!, `${running.pid}\n`);
  running.on('exit', (code, signal) => {
    child = undefined;
    if (stopping) return finish();
    const uptimeMs = Date.now() - startedAt;
    delayMs = nextRestartDelay(delayMs, uptimeMs);
    log(40, 'service exited; restarting', { code, signal, uptime_s: uptimeMs / 1000, restart_in_s: delayMs / 1000 });
    restartTimer = setTimeout(start, delayMs);
  });
}

function finish(): void {
  rmSync(pidFile!, { force: true });
  process.exit(0);
}

function stop(): void {
  if (stopping) return;
  stopping = true;
  clearTimeout(restartTimer);
  if (!child) return finish();
  child.kill('SIGTERM');
  setTimeout(() => child?.kill('SIGKILL'), STOP_GRACE_MS).unref();
}

process.on('SIGTERM', stop);
process.on('SIGINT', stop);
start();
