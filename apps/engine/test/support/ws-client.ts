import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import type { TestEngine } from './harness.ts';

export type Message = { type: string; id?: string; payload?: unknown };

/** Listens on a free loopback port; returns the websocket URL of /v1/graphql. */
export async function listen(engine: TestEngine): Promise<string> {
  await engine.app.listen({ port: 0, host: '127.0.0.1' });
  return `ws://127.0.0.1:${(engine.app.server.address() as AddressInfo).port}/v1/graphql`;
}

/** Polls `check` until it holds or the deadline passes. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A raw websocket client recording every message (keep-alives left out) and how the socket closed. */
export class TestSocket {
  readonly messages: Message[] = [];
  closed: { code: number; reason: string } | undefined;
  private read = 0;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (raw: Buffer) => {
      const message = JSON.parse(raw.toString('utf8')) as Message;
      if (message.type !== 'ka' && !(message.type === 'ping' && (message.payload as { message?: string } | undefined)?.message === 'keepalive')) this.messages.push(message);
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString('utf8') };
    });
  }

  static async open(url: string, protocol?: string): Promise<TestSocket> {
    const ws = new WebSocket(url, protocol ? [protocol] : []);
    const socket = new TestSocket(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return socket;
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The next message not yet read. */
  async next(timeoutMs = 5000): Promise<Message> {
    await eventually(() => this.messages.length > this.read || this.closed !== undefined, timeoutMs);
    const message = this.messages[this.read];
    if (!message) throw new Error(`socket closed (${this.closed?.code ?? '?'} ${this.closed?.reason ?? ''}) without a further message`);
    this.read += 1;
    return message;
  }

  /** Asserts that no further message arrives within `ms`. */
  async quiet(ms = 300): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    if (this.messages.length > this.read) throw new Error(`unexpected message: ${JSON.stringify(this.messages[this.read])}`);
  }

  async closedWith(timeoutMs = 5000): Promise<{ code: number; reason: string }> {
    await eventually(() => this.closed !== undefined, timeoutMs);
    return this.closed as { code: number; reason: string };
  }

  close(): void {
    this.ws.close();
  }
}
