import type { Sql } from 'postgres';

/**
 * Hasura's `hdb_catalog.check_violation(msg)`, which mutation statements call when a written row fails
 * its permission check (mutate.ts). Hasura creates it in every source; in WorkGrid's database
 * migration 0078 does, and elsewhere the engine creates it where its role may. Without it no
 * mutation could run, so a source that lacks it and cannot get it is refused.
 */
export async function ensureCheckViolation(sql: Sql): Promise<void> {
  const [row] = await sql.unsafe<{ present: boolean }[]>(`select to_regprocedure('hdb_catalog.check_violation(text)') is not null as present`);
  if (row?.present) return;
  try {
    await sql.unsafe(
      `create schema if not exists hdb_catalog;
       create or replace function hdb_catalog.check_violation(msg text) returns boolean language plpgsql as $$ begin raise check_violation using message = msg; end $$`,
    );
  } catch (error) {
    throw new Error(`the source database has no hdb_catalog.check_violation(text) and this role may not create it: ${(error as Error).message}`);
  }
}
