import type { Job } from 'bullmq';
import { stringify } from 'csv-stringify/sync';
import type { Sql } from 'postgres';
import { z } from 'zod';
import { setSession } from '../db-session.ts';
import { JOBS, QUEUES } from '../queues.ts';
import type { EffectHandler } from './effects.ts';
import { runImport, type TransferDeps } from './task-import.ts';

const filtersSchema = z.object({
  project_id: z.guid().optional(),
  status: z.array(z.string()).optional(),
  assignee_id: z.guid().optional(),
  due_from: z.iso.date().optional(),
  due_to: z.iso.date().optional(),
});

const COLUMNS = ['key', 'title', 'status', 'priority', 'start_date', 'due_date', 'estimate', 'project', 'assignees', 'created_at'] as const;

interface ExportRecord {
  id: string;
  format: 'csv' | 'json';
  filters: unknown;
  status: string;
  created_by: string | null;
}

/** task_export.requested: the export runs as its own job (it talks to S3). */
export const taskExportRequested: EffectHandler = async (_tx, event) => {
  const exportId = z.object({ export_id: z.guid() }).parse(event.payload).export_id;
  return [{ queue: QUEUES.maintenance, name: JOBS.taskExport, jobId: `task-export-${exportId}`, data: { exportId, orgId: event.org_id } }];
};

/**
 * Writes an export: the tasks matching its filters that the requester may see (their session, so
 * row-level security decides), as CSV or JSON, to S3; the row gets an expiring download link.
 */
export async function runExport(sql: Sql, orgId: string, exportId: string, deps: TransferDeps): Promise<void> {
  await sql.begin(async (tx) => {
    const service = { 'x-hasura-role': 'service', 'x-hasura-org-id': orgId } as const;
    await setSession(tx, service);
    const [record] = (await tx`select * from task_exports where id = ${exportId} for update`) as unknown as ExportRecord[];
    if (!record || record.status !== 'queued' || !record.created_by) return;
    const fail = (reason: string) => tx`update task_exports set status = 'failed', last_error = ${reason} where id = ${exportId}`;
    const filters = filtersSchema.safeParse(record.filters);
    if (!filters.success) return void (await fail(`invalid filters: ${filters.error.message}`));
    if (!deps.store) return void (await fail('S3 is not configured'));
    const f = filters.data;

    await setSession(tx, { 'x-hasura-role': 'user', 'x-hasura-org-id': orgId, 'x-hasura-user-id': record.created_by });
    const rows = await tx`
      select t.key, t.title, t.status, t.priority, t.start_date::text, t.due_date::text, t.estimate::float8 as estimate, p.key as project,
             array_to_string(array(select u.email from task_assignees a join users u on u.id = a.user_id where a.task_id = t.id order by u.email), ';') as assignees,
             t.created_at
        from tasks t join projects p on p.id = t.project_id
       where t.deleted_at is null
         and (${f.project_id ?? null}::uuid is null or t.project_id = ${f.project_id ?? null}::uuid)
         and (${f.status ?? null}::text[] is null or t.status = any(${f.status ?? null}::text[]))
         and (${f.assignee_id ?? null}::uuid is null or exists (select from task_assignees a where a.task_id = t.id and a.user_id = ${f.assignee_id ?? null}::uuid))
         and (${f.due_from ?? null}::date is null or t.due_date >= ${f.due_from ?? null}::date)
         and (${f.due_to ?? null}::date is null or t.due_date <= ${f.due_to ?? null}::date)
       order by p.key, t.number`;
    await setSession(tx, service);

    const body = record.format === 'json' ? JSON.stringify(rows) : stringify(rows as unknown as Record<string, unknown>[], { header: true, columns: [...COLUMNS] });
    const key = `${orgId}/task-exports/${exportId}.${record.format}`;
    await deps.store.put(key, body, record.format === 'json' ? 'application/json' : 'text/csv');
    const url = await deps.store.link(key, deps.linkSeconds);
    await tx`
      update task_exports set status = 'completed', row_count = ${rows.length}, object_key = ${key}, download_url = ${url},
             expires_at = now() + make_interval(secs => ${deps.linkSeconds})
       where id = ${exportId}`;
  });
}

/** Processors of the follow-up jobs of imports and exports (maintenance queue). */
export function transferProcessors(sql: Sql, deps: TransferDeps) {
  return {
    [JOBS.taskImport]: (job: Job<{ importId: string; orgId: string }>) => runImport(sql, job.data.orgId, job.data.importId, deps),
    [JOBS.taskExport]: (job: Job<{ exportId: string; orgId: string }>) => runExport(sql, job.data.orgId, job.data.exportId, deps),
  };
}
