import type { Sql } from 'postgres';

/** One `workgrid_changes` notification (db/migrations/0032, 0082): rows of a table written in some orgs. */
export interface Change {
  /** `schema.table`. */
  table: string;
  /** The orgs whose rows changed; null = any org. */
  orgs: string[] | null;
  /** Primary keys (as text) of the changed rows, or some of them (one statement may send several notifications); null = any row. */
  keys: string[] | null;
}

export const CHANGES_CHANNEL = 'workgrid_changes';

export function parseChange(payload: string): Change | undefined {
  try {
    const value = JSON.parse(payload) as { table?: unknown; orgs?: unknown; keys?: unknown };
    if (typeof value.table !== 'string') return undefined;
    const orgs = Array.isArray(value.orgs) ? value.orgs.filter((org): org is string => typeof org === 'string') : null;
    return { table: value.table, orgs, keys: stringList(value.keys) };
  } catch {
    return undefined;
  }
}

/** A list of strings, or null (any) for anything else: a payload without keys names no row in particular. */
function stringList(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : null;
}

/**
 * LISTENs on one dedicated connection (postgres.js keeps it and reconnects it). Notifications sent
 * while the connection was down are lost, so every reconnect is reported for a full refetch.
 */
export class ChangeListener {
  private unlisten: (() => Promise<void>) | undefined;
  private connects = 0;

  constructor(
    private readonly sql: Sql,
    private readonly onChange: (change: Change) => void,
    private readonly onReconnect: () => void,
  ) {}

  async start(): Promise<void> {
    const listening = await this.sql.listen(
      CHANGES_CHANNEL,
      (payload) => {
        const change = parseChange(payload);
        if (change) this.onChange(change);
      },
      () => {
        this.connects += 1;
        if (this.connects > 1) this.onReconnect();
      },
    );
    this.unlisten = listening.unlisten;
  }

  async stop(): Promise<void> {
    const unlisten = this.unlisten;
    this.unlisten = undefined;
    await unlisten?.().catch(() => undefined);
  }
}
