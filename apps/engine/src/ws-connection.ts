import type { IncomingHttpHeaders } from 'node:http';
import type { WebSocket } from 'ws';
import type { ResolvedAuth } from './auth.ts';
import type { SubscriptionConfig } from './config.ts';
import type { Engine } from './engine.ts';
import { asHasuraError, HasuraError, toGraphqlError } from './errors.ts';
import { CLOSE, transportWs, type Protocol } from './ws-protocols.ts';

interface Operation {
  /** A query or mutation: one result, then `complete`. */
  once: boolean;
  stop: () => void;
}

// setTimeout takes at most a signed 32-bit delay.
const MAX_TIMER_MS = 2 ** 31 - 1;

// Handshake headers that are not the client's (Hasura drops them before authenticating).
const HANDSHAKE_ONLY = new Set(['sec-websocket-key', 'sec-websocket-version', 'upgrade', 'connection']);

/** A close frame's reason holds at most 123 bytes. */
function closeReason(text: string): string {
  let reason = text;
  while (Buffer.byteLength(reason) > 123) reason = reason.slice(0, -1);
  return reason;
}

/**
 * One GraphQL websocket: authenticates at `connection_init`, then runs queries and mutations once and
 * subscriptions until stopped. Results of a live query wait (only the latest) while the socket's send
 * buffer is over its limit; a stream that far behind is closed, since skipping would lose rows.
 */
export class SocketConnection {
  private auth: ResolvedAuth | undefined;
  private headers: Record<string, string | string[] | undefined> = {};
  private initialised = false;
  private readonly operations = new Map<string, Operation>();
  private readonly parked = new Map<string, string>();
  private readonly timers: NodeJS.Timeout[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly ws: WebSocket,
    private readonly protocol: Protocol,
    private readonly handshakeHeaders: IncomingHttpHeaders,
    private readonly engine: Engine,
    private readonly config: SubscriptionConfig,
  ) {
    ws.on('message', (raw: Buffer) => {
      // In order: a `start` right after `connection_init` waits for the authentication.
      this.queue = this.queue.then(() => this.receive(raw.toString('utf8'))).catch(() => undefined);
    });
    ws.on('close', () => this.dispose());
    if (protocol === transportWs) {
      this.timers.push(setTimeout(() => this.initialised || this.close(CLOSE.initTimeout, 'Connection initialisation timed out'), config.initTimeoutMs));
    }
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(code, reason);
  }

  private send(text: string, onWritten?: () => void): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(text, onWritten);
  }

  private async receive(text: string): Promise<void> {
    let message: { type?: unknown; id?: unknown; payload?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
      if (message === null || typeof message !== 'object' || typeof message.type !== 'string') throw new Error('expected an object with a "type"');
    } catch (error) {
      this.badMessage(`parsing ClientMessage failed: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const legacy = this.protocol !== transportWs;
    if (message.type === 'connection_init') await this.init(message.payload);
    else if (message.type === this.protocol.start) this.start(message.id, message.payload);
    else if (message.type === this.protocol.stop) this.stop(message.id);
    else if (legacy && message.type === 'connection_terminate') this.close(1000, 'connection terminated');
    else if (!legacy && message.type === 'ping') this.send(JSON.stringify({ type: 'pong' }));
    else if (legacy || message.type !== 'pong') this.badMessage(`unexpected message type: ${message.type}`);
  }

  private badMessage(reason: string): void {
    if (this.protocol === transportWs) this.close(CLOSE.badRequest, closeReason(`Parsing client message failed: ${reason}`));
    else this.send(JSON.stringify({ type: 'connection_error', payload: reason }));
  }

  private async init(payload: unknown): Promise<void> {
    if (this.initialised) {
      if (this.protocol === transportWs) this.close(CLOSE.tooManyInits, 'Too many initialisation requests');
      return;
    }
    this.initialised = true;
    const given = (payload !== null && typeof payload === 'object' ? (payload as { headers?: unknown }).headers : undefined) ?? {};
    const headers: Record<string, string | string[] | undefined> = Object.fromEntries(Object.entries(this.handshakeHeaders).filter(([name]) => !HANDSHAKE_ONLY.has(name)));
    for (const [name, value] of Object.entries(given as Record<string, unknown>)) if (typeof value === 'string') headers[name.toLowerCase()] = value;
    try {
      this.auth = await this.engine.authenticate(headers);
    } catch (error) {
      this.refuse(asHasuraError(error).message);
      return;
    }
    this.headers = headers;
    this.send(JSON.stringify({ type: 'connection_ack' }));
    if (this.protocol !== transportWs) this.send(this.protocol.keepAlive);
    const keepAlive = setInterval(() => this.send(this.protocol.keepAlive), this.config.keepAliveMs);
    this.timers.push(keepAlive);
    if (this.auth.expiresAt !== undefined) this.expireAt(this.auth.expiresAt);
  }

  /** Authentication failed at init, or the token expired: Hasura's `connection_error`, or 4403. */
  private refuse(reason: string): void {
    if (this.protocol === transportWs) {
      this.close(CLOSE.forbidden, 'Forbidden');
      return;
    }
    this.send(JSON.stringify({ type: 'connection_error', payload: reason }));
    this.close(CLOSE.badRequest, closeReason(`Connection initialization failed: ${reason}`));
  }

  private expireAt(at: number): void {
    const left = at - Date.now();
    if (left <= 0) this.refuse('Could not verify JWT: JWTExpired');
    else this.timers.push(setTimeout(() => this.expireAt(at), Math.min(left, MAX_TIMER_MS)));
  }

  private start(rawId: unknown, payload: unknown): void {
    if (typeof rawId !== 'string' || rawId === '') {
      this.badMessage('parsing ClientMessage failed: an operation needs an "id"');
      return;
    }
    const id = rawId;
    const auth = this.auth;
    if (!auth) {
      this.refuseStart(id, 'start received before the connection is initialised');
      return;
    }
    if (this.operations.has(id)) {
      this.refuseStart(id, `an operation already exists with this id: ${id}`);
      return;
    }
    let prepared: ReturnType<Engine['prepareSocketOperation']>;
    try {
      prepared = this.engine.prepareSocketOperation(payload, auth, this.headers);
    } catch (error) {
      this.startFailed(id, asHasuraError(error));
      return;
    }
    const operation: Operation = { once: 'run' in prepared, stop: () => undefined };
    this.operations.set(id, operation);
    if ('run' in prepared) {
      void prepared.run().then(
        (body) => this.finish(id, operation, body),
        (error: unknown) => this.failed(id, operation, asHasuraError(error)),
      );
      return;
    }
    const plan = prepared.subscription;
    const active = () => this.operations.get(id) === operation;
    void this.engine.live
      .add(plan, {
        data: (json) => active() && this.result(id, json, plan.stream !== undefined),
        error: (error) => active() && this.failed(id, operation, error),
      })
      .then(
        (remove) => {
          if (active()) operation.stop = remove;
          else remove();
        },
        (error: unknown) => this.failed(id, operation, asHasuraError(error)),
      );
  }

  /**
   * Hasura's `start-failed`: one `error` whose payload is the error object; the legacy protocol then
   * completes the operation, graphql-transport-ws repeats the message and closes the socket (1000).
   */
  private refuseStart(id: string, reason: string): void {
    this.send(JSON.stringify({ type: 'error', id, payload: this.errorBody(new HasuraError('start-failed', reason)) }));
    if (this.protocol !== transportWs) {
      this.send(JSON.stringify({ type: 'complete', id }));
      return;
    }
    this.send(JSON.stringify({ type: 'error', id, payload: reason }));
    this.close(1000, closeReason(reason));
  }

  private startFailed(id: string, error: HasuraError): void {
    this.send(this.protocol.startError(id, [this.errorBody(error)]));
    this.send(JSON.stringify({ type: 'complete', id }));
  }

  private errorBody(error: HasuraError) {
    return toGraphqlError(error, (this.auth?.admin === true && this.auth.role === 'admin') || this.engine.config.devMode);
  }

  /** A query or mutation answered: its one result, then `complete`. */
  private finish(id: string, operation: Operation, body: string): void {
    if (this.operations.get(id) !== operation) return;
    this.operations.delete(id);
    this.send(this.protocol.data(id, body));
    this.send(JSON.stringify({ type: 'complete', id }));
  }

  private failed(id: string, operation: Operation, error: HasuraError): void {
    if (this.operations.get(id) !== operation) return;
    const { message, terminal } = this.protocol.executionError(id, [this.errorBody(error)]);
    this.send(message);
    if (operation.once && !terminal) this.send(JSON.stringify({ type: 'complete', id }));
    if (operation.once || terminal) this.stop(id);
  }

  private result(id: string, json: string, stream: boolean): void {
    if (this.ws.bufferedAmount > this.config.maxBufferedBytes) {
      if (stream) this.close(CLOSE.tryAgainLater, 'client too slow: stream results exceed the send buffer');
      else this.parked.set(id, json);
      return;
    }
    this.send(this.protocol.data(id, json), () => this.drain());
  }

  /** Sends the latest parked results once the send buffer is below its limit again. */
  private drain(): void {
    for (const [id, json] of this.parked) {
      if (this.ws.bufferedAmount > this.config.maxBufferedBytes) return;
      this.parked.delete(id);
      this.send(this.protocol.data(id, json), () => this.drain());
    }
  }

  private stop(id: unknown): void {
    if (typeof id !== 'string') return;
    this.operations.get(id)?.stop();
    this.operations.delete(id);
    this.parked.delete(id);
  }

  private dispose(): void {
    for (const timer of this.timers) clearTimeout(timer);
    for (const id of [...this.operations.keys()]) this.stop(id);
  }
}
