import { serverConfig } from '@/server/config';

export const dynamic = 'force-dynamic';

/** What the browser needs to know about this deployment, read at request time. */
export function GET(): Response {
  return Response.json({ graphqlWsUrl: serverConfig().GRAPHQL_WS_URL ?? null }, { headers: { 'cache-control': 'no-store' } });
}
