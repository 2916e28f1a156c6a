// `--store memory|redis://…|redis-cluster://…`: opens the store the mock keeps its state in, with what a replica must share.
import { generateWebhookSecret } from '../delivery/signature.js';
import { RETENTION_MS } from '../domain/lifecycle.js';
import { toUc } from '../domain/prices.js';
import { DEFAULT_CREDITS, DEFAULT_MAX_TASKS, type MockServerOptions } from '../options.js';
import { clusterRootUrls } from './redis/connection.js';
import { RedisStore } from './redis/store.js';

export const DEFAULT_STORE_PREFIX = 'videotask:';

export interface StoreChoice {
  /** `memory` (default), `redis://HOST:PORT[/DB]` (also `rediss://`) or `redis-cluster://HOST:PORT[,HOST:PORT…]`. */
  storeUrl?: string;
  /** Prefix of every Redis key, so several mocks can share one Redis (default `videotask:`). */
  storePrefix?: string;
}

const STORE_FORMS = 'memory, redis://HOST:PORT[/DB] or redis-cluster://HOST:PORT[,HOST:PORT…]';

/** What is wrong with a `--store` value, or undefined when it is fine. */
export function storeProblem(value: string): string | undefined {
  if (value === 'memory') return undefined;
  if (value.startsWith('redis-cluster:')) {
    try {
      for (const root of clusterRootUrls(value))
        if (!new URL(root).port) return `names a host without a port: "${value}"`;
    } catch {
      return `must be ${STORE_FORMS}, got "${value}"`;
    }
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `must be ${STORE_FORMS}, got "${value}"`;
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    return `must be ${STORE_FORMS}, got "${value}"`;
  if (!/^\/?(\d+)?$/.test(url.pathname)) return `has a database that is not a number: "${url.pathname}"`;
  return undefined;
}

/**
 * The mock's options with the chosen store in them. With Redis: connects (a Redis that cannot be
 * reached rejects with one line), takes the webhook secret every replica signs with, and starts a
 * manual clock at the stored time, so a restarted replica carries on where the others are.
 */
export async function withStore(choice: StoreChoice, options: MockServerOptions): Promise<MockServerOptions> {
  const url = choice.storeUrl ?? 'memory';
  const problem = storeProblem(url);
  if (problem) throw new Error(`--store ${problem}`);
  if (url === 'memory') return options;
  const store = await RedisStore.connect({
    url,
    prefix: choice.storePrefix ?? DEFAULT_STORE_PREFIX,
    maxTasks: options.maxTasks ?? DEFAULT_MAX_TASKS,
    startingUc: toUc(options.credits ?? DEFAULT_CREDITS),
    retentionMs: RETENTION_MS,
  });
  try {
    const webhookSecret = await store.sharedSecret(options.webhookSecret, generateWebhookSecret());
    const shared: MockServerOptions = { ...options, store, webhookSecret };
    if (options.clock === 'manual') {
      const stored = await store.clockState();
      shared.startTime = stored?.anchor ?? options.startTime ?? Date.now();
      if (stored === null) await store.raiseClock(shared.startTime);
    }
    return shared;
  } catch (error) {
    await store.close();
    throw error;
  }
}
