import type { ActionInfo } from './actions-model.ts';
import { HasuraError } from './errors.ts';

/** Client headers Hasura never forwards (`commonClientHeadersIgnored`), plus framing the new body replaces. */
const IGNORED = new Set([
  'content-length', 'content-md5', 'user-agent', 'host', 'origin', 'referer', 'accept', 'accept-encoding', 'accept-language', 'accept-datetime',
  'cache-control', 'connection', 'dnt', 'content-type', 'content-encoding', 'transfer-encoding', 'keep-alive', 'upgrade',
]);
const FORWARDED_AS: Record<string, string> = { host: 'x-forwarded-host', 'user-agent': 'x-forwarded-user-agent', origin: 'x-forwarded-origin' };

export type ClientHeaders = Record<string, string | string[] | undefined>;

/**
 * The handler's request headers: with `forward_client_headers` the client's own (minus the ignored ones
 * and every `x-hasura-*`, so neither the admin secret nor session headers leak) and the
 * `X-Forwarded-Host/User-Agent/Origin` copies; then the configured headers, which win.
 */
export function handlerHeaders(action: ActionInfo, client: ClientHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  if (action.forwardClientHeaders) {
    for (const [rawName, rawValue] of Object.entries(client)) {
      if (rawValue === undefined) continue;
      const name = rawName.toLowerCase();
      const value = Array.isArray(rawValue) ? rawValue.join(', ') : rawValue;
      const forwarded = FORWARDED_AS[name];
      if (forwarded) headers[forwarded] = value;
      if (IGNORED.has(name) || name.startsWith('x-hasura-')) continue;
      headers[name] = value;
    }
  }
  for (const [name, value] of action.headers) headers[name] = value;
  headers['content-type'] = 'application/json';
  return headers;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** A handler's 4xx answer `{message, code?, extensions?}` as the GraphQL error Hasura reports. */
function clientError(body: unknown, path: string, internal: unknown): HasuraError {
  // Hasura reports a handler's own error at `$`, not at the field.
  const error = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const message = error['message'];
  if (typeof message !== 'string') return new HasuraError('unexpected', 'webhook response is not a valid error object: "message" is missing', path, internal);
  const extensions = error['extensions'];
  const code = typeof error['code'] === 'string' ? error['code'] : 'unexpected';
  return extensions !== null && typeof extensions === 'object' && !Array.isArray(extensions)
    ? new HasuraError(code, message, '$', undefined, 400, extensions as Record<string, unknown>)
    : new HasuraError(code, message, '$');
}

/** POSTs the payload to the action's handler and answers its 2xx JSON body; failures as Hasura reports them. */
export async function postToHandler(action: ActionInfo, payload: unknown, client: ClientHeaders, path: string): Promise<unknown> {
  let status: number;
  let text: string;
  try {
    const response = await fetch(action.handler, { method: 'POST', headers: handlerHeaders(action, client), body: JSON.stringify(payload), signal: AbortSignal.timeout(action.timeoutMs) });
    status = response.status;
    text = await response.text();
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? `response timeout after ${action.timeoutMs} ms` : String(error instanceof Error && error.cause instanceof Error ? error.cause.message : error);
    throw new HasuraError('unexpected', 'http exception when calling webhook', path, { error: reason, request: { url: action.handler } });
  }
  const internal = { request: { url: action.handler }, response: { status, body: text } };
  const parsed = parseJson(text);
  if (status >= 200 && status < 300) {
    if (!parsed.ok) throw new HasuraError('unexpected', 'not a valid json response from webhook', path, internal);
    return parsed.value;
  }
  if (status >= 400 && status < 500) {
    if (!parsed.ok) throw new HasuraError('unexpected', 'not a valid json response from webhook', path, internal);
    throw clientError(parsed.value, path, internal);
  }
  throw new HasuraError('unexpected', 'internal error', path, internal);
}
