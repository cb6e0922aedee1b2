// The live-query benchmark's subscribers, run in a worker thread (live-queries.bench.ts starts a few)
// so that receiving and parsing pushes does not compete with the bench's own event loop. Each socket
// speaks graphql-transport-ws, authenticates with its JWT in `connection_init` and subscribes to one
// query per watched row. A watched row's title is `tick <n>`: each push of a new tick is recorded as
// (row, tick, time received), time on the shared clock (performance.timeOrigin + now).
import { parentPort } from 'node:worker_threads';
import WebSocket from 'ws';

export interface SocketSpec {
  token: string;
  /** One subscription per watched row: its index (in the bench's row list) and the row's id. */
  rows: { index: number; id: string }[];
}

export type ClientCommand =
  | { type: 'open'; url: string; query: string; sockets: SocketSpec[] }
  | { type: 'collect' }
  | { type: 'close' };

export type ClientReply =
  | { type: 'opened'; failures: string[] }
  | { type: 'samples'; samples: Float64Array; pushes: number; errors: string[] }
  | { type: 'closed' };

const TICK = /"title":"tick (\d+)"/;
// A push is matched, not parsed: the subscribers share the cores with the engine they measure.
const NEXT = /^\{"type":"next","id":"(\d+)",/;
const OPEN_CONCURRENCY = 100;

const now = () => performance.timeOrigin + performance.now();
const sockets: WebSocket[] = [];
let samples: number[] = [];
let pushes = 0;
let errors: string[] = [];

function reply(message: ClientReply, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(message, transfer);
}

/** Opens one socket and resolves once every subscription has had its first result. */
function open(url: string, query: string, spec: SocketSpec): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, 'graphql-transport-ws');
    sockets.push(ws);
    const waiting = new Set(spec.rows.map((row) => String(row.index)));
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { headers: { Authorization: `Bearer ${spec.token}` } } })));
    ws.on('error', reject);
    ws.on('close', (code, reason) => {
      if (waiting.size > 0) reject(new Error(`closed ${code} ${reason.toString()}`));
      else if (code !== 1000 && code !== 1005) errors.push(`socket closed ${code} ${reason.toString()}`);
    });
    ws.on('message', (raw: Buffer) => {
      const text = raw.toString('utf8');
      const received = now();
      const next = NEXT.exec(text);
      if (next) {
        if (text.includes('"errors":')) {
          errors.push(text.slice(0, 300));
          return;
        }
        const id = next[1]!;
        if (waiting.delete(id)) {
          if (waiting.size === 0) resolve();
          return;
        }
        pushes += 1;
        const tick = TICK.exec(text);
        if (tick) samples.push(Number(id), Number(tick[1]), received);
        return;
      }
      const message = JSON.parse(text) as { type: string; payload?: unknown };
      if (message.type === 'connection_ack') {
        for (const row of spec.rows) ws.send(JSON.stringify({ id: String(row.index), type: 'subscribe', payload: { query, variables: { id: row.id } } }));
      } else if (message.type === 'ping') {
        ws.send('{"type":"pong"}');
      } else if (message.type === 'error') {
        reject(new Error(JSON.stringify(message.payload).slice(0, 300)));
      }
    });
  });
}

async function openAll(url: string, query: string, specs: SocketSpec[]): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: OPEN_CONCURRENCY }, async () => {
    while (next < specs.length) {
      const spec = specs[next++]!;
      await open(url, query, spec).catch((error: unknown) => failures.push(error instanceof Error ? error.message : String(error)));
    }
  }));
  return failures;
}

parentPort!.on('message', (command: ClientCommand) => {
  if (command.type === 'open') {
    void openAll(command.url, command.query, command.sockets).then((failures) => reply({ type: 'opened', failures }));
  } else if (command.type === 'collect') {
    const collected = Float64Array.from(samples);
    reply({ type: 'samples', samples: collected, pushes, errors }, [collected.buffer]);
    samples = [];
    pushes = 0;
    errors = [];
  } else {
    for (const ws of sockets) ws.close(1000);
    sockets.length = 0;
    reply({ type: 'closed' });
  }
});
