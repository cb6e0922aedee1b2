import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { logsDir, repoRoot } from './paths.ts';

/** An error whose message is one sentence telling the user what to do; printed without a stack. */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}

export function portInUse(port: number, variable: string): UserFacingError {
  return new UserFacingError(
    `Port ${port} (${variable}) is already in use by another program: stop that program or set ${variable} to a free port in .env.`,
  );
}

export function sqlFileFailed(kind: 'Migration' | 'Seed', file: string, message: string): UserFacingError {
  return new UserFacingError(`${kind} ${file} failed: ${message} — fix that file and run the command again.`);
}

export function serviceExited(service: string, logFile: string): UserFacingError {
  return new UserFacingError(`The ${service} exited during startup: see ${displayPath(logFile)} for the reason.`);
}

export function notReady(service: string, logFile: string | undefined): UserFacingError {
  const hint = logFile ? `see ${displayPath(logFile)}` : 'check that it is running and reachable';
  return new UserFacingError(`The ${service} did not become ready in time: ${hint}.`);
}

export function displayPath(path: string): string {
  const rel = relative(repoRoot, path);
  return rel.startsWith('..') ? path : rel;
}

interface SystemError {
  code?: unknown;
  path?: unknown;
  address?: unknown;
  port?: unknown;
  message: string;
}

/** Turns any error into the one sentence the user sees. */
export function toSentence(error: unknown): string {
  return explain(error) ?? `Unexpected failure: ${error instanceof Error ? error.message : String(error)}.`;
}

/** The sentence for errors we recognise; undefined for the unexpected ones. */
function explain(error: unknown): string | undefined {
  if (error instanceof UserFacingError) return error.message;
  if (!(error instanceof Error)) return undefined;
  const { code, path, address, port } = error as SystemError;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return typeof path === 'string'
        ? `Permission denied on ${displayPath(path)}: run as a user who can write there, or fix its ownership.`
        : `Permission denied (${error.message}): run as a user with the needed rights.`;
    case 'ENOSPC':
      return 'The disk is full: free some space and run the command again.';
    case 'ECONNREFUSED':
      return `Nothing is listening on ${String(address)}:${String(port)}: start the service (npm start) or fix the address in .env.`;
    case '28P01':
      return `The database rejected a password (${error.message}): run npm start to resync the roles, or fix the URL in .env.`;
    default:
      return undefined;
  }
}

/** Runs a command's main function; on failure prints one sentence (unexpected ones keep their stack in a log). */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(toSentence(error));
      if (explain(error) === undefined) keepStack(error);
      process.exit(1);
    },
  );
}

function keepStack(error: unknown): void {
  const file = join(logsDir, 'last-error.log');
  try {
    mkdirSync(logsDir, { recursive: true });
    writeFileSync(file, error instanceof Error ? (error.stack ?? error.message) : String(error));
    console.error(`(details in ${displayPath(file)})`);
  } catch {
    // The sentence above is what matters; a log we cannot write must not hide it.
  }
}
