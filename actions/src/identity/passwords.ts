import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): ~10 ms per hash on one
 * core of the reference machine, ~80 sign-ins a second on 2 cores, while every offline guess
 * costs the same 19 MiB and 2 passes. See docs/security.md.
 */
export const ARGON2_OPTIONS = {
  // Algorithm.Argon2id (a const enum, which verbatimModuleSyntax cannot import as a value).
  algorithm: 2 as Algorithm,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

// ~49,000 common and breached passwords bundled with @zxcvbn-ts/language-common (no network).
const COMMON = new Set((dictionary['passwords-common'] ?? []).map((p) => p.toLowerCase()));

export type PasswordProblem = 'password_too_short' | 'password_too_long' | 'password_too_common';

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: string[] = []): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'password_too_short';
  if (password.length > MAX_PASSWORD_LENGTH) return 'password_too_long';
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'password_too_common';
  // The same character repeated, or the account's own email or name, is as good as common.
  if (new Set(lower).size <= 2) return 'password_too_common';
  if (context.some((word) => word.length >= 4 && lower.includes(word.toLowerCase()))) return 'password_too_common';
  return null;
}

const CURRENT_PARAMETERS = `$argon2id$v=19$m=${ARGON2_OPTIONS.memoryCost},t=${ARGON2_OPTIONS.timeCost},p=${ARGON2_OPTIONS.parallelism}$`;

/** True for a hash made with other parameters than today's: it is replaced at the next sign-in. */
export function needsRehash(storedHash: string): boolean {
  return !storedHash.startsWith(CURRENT_PARAMETERS);
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

// Verifying against this when the account does not exist costs the same time as a real check.
let dummyHash: Promise<string> | undefined;

/** True when password matches; with no hash (unknown account), does the same work and says no. */
export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  if (storedHash === undefined) {
    dummyHash ??= hashPassword('workgrid-no-such-account');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
