import { Client, fetchExchange, subscriptionExchange, type CombinedError } from '@urql/core';
import { authExchange } from '@urql/exchange-auth';
import { sessionStore } from '@/features/session/session-store';
import { liveSocket } from './live-socket';

const expiredToken = (error: CombinedError) =>
  error.graphQLErrors.some((e) => e.extensions['code'] === 'invalid-jwt' || /JWTExpired/.test(e.message));

/**
 * The console's GraphQL client: same-origin /v1/graphql, as the signed-in user (never as admin);
 * subscriptions over the websocket of live-socket.ts. No document cache: every screen reads what
 * the database says now.
 */
export const graphqlClient = new Client({
  url: '/v1/graphql',
  preferGetMethod: false,
  requestPolicy: 'network-only',
  exchanges: [
    authExchange(async (utils) => ({
      addAuthToOperation(operation) {
        const session = sessionStore.current();
        return session ? utils.appendHeaders(operation, { Authorization: `Bearer ${session.accessToken}` }) : operation;
      },
      willAuthError: () => sessionStore.needsRefresh(),
      didAuthError: (error) => sessionStore.current() !== undefined && expiredToken(error),
      async refreshAuth() {
        await sessionStore.refresh().catch(() => undefined);
      },
    })),
    subscriptionExchange({
      forwardSubscription(request) {
        const operation = { ...request, query: request.query ?? '' };
        return { subscribe: (sink) => ({ unsubscribe: liveSocket.subscribe(operation, sink) }) };
      },
    }),
    fetchExchange,
  ],
});
