import { BoundedMap } from './bounded-map.ts';

/**
 * Which statement texts to run as named prepared statements. An operation compiles to the same text
 * whatever its variable values and session (those are bound parameters), so a text that comes back is
 * worth preparing: Postgres then skips parsing, rewriting (row-level security policies included) and
 * planning (the pool asks for generic plans, see createPool). One-off texts stay unnamed so they do not pile up on connections;
 * prepared ones go when their connection does (postgres.js recycles connections after 30–60 minutes).
 */
export class RepeatedTexts {
  private readonly seen: BoundedMap<string, true>;

  constructor(limit: number) {
    this.seen = new BoundedMap(limit);
  }

  /** Records `text`; true when it was seen before (among the last `limit` distinct texts). */
  repeated(text: string): boolean {
    if (this.seen.has(text)) return true;
    this.seen.set(text, true);
    return false;
  }
}
