import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Sql } from 'postgres';
import { z } from 'zod';
import { setSession, type Tx } from '../db-session.ts';
import type { FileStore } from '../storage/object-store.ts';
import { JOBS, QUEUES } from '../queues.ts';
import { PermanentError, type EffectHandler } from './effects.ts';

/** What import and export jobs need besides the database: the file store and how long links live. */
export interface TransferDeps {
  store: FileStore | undefined;
  linkSeconds: number;
}

/** Rows created per transaction when an import runs; progress is committed with each batch. */
export const IMPORT_BATCH_SIZE = 100;
const PREVIEW_ROWS = 20;

const TASK_FIELDS = ['title', 'description', 'status', 'priority', 'start_date', 'due_date', 'estimate', 'assignee_email'] as const;
type TaskField = (typeof TASK_FIELDS)[number];

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine((value) => !Number.isNaN(Date.parse(value)), 'not a real date');
const rowSchema = z.object({
  title: z.string().trim().min(1, 'title is required').max(500),
  description: z.string().max(100_000).optional(),
  status: z.enum(['backlog', 'todo', 'in_progress', 'in_review', 'done', 'cancelled']).optional(),
  priority: z.enum(['none', 'low', 'medium', 'high', 'urgent']).optional(),
  start_date: date.optional(),
  due_date: date.optional(),
  estimate: z.coerce.number().nonnegative().optional(),
  assignee_email: z.email().optional(),
});
export type ImportRow = z.infer<typeof rowSchema> & { row: number; assignee_id?: string };

interface RowError {
  row: number;
  errors: string[];
}

interface ImportRecord {
  id: string;
  org_id: string;
  project_id: string;
  source_csv: string;
  mapping: Record<string, string>;
  status: string;
  processed_rows: number;
  imported_rows: number;
  row_errors: RowError[];
  created_by: string | null;
}

const payloadSchema = z.object({ import_id: z.guid() });

/** The CSV's rows mapped to task fields and validated; rows are numbered from 1 after the header. */
export async function validateRows(tx: Tx, csv: string, mapping: Record<string, string>): Promise<{ valid: ImportRow[]; errors: RowError[]; total: number }> {
  const unknown = Object.values(mapping).filter((field) => !TASK_FIELDS.includes(field as TaskField));
  if (unknown.length > 0) throw new PermanentError(`mapping names unknown task fields: ${unknown.join(', ')}`);
  const records = parse(csv, { columns: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as Record<string, string>[];
  const valid: ImportRow[] = [];
  const errors: RowError[] = [];
  for (const [index, record] of records.entries()) {
    const fields: Record<string, string> = {};
    for (const [column, field] of Object.entries(mapping)) if (record[column] !== undefined && record[column] !== '') fields[field] = record[column]!;
    const parsed = rowSchema.safeParse(fields);
    const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'row'}: ${issue.message}`);
    let assigneeId: string | undefined;
    if (parsed.success && parsed.data.assignee_email) {
      const [member] = await tx`select app.member_id_by_email(${parsed.data.assignee_email}) as id`;
      assigneeId = (member?.id as string | null) ?? undefined;
      if (!assigneeId) problems.push(`assignee_email: ${parsed.data.assignee_email} is not a member of the organization`);
    }
    if (parsed.success && parsed.data.start_date && parsed.data.due_date && parsed.data.due_date < parsed.data.start_date) {
      problems.push('due_date: before start_date');
    }
    if (problems.length > 0 || !parsed.success) errors.push({ row: index + 1, errors: problems });
    else valid.push({ ...parsed.data, row: index + 1, ...(assigneeId ? { assignee_id: assigneeId } : {}) });
  }
  return { valid, errors, total: records.length };
}

async function readImport(tx: Tx, importId: string): Promise<ImportRecord | undefined> {
  const [record] = (await tx`select * from task_imports where id = ${importId} for update`) as unknown as ImportRecord[];
  return record;
}

/** task_import.created: validate every row; store the preview (first mapped rows), the row errors and the counts. */
export const taskImportValidate: EffectHandler = async (tx, event) => {
  const { import_id } = payloadSchema.parse(event.payload);
  const record = await readImport(tx, import_id);
  if (!record || record.status !== 'validating') return [];
  try {
    const { valid, errors, total } = await validateRows(tx, record.source_csv, record.mapping);
    await tx`
      update task_imports set status = 'previewed', total_rows = ${total}, valid_rows = ${valid.length},
             preview = ${tx.json(valid.slice(0, PREVIEW_ROWS) as never)}, row_errors = ${tx.json(errors as never)}
       where id = ${import_id}`;
  } catch (error) {
    await tx`update task_imports set status = 'failed', last_error = ${error instanceof Error ? error.message : String(error)} where id = ${import_id}`;
  }
  return [];
};

/** task_import.confirmed: the import runs as its own job (it spans many transactions). */
export const taskImportConfirmed: EffectHandler = async (_tx, event) => {
  const { import_id } = payloadSchema.parse(event.payload);
  return [{ queue: QUEUES.maintenance, name: JOBS.taskImport, jobId: `task-import-${import_id}`, data: { importId: import_id, orgId: event.org_id } }];
};

/**
 * Runs a confirmed import: batches of rows, each created in one transaction as the importer (their
 * session, so row-level security decides) with its progress; a row the database refuses is
 * recorded with the reason. A rerun (the job retried after a crash) resumes after the last
 * committed batch. Finally the failed rows go to S3 as a CSV error report with an expiring link.
 */
export async function runImport(sql: Sql, orgId: string, importId: string, deps: TransferDeps): Promise<void> {
  const service = { 'x-hasura-role': 'service', 'x-hasura-org-id': orgId } as const;
  const checked = await sql.begin(async (tx) => {
    await setSession(tx, service);
    const record = await readImport(tx, importId);
    if (!record || !['confirmed', 'importing'].includes(record.status) || !record.created_by) return undefined;
    return { record, ...(await validateRows(tx, record.source_csv, record.mapping)) };
  });
  if (!checked) return;
  const { record, valid, errors } = checked;
  const importer = record.created_by!;
  for (;;) {
    const done = await sql.begin(async (tx) => {
      await setSession(tx, service);
      const current = await readImport(tx, importId);
      if (!current) return true;
      const batch = valid.filter((row) => row.row > current.processed_rows).slice(0, IMPORT_BATCH_SIZE);
      if (batch.length === 0) return true;
      const refused: RowError[] = [];
      let imported = 0;
      await setSession(tx, { 'x-hasura-role': 'user', 'x-hasura-org-id': orgId, 'x-hasura-user-id': importer });
      for (const row of batch) {
        try {
          await tx.savepoint(async (sp) => {
            const [task] = await sp`
              insert into tasks (org_id, project_id, title, description, status, priority, start_date, due_date, estimate, created_by)
              values (${orgId}, ${record.project_id}, ${row.title}, ${row.description ?? null}, ${row.status ?? 'todo'}, ${row.priority ?? 'none'},
                      ${row.start_date ?? null}, ${row.due_date ?? null}, ${row.estimate ?? null}, ${importer})
              returning id`;
            if (row.assignee_id) {
              await sp`insert into task_assignees (org_id, project_id, task_id, user_id) values (${orgId}, ${record.project_id}, ${task!.id as string}, ${row.assignee_id})`;
            }
          });
          imported += 1;
        } catch (error) {
          refused.push({ row: row.row, errors: [error instanceof Error ? error.message : String(error)] });
        }
      }
      await setSession(tx, service);
      // Validation errors are known from the start; refusals by the database accumulate batch by batch.
      const earlierRefusals = current.row_errors.filter((e) => !errors.some((v) => v.row === e.row));
      const rowErrors = [...errors, ...earlierRefusals, ...refused].sort((x, y) => x.row - y.row);
      await tx`
        update task_imports set status = 'importing', processed_rows = ${batch[batch.length - 1]!.row},
               imported_rows = imported_rows + ${imported}, row_errors = ${tx.json(rowErrors as never)}
         where id = ${importId}`;
      return false;
    });
    if (done) break;
  }
  await finishImport(sql, orgId, importId, deps);
}

async function finishImport(sql: Sql, orgId: string, importId: string, deps: TransferDeps): Promise<void> {
  await sql.begin(async (tx) => {
    await setSession(tx, { 'x-hasura-role': 'service', 'x-hasura-org-id': orgId });
    const record = await readImport(tx, importId);
    if (!record || !['confirmed', 'importing'].includes(record.status)) return;
    if (record.row_errors.length === 0 || !deps.store) {
      await tx`update task_imports set status = 'completed', last_error = ${record.row_errors.length > 0 ? 'error report not stored: S3 is not configured' : null} where id = ${importId}`;
      return;
    }
    const key = `${orgId}/task-imports/${importId}/errors.csv`;
    await deps.store.put(key, stringify(record.row_errors.map((e) => ({ row: e.row, errors: e.errors.join('; ') })), { header: true }), 'text/csv');
    const url = await deps.store.link(key, deps.linkSeconds);
    await tx`
      update task_imports set status = 'completed', error_report_key = ${key}, error_report_url = ${url},
             error_report_expires_at = now() + make_interval(secs => ${deps.linkSeconds})
       where id = ${importId}`;
  });
}
