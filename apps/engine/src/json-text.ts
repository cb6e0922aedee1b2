/**
 * Postgres writes `json` with spacing (`{"a" : 1}`, `[1, \n 2]`) and keeps json column values as
 * stored; Hasura answers compact JSON, as JSON.stringify does. One regex pass drops every whitespace
 * run outside string literals (strings are matched whole, escapes included, and kept as they are),
 * so the text is never parsed.
 */
const TOKENS = /("[^"\\]*(?:\\.[^"\\]*)*")|[ \t\n\r]+/g;

/** The text compacted; null (SQL NULL, no answer) stays null. */
export function compactJson(text: string | null): string | null {
  return text === null ? null : text.replace(TOKENS, (_match, quoted: string | undefined) => quoted ?? '');
}
