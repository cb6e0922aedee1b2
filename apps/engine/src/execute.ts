import postgres, { type ReservedSql, type Sql, type TransactionSql } from 'postgres';
import { HasuraError } from './errors.ts';
import { ident } from './sql.ts';
import { compactJson } from './json-text.ts';
import { RepeatedTexts } from './repeated-texts.ts';
import type { Session } from './session.ts';

/** Shared by all pools: a prepared statement is per connection, the decision to prepare per text. */
const repeatedTexts = new RepeatedTexts(1000);
const prepareIfRepeated = (text: string) => ({ prepare: repeatedTexts.repeated(text) });

export interface Statement {
  text: string;
  params: string[];
  /** Mutations yield `j` themselves (their WITH must stay top-level); queries yield one value. */
  kind: 'query' | 'mutation';
  /** JSON path reported with a database error of this statement. */
  path: string;
  /** Reported when the statement raises check_violation with this error's message: a failed permission check. */
  checkError?: HasuraError;
  /** A second statement built from the first one's answer (nested inserts); forces sequential execution. */
  followUp?: (j: string) => { text: string; params: string[] };
}

export interface ExecuteOptions {
  /** `SET LOCAL ROLE` target, when the login role is not the engine role. */
  dbRole: string | undefined;
  /** Whether `hasura.user` is set for this operation (always, except compose-mode queries). */
  setSession: boolean;
  /** Compose mode: let session-less reads rely on metadata permissions. */
  trustMetadata: boolean;
  readOnly: boolean;
  /** statement_timeout for the transaction, in milliseconds (0 = none). */
  statementTimeoutMs?: number;
}

export function createPool(url: string, max = 10): Sql {
  return postgres(url, {
    max,
    // Generic plans from the first execution. Planning a statement that carries the policies of every
    // table it reaches costs up to ~130 ms (a list with relationships), which PostgreSQL would pay for
    // each of the first five runs per connection, planning for their values, before settling on the
    // generic plan; a custom plan could only use the values' selectivity (docs/engine.md).
    connection: { TimeZone: 'UTC', application_name: 'workgrid-engine', plan_cache_mode: 'force_generic_plan' },
    onnotice: () => undefined,
    // Results need no type parsing (one JSON text column each), but without the array types postgres.js
    // 3.4.9's reserve() never settles on a connection it has to open (porsager/postgres#751).
    fetch_types: true,
  });
}

/**
 * Queues the transaction's setup: optional role, the session, time zone and statement timeout.
 * postgres.js queries are lazy: each is started (and so queued) by attaching a handler, in order.
 */
function startSession(tx: TransactionSql | ReservedSql, session: Session, options: ExecuteOptions): PromiseLike<unknown>[] {
  const start = <T>(query: PromiseLike<T>): PromiseLike<T> => query.then((value) => value);
  const setup: PromiseLike<unknown>[] = [];
  if (options.dbRole) setup.push(start(tx.unsafe(`set local role ${ident(options.dbRole)}`)));
  setup.push(
    start(
      tx.unsafe(
        `select set_config('hasura.user', $1, true), set_config('workgrid.engine_trusts_metadata', $2, true), set_config('TimeZone', 'UTC', true), set_config('statement_timeout', $3, true)`,
        [options.setSession ? JSON.stringify(session) : '', options.trustMetadata ? 'on' : 'off', String(options.statementTimeoutMs ?? 0)],
        // Prepared: an unprepared query with parameters makes postgres.js wait for its description.
        { prepare: true },
      ),
    ),
  );
  return setup;
}

/**
 * One statement yielding rows `(id, j)` in a read-only transaction carrying the session: a multiplexed
 * subscription refetch. Returns each row's JSON text (compacted) by id.
 */
export async function runMultiplexed(sql: Sql, session: Session, text: string, params: string[], options: ExecuteOptions): Promise<Map<number, string | null>> {
  const [rows] = await runPipelined<{ id: number; j: string | null }>(sql, session, [{ text, params, path: '$' }], options);
  const answers = new Map<number, string | null>();
  for (const row of rows ?? []) answers.set(row.id, compactJson(row.j));
  return answers;
}

/**
 * Statements in one transaction carrying the session, in one round trip: BEGIN, the session setup,
 * the statements and COMMIT are all written to one reserved connection before any answer is awaited
 * (postgres.js sends a query once something listens to it, and batches what is sent in one tick). A
 * failing statement aborts the transaction, so those after it fail and COMMIT rolls back; the first
 * failure is the one reported. Mutations can run so because a failed permission check raises in the
 * statement (see mutate.ts) rather than answering a flag the engine would have to read before
 * committing. Texts seen for the first time on a connection with parameters cost postgres.js an
 * extra describe round trip (see RepeatedTexts).
 */
async function runPipelined<Row>(sql: Sql, session: Session, queries: Pick<Statement, 'text' | 'params' | 'path' | 'checkError'>[], options: ExecuteOptions): Promise<Row[][]> {
  const connection = await sql.reserve();
  let failure: { error: unknown; statement?: Pick<Statement, 'path' | 'checkError'> } | undefined;
  const listen = <T>(query: PromiseLike<T>, statement?: Pick<Statement, 'path' | 'checkError'>): Promise<T> => {
    // Attached now (not a tick later, as Promise.resolve would): attaching is what sends, in order.
    const answer = new Promise<T>((resolve, reject) => {
      query.then(resolve, (error: unknown) => {
        failure ??= { error, ...(statement ? { statement } : {}) };
        reject(error);
      });
    });
    answer.catch(() => undefined);
    return answer;
  };
  let commit: Promise<unknown> | undefined;
  try {
    const pending: Promise<unknown>[] = [listen(connection.unsafe(options.readOnly ? 'begin read only' : 'begin'))];
    pending.push(...startSession(connection, session, options).map((query) => listen(query)));
    const answers = queries.map((statement) => listen(connection.unsafe<Row[]>(statement.text, statement.params, prepareIfRepeated(statement.text)), statement));
    commit = listen(connection.unsafe('commit'));
    pending.push(...answers, commit);
    await Promise.allSettled(pending);
    if (failure) throw failure.error;
    return await Promise.all(answers);
  } catch (error) {
    // A COMMIT that ran ended the transaction (rolling back after a failure); should anything have stopped
    // it, the transaction must not outlive the request.
    const ended = commit ? await commit.then(() => true, () => false) : false;
    if (!ended) await connection.unsafe('rollback').catch(() => undefined);
    throw mapStatementError(failure?.error ?? error, failure?.statement);
  } finally {
    connection.release();
  }
}

/** Runs statements in one transaction that carries the session, returning each first column as text. */
export async function runInTransaction(sql: Sql, session: Session, statements: Statement[], options: ExecuteOptions): Promise<(string | null)[]> {
  const texts = statements.map((statement) => ({ ...statement, text: statement.kind === 'query' ? queryText(statement.text) : statement.text }));
  if (!statements.some((statement) => statement.followUp)) {
    const answers = await runPipelined<{ j: string | null }>(sql, session, texts, options);
    return answers.map((rows) => compactJson(rows[0]?.j ?? null));
  }
  // A follow-up is built from its statement's answer, so these statements run one after another.
  let failed: Statement | undefined;
  try {
    return await sql.begin(options.readOnly ? 'read only' : 'read write', async (tx: TransactionSql) => {
      await Promise.all(startSession(tx, session, options));
      const results: (string | null)[] = [];
      for (const statement of texts) {
        failed = statement;
        let answer = (await tx.unsafe<{ j: string | null }[]>(statement.text, statement.params, prepareIfRepeated(statement.text)))[0]?.j ?? null;
        if (statement.followUp && answer !== null) {
          const next = statement.followUp(answer);
          answer = (await tx.unsafe<{ j: string | null }[]>(next.text, next.params, prepareIfRepeated(next.text)))[0]?.j ?? null;
        }
        results.push(compactJson(answer));
      }
      return results;
    });
  } catch (error) {
    throw mapStatementError(error, failed);
  }
}

/** A query statement yields one JSON value, as `j`. */
function queryText(text: string): string {
  return `select (${text})::text as j`;
}

/** A statement's error in Hasura's terms: its failed permission check (check_violation), or as mapPostgresError. */
function mapStatementError(error: unknown, statement: Pick<Statement, 'path' | 'checkError'> | undefined): HasuraError {
  const pg = (error ?? {}) as PgError;
  if (statement?.checkError && pg.code === '23514' && pg.message === statement.checkError.message) return statement.checkError;
  return mapPostgresError(error, statement?.path);
}

interface PgError {
  code?: string;
  message?: string;
  detail?: string;
  hint?: string;
  constraint_name?: string;
}

const CONSTRAINT_PREFIX: Record<string, string> = {
  '23505': 'Uniqueness violation. ',
  '23503': 'Foreign key violation. ',
  '23502': 'Not-NULL violation. ',
  '23001': 'Can not delete or update due to data being referred. ',
  '23P01': 'Exclusion violation. ',
};

/** Hasura's mapping of Postgres errors; SQL rule codes (`raise exception 'org_last_owner'`) become the code. */
export function mapPostgresError(error: unknown, path = '$'): HasuraError {
  if (error instanceof HasuraError) return error;
  const pg = (error ?? {}) as PgError;
  const code = pg.code ?? '';
  const message = pg.message ?? 'database query error';
  const internal = { error: { message, status_code: code, description: pg.detail ?? null, hint: pg.hint ?? null } };
  const prefix = CONSTRAINT_PREFIX[code];
  if (prefix) return new HasuraError('constraint-violation', `${prefix}${message}`, path, internal);
  if (code === '23514') return new HasuraError('permission-error', `Check constraint violation. ${message}`, path, internal);
  if (code === '42501') return new HasuraError('permission-error', message, path, internal);
  if (code === 'P0001' && /^[a-z][a-z0-9_]*$/.test(message)) return new HasuraError(message, message, path, internal);
  if (code === '22025') return new HasuraError('bad-request', message, path, internal);
  if (code.startsWith('22')) return new HasuraError('data-exception', message, path, internal);
  if (code === '42P10') return new HasuraError('constraint-error', 'there is no unique or exclusion constraint on target column(s)', path, internal);
  if (code === '57014') return new HasuraError('unexpected', 'the operation took too long and was cancelled', path, internal, 500);
  if (code === '40001') return new HasuraError('concurrent-update', 'serialization failure', path, internal);
  if (code === '' && error instanceof Error && /ECONNREFUSED|ENOTFOUND|connect|terminat/i.test(error.message)) {
    return new HasuraError('postgres-error', 'connection error', path, { error: error.message }, 500);
  }
  return new HasuraError('unexpected', 'database query error', path, internal, 500);
}
