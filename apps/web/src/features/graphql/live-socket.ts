import { createClient, type Client } from 'graphql-ws';
import { sessionStore } from '@/features/session/session-store';

let configuredUrl: Promise<string> | undefined;

/** The deployment's websocket URL (GET /console-config), or this origin's /v1/graphql. */
function socketUrl(): Promise<string> {
  configuredUrl ??= fetch('/console-config', { cache: 'no-store' })
    .then((response) => response.json() as Promise<{ graphqlWsUrl: string | null }>)
    .then(({ graphqlWsUrl }) => graphqlWsUrl ?? `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/v1/graphql`)
    .catch((error: unknown) => {
      configuredUrl = undefined;
      throw error;
    });
  return configuredUrl;
}

/**
 * One graphql-transport-ws socket for the tab, opened with the first subscription. Every
 * (re)connection presents the access token current at that moment: the engine closes the socket
 * when the token it was opened with expires, and the client reconnects with a fresh one.
 */
export const liveSocket: Client = createClient({
  url: socketUrl,
  lazy: true,
  retryAttempts: Number.MAX_SAFE_INTEGER,
  shouldRetry: () => sessionStore.current() !== undefined,
  async connectionParams() {
    if (sessionStore.needsRefresh()) await sessionStore.refresh().catch(() => undefined);
    const session = sessionStore.current();
    return session ? { headers: { Authorization: `Bearer ${session.accessToken}` } } : {};
  },
});

// Another user or org in this tab: the open socket speaks for the old one, so reconnect.
let identity: string | undefined;
sessionStore.subscribe(() => {
  const session = sessionStore.current();
  const next = session ? `${session.userId}/${session.orgId}` : undefined;
  if (identity !== undefined && next !== identity) liveSocket.terminate();
  identity = next;
});
