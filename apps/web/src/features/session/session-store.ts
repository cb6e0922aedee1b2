import { ConsoleError } from '@/features/errors/console-error';
import { adoptRefreshToken, endCookieSession, refreshFromCookie, type AccessGrant } from './cookie-session';

export interface Session {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  userId: string;
  orgId: string;
}

export type SessionState = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; session: Session };

/** Refresh this long before the access token expires, so requests never carry an expired one. */
const REFRESH_AHEAD_MS = 60_000;
const SIGNED_OUT_CODES = new Set(['refresh_token_invalid', 'refresh_token_reused', 'csrf_header_missing']);
const LOADING: SessionState = { status: 'loading' };

/**
 * The signed-in session of this tab. The access token lives only in memory; the refresh token in
 * the httpOnly cookie, which scripts never see. Tabs take turns refreshing (Web Locks): a rotated
 * refresh token presented twice would end the session for every tab.
 */
class SessionStore {
  private state: SessionState = LOADING;
  private readonly listeners = new Set<() => void>();
  private refreshing: Promise<Session | undefined> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SessionState => this.state;

  getServerSnapshot = (): SessionState => LOADING;

  current(): Session | undefined {
    return this.state.status === 'signed-in' ? this.state.session : undefined;
  }

  /** True when there is a session whose access token is about to expire. */
  needsRefresh(): boolean {
    const session = this.current();
    return session !== undefined && session.expiresAt - Date.now() < REFRESH_AHEAD_MS / 2;
  }

  /** On page load: a session from the cookie, if there is one. */
  async restore(): Promise<void> {
    if (this.state.status !== 'loading') return;
    await this.refresh();
  }

  /** Puts a refresh token answered by signIn, challengeMfa or switchOrganization into the cookie. */
  async adopt(refreshToken: string): Promise<Session> {
    return this.accept(await adoptRefreshToken(refreshToken));
  }

  /** Moves to a new session (answered by switchOrganization or changePassword), ending the cookie's current one. */
  async replace(refreshToken: string): Promise<Session> {
    await endCookieSession();
    return this.adopt(refreshToken);
  }

  /** A new access token from the cookie; undefined (and signed out) when the cookie's session is over. */
  refresh(): Promise<Session | undefined> {
    this.refreshing ??= this.refreshOnce().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  async signOut(): Promise<void> {
    try {
      await endCookieSession();
    } finally {
      this.set({ status: 'signed-out' });
    }
  }

  private async refreshOnce(): Promise<Session | undefined> {
    try {
      const grant = await exclusively(() => refreshFromCookie());
      return this.accept(grant);
    } catch (error) {
      if (error instanceof ConsoleError && (SIGNED_OUT_CODES.has(error.code) || error.code === 'unexpected')) {
        this.set({ status: 'signed-out' });
        return undefined;
      }
      // Network trouble: keep the session and try again shortly.
      if (this.state.status === 'loading') this.set({ status: 'signed-out' });
      else this.schedule(10_000);
      throw error;
    }
  }

  private accept(grant: AccessGrant): Session {
    const session: Session = {
      accessToken: grant.access_token,
      expiresAt: Date.now() + grant.expires_in * 1000,
      userId: grant.user_id,
      orgId: grant.org_id,
    };
    this.set({ status: 'signed-in', session });
    this.schedule(Math.max(grant.expires_in * 1000 - REFRESH_AHEAD_MS, 5_000));
    return session;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh().catch(() => undefined), delayMs);
  }

  private set(state: SessionState): void {
    if (state.status !== 'signed-in') clearTimeout(this.timer);
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

async function exclusively<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return task();
  let result: T | undefined;
  await locks.request('workgrid-session-refresh', async () => {
    result = await task();
  });
  return result as T;
}

export const sessionStore = new SessionStore();
