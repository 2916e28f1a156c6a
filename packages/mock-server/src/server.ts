// createMockServer: the runtime-agnostic mock (Web APIs only) — where the surfaces are composed: the Hono
// app (http/) with the dashboard mounted in it, plus a controller for tests. The controller is an adapter
// over the command core, like the HTTP routes: a refusal throws with its message.
import type { AdminSchemas } from '@videotask/spec';
import type { Hono } from 'hono';
import { modelStateEntry } from './core/catalog.js';
import type { ChaosView } from './core/chaos.js';
import type { ClockView } from './core/clock-commands.js';
import { MockCore } from './core/commands.js';
import { parseCreate } from './core/create-input.js';
import type { TaskListPage, TaskListQuery } from './core/list.js';
import type { Result } from './core/result.js';
import type { SeedOptions } from './core/seed.js';
import type { TaskTally } from './core/task-tally.js';
import type { AdminTask } from './core/views.js';
import { DASHBOARD_ROUTES, mountDashboard } from './dashboard/index.js';
import type { ChaosProfile } from './domain/chaos.js';
import type { Clock } from './domain/clock.js';
import type { DeliveryAttempt, RedeliverMutation } from './domain/delivery-attempt.js';
import type { ModelState } from './domain/model-state.js';
import type { VideoTaskJson } from './domain/task.js';
import { requestValidators } from './domain/validation.js';
import { createApp } from './http/app.js';
import { MCP_ROUTES, mountMcp } from './mcp/index.js';
import { type MockServerOptions, type ResolvedOptions, resolveOptions } from './options.js';
import type { CreditsJson } from './store/billing.js';
import type { Fault, FaultSpec } from './store/faults.js';

type ModelStateEntry = AdminSchemas['ModelStateEntry'];

/** A refusal of the core, thrown by the controller: `code` is the API's error code. */
export class MockRefusedError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly param?: string,
  ) {
    super(message);
    this.name = 'MockRefusedError';
  }
}

function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new MockRefusedError(result.code, result.message, result.param);
}

/** The controller's clock: read and advance it, and the admin API's verbs (a refusal throws MockRefusedError). */
export interface MockClock extends Clock {
  /** Mode, time, factor, paused and pending timers (GET /__mock/clock). */
  view(): ClockView;
  /** Sets the clock to `at` (ms, ISO date or Date); back only down to the newest task's creation. */
  set(at: number | string | Date): Promise<ClockView>;
  /** A real clock runs `factor` times wall speed (0 < factor <= 1000). */
  scale(factor: number): Promise<ClockView>;
  /** A real clock stands still until resumed. */
  pause(): Promise<ClockView>;
  resume(): Promise<ClockView>;
  /** Back at its start: wall time, factor 1, running (real), or the start time (manual). */
  reset(): Promise<ClockView>;
}

export interface MockServer {
  /** The Hono app: `app.request()` and `app.fetch` work without a port. */
  app: Hono;
  /** fetch-compatible: hand it to any client as its `fetch`. */
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  clock: MockClock;
  webhookSecret: string;
  deliveries: {
    /** Every callback attempt, oldest first. */
    list(filter?: { taskId?: string }): Promise<DeliveryAttempt[]>;
    /** Resolves once no callback attempt is in flight. */
    idle(): Promise<void>;
  };
  tasks: {
    /**
     * Creates a task as POST /v1/videos/generations does (same validation, idempotency, credits);
     * `replayed` when the Idempotency-Key was used before with the same body. Throws MockRefusedError.
     */
    create(
      body: unknown,
      options?: { apiKey?: string; idempotencyKey?: string; scenario?: string; traceparent?: string },
    ): Promise<{ task: VideoTaskJson; replayed: boolean }>;
    /** Every stored task, oldest first, as the admin API shows it. */
    list(): Promise<AdminTask[]>;
    /** The one task query the admin API and the dashboard use (filters, paging newest first, counts). */
    query(query: TaskListQuery): Promise<TaskListPage>;
    /** The live tasks by status and model and their credits by billing state, counted now (what --metrics shows). */
    tally(): Promise<TaskTally>;
    get(id: string): Promise<AdminTask | undefined>;
    /** Ends a running task as failed / request_cancelled; false when it had already ended or is unknown. */
    cancel(id: string): Promise<boolean>;
    /** Sends an ended task's callback again (to its callback_url, or `url`); throws MockRefusedError (409 before it ends). */
    redeliver(id: string, mutate?: RedeliverMutation, url?: string): Promise<{ webhookId: string }>;
  };
  faults: { add(fault: FaultSpec): Promise<Fault>; list(): Promise<Fault[]>; clear(): Promise<void> };
  /** The chaos profiles (the README's table): the one in force, putting one in force (seeded), none. */
  chaos: {
    get(): Promise<ChaosView>;
    /** Puts `profile` in force, its draws seeded by `seed` (default the server's); throws MockRefusedError for an unknown one. */
    set(profile: ChaosProfile, seed?: string): Promise<ChaosView>;
    /** No profile in force (a reset goes back to the start options). */
    clear(): Promise<ChaosView>;
  };
  credits: {
    get(apiKey: string): Promise<CreditsJson>;
    set(apiKey: string, credits: number): Promise<CreditsJson>;
  };
  models: {
    /** The served models and their states, as the admin API lists them. */
    list(): Promise<ModelStateEntry[]>;
    /** Sets a served model's state (null: back to the start options); throws MockRefusedError for another model. */
    set(model: string, state: ModelState | null): Promise<ModelStateEntry>;
  };
  /** The options in force, defaults filled in. */
  options: Readonly<ResolvedOptions>;
  /** Forgets tasks, credits, deliveries, faults and rate-limit state; re-seeds; the clock back at its start. */
  reset(): Promise<void>;
  /** Stops timers; deliveries in flight are abandoned. */
  close(): Promise<void>;
  /** Adds realistic demo tasks across statuses and times (loads faker on first use); throws on a refusal. */
  seed(options: SeedOptions): Promise<AdminTask[]>;
}

/** The mock's Hono app over `core`: the HTTP API and admin API, with the dashboard and MCP beside the admin API. */
export function composeApp(core: MockCore): Hono {
  return createApp(core, [
    { routes: DASHBOARD_ROUTES, mount: mountDashboard },
    { routes: MCP_ROUTES, mount: mountMcp, underAdminAuth: true },
  ]);
}

export function createMockServer(options: MockServerOptions = {}): MockServer {
  const resolved = resolveOptions(options);
  // Compiled once per process, before the first request.
  requestValidators();
  const core = new MockCore(resolved);
  const app = composeApp(core);
  const clock = controllerClock(core);
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
    deliveries: { list: (filter) => core.listDeliveries(filter), idle: () => core.deliveries.idle() },
    tasks: controllerTasks(core),
    faults: {
      add: async (fault) => unwrap(await core.addFault(fault)),
      list: () => core.listFaults(),
      clear: () => core.clearFaults(),
    },
    chaos: {
      get: () => core.chaos(),
      set: async (profile, seed) => unwrap(await core.setChaos(profile, seed)),
      clear: () => core.clearChaos(),
    },
    credits: {
      get: (apiKey) => core.credits(apiKey),
      set: async (apiKey, credits) => unwrap(await core.setCredits(apiKey, credits)),
    },
    models: {
      list: async () => (await core.modelStatuses()).map(modelStateEntry),
      set: async (model, state) => modelStateEntry(unwrap(await core.setModelState(model, state))),
    },
    options: resolved,
    reset: () => core.reset(),
    close: () => core.close(),
    seed: async (seedOptions) => unwrap(await core.seed(seedOptions)),
  };
}

function controllerClock(core: MockCore): MockClock {
  const { scheduler } = core;
  return {
    get mode() {
      return scheduler.mode;
    },
    now: () => scheduler.now(),
    advance: async (ms) => {
      if (scheduler.mode !== 'manual' || !Number.isFinite(ms) || ms < 0) return scheduler.advance(ms);
      await core.moveClock(Math.floor(ms));
    },
    view: () => core.clockView(),
    set: async (at) => unwrap(await core.setClock(at)),
    scale: async (factor) => unwrap(await core.scaleClock(factor)),
    pause: async () => unwrap(await core.pauseClock(true)),
    resume: async () => unwrap(await core.pauseClock(false)),
    reset: async () => unwrap(await core.resetClock()),
  };
}

function controllerTasks(core: MockCore): MockServer['tasks'] {
  return {
    create: async (body, options = {}) => {
      const {
        apiKey = 'sk-controller',
        idempotencyKey = null,
        scenario = null,
        traceparent = null,
      } = options;
      const request = { apiKey, body, idempotencyKey, scenario, traceparent };
      return unwrap(await core.create(unwrap(parseCreate(request, core.options.allowLocalCallbacks))));
    },
    list: async () => {
      const page = await core.listTasks({ limit: Number.MAX_SAFE_INTEGER });
      return Promise.all(page.items.reverse().map(({ task }) => core.view(task)));
    },
    query: (query) => core.listTasks(query),
    tally: () => core.taskTally(),
    get: async (id) => {
      const result = await core.adminTask(id);
      return result.ok ? result.value : undefined;
    },
    cancel: async (id) => (await core.cancel(id)).ok,
    redeliver: async (id, mutate = 'none', url) => {
      const { webhookId, firstAttempt } = unwrap(await core.redeliver(id, mutate, url));
      await firstAttempt;
      return { webhookId };
    },
  };
}
