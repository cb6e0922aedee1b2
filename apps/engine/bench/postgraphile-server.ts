// PostGraphile v5 for graphql-vs-postgraphile.bench.ts, in a process of its own: connects as the
// engine's database role and, per request, sets the same `hasura.user` session the engine sets
// (from the x-hasura-* request headers), so the same row-level security applies to both servers.
import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const session = (request: IncomingMessage): string =>
  JSON.stringify(Object.fromEntries(Object.entries(request.headers).filter(([name]) => name.startsWith('x-hasura-'))));

const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({
      connectionString: process.env['DATABASE_URL'],
      schemas: ['public'],
      poolConfig: { max: 10 },
      pgSettings: (ctx) => {
        const request = (ctx as { node?: { req?: IncomingMessage } }).node?.req;
        return { 'hasura.user': request ? session(request) : '' };
      },
    }),
  ],
  grafserv: { graphqlPath: '/graphql', watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on('error', (error) => console.error(error));
serv.addTo(server).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as AddressInfo).port}`));
process.once('SIGTERM', () => {
  server.close();
  void Promise.resolve(pgl.release()).then(() => process.exit(0));
});
