import { z } from 'zod';

const schema = z.object({
  /** The GraphQL engine as this server reaches it (embedded engine or Hasura). */
  ENGINE_URL: z.url().default('http://127.0.0.1:8080'),
  /** The actions service as this server reaches it (the console's session cookie routes). */
  ACTIONS_BASE_URL: z.url().default('http://127.0.0.1:3100'),
  /**
   * The websocket URL browsers open for subscriptions. Unset: the console's own origin at
   * /v1/graphql, where compose's nginx routes websockets to the engine (a Next.js route cannot
   * take a websocket upgrade, so npm start hands out the engine's own URL).
   */
  GRAPHQL_WS_URL: z.url().optional(),
});

export type ServerConfig = z.infer<typeof schema>;

let loaded: ServerConfig | undefined;

/** Read at request time, not at build time: one build serves any deployment. */
export function serverConfig(): ServerConfig {
  loaded ??= schema.parse({
    ENGINE_URL: process.env['ENGINE_URL'] || undefined,
    ACTIONS_BASE_URL: process.env['ACTIONS_BASE_URL'] || undefined,
    GRAPHQL_WS_URL: process.env['GRAPHQL_WS_URL'] || undefined,
  });
  return loaded;
}
