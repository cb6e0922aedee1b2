import { Queue, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import postgres, { type Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadWorkerConfig } from '../src/config.ts';
import { outboxEventProcessor } from '../src/jobs/outbox-event.ts';
import { runExport } from '../src/jobs/task-export.ts';
import { runImport } from '../src/jobs/task-import.ts';
import type { OutboxJobData } from '../src/outbox/relay.ts';
import { QUEUES } from '../src/queues.ts';
import { fileStoreFromConfig } from '../src/storage/object-store.ts';
import { createTestOrg, superuserSql, type TestOrg } from './support/org.ts';

// CSV import with a preview and a confirm step run in batches (bad rows reported, the rest
// imported, once even when the job runs again), and exports of what the requester may see, with
// an expiring link into S3.

const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };
const sql = superuserSql();
const app: Sql = postgres(inject('appUrl'), { max: 4, onnotice: () => {} });
const s3 = inject('s3');
const config = loadWorkerConfig({
  APP_DATABASE_URL: inject('appUrl'),
  REDIS_URL: inject('redisUrl'),
  SECRETS_KEY: 'transfer-test-secrets-key-0123456789',
  S3_ENDPOINT: `http://${s3.endPoint}:${s3.port}`,
  S3_ACCESS_KEY: s3.accessKey,
  S3_SECRET_KEY: s3.secretKey,
  S3_BUCKET: s3.bucket,
  S3_REGION: s3.region,
});
const deps = { store: fileStoreFromConfig(config), linkSeconds: 600 };
const connection = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
const maintenance = new Queue(QUEUES.maintenance, { connection, prefix: `transfer-${process.pid}` });
const processEvent = outboxEventProcessor({ sql: app, queues: { [QUEUES.maintenance]: maintenance }, log: silent, backoff: { baseMs: 10, maxMs: 40 }, leaseSeconds: 60 });

afterAll(async () => {
  await maintenance.obliterate({ force: true });
  await maintenance.close();
  connection.disconnect();
  await sql.end();
  await app.end();
});

let org: TestOrg;
let projectId = '';
let memberEmail = '';

async function asUser<T>(userId: string, run: (tx: postgres.TransactionSql) => Promise<T>): Promise<T> {
  return (await sql.begin(async (tx) => {
    await tx`set local role workgrid_engine`;
    await tx`select set_config('hasura.user', ${JSON.stringify({ 'x-hasura-role': 'user', 'x-hasura-org-id': org.orgId, 'x-hasura-user-id': userId })}, true)`;
    return run(tx);
  })) as T;
}

async function runPending(topic: string): Promise<void> {
  const events = await sql`select id, topic from outbox_events where org_id = ${org.orgId} and topic = ${topic} and delivered_at is null`;
  for (const event of events) {
    await processEvent({ data: { eventId: event.id, orgId: org.orgId, topic }, attemptsMade: 0, opts: { attempts: 3 } } as unknown as Job<OutboxJobData>);
  }
}

beforeAll(async () => {
  org = await createTestOrg(sql, 'Transfer', 2);
  memberEmail = (await sql`select email from users where id = ${org.members[0]!}`)[0]!.email as string;
  projectId = await asUser(org.owner, async (tx) => {
    const [workspace] = await tx`insert into workspaces (org_id, name, created_by) values (${org.orgId}, 'Imports', ${org.owner}) returning id`;
    const [project] = await tx`insert into projects (org_id, workspace_id, key, name, created_by) values (${org.orgId}, ${workspace!.id as string}, 'IMP', 'Imported', ${org.owner}) returning id`;
    return project!.id as string;
  });
});

describe('CSV import', () => {
  it('previews with per-row errors, then imports the valid rows once and reports the bad ones', async () => {
    const csv = [
      'Name,State,Urgency,Due,Owner',
      `"Migrate billing, part 1",todo,high,2026-07-01,${memberEmail}`,
      ',todo,low,,',
      'Fix login,sleeping,low,,',
      'Write docs,todo,low,2026-13-45,',
      'Call vendor,todo,low,,nobody@elsewhere.example',
      'Plan offsite,backlog,medium,,',
    ].join('\n');
    const importId = await asUser(org.owner, async (tx) =>
      (await tx`insert into task_imports (org_id, project_id, source_csv, mapping, created_by)
                values (${org.orgId}, ${projectId}, ${csv}, ${tx.json({ Name: 'title', State: 'status', Urgency: 'priority', Due: 'due_date', Owner: 'assignee_email' })}, ${org.owner})
                returning id`)[0]!.id as string);
    await runPending('task_import.created');

    const [preview] = await sql`select status, total_rows, valid_rows, preview, row_errors from task_imports where id = ${importId}`;
    expect([preview!.status, preview!.total_rows, preview!.valid_rows]).toEqual(['previewed', 6, 2]);
    expect((preview!.preview as { title: string }[]).map((r) => r.title)).toEqual(['Migrate billing, part 1', 'Plan offsite']);
    expect((preview!.row_errors as { row: number }[]).map((e) => e.row)).toEqual([2, 3, 4, 5]);
    expect(JSON.stringify(preview!.row_errors)).toContain('nobody@elsewhere.example is not a member');

    await asUser(org.owner, (tx) => tx`update task_imports set status = 'confirmed' where id = ${importId}`);
    await runPending('task_import.confirmed');
    expect(await maintenance.getJob(`task-import-${importId}`)).toBeDefined();
    await runImport(app, org.orgId, importId, deps);
    await runImport(app, org.orgId, importId, deps); // a retried job finds nothing left to do

    const tasks = await sql`select t.title, t.priority, t.due_date::text as due, array(select user_id from task_assignees a where a.task_id = t.id) as assignees
                              from tasks t where t.project_id = ${projectId} order by t.number`;
    expect(tasks.map((t) => [t.title, t.priority, t.due])).toEqual([['Migrate billing, part 1', 'high', '2026-07-01'], ['Plan offsite', 'medium', null]]);
    expect(tasks[0]!.assignees).toEqual([org.members[0]]);
    const [done] = await sql`select status, imported_rows, error_report_url from task_imports where id = ${importId}`;
    expect([done!.status, done!.imported_rows]).toEqual(['completed', 2]);
    const report = await fetch(done!.error_report_url as string);
    expect(report.status).toBe(200);
    expect((await report.text()).split('\n')[0]).toBe('row,errors');

    const again = await asUser(org.owner, (tx) => tx`update task_imports set status = 'confirmed' where id = ${importId}`).catch((e: unknown) => e);
    expect((again as Error).message).toBe('task_import_not_previewed');
  });
});

describe('task export', () => {
  it('writes only the tasks the requester may see, as CSV or JSON, behind an expiring link', async () => {
    const hidden = await asUser(org.owner, async (tx) => {
      const [workspace] = await tx`select id from workspaces where org_id = ${org.orgId} limit 1`;
      const [secret] = await tx`insert into projects (org_id, workspace_id, key, name, visibility, created_by)
                                values (${org.orgId}, ${workspace!.id as string}, 'SEC', 'Secret', 'private', ${org.owner}) returning id`;
      await tx`insert into tasks (org_id, project_id, title, created_by) values (${org.orgId}, ${secret!.id as string}, 'Hidden plan', ${org.owner})`;
      return 'Hidden plan';
    });
    const request = (userId: string, format: string) =>
      asUser(userId, async (tx) => (await tx`insert into task_exports (org_id, format, filters, created_by) values (${org.orgId}, ${format}, ${tx.json({ status: ['todo', 'backlog'] })}, ${userId}) returning id`)[0]!.id as string);
    const memberCsv = await request(org.members[1]!, 'csv');
    const ownerJson = await request(org.owner, 'json');
    await runPending('task_export.requested');
    for (const id of [memberCsv, ownerJson]) await runExport(app, org.orgId, id, deps);

    const [csvRow] = await sql`select status, row_count, download_url, expires_at from task_exports where id = ${memberCsv}`;
    expect([csvRow!.status, csvRow!.row_count]).toEqual(['completed', 2]);
    expect((csvRow!.expires_at as Date).getTime()).toBeGreaterThan(Date.now());
    const csv = await (await fetch(csvRow!.download_url as string)).text();
    expect(csv).toContain('Migrate billing, part 1');
    expect(csv).not.toContain(hidden);

    const [jsonRow] = await sql`select download_url from task_exports where id = ${ownerJson}`;
    const rows = (await (await fetch(jsonRow!.download_url as string)).json()) as { title: string }[];
    expect(rows.map((r) => r.title)).toContain(hidden);
  });
});
