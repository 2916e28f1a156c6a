// Soak: a steady mixed load (creates, reads, credits, callbacks) against the mock in its own process
// for SOAK_SECONDS (default 180), its memory (heapUsed after GC, and RSS) sampled every
// SOAK_SAMPLE_SECONDS. The manual clock runs fast (SOAK_CLOCK_STEP_MS of mock time each real
// second, default 20 min), so tasks complete, call back and expire while the load goes on. Then the
// load stops, the clock passes 25 h, every task expires, and the heap must be back at its baseline.
import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createMockAdminClient, type MockAdminClient } from '@videotask/mock-server/admin-client';
import { answeredOk, type CallbackReceiver, startCallbackReceiver } from '@videotask/testkit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 180);
const SAMPLE_SECONDS = Number(process.env.SOAK_SAMPLE_SECONDS ?? 5);
const RPS = Number(process.env.SOAK_RPS ?? 200);
const CLOCK_STEP_MS = Number(process.env.SOAK_CLOCK_STEP_MS ?? 20 * 60_000);
const WARMUP_SECONDS = Number(process.env.SOAK_WARMUP_SECONDS ?? 10);
const DAY_MS = 24 * 60 * 60_000;
/** The soak must reach this share of RPS, or it did not test what its name says (a starved generator). */
const MIN_RATE_RATIO = 0.9;
/** The heap after expiry may exceed the baseline by this much at most: 2 MB or 10 %, whichever is larger. */
const TOLERANCE = { bytes: 2 * 1024 * 1024, ratio: 0.1 };

interface MemorySample {
  heapUsed: number;
  heapTotal: number;
  rss: number;
}
interface Row {
  t: number;
  phase: string;
  heapUsedMB: number;
  heapTotalMB: number;
  rssMB: number;
  tasks: number;
  requests: number;
}

let child: ChildProcess;
let url = '';
let receiver: CallbackReceiver;
/** The mock's admin API; its requests count in `counts.admin`. */
let admin: MockAdminClient;
const MB = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function ask<T>(type: string, answer: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (message: { type: string }) => {
      if (message.type !== answer) return;
      child.off('message', onMessage);
      resolve(message as T);
    };
    child.on('message', onMessage);
    child.send({ type });
  });
}

beforeAll(async () => {
  child = fork(fileURLToPath(new URL('./soak-server.ts', import.meta.url)), [], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ url: string }>((resolve) => {
    child.once('message', (m: { url: string }) => resolve(m));
  });
  url = ready.url;
  admin = createMockAdminClient({
    baseUrl: url,
    fetch: (request) => {
      counts.requests++;
      counts.admin++;
      return fetch(request);
    },
  });
  // 10 % of callbacks fail once (then the retry is delivered).
  receiver = await startCallbackReceiver({
    answer: (path, n) => (n === 1 && path.endsWith('0') ? 500 : 204),
  });
});
afterAll(async () => {
  if (child?.connected) child.send({ type: 'stop' });
  await receiver?.close();
});

const counts = { requests: 0, create: 0, read: 0, credits: 0, file: 0, admin: 0 };
const unexpected: string[] = [];
/** Callback paths of the tasks created while this is set (the soak phase): each must be delivered. */
const expectedCallbacks = { recording: false, paths: [] as string[] };
const recent: string[] = [];
let serial = 0;

async function call(kind: keyof typeof counts, path: string, init?: RequestInit): Promise<Response> {
  counts.requests++;
  counts[kind]++;
  return fetch(`${url}${path}`, init);
}

/** One request of the mix: 40 % create, 35 % read, 15 % credits, 10 % a result video. */
async function oneRequest(): Promise<void> {
  const n = serial++;
  const key = `sk-soak-${n % 8}`;
  const roll = n % 20;
  try {
    if (roll < 8 || recent.length === 0) {
      const headers: Record<string, string> = {
        authorization: `Bearer ${key}`,
        'content-type': 'application/json',
        'x-mock-scenario': n % 10 === 3 ? 'fail:generation_timeout' : 'success',
      };
      if (n % 4 === 0) headers['idempotency-key'] = `soak-${n}`;
      const body: Record<string, unknown> = {
        model: 'sora-2',
        prompt: `soak ${n}`,
        duration: n % 3 ? 10 : 15,
      };
      const callbackPath = n % 2 === 0 ? `/cb/${n}` : undefined;
      if (callbackPath) body.callback_url = `${receiver.url}${callbackPath}`;
      const res = await call('create', '/v1/videos/generations', {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
      const text = await res.text();
      if (res.status !== 200) unexpected.push(`create ${res.status} ${text}`);
      else {
        if (callbackPath && expectedCallbacks.recording) expectedCallbacks.paths.push(callbackPath);
        recent.push(`${key} ${(JSON.parse(text) as { id: string }).id}`);
        if (recent.length > 500) recent.shift();
      }
    } else if (roll < 15) {
      const [owner, id] = (recent[n % recent.length] as string).split(' ');
      const res = await call('read', `/v1/tasks/${id}`, { headers: { authorization: `Bearer ${owner}` } });
      await res.arrayBuffer();
      // A task read after it expired is 404: expected once the clock has moved a day on.
      if (res.status !== 200 && res.status !== 404) unexpected.push(`read ${res.status}`);
    } else if (roll < 18) {
      const res = await call('credits', '/v1/credits', { headers: { authorization: `Bearer ${key}` } });
      await res.arrayBuffer();
      if (res.status !== 200) unexpected.push(`credits ${res.status}`);
    } else {
      const id = (recent[n % recent.length] as string).split(' ')[1];
      const res = await call('file', `/files/${id}.mp4`, { headers: { range: 'bytes=0-1023' } });
      await res.arrayBuffer();
      if (![200, 206, 404].includes(res.status)) unexpected.push(`file ${res.status}`);
    }
  } catch (error) {
    unexpected.push(`${String(error)}`);
  }
}

/** Stored tasks (the admin list also sweeps expired ones): the raw route, for its total. */
async function storedTasks(): Promise<number> {
  const { data, response } = await admin.raw.GET('/__mock/tasks', { params: { query: { limit: 1 } } });
  if (!data) throw new Error(`admin tasks answered ${response.status}`);
  return data.total;
}

/** Mix requests sent so far (the admin calls not counted). */
function mixRequests(): number {
  return counts.create + counts.read + counts.credits + counts.file;
}

/**
 * Lets every callback of the tasks created so far finish: an hour of mock time ends them all (a task
 * takes minutes, and expires a day after it ends), then short steps let the 1/2/4 s retries go out.
 */
async function settleCallbacks(): Promise<void> {
  await admin.advanceClock(60 * 60_000);
  for (let round = 0; round < 4; round++) {
    await admin.deliveriesIdle(60_000);
    await admin.advanceClock(10_000);
  }
  await admin.deliveriesIdle(60_000);
}

/** Runs the mix at RPS for `seconds`, moving the clock every second; calls `tick` every SAMPLE_SECONDS. */
async function load(seconds: number, tick: (elapsed: number) => Promise<void>): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  let issued = 0;
  let nextClock = 1000;
  let nextSample = SAMPLE_SECONDS * 1000;
  let advancing: Promise<unknown> | null = null;
  for (;;) {
    const elapsed = performance.now() - started;
    if (elapsed >= seconds * 1000) break;
    // Keep to the rate: issue what is due, with at most 64 requests in flight.
    while (issued < (elapsed / 1000) * RPS && inFlight.size < 64) {
      const p = oneRequest().finally(() => inFlight.delete(p));
      inFlight.add(p);
      issued++;
    }
    if (elapsed >= nextClock && !advancing) {
      nextClock += 1000;
      advancing = admin
        .advanceClock(CLOCK_STEP_MS)
        .catch((error: unknown) => unexpected.push(`advanceClock: ${String(error)}`))
        .finally(() => {
          advancing = null;
        });
    }
    if (elapsed >= nextSample) {
      nextSample += SAMPLE_SECONDS * 1000;
      await tick(elapsed);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await Promise.all([...inFlight, advancing]);
}

describe('soak', () => {
  test(`${SOAK_SECONDS} s of mixed load at ${RPS} req/s: memory returns to its baseline once tasks expire`, async () => {
    const rows: Row[] = [];
    const t0 = performance.now();
    const sample = async (phase: string) => {
      const tasks = await storedTasks();
      const m = await ask<MemorySample>('sample', 'sample');
      const row = {
        t: Math.round((performance.now() - t0) / 100) / 10,
        phase,
        heapUsedMB: MB(m.heapUsed),
        heapTotalMB: MB(m.heapTotal),
        rssMB: MB(m.rss),
        tasks,
        requests: counts.requests,
      };
      rows.push(row);
      return { ...m, tasks };
    };
    const expireEverything = async () => {
      await admin.advanceClock(DAY_MS + 60 * 60_000);
      await storedTasks();
    };

    // Warm-up (JIT, validators, connection pools), then its tasks expire: that is the baseline.
    await load(WARMUP_SECONDS, async () => {});
    await expireEverything();
    const baseline = await sample('baseline');
    expect(baseline.tasks).toBe(0);

    const soakStarted = mixRequests();
    const soakT0 = performance.now();
    expectedCallbacks.recording = true;
    await load(SOAK_SECONDS, async () => {
      await sample('load');
    });
    expectedCallbacks.recording = false;
    const soakSeconds = (performance.now() - soakT0) / 1000;
    const soakRequests = mixRequests() - soakStarted;
    const atEnd = await sample('end of load');
    await settleCallbacks();

    await expireEverything();
    const after = await sample('after expiry');
    const afterAgain = await sample('after expiry');

    const loadRows = rows.filter((r) => r.phase === 'load' || r.phase === 'end of load');
    const peakHeap = Math.max(...loadRows.map((r) => r.heapUsedMB));
    const peakRss = Math.max(...loadRows.map((r) => r.rssMB));
    const delivered = receiver.arrivals.filter(answeredOk).length;
    const deliveredPaths = new Set(receiver.arrivals.filter(answeredOk).map((a) => a.path));
    const undelivered = expectedCallbacks.paths.filter((path) => !deliveredPaths.has(path));
    const summary = {
      soakSeconds: Math.round(soakSeconds),
      requests: soakRequests,
      requestsPerSecond: Math.round(soakRequests / soakSeconds),
      mix: { ...counts },
      callbacksReceived: receiver.arrivals.length,
      callbacksDelivered: delivered,
      soakCallbacksExpected: expectedCallbacks.paths.length,
      soakCallbacksUndelivered: undelivered.length,
      mockHoursWalked: Math.round(
        ((SOAK_SECONDS + WARMUP_SECONDS) * CLOCK_STEP_MS + 2 * (DAY_MS + 3_600_000)) / 3_600_000,
      ),
      tasksStoredAtEndOfLoad: atEnd.tasks,
      heapUsedMB: {
        baseline: MB(baseline.heapUsed),
        peak: peakHeap,
        endOfLoad: MB(atEnd.heapUsed),
        afterExpiry: MB(after.heapUsed),
      },
      rssMB: {
        baseline: MB(baseline.rss),
        peak: peakRss,
        endOfLoad: MB(atEnd.rss),
        afterExpiry: MB(after.rss),
      },
      tolerance: `heap after expiry ≤ baseline + max(${MB(TOLERANCE.bytes)} MB, ${TOLERANCE.ratio * 100} %)`,
      unexpectedAnswers: unexpected.length,
      node: process.version,
    };
    console.log('\nSoak: memory of the mock process (heapUsed after GC; RSS)\n');
    console.table(rows.map((r) => ({ ...r })));
    console.log(JSON.stringify(summary, null, 2));
    mkdirSync('reports', { recursive: true });
    writeFileSync(
      'reports/soak-samples.csv',
      `t_s,phase,heap_used_mb,heap_total_mb,rss_mb,tasks_stored,requests\n${rows
        .map((r) => [r.t, r.phase, r.heapUsedMB, r.heapTotalMB, r.rssMB, r.tasks, r.requests].join(','))
        .join('\n')}\n`,
    );
    writeFileSync('reports/soak.json', `${JSON.stringify({ summary, samples: rows }, null, 2)}\n`);

    expect(unexpected.slice(0, 5)).toEqual([]);
    // The load was what the name says: the rate reached, the callbacks of every soak task delivered.
    expect(
      summary.requestsPerSecond,
      `${soakRequests} requests in ${soakSeconds.toFixed(1)} s: a starved run measures nothing`,
    ).toBeGreaterThanOrEqual(MIN_RATE_RATIO * RPS);
    // Four in twenty of the mix are creates with a callback.
    expect(expectedCallbacks.paths.length).toBeGreaterThan(0.18 * soakRequests);
    expect(undelivered.slice(0, 5), `${undelivered.length} soak callbacks never delivered`).toEqual([]);
    expect(after.tasks).toBe(0);
    expect(atEnd.tasks).toBeGreaterThan(0);
    const allowed = baseline.heapUsed + Math.max(TOLERANCE.bytes, baseline.heapUsed * TOLERANCE.ratio);
    expect(
      Math.min(after.heapUsed, afterAgain.heapUsed),
      JSON.stringify(summary.heapUsedMB),
    ).toBeLessThanOrEqual(allowed);
  });
});
