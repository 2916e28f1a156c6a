// Load: LOAD_TASKS (default 2,000) tasks created at once through the real Node server over HTTP,
// each with a callback to a local receiver that answers 2xx, fails a chosen share of attempts, or
// hangs. The manual clock is then walked through the whole retry schedule, one second at a time.
// Afterwards every task has exactly the documented attempts (1, or up to 1 + 3 retries 1/2/4 s
// apart; a hang is a timeout, i.e. a failure), every successful delivery arrived exactly once with
// a valid signature (checked with the client's verifyCallback), and no task is missing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { verifyCallback } from '@videotask/client';
import type { DeliveryAttempt } from '@videotask/mock-server';
import { createMockAdminClient } from '@videotask/mock-server/admin-client';
import { type RunningMockServer, serveMockServer } from '@videotask/mock-server/node';
import {
  type Answer,
  answeredOk,
  type CallbackReceiver,
  START,
  startCallbackReceiver,
} from '@videotask/testkit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { peakRss } from './rss.js';

const TASKS = Number(process.env.LOAD_TASKS ?? 2000);
const RETRY_DELAYS = [1000, 2000, 4000];
const TIMEOUT_MS = 10_000;

/** What each receiver path does, by task index (i % 20), and the outcomes the mock must record. */
const CLASSES = {
  ok: { share: 12, outcomes: ['delivered'] },
  'fail-once': { share: 4, outcomes: ['failed', 'delivered'] },
  'fail-twice': { share: 1, outcomes: ['failed', 'failed', 'delivered'] },
  'always-500': { share: 1, outcomes: ['failed', 'failed', 'failed', 'failed'] },
  'hang-once': { share: 1, outcomes: ['timeout', 'delivered'] },
  'hang-always': { share: 1, outcomes: ['timeout', 'timeout', 'timeout', 'timeout'] },
} as const;
type ClassName = keyof typeof CLASSES;
const WHEEL: ClassName[] = Object.entries(CLASSES).flatMap(([name, c]) => Array(c.share).fill(name));

function answer(path: string, n: number): Answer {
  const cls = path.split('/')[2] as ClassName;
  switch (cls) {
    case 'ok':
      return 204;
    case 'fail-once':
      return n === 1 ? 500 : 200;
    case 'fail-twice':
      return n === 1 ? 503 : n === 2 ? 500 : 202;
    case 'always-500':
      return 500;
    case 'hang-once':
      return n === 1 ? 'hang' : 200;
    case 'hang-always':
      return 'hang';
  }
}

let running: RunningMockServer;
let receiver: CallbackReceiver;
const rss = peakRss();

beforeAll(async () => {
  running = await serveMockServer({
    port: 0,
    clock: 'manual',
    startTime: START,
    seed: 'load',
    allowLocalCallbacks: true,
    credits: 1e6,
    // settle() below waits for every answer; the grace only decides how long an advance waits on a hang.
    deliveryGraceMs: 10,
  });
  receiver = await startCallbackReceiver({ answer, clock: () => running.mock.clock.now() });
});
afterAll(async () => {
  rss.stop();
  await running?.close();
  await receiver?.close();
});

/** Waits until every attempt in flight is one the receiver is deliberately holding open. */
async function settle(): Promise<void> {
  const admin = createMockAdminClient({ baseUrl: running.url });
  for (;;) {
    // The raw route: the helper answers only whether it is idle, this needs the count in flight.
    const { data } = await admin.raw.POST('/__mock/deliveries/idle', { body: { timeoutMs: 0 } });
    if (!data) throw new Error('The mock refused POST /__mock/deliveries/idle');
    if (data.inFlight === receiver.hanging) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe(`${TASKS} tasks with callbacks through the Node server`, () => {
  test('every task has exactly its documented attempts; each success arrived once, signed; none missing', async () => {
    const started = performance.now();
    // 1. Create every task at once.
    const created = await Promise.all(
      Array.from({ length: TASKS }, async (_, i) => {
        const cls = WHEEL[i % WHEEL.length] as ClassName;
        const res = await fetch(`${running.url}/v1/videos/generations`, {
          method: 'POST',
          headers: {
            authorization: `Bearer sk-load-${i % 8}`,
            'content-type': 'application/json',
            'x-mock-scenario': i % 7 === 0 ? 'fail:service_error' : 'success',
            'idempotency-key': `load-${i}`,
          },
          body: JSON.stringify({
            model: 'sora-2',
            prompt: `load task ${i}`,
            callback_url: `${receiver.url}/hook/${cls}/${i}`,
          }),
        });
        const text = await res.text();
        expect(res.status, text).toBe(200);
        return { i, cls, failed: i % 7 === 0, id: (JSON.parse(text) as { id: string }).id };
      }),
    );
    const createdMs = performance.now() - started;
    expect(new Set(created.map((t) => t.id)).size).toBe(TASKS);

    // 2. Walk the clock through every end and the whole retry schedule, a second at a time.
    const lifecycleStarted = performance.now();
    const views = await Promise.all(created.map((t) => running.mock.tasks.get(t.id)));
    const latestEnd = Math.max(...views.map((v) => v?.timeline.endAt ?? 0));
    const until = latestEnd + 4 * TIMEOUT_MS + RETRY_DELAYS.reduce((a, b) => a + b) + 5000;
    while (running.mock.clock.now() < until) {
      await running.mock.clock.advance(1000);
      await settle();
    }
    const lifecycleMs = performance.now() - lifecycleStarted;

    // 3. Nothing is missing and every task ended as asked.
    const byId = new Map((await running.mock.tasks.list()).map((t) => [t.task.id, t]));
    for (const t of created) {
      expect(byId.get(t.id)?.task.status, t.id).toBe(t.failed ? 'failed' : 'completed');
    }
    expect(receiver.hanging).toBe(0);

    // 4. The attempts of every task, as the mock recorded them.
    const attempts = new Map<string, DeliveryAttempt[]>();
    for (const a of await running.mock.deliveries.list()) {
      const list = attempts.get(a.taskId) ?? [];
      list.push(a);
      attempts.set(a.taskId, list);
    }
    let expectedDelivered = 0;
    for (const t of created) {
      const list = attempts.get(t.id) ?? [];
      const expected = CLASSES[t.cls].outcomes as readonly string[];
      expect(
        list.map((a) => a.outcome),
        `${t.id} (${t.cls})`,
      ).toEqual(expected);
      expect(list.map((a) => a.attempt)).toEqual(expected.map((_, k) => k + 1));
      expect(new Set(list.map((a) => a.webhookId)).size, t.id).toBe(1);
      // Each retry starts its delay after the previous attempt ended (a timeout ends 10 s in).
      for (let k = 1; k < list.length; k++) {
        const previous = list[k - 1] as DeliveryAttempt;
        expect((list[k] as DeliveryAttempt).at - (previous.endedAt as number), t.id).toBe(
          RETRY_DELAYS[k - 1],
        );
        if (previous.outcome === 'timeout')
          expect((previous.endedAt as number) - previous.at).toBe(TIMEOUT_MS);
      }
      if (expected.includes('delivered')) expectedDelivered++;
    }

    // 5. The receiver's side: every attempt arrived; each success once, signed, with the right task.
    const secret = running.mock.webhookSecret;
    const successes = receiver.arrivals.filter(answeredOk);
    expect(receiver.arrivals.length).toBe([...attempts.values()].reduce((n, list) => n + list.length, 0));
    expect(successes.length).toBe(expectedDelivered);
    expect(new Set(successes.map((a) => a.headers['webhook-id'])).size).toBe(expectedDelivered);
    expect(new Set(successes.map((a) => a.path)).size).toBe(expectedDelivered);
    const byIndex = new Map(created.map((t) => [t.i, t]));
    for (const arrival of successes) {
      const t = byIndex.get(Number(arrival.path.split('/')[3])) as (typeof created)[number];
      const task = await verifyCallback(arrival.rawBody, arrival.headers, secret, {
        now: () => arrival.clockAt,
      });
      expect(task.id).toBe(t.id);
      expect(task.status).toBe(t.failed ? 'failed' : 'completed');
    }

    const totalMs = performance.now() - started;
    const counts = {
      tasks: TASKS,
      attempts: receiver.arrivals.length,
      delivered: successes.length,
      failedAttempts: [...attempts.values()].flat().filter((a) => a.outcome === 'failed').length,
      timeouts: [...attempts.values()].flat().filter((a) => a.outcome === 'timeout').length,
      undelivered: TASKS - successes.length,
      createMs: Math.round(createdMs),
      createsPerSecond: Math.round(TASKS / (createdMs / 1000)),
      lifecycleMs: Math.round(lifecycleMs),
      mockSecondsWalked: Math.round((running.mock.clock.now() - START) / 1000),
      totalMs: Math.round(totalMs),
      peakRssMB: Math.round(rss.peak() / 1024 / 1024),
      node: process.version,
    };
    console.log('\nLoad test (one process: mock + receiver + load generator)\n');
    console.table(counts);
    mkdirSync('reports', { recursive: true });
    writeFileSync('reports/load.json', `${JSON.stringify(counts, null, 2)}\n`);
  });
});
