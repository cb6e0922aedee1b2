import { fileTypeFromBuffer } from 'file-type';

/** What a ticket attachment may be, judged by its bytes (magic numbers), never by its name or declared type. */
const ALLOWED_SNIFFED = new Set([
  'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/heic', 'image/bmp', 'image/tiff',
  'application/pdf', 'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.spreadsheet',
  'audio/mpeg', 'video/mp4', 'video/quicktime',
]);
/** Formats without magic numbers: accepted only as declared and only when the bytes are plain text. */
const TEXT_TYPES = new Set(['text/plain', 'text/csv', 'text/markdown', 'application/json']);

/** Bytes file-type needs to recognise every format it knows. */
export const SNIFF_BYTES = 4100;

export type ContentVerdict = { ok: true; contentType: string } | { ok: false; reason: string; detected: string | null };

function looksLikeText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, Math.max(0, bytes.length - 3)));
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides from the first bytes of an upload what it is. A recognised format must be on the allow
 * list (an executable renamed .png is detected as one and refused); an unrecognised one is
 * accepted only when declared as a text type and the bytes are UTF-8 text.
 */
export async function checkContent(head: Buffer, declaredType: string): Promise<ContentVerdict> {
  const sniffed = await fileTypeFromBuffer(head);
  if (sniffed) {
    return ALLOWED_SNIFFED.has(sniffed.mime)
      ? { ok: true, contentType: sniffed.mime }
      : { ok: false, reason: `files of type ${sniffed.mime} are not accepted`, detected: sniffed.mime };
  }
  const declared = declaredType.split(';', 1)[0]!.trim().toLowerCase();
  if (TEXT_TYPES.has(declared) && looksLikeText(head)) return { ok: true, contentType: declared };
  return { ok: false, reason: 'the file type could not be recognised', detected: null };
}
