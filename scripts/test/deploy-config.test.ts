// Checks of the compose deployment that need no container runtime: compose.yaml's structure,
// and nginx.conf run for real by the machine's nginx against stand-in upstreams.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { repoRoot } from '../lib/paths.ts';
import { freePort } from '../lib/ports.ts';

// ---------------------------------------------------------------- compose.yaml

const conditionSchema = z.enum(['service_started', 'service_healthy', 'service_completed_successfully']);
const serviceSchema = z.object({
  image: z.string().optional(),
  build: z.object({ context: z.string(), dockerfile: z.string().optional() }).optional(),
  restart: z.string().optional(),
  depends_on: z.record(z.string(), z.object({ condition: conditionSchema })).optional(),
  volumes: z.array(z.string()).optional(),
  ports: z.array(z.string()).optional(),
  environment: z.record(z.string(), z.string()).optional(),
  healthcheck: z.object({ test: z.array(z.string()).min(2) }).optional(),
});
const composeSchema = z.object({
  services: z.record(z.string(), serviceSchema),
  volumes: z.record(z.string(), z.null()).optional(),
});
type Service = z.infer<typeof serviceSchema>;

const composeText = readFileSync(join(repoRoot, 'compose.yaml'), 'utf8');
const compose = composeSchema.parse(parse(composeText, { merge: true }));
const services = Object.entries(compose.services);

const isOneShot = (service: Service): boolean => service.restart === 'no';
const SECRET_NAME = /PASSWORD|SECRET|KEY/;
// Named like a secret but holds none: Hasura's JWT settings here are a JWK URL, audience and issuer.
const NOT_SECRET = new Set(['HASURA_GRAPHQL_JWT_SECRET']);

/** `${VAR}`, `${VAR:?message}`, `${VAR:-default}`; `$${...}` is an escaped dollar. */
function interpolations(text: string): { name: string; operator: string }[] {
  return [...text.matchAll(/(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[?-])?/g)].map((match) => ({
    name: match[1] ?? '',
    operator: match[2] ?? '',
  }));
}

function documentedVariables(): Set<string> {
  const text = readFileSync(join(repoRoot, '.env.example'), 'utf8');
  return new Set([...text.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1] ?? ''));
}

/** The image tag, or undefined when there is none (`name`, `registry:5000/name`). */
function tagOf(image: string): string | undefined {
  const lastPart = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastPart.indexOf(':');
  return colon === -1 ? undefined : lastPart.slice(colon + 1);
}

function dockerfilesOf(service: Service): string[] {
  return service.build ? [join(repoRoot, service.build.context, service.build.dockerfile ?? 'Dockerfile')] : [];
}

/** Base images of a Dockerfile, stage names excluded. */
function baseImages(dockerfile: string): string[] {
  const stages = new Set<string>();
  const images: string[] = [];
  for (const match of readFileSync(dockerfile, 'utf8').matchAll(/^FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/gim)) {
    const [, image = '', stage] = match;
    if (!stages.has(image)) images.push(image);
    if (stage) stages.add(stage);
  }
  return images;
}

describe('compose.yaml', () => {
  it('builds from contexts and Dockerfiles that exist', () => {
    const built = services.filter(([, service]) => service.build);
    expect(built.map(([name]) => name)).toEqual(expect.arrayContaining(['actions', 'worker', 'migrate', 'web']));
    for (const [name, service] of built) {
      expect(existsSync(join(repoRoot, service.build?.context ?? '')), `${name}: build context`).toBe(true);
      for (const dockerfile of dockerfilesOf(service)) expect(existsSync(dockerfile), `${name}: ${dockerfile}`).toBe(true);
    }
  });

  it('depends only on defined services, waiting for health or for one-shots to complete', () => {
    for (const [name, service] of services) {
      for (const [target, { condition }] of Object.entries(service.depends_on ?? {})) {
        const dependency = compose.services[target];
        expect(dependency, `${name} depends on unknown service ${target}`).toBeDefined();
        if (!dependency) continue;
        if (isOneShot(dependency)) {
          expect(condition, `${name} -> ${target}`).toBe('service_completed_successfully');
        } else {
          expect(condition, `${name} -> ${target}`).toBe('service_healthy');
          expect(dependency.healthcheck, `${target} has no healthcheck`).toBeDefined();
        }
      }
    }
  });

  it('mounts only local paths that exist and named volumes that are declared', () => {
    const declared = new Set(Object.keys(compose.volumes ?? {}));
    for (const [name, service] of services) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0] ?? '';
        if (source.startsWith('.') || source.startsWith('/')) {
          expect(existsSync(join(repoRoot, source)), `${name} mounts missing ${source}`).toBe(true);
        } else {
          expect(declared.has(source), `${name} uses undeclared volume ${source}`).toBe(true);
        }
      }
    }
  });

  it('reads only variables documented in .env.example', () => {
    const documented = documentedVariables();
    const missing = [...new Set(interpolations(composeText).map(({ name }) => name))].filter((name) => !documented.has(name));
    expect(missing, `add these to .env.example: ${missing.join(', ')}`).toEqual([]);
  });

  it('holds no secret: secret settings are required interpolations, URLs carry no literal password', () => {
    for (const { name, operator } of interpolations(composeText)) {
      if (SECRET_NAME.test(name)) expect(operator, `\${${name}} must fail when unset (:?)`).toBe(':?');
    }
    for (const [serviceName, service] of services) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (SECRET_NAME.test(key) && !NOT_SECRET.has(key)) expect(value, `${serviceName}.${key}`).toMatch(/^\$\{/);
        const password = /:\/\/[^/:@\s]+:([^@\s]+)@/.exec(value)?.[1];
        if (password !== undefined) expect(password, `${serviceName}.${key}`).toMatch(/^\$\{/);
      }
    }
  });

  it('publishes ports from nginx only, each host port once', () => {
    const publishing = services.filter(([, service]) => (service.ports ?? []).length > 0).map(([name]) => name);
    expect(publishing).toEqual(['nginx']);
    const hostPorts = services.flatMap(([, service]) => (service.ports ?? []).map((port) => port.split(':').at(-2)));
    expect(new Set(hostPorts).size).toBe(hostPorts.length);
  });

  it('gives the actions service and the worker the same object storage: MinIO inside, nginx\'s storage port for presigned URLs', () => {
    const s3Of = (name: string) =>
      Object.fromEntries(Object.entries(compose.services[name]?.environment ?? {}).filter(([key]) => key.startsWith('S3_')));
    const actions = s3Of('actions');
    expect(Object.keys(actions).sort()).toEqual(['S3_ACCESS_KEY', 'S3_BUCKET', 'S3_ENDPOINT', 'S3_PUBLIC_ENDPOINT', 'S3_REGION', 'S3_SECRET_KEY']);
    expect(s3Of('worker')).toEqual(actions);
    expect(actions['S3_ENDPOINT']).toBe('http://minio:9000');
    expect(actions['S3_PUBLIC_ENDPOINT']).toMatch(/^\$\{S3_PUBLIC_ENDPOINT:-https?:\/\/[^}]+:9000\}$/);
    expect(compose.services['nginx']?.ports).toContain('9000:9000');
    expect(readFileSync(join(repoRoot, 'nginx', 'nginx.conf'), 'utf8')).toContain('set $minio_upstream minio:9000;');
  });

  it('gives every long-running service a health check', () => {
    for (const [name, service] of services) {
      if (!isOneShot(service)) expect(service.healthcheck, `${name} has no healthcheck`).toBeDefined();
    }
  });

  it('pins every image, in compose and in the Dockerfiles, to a tag other than latest', () => {
    const images = services.flatMap(([, service]) => [
      ...(service.image ? [service.image] : []),
      ...dockerfilesOf(service).flatMap(baseImages),
    ]);
    for (const image of images) {
      const tag = tagOf(image);
      expect(tag, `${image} is not pinned`).toBeDefined();
      expect(tag, `${image} is not pinned`).not.toBe('latest');
    }
  });
});

// ---------------------------------------------------------------- nginx.conf

function findNginx(): string | undefined {
  // `.ci/run` installs Debian's nginx; /usr/sbin is not on every PATH.
  const directories = [...(process.env['PATH'] ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin'];
  return directories
    .filter((directory) => isAbsolute(directory))
    .map((directory) => join(directory, 'nginx'))
    .find((path) => existsSync(path) && statSync(path).isFile());
}

const nginx = findNginx();

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  tlsProtocol?: string | null;
}

interface Seen {
  service: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** A stand-in for web, hasura or actions: answers with what it received, accepts WebSocket upgrades. */
function fakeUpstream(service: string): Promise<Server> {
  const server = createServer({ maxHeaderSize: 64 * 1024 }, (request, response) => {
    const seen: Seen = { service, url: request.url ?? '', headers: request.headers };
    response.setHeader('content-type', 'application/json');
    response.setHeader('x-request-id', 'set-by-upstream');
    response.end(JSON.stringify({ ...seen, padding: request.url === '/big' ? 'x'.repeat(4096) : '' }));
  });
  server.on('upgrade', (request, socket) => {
    socket.on('error', () => {});
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: ${request.headers.upgrade ?? ''}\r\nConnection: Upgrade\r\n\r\n`,
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A DNS server that answers every A question with 127.0.0.1, standing in for Docker's. */
function fakeDns(): Promise<Socket> {
  const socket = createSocket('udp4');
  socket.on('message', (query, remote) => {
    let end = 12;
    while ((query[end] ?? 0) !== 0) end += (query[end] ?? 0) + 1;
    end += 5; // the name's terminating zero, QTYPE, QCLASS
    const header = Buffer.from(query.subarray(0, 12));
    header.writeUInt16BE(0x8180, 2); // response, recursion desired and available, no error
    header.writeUInt16BE(1, 6); // one answer
    header.writeUInt32BE(0, 8); // no authority or additional records
    const answer = Buffer.from([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 5, 0, 4, 127, 0, 0, 1]);
    socket.send(Buffer.concat([header, query.subarray(12, end), answer]), remote.port, remote.address);
  });
  return new Promise((resolve) => socket.bind(0, '127.0.0.1', () => resolve(socket)));
}

const portOf = (server: Server | Socket): number => (server.address() as AddressInfo).port;

/** nginx before 1.25.1 (Debian 12 ships 1.22) knows `listen ... http2`, not `http2 on`. */
function needsLegacyHttp2(binary: string): boolean {
  const version = /nginx\/(\d+)\.(\d+)\.(\d+)/.exec(spawnSync(binary, ['-v'], { encoding: 'utf8' }).stderr);
  const [major, minor, patch] = (version?.slice(1) ?? []).map(Number);
  if (major === undefined || minor === undefined || patch === undefined) return false;
  return major * 1_000_000 + minor * 1_000 + patch < 1_025_001;
}

/** The shipped config with only its ports, resolver, upstream ports and (old nginx) http2 syntax swapped. */
function configForTest(substitutions: [string, string][]): string {
  let text = readFileSync(join(repoRoot, 'nginx', 'nginx.conf'), 'utf8');
  for (const [from, to] of substitutions) {
    const count = text.split(from).length - 1;
    if (count !== 1) throw new Error(`nginx.conf should contain "${from}" once (found ${count}): update this test`);
    text = text.replace(from, to);
  }
  return text;
}

describe.skipIf(!nginx)(`nginx.conf${nginx ? '' : ' (skipped: nginx is not installed; apt-get install -y nginx)'}`, () => {
  const binary = nginx ?? '';
  const upstreams: Record<'web' | 'hasura' | 'actions' | 'minio', Server | undefined> = {
    web: undefined,
    hasura: undefined,
    actions: undefined,
    minio: undefined,
  };
  let storagePort = 0;
  let work = '';
  let dns: Socket | undefined;
  let server: ChildProcess | undefined;
  let serverLog = '';
  let httpPort = 0;
  let httpsPort = 0;
  let certificate = '';

  const certDir = () => join(work, 'certs');
  const configPath = () => join(work, 'nginx.conf');
  const pidDirective = () => `pid ${join(work, 'nginx.pid')};`;
  const genCert = () => spawnSync('sh', [join(repoRoot, 'nginx', 'gen-cert.sh'), certDir()], { encoding: 'utf8' });

  function call(scheme: 'http' | 'https', path: string, headers: Record<string, string> = {}): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const options = { host: '127.0.0.1', path, headers: { host: 'localhost', ...headers }, agent: false };
      const onResponse = (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('latin1'),
            tlsProtocol: scheme === 'https' ? (response.socket as TLSSocket).getProtocol() : undefined,
          }),
        );
      };
      const request =
        scheme === 'http'
          ? httpRequest({ ...options, port: httpPort }, onResponse)
          : httpsRequest({ ...options, port: httpsPort, ca: certificate, servername: 'localhost' }, onResponse);
      request.on('error', reject);
      request.end();
    });
  }

  async function startNginx(): Promise<void> {
    server = spawn(binary, ['-p', work, '-c', configPath(), '-g', `daemon off; ${pidDirective()}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    server.stderr?.on('data', (chunk: Buffer) => {
      serverLog += chunk.toString();
    });
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        if ((await call('http', '/nginx-health')).status === 200) return;
      } catch {
        // not listening yet
      }
      if (server.exitCode !== null || Date.now() > deadline) throw new Error(`nginx did not start:\n${serverLog}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'workgrid-nginx-'));
    const generated = genCert();
    if (generated.status !== 0) throw new Error(`gen-cert.sh failed:\n${generated.stderr}`);
    certificate = readFileSync(join(certDir(), 'localhost.crt'), 'utf8');

    upstreams.web = await fakeUpstream('web');
    upstreams.hasura = await fakeUpstream('hasura');
    upstreams.actions = await fakeUpstream('actions');
    upstreams.minio = await fakeUpstream('minio');
    storagePort = await freePort();
    dns = await fakeDns();
    httpPort = await freePort();
    httpsPort = await freePort();

    const legacy = needsLegacyHttp2(binary);
    writeFileSync(
      configPath(),
      configForTest([
        ['listen 80 default_server;', `listen 127.0.0.1:${httpPort} default_server;`],
        [
          'listen 443 ssl default_server;',
          `listen 127.0.0.1:${httpsPort} ssl${legacy ? ' http2' : ''} default_server;`,
        ],
        ['    http2 on;\n', legacy ? '' : '    http2 on;\n'],
        ['resolver 127.0.0.11 ', `resolver 127.0.0.1:${portOf(dns)} `],
        ['web:3000;', `web:${portOf(upstreams.web)};`],
        ['hasura:8080;', `hasura:${portOf(upstreams.hasura)};`],
        ['actions:3100;', `actions:${portOf(upstreams.actions)};`],
        ['listen 9000;', `listen 127.0.0.1:${storagePort};`],
        ['minio:9000;', `minio:${portOf(upstreams.minio)};`],
      ]),
    );
    await startNginx();
  });

  afterAll(async () => {
    if (server?.exitCode === null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    for (const upstream of Object.values(upstreams)) upstream?.close();
    dns?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('passes nginx -t with a certificate made by gen-cert.sh', () => {
    const result = spawnSync(binary, ['-t', '-p', work, '-c', configPath(), '-g', pidDirective()], {
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    expect(result.stderr).toContain('test is successful');
    expect(result.status).toBe(0);
  });

  it('keeps an existing certificate when gen-cert.sh runs again', () => {
    const keyPath = join(certDir(), 'localhost.key');
    const before = statSync(keyPath).mtimeMs;
    expect(genCert().status).toBe(0);
    expect(statSync(keyPath).mtimeMs).toBe(before);
    expect(readFileSync(join(certDir(), 'localhost.crt'), 'utf8')).toBe(certificate);
  });

  it('passes presigned storage requests to MinIO with their host, path and query unchanged', async () => {
    const path = '/workgrid/tickets/a%20b.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc';
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port: storagePort, path, method: 'PUT', headers: { host: 'files.example.test:9000' }, agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      });
      request.on('error', reject);
      request.end('image bytes');
    });
    expect(answer.status).toBe(200);
    const seen = JSON.parse(answer.body) as Seen;
    expect(seen).toMatchObject({ service: 'minio', url: path });
    expect(seen.headers.host).toBe('files.example.test:9000');
  });

  it('redirects HTTP to HTTPS with 301, keeping path and query', async () => {
    const answer = await call('http', '/projects/42?tab=board');
    expect(answer.status).toBe(301);
    expect(answer.headers.location).toBe('https://localhost/projects/42?tab=board');
  });

  it('serves TLS 1.2+ with the generated localhost certificate, and HSTS', async () => {
    const answer = await call('https', '/nginx-health');
    expect(answer.status).toBe(200);
    expect(['TLSv1.2', 'TLSv1.3']).toContain(answer.tlsProtocol);
    expect(answer.headers['strict-transport-security']).toMatch(/^max-age=\d{8,}/);
  });

  it.each([
    ['/', 'web', '/'],
    ['/projects/42?tab=board', 'web', '/projects/42?tab=board'],
    ['/v1/graphql', 'hasura', '/v1/graphql'],
    ['/v1/metadata', 'hasura', '/v1/metadata'],
    ['/console/data', 'hasura', '/console/data'],
    ['/actions/healthz?probe=1', 'actions', '/healthz?probe=1'],
    ['/.well-known/jwks.json', 'actions', '/.well-known/jwks.json'],
  ])('routes %s to %s as %s', async (path, service, upstreamPath) => {
    const answer = await call('https', path);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ service, url: upstreamPath });
  });

  it('forwards a request id, the client address and the scheme, and echoes the id once', async () => {
    const minted = await call('https', '/', { 'x-forwarded-for': '203.0.113.9' });
    const seen = JSON.parse(minted.body) as Seen;
    expect(seen.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(minted.headers['x-request-id']).toBe(seen.headers['x-request-id']);
    expect(seen.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen.headers['x-forwarded-proto']).toBe('https');

    const kept = await call('https', '/', { 'x-request-id': 'client-7' });
    expect((JSON.parse(kept.body) as Seen).headers['x-request-id']).toBe('client-7');
    expect(kept.headers['x-request-id']).toBe('client-7');

    const replaced = await call('https', '/', { 'x-request-id': 'bad id"' });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('upgrades /v1/graphql to a WebSocket', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpsRequest({
        host: '127.0.0.1',
        port: httpsPort,
        path: '/v1/graphql',
        ca: certificate,
        servername: 'localhost',
        agent: false,
        headers: {
          host: 'localhost',
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
          'sec-websocket-protocol': 'graphql-transport-ws',
        },
      });
      request.on('upgrade', (response, socket) => {
        socket.destroy();
        resolve(response.statusCode ?? 0);
      });
      request.on('response', (response) => resolve(response.statusCode ?? 0));
      request.on('error', reject);
      request.end();
    });
    expect(status).toBe(101);
  });

  it('accepts large headers (tokens, cookies) and compresses JSON', async () => {
    const big = await call('https', '/', { cookie: `session=${'a'.repeat(20_000)}` });
    expect(big.status).toBe(200);
    const compressed = await call('https', '/big', { 'accept-encoding': 'gzip' });
    expect(compressed.headers['content-encoding']).toBe('gzip');
  });

  it('still sends HSTS and the request id when an upstream is down', async () => {
    await new Promise((resolve) => upstreams.web?.close(resolve));
    const answer = await call('https', '/');
    expect(answer.status).toBe(502);
    expect(answer.headers['strict-transport-security']).toBeDefined();
    expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
  });
});
