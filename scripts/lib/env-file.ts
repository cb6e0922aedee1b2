import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { choosePort } from './ports.ts';

/** The placeholder .env.example uses for every password and secret. */
const SECRET_PLACEHOLDER = 'change-me';
const VARIABLE_LINE = /^([A-Z][A-Z0-9_]*)=(.*)$/;

export interface EnvFileResult {
  created: boolean;
  /** Names of variables appended to an existing file (never their values). */
  added: string[];
}

export interface EnvFileOptions {
  envPath: string;
  examplePath: string;
}

export function readEnvFile(path: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(parseEnv(readFileSync(path, 'utf8')))) {
    if (value !== undefined) values[name] = value;
  }
  return values;
}

export function randomSecret(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Writes .env from .env.example on the first run (fresh secrets, free ports); later runs keep
 * every existing value and only append variables the example gained since.
 */
export async function ensureEnvFile({ envPath, examplePath }: EnvFileOptions): Promise<EnvFileResult> {
  const exampleText = readFileSync(examplePath, 'utf8');
  const example = readEnvFile(examplePath);
  const created = !existsSync(envPath);
  const existing = created ? {} : readEnvFile(envPath);
  const values = await resolveValues(example, existing);

  if (created) {
    const header = '# Written by `npm start` from .env.example with fresh secrets. Keep it private (mode 0600).\n';
    writeFileSync(envPath, header + renderExample(exampleText, values), { mode: 0o600 });
  }
  const added = created ? [] : Object.keys(example).filter((name) => !(name in existing));
  if (added.length > 0) {
    const lines = added.map((name) => envLine(name, values[name] ?? '')).join('\n');
    appendFileSync(envPath, `\n# Added by \`npm start\` from .env.example\n${lines}\n`);
  }
  chmodSync(envPath, 0o600);
  return { created, added };
}

async function resolveValues(example: Record<string, string>, existing: Record<string, string>): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  const used = new Set<number>();
  for (const [name, fallback] of Object.entries(example)) {
    if (!name.endsWith('_PORT')) continue;
    const port = existing[name] !== undefined ? Number(existing[name]) : await pickDistinct(Number(fallback), used);
    used.add(port);
    values[name] = String(port);
  }
  const isTemplate = (value: string) => value.includes('${');
  const rest = Object.entries(example).filter(([name]) => !name.endsWith('_PORT'));
  // Plain values first, so that templates can refer to any of them whatever the order.
  for (const [name, fallback] of rest.filter(([, value]) => !isTemplate(value))) {
    values[name] = existing[name] ?? (fallback === SECRET_PLACEHOLDER ? randomSecret() : fallback);
  }
  for (const [name, fallback] of rest.filter(([, value]) => isTemplate(value))) {
    values[name] = existing[name] ?? expand(fallback, values);
  }
  return values;
}

/** Replaces ${NAME} with the value of another (non-template) variable of the file. */
function expand(template: string, values: Record<string, string>): string {
  return template.replace(/\$\{([A-Z][A-Z0-9_]*)\}/g, (reference, name: string) => values[name] ?? reference);
}

/** A free port at or above `preferred` that no other variable of this file has taken. */
async function pickDistinct(preferred: number, used: Set<number>): Promise<number> {
  let candidate = preferred;
  for (;;) {
    const port = await choosePort(candidate);
    if (!used.has(port)) return port;
    candidate = port + 1;
  }
}

function renderExample(exampleText: string, values: Record<string, string>): string {
  return exampleText
    .split('\n')
    .map((line) => {
      const match = VARIABLE_LINE.exec(line);
      return match?.[1] !== undefined ? envLine(match[1], values[match[1]] ?? '') : line;
    })
    .join('\n');
}

/**
 * `NAME=value`, the value in double quotes when a shell would split or redirect it (`EMAIL_FROM`'s
 * `Name <address>`), so that `set -a; . ./.env` works as well as Node's and Docker's readers.
 */
function envLine(name: string, value: string): string {
  return /[\s<>|&;()'#]/.test(value) && !/["\\$`]/.test(value) ? `${name}="${value}"` : `${name}=${value}`;
}
