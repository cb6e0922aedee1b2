import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { repoRoot } from './paths.ts';

const login = z.object({ email: z.string(), role: z.string(), org: z.string() });
// The seed author may list the shared password once, or on each login.
const demoLoginsFile = z.union([
  z.object({ password: z.string(), logins: z.array(login) }),
  z.array(login.extend({ password: z.string() })),
]);

export interface DemoLogins {
  password: string;
  logins: z.infer<typeof login>[];
}

export function readDemoLogins(path = join(repoRoot, 'db', 'seeds', 'demo-logins.json')): DemoLogins | undefined {
  if (!existsSync(path)) return undefined;
  const parsed = demoLoginsFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) return undefined;
  if (!Array.isArray(parsed.data)) return parsed.data;
  return { password: parsed.data[0]?.password ?? '', logins: parsed.data };
}

export interface BannerInput {
  links: [string, string][];
  demo: DemoLogins | undefined;
}

/** The text `npm start` ends with: where everything is and how to sign in (never a secret). */
export function renderBanner({ links, demo }: BannerInput): string {
  const width = Math.max(...links.map(([label]) => label.length));
  const lines = ['', 'WorkGrid is running.', ...links.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`)];
  if (demo && demo.logins.length > 0) {
    lines.push('', `Demo logins (password for all: ${demo.password}):`);
    const emailWidth = Math.max(...demo.logins.map((entry) => entry.email.length));
    const roleWidth = Math.max(...demo.logins.map((entry) => entry.role.length));
    for (const entry of demo.logins) lines.push(`  ${entry.email.padEnd(emailWidth)}  ${entry.role.padEnd(roleWidth)}  ${entry.org}`);
  }
  lines.push('', 'Stop everything with `npm stop`. Logs are in .data/logs/.');
  return lines.join('\n');
}
