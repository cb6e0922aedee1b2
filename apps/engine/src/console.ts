import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);

const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript; charset=utf-8' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript; charset=utf-8' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript; charset=utf-8' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css; charset=utf-8' },
};

/** The UMD builds are not in the packages' export maps: locate them from each package.json. */
function assetPath(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>WorkGrid GraphQL console</title>
<link rel="stylesheet" href="/console/assets/graphiql.css">
<style>html,body,#app{height:100%;margin:0}</style>
</head>
<body>
<div id="app"></div>
<script src="/console/assets/react.js"></script>
<script src="/console/assets/react-dom.js"></script>
<script src="/console/assets/graphiql.js"></script>
<script>
  const secretKey = 'workgrid-admin-secret';
  const fetcher = GraphiQL.createFetcher({
    url: new URL('/v1/graphql', location.href).toString(),
  });
  const root = ReactDOM.createRoot(document.getElementById('app'));
  root.render(React.createElement(GraphiQL, {
    fetcher,
    defaultHeaders: JSON.stringify({ 'x-hasura-admin-secret': sessionStorage.getItem(secretKey) || '' }, null, 2),
    shouldPersistHeaders: false,
    isHeadersEditorEnabled: true,
  }));
</script>
</body>
</html>`;

/** `/console`: GraphiQL served from the npm packages (no CDN); the admin secret goes in the headers tab. */
export function consoleRoutes(app: FastifyInstance): void {
  const cache = new Map<string, Buffer>();
  app.get('/console', async (_request, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(PAGE));
  app.get('/console/assets/:name', async (request, reply) => {
    const { name } = request.params as { name: string };
    const asset = ASSETS[name];
    if (!asset) return reply.code(404).send({ path: '$', error: 'resource does not exist', code: 'not-found' });
    let content = cache.get(name);
    if (!content) {
      content = readFileSync(assetPath(asset.pkg, asset.file));
      cache.set(name, content);
    }
    return reply.type(asset.type).header('cache-control', 'public, max-age=3600').send(content);
  });
}
