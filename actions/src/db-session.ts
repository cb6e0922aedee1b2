import type { Sql, TransactionSql } from 'postgres';

export type Tx = TransactionSql;

export interface SessionVariables {
  'x-hasura-role': string;
  'x-hasura-org-id'?: string;
  'x-hasura-user-id'?: string;
  'x-hasura-request-id'?: string;
  /** Set while an automation's actions run: how deep in a chain of automations the changes are. */
  'x-workgrid-automation-depth'?: string;
}

/** Sets the Hasura session of the current transaction, so RLS and app.* helpers see it. */
export async function setSession(tx: Tx, session: SessionVariables): Promise<void> {
  await tx`select set_config('hasura.user', ${JSON.stringify(session)}, true)`;
}

/**
 * Runs fn in a transaction acting as background work of one org (role "service"): RLS applies.
 * With no org (account emails), RLS lets the session reach only org-less email_log rows.
 */
export async function asService<T>(sql: Sql, orgId: string | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return (await sql.begin(async (tx) => {
    await setSession(tx, orgId === null ? { 'x-hasura-role': 'service' } : { 'x-hasura-role': 'service', 'x-hasura-org-id': orgId });
    return fn(tx);
  })) as T;
}
