// Headers that describe one hop of a connection, or that fetch sets itself, never forwarded.
const REQUEST_HEADERS_DROPPED = ['host', 'connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'content-length', 'accept-encoding', 'expect'];
// fetch has already decoded the body, so its original encoding and length no longer apply.
const RESPONSE_HEADERS_DROPPED = ['connection', 'keep-alive', 'transfer-encoding', 'content-encoding', 'content-length'];

const UPSTREAM_TIMEOUT_MS = 30_000;

/**
 * Passes a browser request on to an upstream service and its answer back unchanged (cookies
 * included), so the browser talks to one origin and the httpOnly session cookie stays first-party.
 */
export async function forward(request: Request, target: string, options: { omitHeaders?: string[] } = {}): Promise<Response> {
  const headers = new Headers(request.headers);
  for (const name of [...REQUEST_HEADERS_DROPPED, ...(options.omitHeaders ?? [])]) headers.delete(name);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers,
      body: hasBody ? await request.arrayBuffer() : undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
    });
  } catch {
    return Response.json(
      { type: 'about:blank', title: 'Bad Gateway', status: 502, detail: 'The service behind the console is not reachable.', code: 'upstream_unavailable' },
      { status: 502, headers: { 'content-type': 'application/problem+json' } },
    );
  }
  const responseHeaders = new Headers(upstream.headers);
  for (const name of RESPONSE_HEADERS_DROPPED) responseHeaders.delete(name);
  return new Response(upstream.body, { status: upstream.status, statusText: upstream.statusText, headers: responseHeaders });
}
