import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { assertAllowedUrl, guardedLookup } from './ssrf.ts';

export const RESPONSE_BODY_LIMIT = 2048;

export interface PostResult {
  status: number;
  /** The first RESPONSE_BODY_LIMIT bytes of the response body. */
  body: string;
}

export interface PostOptions {
  allowPrivate: boolean;
  timeoutMs: number;
}

/**
 * POSTs a body with the SSRF guard on the connection itself. Redirects are not followed (a 3xx is
 * an answer, and following it could lead anywhere); the response body is read up to the limit.
 */
export function guardedPost(rawUrl: string, body: string, headers: Record<string, string>, options: PostOptions): Promise<PostResult> {
  const url = assertAllowedUrl(rawUrl, options.allowPrivate);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'WorkGrid-Webhooks/1', ...headers, 'content-length': Buffer.byteLength(body) },
        lookup: guardedLookup(options.allowPrivate),
        timeout: options.timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < RESPONSE_BODY_LIMIT) chunks.push(chunk.subarray(0, RESPONSE_BODY_LIMIT - size));
          size += chunk.length;
        });
        // Postgres text cannot hold NUL characters.
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').replaceAll('\u0000', '') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
