// createMockServer: the runtime-agnostic mock (Web APIs only) — the Hono app plus a controller for tests.
import type { Hono } from 'hono';
import { createApp } from './app.js';
import type { CreditsJson } from './billing.js';
import type { Clock } from './clock.js';
import { type AdminTask, MockCore } from './core.js';
import type { DeliveryAttempt, RedeliverMutation } from './deliveries.js';
import type { Fault, FaultSpec } from './faults.js';
import { type MockServerOptions, type ResolvedOptions, resolveOptions } from './options.js';
import { toMilli } from './prices.js';
import type { SeedOptions } from './seed.js';
import { requestValidators } from './validation.js';

export interface MockServer {
  /** The Hono app: `app.request()` and `app.fetch` work without a port. */
  app: Hono;
  /** fetch-compatible: hand it to any client as its `fetch`. */
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  clock: Clock;
  webhookSecret: string;
  deliveries: {
    /** Every callback attempt, oldest first. */
    list(filter?: { taskId?: string }): DeliveryAttempt[];
    /** Resolves once no callback attempt is in flight. */
    idle(): Promise<void>;
  };
  tasks: {
    /** Every stored task, oldest first, as the admin API shows it. */
    list(): AdminTask[];
    get(id: string): AdminTask | undefined;
    /** Ends a running task as failed / request_cancelled; false when it had already ended or is unknown. */
    cancel(id: string): boolean;
    /** Sends a finished task's callback again (to its callback_url, or `url`). */
    redeliver(id: string, mutate?: RedeliverMutation, url?: string): Promise<{ webhookId: string }>;
  };
  faults: { add(fault: FaultSpec): Fault; list(): Fault[]; clear(): void };
  credits: { get(apiKey: string): CreditsJson; set(apiKey: string, credits: number): void };
  /** The options in force, defaults filled in. */
  options: Readonly<ResolvedOptions>;
  /** Forgets tasks, credits, deliveries, faults and rate-limit state; re-seeds; the clock keeps its time. */
  reset(): void;
  /** Stops timers; deliveries in flight are abandoned. */
  close(): Promise<void>;
  /** Adds realistic demo tasks across statuses and times (seed.ts; loads faker on first use). */
  seed(options: SeedOptions): Promise<AdminTask[]>;
}

export function createMockServer(options: MockServerOptions = {}): MockServer {
  const resolved = resolveOptions(options);
  // Compiled once per process, before the first request.
  requestValidators();
  const core = new MockCore(resolved);
  const app = createApp(core);
  const { scheduler } = core;

  const clock: Clock = {
    get mode() {
      return scheduler.mode;
    },
    now: () => scheduler.now(),
    advance: (ms) => scheduler.advance(ms),
  };

  return {
    app,
    fetch: async (input, init) => {
      if (input instanceof Request && init === undefined) return app.fetch(input);
      // A bare path ('/v1/credits') is taken relative to the mock.
      const target = typeof input === 'string' && input.startsWith('/') ? `http://mock.local${input}` : input;
      return app.fetch(new Request(target, init));
    },
    clock,
    webhookSecret: resolved.webhookSecret,
    deliveries: {
      list: (filter) => core.deliveries.list(filter),
      idle: () => core.deliveries.idle(),
    },
    tasks: {
      list: () => {
        core.billing.settleDue(core.now());
        return [...core.store.values()].filter((t) => t.expiresAt > core.now()).map((t) => core.adminView(t));
      },
      get: (id) => {
        core.billing.settleDue(core.now());
        const task = core.store.get(id, core.now());
        return task && core.adminView(task);
      },
      cancel: (id) => {
        const task = core.store.get(id, core.now());
        return task ? core.cancel(task) === 'cancelled' : false;
      },
      redeliver: async (id, mutate = 'none', url) => {
        const task = core.store.get(id, core.now());
        if (!task) throw new Error(`No task ${id}`);
        const target = url ?? task.callbackUrl;
        if (!target) throw new Error(`Task ${id} has no callback_url; pass a url`);
        const check = core.checkCallbackUrl(target);
        if (!check.ok) throw new Error(`url ${check.reason}`);
        core.billing.settleDue(core.now());
        const { webhookId, firstAttempt } = core.redeliver(task, mutate, target);
        await firstAttempt;
        return { webhookId };
      },
    },
    faults: {
      add: (fault) => core.faults.add(fault),
      list: () => core.faults.list(),
      clear: () => core.faults.clear(),
    },
    credits: {
      get: (apiKey) => {
        core.billing.settleDue(core.now());
        return core.billing.view(apiKey);
      },
      set: (apiKey, credits) => {
        core.billing.settleDue(core.now());
        core.billing.setRemaining(apiKey, toMilli(credits));
      },
    },
    options: resolved,
    reset: () => core.reset(),
    close: async () => core.close(),
    // Seeded demo data (issue 13).
    seed: async (seedOptions) => (await import('./seed.js')).seedTasks(core, seedOptions),
  };
}
