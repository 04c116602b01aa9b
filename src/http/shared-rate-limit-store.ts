import { createRequire } from 'node:module';
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';

type Callback = Parameters<FastifyRateLimitStore['incr']>[1];
interface CountingStore {
  incr(key: string, callback: Callback, timeWindow: number, max: number): void;
}
type StoreCtor<A extends unknown[]> = new (...args: A) => CountingStore;

// The plugin's own stores: the Redis one counts with one Lua script (INCR + PEXPIRE), atomically across replicas.
const require = createRequire(import.meta.url);
const LocalStore = require('@fastify/rate-limit/store/LocalStore.js') as StoreCtor<[boolean, boolean, number]>;
const RedisStore = require('@fastify/rate-limit/store/RedisStore.js') as StoreCtor<[boolean, boolean, Redis, string]>;

/** Distinct clients remembered per replica when counting in memory (least recently seen dropped first). */
const LOCAL_CLIENTS = 50_000;

const PROBE_INTERVAL_MS = 1000;

export type RateLimitStoreState = 'memory' | 'redis' | 'redis-unavailable';

export interface StoreEvents {
  /** Redis stopped answering: from now on this replica counts on its own. */
  onDown(error: Error): void;
  /** Redis answers again: counts are shared again. */
  onUp(): void;
  /** One request counted in memory because Redis could not be asked. */
  onFallback(): void;
}

export function memoryStore(): CountingStore {
  return new SnapshotStore(new LocalStore(false, false, LOCAL_CLIENTS));
}

/**
 * @fastify/rate-limit 11.2.0's LocalStore answers with its own record for the key, which it mutates on
 * the next request, and the plugin reads `current` from it only after an `await`: six pipelined GETs,
 * counted in the same tick, all read 6, and with a limit of 5 all six were refused (issue 22 L2; the
 * Redis store answers with fresh values and counted them right). Each answer here is a copy taken at
 * the moment of counting.
 */
class SnapshotStore implements CountingStore {
  constructor(private readonly store: CountingStore) {}

  incr(key: string, callback: Callback, timeWindow: number, max: number): void {
    this.store.incr(key, (error, record) => callback(error, record && { current: record.current, ttl: record.ttl }), timeWindow, max);
  }
}

/**
 * Connects to Redis for shared counting. ioredis is loaded only here, when a Redis URL is configured:
 * importing it costs about 0.35 s of CPU at start (Node 24.21, a profile of the start).
 */
export async function connectSharedStore(url: string, events: StoreEvents): Promise<SharedRateLimitStore> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    commandTimeout: 250,
    // Keep trying, never more than a second apart, so shared limits resume soon after Redis returns.
    retryStrategy: (times) => Math.min(100 * times, 1000),
  });
  return new SharedRateLimitStore(redis, events);
}

/**
 * Counts in Redis while it answers, in this replica's memory while it does not (fail open: the API
 * keeps serving, each replica enforcing the limit on its own share), and in Redis again once it is back.
 * Commands never queue while the connection is down, so a request never waits for Redis to return.
 */
export class SharedRateLimitStore implements CountingStore {
  private readonly shared: CountingStore;
  private readonly local = memoryStore();
  private up = false;
  /** An outage is reported once, not once per failed request. */
  private downReported = false;
  private probe?: NodeJS.Timeout;

  constructor(
    readonly redis: Redis,
    private readonly events: StoreEvents,
  ) {
    this.shared = new RedisStore(false, false, this.redis, 'rolegraph:rate-limit:');
    this.redis.on('ready', () => this.markUp());
    this.redis.on('error', (error: Error) => this.markDown(error));
    this.redis.on('close', () => this.markDown(new Error('connection to Redis closed')));
  }

  get state(): RateLimitStoreState {
    return this.up ? 'redis' : 'redis-unavailable';
  }

  incr(key: string, callback: Callback, timeWindow: number, max: number): void {
    if (!this.up || this.redis.status !== 'ready') {
      this.fallback(key, callback, timeWindow, max);
      return;
    }
    this.shared.incr(
      key,
      (error, result) => {
        if (!error) return callback(null, result);
        this.markDown(error);
        this.fallback(key, callback, timeWindow, max);
      },
      timeWindow,
      max,
    );
  }

  child(): this {
    return this;
  }

  async close(): Promise<void> {
    clearInterval(this.probe);
    this.redis.removeAllListeners();
    this.redis.on('error', () => {});
    this.redis.disconnect();
  }

  private fallback(key: string, callback: Callback, timeWindow: number, max: number): void {
    this.events.onFallback();
    this.local.incr(key, callback, timeWindow, max);
  }

  private markUp(): void {
    if (this.up) return;
    this.up = true;
    this.downReported = false;
    clearInterval(this.probe);
    this.probe = undefined;
    this.events.onUp();
  }

  private markDown(error: Error): void {
    if (!this.up && this.downReported) return;
    this.up = false;
    this.downReported = true;
    this.events.onDown(error);
    // A Redis that stopped answering without closing the connection never emits 'ready' again: ask it.
    this.probe ??= setInterval(() => {
      if (this.redis.status === 'ready') this.redis.ping().then(() => this.markUp(), () => {});
    }, PROBE_INTERVAL_MS).unref();
  }
}
