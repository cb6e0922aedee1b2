import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { defineAction, userOf, type UserSession } from '../identity/action.ts';
import { ActionError } from '../identity/action-error.ts';
import { inSession, type ClientInfo, type Identity } from '../identity/context.ts';
import { checkContent, SNIFF_BYTES } from '../storage/content-check.ts';
import type { ObjectStore } from '../storage/object-store.ts';

export interface TicketAttachmentOptions {
  identity: Identity;
  store: ObjectStore | undefined;
  maxBytes: number;
}

const UPLOAD_URL_SECONDS = 600;
const DOWNLOAD_URL_SECONDS = 60;

const requestInput = z.strictObject({
  ticket_id: z.guid(),
  filename: z.string().trim().min(1).max(255).refine((name) => !/[/\\]/.test(name), 'a file name, not a path'),
  content_type: z.string().min(3).max(255),
  size_bytes: z.number().int().min(1),
  visibility: z.enum(['public', 'internal']).optional(),
});
const fileInput = z.strictObject({ file_id: z.guid() });

const notFound = (what: string) => new ActionError(404, `${what}_not_found`, `No such ${what}.`);

/**
 * Ticket attachments go straight between the client and object storage: requestTicketUpload
 * records a pending file on a ticket the caller sees and hands out a presigned PUT URL;
 * confirmTicketUpload checks the stored object (size, content type sniffed from its first bytes;
 * the declared type and the name are never trusted) and deletes it when refused;
 * ticketAttachmentUrl gives a short-lived GET URL for a ready file the caller may see. Every read
 * runs under the caller's session, so RLS decides (another requester's ticket is "not found").
 */
export const ticketAttachmentActions: FastifyPluginAsync<TicketAttachmentOptions> = async (app, { identity, store, maxBytes }) => {
  const storage = (): ObjectStore => {
    if (!store) throw new ActionError(503, 'storage_unavailable', 'File storage is not configured.');
    return store;
  };
  const asCaller = <T>(caller: UserSession, client: ClientInfo, fn: Parameters<typeof inSession<T>>[3]) =>
    inSession(identity.sql, { role: 'user', userId: caller.userId, orgId: caller.orgId }, client, fn);

  defineAction(app, identity, {
    name: 'requestTicketUpload',
    input: requestInput,
    caller: 'user',
    handler: async ({ input, session, client }) => {
      const caller = userOf(session);
      const objects = storage();
      if (input.size_bytes > maxBytes) throw new ActionError(413, 'attachment_too_large', `Attachments are limited to ${maxBytes} bytes.`);
      const fileId = randomUUID();
      const objectKey = `${caller.orgId}/tickets/${input.ticket_id}/${fileId}`;
      await asCaller(caller, client, async (tx) => {
        const [ticket] = await tx`select id from tickets where id = ${input.ticket_id}`;
        if (!ticket) throw notFound('ticket');
        const [desk] = await tx`select app.has_org_role('owner', 'admin', 'manager', 'agent') as yes`;
        if (input.visibility === 'internal' && desk?.yes !== true) throw ActionError.forbidden('permission-denied', 'Only desk staff attach internal files.');
        await tx`
          insert into files (id, org_id, object_key, filename, declared_content_type, visibility, entity_type, entity_id, uploaded_by)
          values (${fileId}, ${caller.orgId}, ${objectKey}, ${input.filename}, ${input.content_type}, ${input.visibility ?? 'public'},
                  'ticket', ${input.ticket_id}, ${caller.userId})`;
      });
      return { file_id: fileId, upload_url: await objects.presignedPut(objectKey, UPLOAD_URL_SECONDS), expires_in: UPLOAD_URL_SECONDS, max_bytes: maxBytes };
    },
  });

  defineAction(app, identity, {
    name: 'confirmTicketUpload',
    input: fileInput,
    caller: 'user',
    handler: async ({ input, session, client }) => {
      const caller = userOf(session);
      const objects = storage();
      const [file] = await asCaller(caller, client, (tx) => tx`
        select object_key, declared_content_type, status, detected_content_type, size_bytes from files
         where id = ${input.file_id} and entity_type = 'ticket' and uploaded_by = ${caller.userId}`);
      if (!file) throw notFound('file');
      if (file.status !== 'pending') {
        return { file_id: input.file_id, status: file.status as string, content_type: file.detected_content_type as string | null, size_bytes: Number(file.size_bytes) };
      }
      const key = file.object_key as string;
      const size = await objects.size(key);
      if (size === undefined) throw new ActionError(409, 'upload_missing', 'Nothing was uploaded for this file yet.');
      const record = (status: 'ready' | 'rejected', detected: string | null) =>
        asCaller(caller, client, (tx) => tx`select app.record_file_check(${input.file_id}, ${status}, ${detected}, ${size})`);
      if (size > maxBytes) {
        await objects.remove(key);
        await record('rejected', null);
        throw new ActionError(413, 'attachment_too_large', `Attachments are limited to ${maxBytes} bytes.`);
      }
      const verdict = await checkContent(await objects.head(key, SNIFF_BYTES), file.declared_content_type as string);
      if (!verdict.ok) {
        await objects.remove(key);
        await record('rejected', verdict.detected);
        throw ActionError.badRequest('attachment_content_refused', `The file was refused: ${verdict.reason}.`);
      }
      await record('ready', verdict.contentType);
      return { file_id: input.file_id, status: 'ready', content_type: verdict.contentType, size_bytes: size };
    },
  });

  defineAction(app, identity, {
    name: 'ticketAttachmentUrl',
    input: fileInput,
    caller: 'user',
    handler: async ({ input, session, client }) => {
      const caller = userOf(session);
      const objects = storage();
      const [file] = await asCaller(caller, client, (tx) => tx`
        select object_key, filename, detected_content_type from files
         where id = ${input.file_id} and entity_type = 'ticket' and status = 'ready' and deleted_at is null`);
      if (!file) throw notFound('file');
      const url = await objects.presignedGet(file.object_key as string, DOWNLOAD_URL_SECONDS, file.filename as string, file.detected_content_type as string);
      return { url, expires_in: DOWNLOAD_URL_SECONDS };
    },
  });
};
