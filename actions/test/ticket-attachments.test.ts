import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { TEST_ACTIONS_SECRET, testConfig } from './support/config.ts';
import { asOrgUser, createDeskOrg, superuserSql, type DeskOrg } from './support/org.ts';

// Ticket attachments against the test run's S3 store: presigned upload, the check of the stored
// bytes, and downloads only for those who may see the file. (The local store does not verify
// signatures; these tests prove the flow and the checks, not SigV4.)

const sql = superuserSql();
const s3 = inject('s3');
const MAX_BYTES = 64 * 1024;
let app: FastifyInstance;
let desk: DeskOrg;
let ticketId: string;
let othersTicketId: string;

// A 1×1 PNG, and the start of a Windows executable (an "MZ" header and PE stub).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const EXE = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000b800000000000000400000000000000000000000', 'hex'), Buffer.alloc(200, 0x90)]);

beforeAll(async () => {
  app = buildApp(testConfig({
    S3_ENDPOINT: `http://${s3.endPoint}:${s3.port}`,
    S3_BUCKET: s3.bucket,
    S3_REGION: s3.region,
    S3_ACCESS_KEY: s3.accessKey,
    S3_SECRET_KEY: s3.secretKey,
    ATTACHMENT_MAX_BYTES: String(MAX_BYTES),
  }));
  await app.ready();
  desk = await createDeskOrg(sql, 'Files');
  const raise = (requester: string) =>
    asOrgUser(sql, desk.orgId, requester, async (tx) =>
      (await tx`insert into tickets (org_id, subject, requester_id, created_by) values (${desk.orgId}, 'Screenshot attached', ${requester}, ${requester}) returning id`)[0]!.id as string);
  ticketId = await raise(desk.requester);
  othersTicketId = await raise(desk.members[0]!);
});
afterAll(async () => {
  await app.close();
  await sql.end();
});

async function call(name: string, input: Record<string, unknown>, userId: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await app.inject({
    method: 'POST',
    url: `/actions/${name}`,
    headers: { 'x-workgrid-actions-secret': TEST_ACTIONS_SECRET },
    payload: { action: { name }, input, session_variables: { 'x-hasura-role': 'user', 'x-hasura-org-id': desk.orgId, 'x-hasura-user-id': userId } },
  });
  return { status: response.statusCode, body: response.json() };
}

const codeOf = (answer: { body: Record<string, unknown> }) => (answer.body.extensions as { code: string } | undefined)?.code;

async function upload(userId: string, bytes: Buffer, filename: string, contentType: string, extra: Record<string, unknown> = {}): Promise<string> {
  const requested = await call('requestTicketUpload', { ticket_id: ticketId, filename, content_type: contentType, size_bytes: bytes.length, ...extra }, userId);
  expect(requested.status, JSON.stringify(requested.body)).toBe(200);
  const put = await fetch(requested.body.upload_url as string, { method: 'PUT', body: bytes, headers: { 'content-type': contentType } });
  expect(put.ok).toBe(true);
  return requested.body.file_id as string;
}

describe('ticket attachments', () => {
  it('accepts an image whose bytes are an image, and serves it through a short-lived URL to those who see it', async () => {
    const fileId = await upload(desk.requester, PNG, 'screen.png', 'image/png');
    const confirmed = await call('confirmTicketUpload', { file_id: fileId }, desk.requester);
    expect(confirmed.body).toEqual({ file_id: fileId, status: 'ready', content_type: 'image/png', size_bytes: PNG.length });

    for (const who of [desk.requester, desk.agent]) {
      const link = await call('ticketAttachmentUrl', { file_id: fileId }, who);
      expect(link.body.expires_in).toBe(60);
      const download = await fetch(link.body.url as string);
      expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
    }
    // Another requester: the same answer as for a file that does not exist.
    const foreign = await call('ticketAttachmentUrl', { file_id: fileId }, desk.members[0]!);
    expect([foreign.status, codeOf(foreign)]).toEqual([404, 'file_not_found']);
  });

  it('refuses and deletes an executable renamed .png, whatever type the client declares', async () => {
    const fileId = await upload(desk.requester, EXE, 'cat.png', 'image/png');
    const refused = await call('confirmTicketUpload', { file_id: fileId }, desk.requester);
    expect([refused.status, codeOf(refused)]).toEqual([400, 'attachment_content_refused']);
    const [row] = await sql`select status, detected_content_type from files where id = ${fileId}`;
    expect(row).toEqual({ status: 'rejected', detected_content_type: 'application/x-msdownload' });
    const [object] = await sql`select object_key from files where id = ${fileId}`;
    const gone = await fetch(`http://${s3.endPoint}:${s3.port}/${s3.bucket}/${object!.object_key as string}`);
    expect(gone.status).toBe(404);
    const link = await call('ticketAttachmentUrl', { file_id: fileId }, desk.requester);
    expect(codeOf(link)).toBe('file_not_found');
  });

  it('refuses oversize files, before and after the upload', async () => {
    const declared = await call('requestTicketUpload', { ticket_id: ticketId, filename: 'big.pdf', content_type: 'application/pdf', size_bytes: MAX_BYTES + 1 }, desk.requester);
    expect([declared.status, codeOf(declared)]).toEqual([413, 'attachment_too_large']);
    const fileId = await upload(desk.requester, Buffer.alloc(MAX_BYTES + 10, 0x41), 'notes.txt', 'text/plain', { size_bytes: 10 });
    const confirmed = await call('confirmTicketUpload', { file_id: fileId }, desk.requester);
    expect([confirmed.status, codeOf(confirmed)]).toEqual([413, 'attachment_too_large']);
  });

  it('answers another requester\'s ticket like a missing one, and keeps internal files to desk staff', async () => {
    for (const id of [othersTicketId, '00000000-0000-4000-8000-000000000000']) {
      const refused = await call('requestTicketUpload', { ticket_id: id, filename: 'x.png', content_type: 'image/png', size_bytes: 10 }, desk.requester);
      expect([refused.status, codeOf(refused)]).toEqual([404, 'ticket_not_found']);
    }
    const note = await call('requestTicketUpload', { ticket_id: ticketId, filename: 'x.png', content_type: 'image/png', size_bytes: 10, visibility: 'internal' }, desk.requester);
    expect(codeOf(note)).toBe('permission-denied');

    const fileId = await upload(desk.agent, PNG, 'diagnosis.png', 'image/png', { visibility: 'internal' });
    expect((await call('confirmTicketUpload', { file_id: fileId }, desk.agent)).body.status).toBe('ready');
    expect((await call('ticketAttachmentUrl', { file_id: fileId }, desk.manager)).status).toBe(200);
    expect(codeOf(await call('ticketAttachmentUrl', { file_id: fileId }, desk.requester))).toBe('file_not_found');

    // Members are staff elsewhere, but on their own request they see only its public files.
    const onMembers = await upload(desk.agent, PNG, 'member.png', 'image/png', { visibility: 'internal', ticket_id: othersTicketId });
    await call('confirmTicketUpload', { file_id: onMembers }, desk.agent);
    expect(codeOf(await call('ticketAttachmentUrl', { file_id: onMembers }, desk.members[0]!))).toBe('file_not_found');
    const publicOne = await upload(desk.agent, PNG, 'public.png', 'image/png', { ticket_id: othersTicketId });
    await call('confirmTicketUpload', { file_id: publicOne }, desk.agent);
    expect((await call('ticketAttachmentUrl', { file_id: publicOne }, desk.members[0]!)).status).toBe(200);
  });
});
