import { ConsoleError, humanMessage } from '@/features/errors/console-error';

/** What the console's cookie routes answer: an access token (the refresh token stays in the httpOnly cookie). */
export interface AccessGrant {
  access_token: string;
  expires_in: number;
  user_id: string;
  org_id: string;
}

// Same origin: the console's server passes these on to the actions service (and nginx does in compose).
const BASE = '/actions/auth';
const CSRF = { 'x-workgrid-csrf': '1' };

async function post(path: string, body?: unknown): Promise<Response> {
  try {
    return await fetch(`${BASE}/${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: body === undefined ? CSRF : { ...CSRF, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    throw new ConsoleError('network', humanMessage('network', 'network error'));
  }
}

async function grantOf(response: Response): Promise<AccessGrant> {
  if (response.ok) return (await response.json()) as AccessGrant;
  const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string; title?: string };
  const code = problem.code ?? 'unexpected';
  throw new ConsoleError(code, humanMessage(code, problem.detail ?? problem.title ?? 'Request failed.'));
}

/** Spends a refresh token from signIn / challengeMfa / switchOrganization: its successor goes into the cookie. */
export async function adoptRefreshToken(refreshToken: string): Promise<AccessGrant> {
  return grantOf(await post('cookie', { refresh_token: refreshToken }));
}

/** A new access token from the cookie's refresh token (which is rotated); ConsoleError 401 codes when signed out. */
export async function refreshFromCookie(): Promise<AccessGrant> {
  return grantOf(await post('refresh'));
}

/** Ends the cookie's session and clears the cookie. */
export async function endCookieSession(): Promise<void> {
  await post('sign-out');
}
