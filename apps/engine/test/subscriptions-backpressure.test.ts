import { EventEmitter } from 'node:events';
import type { WebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import { subscriptionDefaults } from '../src/config.ts';
import type { Engine } from '../src/engine.ts';
import type { SubscriptionSink } from '../src/live-queries.ts';
import type { SubscriptionPlan } from '../src/subscription-plan.ts';
import { SocketConnection } from '../src/ws-connection.ts';
import { transportWs } from '../src/ws-protocols.ts';

// A socket whose send buffer is full keeps only the latest result of each live query, so memory
// stays bounded; a stream that far behind is closed instead (skipping would lose rows).

class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readonly CONNECTING = 0;
  readyState = 1;
  bufferedAmount = 0;
  readonly sent: string[] = [];
  readonly pending: (() => void)[] = [];
  closed: { code: number; reason: string } | undefined;

  send(text: string, onWritten?: () => void): void {
    this.sent.push(text);
    if (onWritten) this.pending.push(onWritten);
  }

  close(code: number, reason: string): void {
    this.closed = { code, reason };
    this.readyState = 3;
  }

  /** The kernel took everything: callbacks fire with an empty buffer. */
  flush(): void {
    this.bufferedAmount = 0;
    for (const done of this.pending.splice(0)) done();
  }
}

function connectionWith(stream: boolean): { socket: FakeSocket; sink: () => SubscriptionSink } {
  const socket = new FakeSocket();
  let captured: SubscriptionSink | undefined;
  const plan = { stream: stream ? { initialCursor: '0', batchSize: 1 } : undefined } as SubscriptionPlan;
  const engine = {
    config: { devMode: false },
    authenticate: async () => ({ role: 'user', session: { 'x-hasura-role': 'user' }, admin: false, backendOnly: false }),
    prepareSocketOperation: () => ({ subscription: plan }),
    live: {
      add: async (_plan: SubscriptionPlan, sink: SubscriptionSink) => {
        captured = sink;
        return () => undefined;
      },
    },
  } as unknown as Engine;
  new SocketConnection(socket as unknown as WebSocket, transportWs, {}, engine, { ...subscriptionDefaults, maxBufferedBytes: 100 });
  socket.emit('message', Buffer.from(JSON.stringify({ type: 'connection_init' })));
  socket.emit('message', Buffer.from(JSON.stringify({ type: 'subscribe', id: 's', payload: { query: 'subscription { t { id } }' } })));
  return { socket, sink: () => captured as SubscriptionSink };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const result = (n: number) => JSON.stringify({ data: { t: [{ id: n }] } });

describe('back-pressure', () => {
  it('parks only the latest live result while the send buffer is over its limit, and sends it on drain', async () => {
    const { socket, sink } = connectionWith(false);
    await settle();
    expect(socket.sent).toEqual([JSON.stringify({ type: 'connection_ack' })]);
    sink().data(result(1));
    socket.bufferedAmount = 1000;
    sink().data(result(2));
    sink().data(result(3));
    sink().data(result(4));
    expect(socket.sent).toHaveLength(2);
    socket.flush();
    expect(socket.sent.slice(1).map((text) => (JSON.parse(text) as { payload: unknown }).payload)).toEqual([JSON.parse(result(1)), JSON.parse(result(4))]);
    socket.emit('close');
  });

  it('closes a stream whose client cannot keep up', async () => {
    const { socket, sink } = connectionWith(true);
    await settle();
    socket.bufferedAmount = 1000;
    sink().data(result(1));
    expect(socket.closed).toEqual({ code: 1013, reason: 'client too slow: stream results exceed the send buffer' });
    socket.emit('close');
  });
});
