import postgres from 'postgres';
import { inject } from 'vitest';

export type Tx = postgres.TransactionSql;
export type ServiceRole = 'workgrid_app' | 'workgrid_engine';
export const SERVICE_ROLES: readonly ServiceRole[] = ['workgrid_app', 'workgrid_engine'];

/** Session variables as the engine and the actions service set them (Hasura's names). */
export interface Session {
  userId?: string;
  orgId?: string;
  role?: 'user' | 'reader' | 'service' | 'anonymous';
}

/** Superuser connection to the migrated test database; tests switch roles inside their transaction. */
export const sql = postgres(inject('superuserUrl'), { max: 4, onnotice: () => {} });

class Rollback extends Error {}

/** Runs fn in a transaction that is always rolled back, so tests share one database safely. */
export async function inRollback(fn: (tx: Tx) => Promise<void>): Promise<void> {
  try {
    await sql.begin(async (tx) => {
      await fn(tx);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
}

/** Continues the transaction as a service role with the given session (none: no session at all). */
export async function actAs(tx: Tx, role: ServiceRole, session?: Session): Promise<void> {
  await tx.unsafe(`set local role ${role === 'workgrid_app' ? 'workgrid_app' : 'workgrid_engine'}`);
  await setSession(tx, session);
}

/** Back to the superuser (bypasses RLS) to arrange data in the middle of a test. */
export async function actAsSuperuser(tx: Tx, session?: Session): Promise<void> {
  await tx`reset role`;
  await setSession(tx, session);
}

async function setSession(tx: Tx, session: Session | undefined): Promise<void> {
  const claims = session && {
    'x-hasura-role': session.role ?? 'user',
    ...(session.userId && { 'x-hasura-user-id': session.userId }),
    ...(session.orgId && { 'x-hasura-org-id': session.orgId }),
  };
  await tx`select set_config('hasura.user', ${claims ? JSON.stringify(claims) : ''}, true)`;
}

/** Runs a statement in a savepoint and returns the Postgres error it raised (or fails the test if none). */
export async function errorOf(tx: Tx, run: (sp: Tx) => Promise<unknown>): Promise<postgres.PostgresError> {
  try {
    await tx.savepoint(async (sp) => {
      await run(sp);
    });
  } catch (error) {
    if (error instanceof postgres.PostgresError) return error;
    throw error;
  }
  throw new Error('expected the statement to fail, but it succeeded');
}
