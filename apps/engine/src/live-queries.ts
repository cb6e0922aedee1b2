import type { Sql } from 'postgres';
import { ChangeListener, type Change } from './change-listener.ts';
import type { SubscriptionConfig } from './config.ts';
import { asHasuraError, type HasuraError } from './errors.ts';
import { runMultiplexed, type ExecuteOptions } from './execute.ts';
import { multiplexedStatement } from './multiplexed-statement.ts';
import type { Session } from './session.ts';
import type { RowStatement, SubscriptionPlan } from './subscription-plan.ts';

/** Where a subscription's results go (the websocket transport). */
export interface SubscriptionSink {
  /** A response `{"data": {...}}` as JSON text: a changed live result, or a stream batch. */
  data(json: string): void;
  /** A refetch failed (the same error is reported once until a refetch succeeds). */
  error(error: HasuraError): void;
}

interface Subscriber {
  plan: SubscriptionPlan;
  sink: SubscriptionSink;
  /** The last response sent (live queries), to send only changes. */
  last: string | undefined;
  /** Streams: the cursor value after the last row sent. */
  cursor: string | undefined;
  lastError: string | undefined;
  /** `statement(cursor).params` as JSON, kept while the cursor stays (always, for live queries). */
  paramsKey: { cursor: string | undefined; key: string } | undefined;
}

/** Subscribers with the same operation, role and session: one statement per refetch serves them all. */
interface Group {
  key: string;
  session: Session;
  orgId: string | undefined;
  tables: Set<string>;
  stream: boolean;
  subscribers: Set<Subscriber>;
  /** Subscribers still waiting for their first result: a refetch for them alone leaves the others be. */
  fresh: Set<Subscriber>;
  /** By-pk live queries (`SubscriptionPlan.watches`): their table, and subscribers by the key they watch. */
  watched: { table: string; byKey: Map<string, Set<Subscriber>> } | undefined;
  /** Subscribers whose watched row changed: the next refetch evaluates them (and the fresh ones). */
  changed: Set<Subscriber>;
  /** Woken by a change (or the fallback): the next refetch evaluates every subscriber. */
  stale: boolean;
  timer: NodeJS.Timeout | undefined;
  running: boolean;
  /** Woken while running: refetch again afterwards. */
  again: boolean;
  lastRun: number;
  /** Time the running refetch has spent handing results to its subscribers, in ms. */
  delivering: number;
  /** How long its last refetch woken by a change waited for its statements, delivery excluded, in ms (live queries). */
  lastStatementsMs: number;
  refetches: number;
  /** Lateral rows (cohorts) evaluated by its refetches. */
  evaluated: number;
}

export interface GroupStats {
  key: string;
  orgId: string | undefined;
  subscribers: number;
  refetches: number;
  evaluated: number;
}

/** Subscribers sharing one lateral row: equal statement and variables (and, for streams, cursor). */
interface Cohort {
  statement: RowStatement;
  subscribers: Subscriber[];
}

/** Batches of one group's refetch evaluated at once (the pool holds 10 connections by default). */
const BATCHES_IN_FLIGHT = 4;
/** Batches per refetch beyond which they grow instead: each statement costs its transaction and permission checks once. */
const MAX_BATCHES = 4 * BATCHES_IN_FLIGHT;

// A stream answers `[<cursor after the batch, as JSON text or null>, <row count>, [<rows>]]` (compile.ts streamQuery).
const STREAM_ANSWER = /^\[(null|"(?:[^"\\]|\\.)*"),(\d+),/;

/**
 * Live queries and streams, multiplexed: a group refetches only when a change notification names a
 * table it reads in its org (or any org when it has none), at most once per refetch interval, plus
 * a slow fallback; a group of by-pk queries refetches only the subscribers whose row the change
 * names, when it names rows of their table. Idle groups cost no statement.
 */
export class LiveQueries {
  private readonly groups = new Map<string, Group>();
  private readonly byTable = new Map<string, Set<Group>>();
  private listener: ChangeListener | undefined;
  private listening: Promise<void> | undefined;
  private fallback: NodeJS.Timeout | undefined;
  /** Statements run, for tests and metrics. */
  statements = 0;

  constructor(
    private readonly sql: () => Sql,
    private readonly options: () => ExecuteOptions,
    private readonly config: SubscriptionConfig,
  ) {}

  /** Adds a subscriber; its first result follows at once. Returns the function that removes it. */
  async add(plan: SubscriptionPlan, sink: SubscriptionSink): Promise<() => void> {
    await this.listen();
    let group = this.groups.get(plan.groupKey);
    if (!group) {
      const watched = plan.watches && { table: plan.watches.table, byKey: new Map<string, Set<Subscriber>>() };
      group = { key: plan.groupKey, session: plan.session, orgId: plan.orgId, tables: plan.tables, stream: plan.stream !== undefined, subscribers: new Set(), fresh: new Set(), watched, changed: new Set(), stale: false, timer: undefined, running: false, again: false, lastRun: 0, delivering: 0, lastStatementsMs: 0, refetches: 0, evaluated: 0 };
      this.groups.set(group.key, group);
      for (const table of group.tables) {
        const groups = this.byTable.get(table) ?? new Set();
        groups.add(group);
        this.byTable.set(table, groups);
      }
    }
    const subscriber: Subscriber = { plan, sink, last: undefined, cursor: plan.stream?.initialCursor, lastError: undefined, paramsKey: undefined };
    group.subscribers.add(subscriber);
    group.fresh.add(subscriber);
    if (group.watched && plan.watches) {
      const watchers = group.watched.byKey.get(plan.watches.key) ?? new Set();
      watchers.add(subscriber);
      group.watched.byKey.set(plan.watches.key, watchers);
    } else {
      // A subscriber watching no known key: any change to the table concerns the whole group.
      group.watched = undefined;
    }
    this.schedule(group, 0);
    const owner = group;
    return () => this.remove(owner, subscriber);
  }

  stats(): GroupStats[] {
    return [...this.groups.values()].map((group) => ({ key: group.key, orgId: group.orgId, subscribers: group.subscribers.size, refetches: group.refetches, evaluated: group.evaluated }));
  }

  async close(): Promise<void> {
    clearInterval(this.fallback);
    for (const group of this.groups.values()) clearTimeout(group.timer);
    this.groups.clear();
    this.byTable.clear();
    await this.listener?.stop();
  }

  private listen(): Promise<void> {
    if (!this.listening) {
      this.listener = new ChangeListener(this.sql(), (change) => this.changed(change), () => this.wakeAll());
      this.listening = this.listener.start().catch((error: unknown) => {
        this.listening = undefined;
        throw error;
      });
      if (this.config.fallbackMs > 0 && !this.fallback) {
        this.fallback = setInterval(() => this.wakeAll(), this.config.fallbackMs);
        this.fallback.unref();
      }
    }
    return this.listening;
  }

  private changed(change: Change): void {
    for (const group of this.byTable.get(change.table) ?? []) {
      if (change.orgs !== null && group.orgId !== undefined && !change.orgs.includes(group.orgId)) continue;
      // A change naming its rows wakes a by-pk group for their watchers only; any other change
      // (another table the operation reads, or any row) wakes every subscriber.
      const watched = group.watched?.table === change.table ? group.watched : undefined;
      if (!watched || !change.keys) {
        this.wake(group);
        continue;
      }
      const before = group.changed.size;
      for (const key of change.keys) for (const subscriber of watched.byKey.get(key) ?? []) group.changed.add(subscriber);
      if (group.changed.size > before) this.pace(group);
    }
  }

  private wakeAll(): void {
    for (const group of this.groups.values()) this.wake(group);
  }

  private wake(group: Group): void {
    group.stale = true;
    this.pace(group);
  }

  /** Schedules a woken group's refetch: at once, or when its refetch interval since the last one has passed. */
  private pace(group: Group): void {
    const interval = group.stream ? this.config.streamRefetchMs : liveRefetchInterval(this.config.liveRefetchMs, group.lastStatementsMs);
    this.schedule(group, Math.max(0, group.lastRun + interval - Date.now()));
  }

  private schedule(group: Group, delay: number): void {
    if (group.running) {
      group.again = true;
      return;
    }
    if (group.timer && delay > 0) return;
    clearTimeout(group.timer);
    group.timer = setTimeout(() => void this.refetch(group), delay);
  }

  private remove(group: Group, subscriber: Subscriber): void {
    group.subscribers.delete(subscriber);
    group.fresh.delete(subscriber);
    group.changed.delete(subscriber);
    const key = subscriber.plan.watches?.key;
    const watchers = key === undefined ? undefined : group.watched?.byKey.get(key);
    watchers?.delete(subscriber);
    if (key !== undefined && watchers?.size === 0) group.watched?.byKey.delete(key);
    if (group.subscribers.size > 0 || this.groups.get(group.key) !== group) return;
    clearTimeout(group.timer);
    this.groups.delete(group.key);
    for (const table of group.tables) {
      const groups = this.byTable.get(table);
      groups?.delete(group);
      if (groups?.size === 0) this.byTable.delete(table);
    }
  }

  private async refetch(group: Group): Promise<void> {
    group.timer = undefined;
    if (this.groups.get(group.key) !== group) return;
    group.running = true;
    group.lastRun = Date.now();
    group.delivering = 0;
    group.refetches += 1;
    // Only new subscribers and those whose row changed, unless a change woke the whole group: a subscribe never refetches the others.
    const full = group.stale;
    const woken = full || group.changed.size > 0;
    const targets = full ? group.subscribers : new Set([...group.fresh, ...group.changed]);
    group.stale = false;
    group.fresh = new Set();
    group.changed = new Set();
    try {
      // Cohorts by statement text, then by parameters: keys never hold a copy of the text.
      const byText = new Map<string, Map<string, Cohort>>();
      for (const subscriber of targets) {
        const statement = subscriber.plan.statement(subscriber.cursor);
        const cohorts = byText.get(statement.text) ?? new Map<string, Cohort>();
        byText.set(statement.text, cohorts);
        const key = paramsKey(subscriber, statement);
        const cohort = cohorts.get(key) ?? { statement, subscribers: [] };
        cohort.subscribers.push(subscriber);
        cohorts.set(key, cohort);
      }
      const all = [...byText.values()].flatMap((cohorts) => [...cohorts.values()]);
      const size = Math.max(group.stream ? this.config.streamBatchSize : this.config.liveBatchSize, Math.ceil(all.length / MAX_BATCHES));
      const batches: Cohort[][] = [];
      for (let start = 0; start < all.length; start += size) batches.push(all.slice(start, start + size));
      // Batches run side by side (at most BATCHES_IN_FLIGHT, so a large group leaves the pool to others).
      let next = 0;
      await Promise.all(Array.from({ length: Math.min(BATCHES_IN_FLIGHT, batches.length) }, async () => {
        while (next < batches.length) await this.runBatch(group, batches[next++]!);
      }));
    } finally {
      if (woken) group.lastStatementsMs = Date.now() - group.lastRun - group.delivering;
      group.running = false;
      if (group.again || group.fresh.size > 0) {
        group.again = false;
        if (group.stale || group.changed.size > 0) this.pace(group);
        else this.schedule(group, 0);
      }
    }
  }

  /** One statement for the batch; should it fail, each cohort alone, so one bad variable set fails only its own. */
  private async runBatch(group: Group, cohorts: Cohort[]): Promise<void> {
    group.evaluated += cohorts.length;
    try {
      const answers = await this.evaluate(group.session, cohorts.map((cohort) => cohort.statement));
      const delivered = performance.now();
      cohorts.forEach((cohort, index) => this.deliver(group, cohort, answers.get(index) ?? null));
      group.delivering += performance.now() - delivered;
    } catch (error) {
      if (cohorts.length > 1) {
        for (const cohort of cohorts) await this.runBatch(group, [cohort]);
        return;
      }
      const failure = asHasuraError(error);
      for (const subscriber of cohorts[0]?.subscribers ?? []) {
        if (subscriber.lastError === failure.message) continue;
        subscriber.lastError = failure.message;
        subscriber.last = undefined;
        subscriber.sink.error(failure);
      }
    }
  }

  private evaluate(session: Session, statements: RowStatement[]): Promise<Map<number, string | null>> {
    const { text, params } = multiplexedStatement(statements);
    this.statements += 1;
    return runMultiplexed(this.sql(), session, text, params, this.options());
  }

  private deliver(group: Group, cohort: Cohort, answer: string | null): void {
    if (!group.stream) {
      // One operation per group, so one response per cohort, whatever its number of subscribers.
      const plan = cohort.subscribers[0]?.plan;
      if (!plan) return;
      const response = `{"data":{${JSON.stringify(plan.rootKey)}:${plan.shape ? plan.shape(answer) : (answer ?? 'null')}}}`;
      for (const subscriber of cohort.subscribers) {
        subscriber.lastError = undefined;
        if (response === subscriber.last) continue;
        subscriber.last = response;
        subscriber.sink.data(response);
      }
      return;
    }
    const match = answer ? STREAM_ANSWER.exec(answer) : null;
    if (!answer || !match?.[1] || match[1] === 'null') return;
    const cursor = JSON.parse(match[1]) as string;
    const rows = answer.slice(match[0].length, -1);
    for (const subscriber of cohort.subscribers) {
      subscriber.lastError = undefined;
      subscriber.cursor = cursor;
      subscriber.sink.data(`{"data":{${JSON.stringify(subscriber.plan.rootKey)}:${rows}}}`);
    }
    // A full batch may leave more rows behind: fetch the next one without waiting for a change.
    if (Number(match[2]) >= (cohort.subscribers[0]?.plan.stream?.batchSize ?? Infinity)) this.wake(group);
  }
}

/**
 * Time from the start of a live-query group's refetch to the earliest next one: the refetch interval,
 * or 1.5 times what its last refetch woken by a change (of every subscriber, or of those whose row
 * changed) waited for its statements if longer, so the database gets at least a third of the time
 * for the writes the subscribers wait to see: a group too big to refetch within the interval does
 * not run back to back. Delivering the results is the engine's work, not the database's, and does
 * not count. A round of a by-pk group refetches the rows changed since the last one, so its length
 * follows the rest before it; resting as long as the statements took (twice) let a hiccup grow
 * the rounds of a 10,000-subscriber group until each refetched everyone (docs/benchmarks.md).
 */
export function liveRefetchInterval(intervalMs: number, lastStatementsMs: number): number {
  return Math.max(intervalMs, 1.5 * lastStatementsMs);
}

/** Equal statement texts and keys share a lateral row; computed once per subscriber (per cursor, for streams). */
function paramsKey(subscriber: Subscriber, statement: RowStatement): string {
  if (!subscriber.paramsKey || subscriber.paramsKey.cursor !== subscriber.cursor) {
    subscriber.paramsKey = { cursor: subscriber.cursor, key: JSON.stringify(statement.params) };
  }
  return subscriber.paramsKey.key;
}
