import type { FastifyInstance } from 'fastify';
import { WebSocketServer } from 'ws';
import { subscriptionDefaults } from './config.ts';
import type { Engine } from './engine.ts';
import { SocketConnection } from './ws-connection.ts';
import { CLOSE, legacyWs, transportWs } from './ws-protocols.ts';

const GRAPHQL_PATHS = new Set(['/v1/graphql', '/v1alpha1/graphql']);
const NOT_FOUND = JSON.stringify({ path: '$', error: 'resource does not exist', code: 'not-found' });

/**
 * GraphQL over websockets on the HTTP port: `graphql-transport-ws` when the client offers it, else
 * Hasura's default, the legacy `graphql-ws` protocol. Other upgrade paths get a 404. On shutdown
 * every socket closes as Hasura closes them, 1012 (service restart), so clients reconnect.
 */
export function websocketRoutes(app: FastifyInstance, engine: Engine): void {
  const config = engine.config.subscriptions ?? subscriptionDefaults;
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (offered) => (offered.has(transportWs.name) ? transportWs.name : offered.has(legacyWs.name) ? legacyWs.name : false),
  });
  const connections = new Set<SocketConnection>();
  app.server.on('upgrade', (request, socket, head) => {
    const path = (request.url ?? '').split('?')[0] ?? '';
    if (!GRAPHQL_PATHS.has(path)) {
      socket.end(`HTTP/1.1 404 Not Found\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(NOT_FOUND)}\r\nconnection: close\r\n\r\n${NOT_FOUND}`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const connection = new SocketConnection(ws, ws.protocol === transportWs.name ? transportWs : legacyWs, request.headers, engine, config);
      connections.add(connection);
      ws.on('close', () => connections.delete(connection));
    });
  });
  app.addHook('preClose', async () => {
    for (const connection of connections) connection.close(CLOSE.serviceRestart, 'shutting server down');
    wss.close();
  });
}
