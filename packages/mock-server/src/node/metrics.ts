// --metrics: GET /metrics in the Prometheus text format (prom-client, so Node side only). Counters and the
// latency histogram are fed by the core's observer events; the task and credit gauges are counted from the
// core when scraped (a task's state is derived from the clock when read: see core/task-tally.ts).
import type { Hono } from 'hono';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { TaskTally } from '../core/task-tally.js';
import type { MockObserver } from '../domain/observer.js';

export const METRICS_PATH = '/metrics';

/** Request latency buckets, seconds: the mock answers in well under a millisecond to a few (Redis, callbacks). */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export interface MockMetrics {
  readonly registry: Registry;
  /** What the mock is given as its `observer`. */
  readonly observer: MockObserver;
  /** Where the scrape-time gauges count from (the mock, once it exists). */
  attach(tally: () => Promise<TaskTally>): void;
  /** Serves GET /metrics on the mock's app (before its first request). */
  mount(app: Hono): void;
}

export function createMetrics(): MockMetrics {
  const registry = new Registry();
  const observer = registerCounters([registry]);
  let tally: (() => Promise<TaskTally>) | undefined;
  registerGauges([registry], () => tally?.());
  return {
    registry,
    observer,
    attach(source) {
      tally = source;
    },
    mount(app) {
      app.get(METRICS_PATH, async (c) =>
        c.body(await registry.metrics(), 200, { 'content-type': registry.contentType }),
      );
    },
  };
}

/** The counters and the latency histogram, and the observer that feeds them. */
function registerCounters(registers: Registry[]): MockObserver {
  const requests = new Counter({
    name: 'videotask_mock_http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    registers,
  });
  const latency = new Histogram({
    name: 'videotask_mock_http_request_duration_seconds',
    help: 'Time to answer an HTTP request (real time), by route pattern and method.',
    labelNames: ['route', 'method'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const created = new Counter({
    name: 'videotask_mock_tasks_created_total',
    help: 'Tasks created (idempotent replays not counted), by model.',
    labelNames: ['model'] as const,
    registers,
  });
  const reserved = new Counter({
    name: 'videotask_mock_credits_reserved_total',
    help: 'Credits reserved by created tasks.',
    registers,
  });
  const deliveries = new Counter({
    name: 'videotask_mock_callback_deliveries_total',
    help: 'Callback attempts ended, by outcome and attempt number (1: the first of a delivery).',
    labelNames: ['outcome', 'attempt'] as const,
    registers,
  });
  return {
    request(route, method, status, ms) {
      requests.inc({ route, method, status: String(status) });
      latency.observe({ route, method }, ms / 1000);
    },
    taskCreated(model, credits) {
      created.inc({ model });
      reserved.inc(credits);
    },
    delivery(outcome, attempt) {
      deliveries.inc({ outcome, attempt: String(attempt) });
    },
  };
}

/** The gauges counted at scrape: live tasks by status and model, and their credits by billing state. */
function registerGauges(registers: Registry[], read: () => Promise<TaskTally> | undefined): void {
  // One count per scrape, shared by both gauges (each collect asks; the second reuses the first's).
  let pending: Promise<TaskTally> | undefined;
  const shared = (): Promise<TaskTally> | undefined => {
    pending ??= read()?.finally(() => {
      pending = undefined;
    });
    return pending;
  };
  new Gauge({
    name: 'videotask_mock_tasks',
    help: 'Live tasks (kept until 24 h after they end) by status and model, counted at scrape.',
    labelNames: ['status', 'model'] as const,
    registers,
    async collect() {
      const now = await shared();
      this.reset();
      for (const { status, model, count } of now?.tasks ?? []) this.set({ status, model }, count);
    },
  });
  new Gauge({
    name: 'videotask_mock_task_credits',
    help: "Live tasks' prices in credits by billing state (reserved, consumed, returned), counted at scrape.",
    labelNames: ['state'] as const,
    registers,
    async collect() {
      const now = await shared();
      if (!now) return;
      for (const [state, credits] of Object.entries(now.credits)) this.set({ state }, credits);
    },
  });
}
