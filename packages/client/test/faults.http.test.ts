// The client against injected faults over real HTTP: the mock server (its Node entry on a free port,
// manual clock) behind a small fault-injecting proxy that can answer 429/503/500 itself, drop the
// connection before or after the mock has handled the request (mid-answer too), or hold the answer.
// Checked: no task is ever created twice (tasks counted per Idempotency-Key in the mock's store),
// every call either succeeds or fails with the error class its faults call for, and waitForTask
// stops at its deadline. The client's clock is the mock's: its waits move the mock's clock, never
// the wall clock (only the late-answer test waits for real, for timeoutMs; the answer it meets is held
// until the client has given up, so no race decides the outcome).
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMockAdminClient } from '@videotask/mock-server/admin-client';
import { type RunningMockServer, serveMockServer } from '@videotask/mock-server/node';
import { clientClockOn, START } from '@videotask/testkit';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  APIConnectionError,
  APITimeoutError,
  createVideoTaskClient,
  InternalServerError,
  RateLimitError,
  TaskWaitTimeoutError,
  type VideoTaskClientOptions,
  VideoTaskError,
} from '../src/index.js';

const API_KEY = 'sk-faults';

/** What the proxy does with one request. */
type Fault =
  | 'pass'
  | '429'
  | '503'
  | '500'
  /** Reset the connection without forwarding (the mock never sees it). */
  | 'drop-before'
  /** Forward, let the mock answer, then reset without sending anything back. */
  | 'drop-after'
  /** Forward, send the status line, headers and half the body, then reset. */
  | 'drop-mid-body'
  /** Forward, then hold the answer until the test releases it (see `holdNextSlow`). */
  | 'slow';

/** A held answer: `forwarded` resolves once the mock has answered the proxy; `release` sends it on. */
interface Hold {
  forwarded: Promise<void>;
  markForwarded: () => void;
  released: Promise<void>;
  release: () => void;
}
function newHold(): Hold {
  let markForwarded = () => {};
  let release = () => {};
  const forwarded = new Promise<void>((resolve) => {
    markForwarded = resolve;
  });
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { forwarded, markForwarded, released, release };
}
/** Holds for the next `slow` faults, in order; every hold ever made, to release them all at the end. */
const nextHolds: Hold[] = [];
const allHolds: Hold[] = [];
function holdNextSlow(): Hold {
  const hold = newHold();
  nextHolds.push(hold);
  allHolds.push(hold);
  return hold;
}

let mock: RunningMockServer;
let proxy: Server;
let proxyUrl = '';
/** Faults for the next requests through the proxy, in order; `pass` once empty. */
let script: Fault[] = [];
/** Every request the proxy saw and what it did. */
const seen: { method: string; path: string; fault: Fault }[] = [];

function forward(
  req: IncomingMessage,
  body: Buffer,
): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: `127.0.0.1:${mock.port}` };
    const upstream = httpRequest(
      { host: '127.0.0.1', port: mock.port, method: req.method, path: req.url, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const out: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined && name !== 'connection' && name !== 'keep-alive')
              out[name] = String(value);
          }
          resolve({ status: res.statusCode ?? 502, headers: out, body: Buffer.concat(chunks) });
        });
      },
    );
    upstream.on('error', reject);
    upstream.end(body);
  });
}

function envelope(res: ServerResponse, status: number, code: string, type: string) {
  const body = JSON.stringify({ error: { code, message: `injected ${status}`, type } });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (status !== 500) headers['retry-after'] = '1';
  res.writeHead(status, headers).end(body);
}

async function handle(req: IncomingMessage, res: ServerResponse, body: Buffer) {
  const fault = script.shift() ?? 'pass';
  seen.push({ method: req.method ?? '', path: req.url ?? '', fault });
  switch (fault) {
    case '429':
      return envelope(res, 429, 'rate_limit_exceeded', 'rate_limit_error');
    case '503':
      return envelope(res, 503, 'service_unavailable', 'service_unavailable_error');
    case '500':
      return envelope(res, 500, 'internal_error', 'api_error');
    case 'drop-before':
      req.socket.destroy();
      return;
  }
  const hold = fault === 'slow' ? (nextHolds.shift() ?? holdNextSlow()) : undefined;
  const answer = await forward(req, body);
  hold?.markForwarded();
  if (fault === 'drop-after') {
    req.socket.destroy();
    return;
  }
  if (fault === 'drop-mid-body') {
    res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
    res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)), () => req.socket.destroy());
    return;
  }
  const send = () => res.writeHead(answer.status, answer.headers).end(answer.body);
  if (hold) await hold.released;
  if (!res.destroyed) send();
}

beforeAll(async () => {
  mock = await serveMockServer({ port: 0, clock: 'manual', startTime: START, seed: 'faults', credits: 1e6 });
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks)).catch(() => req.socket.destroy());
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const hold of allHolds) hold.release();
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
  await mock.close();
});
beforeEach(() => {
  script = [];
  seen.length = 0;
});

/** A client through the proxy whose waits move the mock's manual clock. */
function client(options: Partial<VideoTaskClientOptions> = {}) {
  const clock = clientClockOn(mock.mock.clock);
  const c = createVideoTaskClient({
    apiKey: API_KEY,
    baseUrl: proxyUrl,
    timeoutMs: 30_000,
    clock,
    ...options,
  });
  return { client: c, sleeps: clock.sleeps };
}

/** Task ids in the mock's store that belong to this API key (each test case uses its own key and one Idempotency-Key). */
async function tasksOf(apiKey: string): Promise<string[]> {
  return (await mock.mock.tasks.list()).filter((t) => t.apiKey === apiKey).map((t) => t.task.id);
}

const FAULTS: Fault[] = ['pass', '429', '503', '500', 'drop-before', 'drop-after', 'drop-mid-body'];
/** Faults the client retries: 429/503 answers, and connections lost before an answer arrived. */
const RETRIED = new Set<Fault>(['429', '503', 'drop-before', 'drop-after']);

/** What a call must end with, given the faults its attempts meet (maxRetries 2: three attempts at most). */
function expectedOutcome(faults: Fault[]): {
  result: 'ok' | (new (...a: never[]) => Error);
  status?: number;
  attempts: number;
  reachedMock: boolean;
} {
  let reachedMock = false;
  for (let k = 0; k < 3; k++) {
    const fault = faults[k] ?? 'pass';
    if (fault === 'pass' || fault === 'drop-after' || fault === 'drop-mid-body') reachedMock = true;
    if (fault === 'pass') return { result: 'ok', attempts: k + 1, reachedMock };
    if (fault === '500') return { result: InternalServerError, status: 500, attempts: k + 1, reachedMock };
    // Headers arrived, then the body broke off: not retried (the answer had begun), a connection error.
    if (fault === 'drop-mid-body') return { result: APIConnectionError, attempts: k + 1, reachedMock };
    if (k === 2) {
      if (fault === '429') return { result: RateLimitError, status: 429, attempts: 3, reachedMock };
      if (fault === '503') return { result: InternalServerError, status: 503, attempts: 3, reachedMock };
      return { result: APIConnectionError, attempts: 3, reachedMock };
    }
    expect(RETRIED.has(fault)).toBe(true);
  }
  throw new Error('unreachable');
}

describe('createVideo through injected faults', () => {
  let serial = 0;
  test('any sequence of faults: one task at most per key, exactly one on success, the right error class otherwise', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...FAULTS), { maxLength: 4 }), async (faults) => {
        const apiKey = `sk-faults-${++serial}`;
        const { client: c } = client({ apiKey });
        const key = `order-${serial}`;
        const prompt = `idempotent ${key}`;
        script = [...faults];
        seen.length = 0;
        const expected = expectedOutcome(faults);
        const outcome = await c
          .createVideo({ model: 'sora-2', prompt }, { idempotencyKey: key })
          .catch((error: unknown) => error);
        const made = await tasksOf(apiKey);
        expect(seen).toHaveLength(expected.attempts);
        expect(made.length).toBe(expected.reachedMock ? 1 : 0);
        if (expected.result === 'ok') {
          expect(outcome).toMatchObject({ status: 'pending' });
          expect(made).toEqual([(outcome as { id: string }).id]);
        } else {
          expect(outcome).toBeInstanceOf(expected.result);
          expect(outcome).toBeInstanceOf(VideoTaskError);
          if (expected.status) expect(outcome).toMatchObject({ status: expected.status });
          // The caller may try again with the same key: still one task, the same one.
          script = [];
          const again = await c.createVideo({ model: 'sora-2', prompt }, { idempotencyKey: key });
          expect(await tasksOf(apiKey)).toEqual([again.id]);
        }
        script = [];
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 60) },
    );
  });

  test('a burst of 429s with Retry-After from the mock itself (/__mock/faults) is waited out on the clock', async () => {
    const { client: c, sleeps } = client();
    const admin = createMockAdminClient({ baseUrl: mock.url });
    await admin.injectFault({ status: 429, count: 2, retryAfter: 3, path: '/v1/videos' });
    const task = await c.createVideo({ model: 'sora-2', prompt: 'burst' }, { idempotencyKey: 'burst-1' });
    expect(sleeps).toEqual([3000, 3000]);
    expect(await tasksOf(API_KEY)).toEqual([task.id]);
  });
});

describe('reads through injected faults', () => {
  test('getTask and getCredits: retried faults succeed; an answer cut mid-body is APIConnectionError, not a raw TypeError', async () => {
    const { client: c } = client({ apiKey: 'sk-reads' });
    const task = await c.createVideo({ model: 'sora-2', prompt: 'read me' });
    script = ['503', 'drop-before', 'pass'];
    expect((await c.getTask(task.id)).id).toBe(task.id);
    script = ['429', 'drop-after', 'pass'];
    expect((await c.getCredits()).success).toBe(true);
    script = ['drop-mid-body'];
    const error = await c.getTask(task.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toMatch(/Connection lost while reading the answer/);
    // An error answer cut short is the same.
    script = ['503', 'drop-mid-body'];
    expect(await c.getCredits().catch((e: unknown) => e)).toBeInstanceOf(APIConnectionError);
  });
});

describe('slow answers', () => {
  test('an answer later than timeoutMs: APITimeoutError; the same key afterwards returns the task made meanwhile', async () => {
    const { client: c } = client({ apiKey: 'sk-slow', timeoutMs: 400 });
    const hold = holdNextSlow();
    script = ['slow'];
    const error = await c
      .createVideo({ model: 'sora-2', prompt: 'slow' }, { idempotencyKey: 'slow-1' })
      .catch((e: unknown) => e);
    // The answer is held until now: the client gave up on its own deadline, however busy the machine.
    expect(error).toBeInstanceOf(APITimeoutError);
    // The request did reach the mock (on a busy machine perhaps after the timeout), which made the task.
    await hold.forwarded;
    hold.release();
    const made = await tasksOf('sk-slow');
    expect(made).toHaveLength(1);
    const again = await c.createVideo({ model: 'sora-2', prompt: 'slow' }, { idempotencyKey: 'slow-1' });
    expect(again.id).toBe(made[0]);
    expect(await tasksOf('sk-slow')).toEqual(made);
  });
});

describe('waitForTask stops at its deadline', () => {
  test('a task that never ends: TaskWaitTimeoutError once the (injected) clock passes timeoutMs, polls through faults', async () => {
    const { client: c, sleeps } = client({ apiKey: 'sk-wait' });
    const task = await c.createVideo(
      { model: 'sora-2', prompt: 'stuck' },
      { headers: { 'x-mock-scenario': 'stuck' } },
    );
    const started = mock.mock.clock.now();
    // A fault now and then on the way: each is retried within its poll.
    script = ['503', 'pass', 'pass', 'drop-before', 'pass', '429', 'pass'];
    const error = await c
      .waitForTask(task.id, { timeoutMs: 5 * 60_000, pollIntervalMs: 2000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskWaitTimeoutError);
    expect(error).toMatchObject({ taskId: task.id });
    const waited = mock.mock.clock.now() - started;
    expect(waited).toBeGreaterThanOrEqual(5 * 60_000);
    // It stopped at the deadline, not a poll interval later (the retry waits are inside it).
    expect(waited).toBeLessThanOrEqual(5 * 60_000 + 3000);
    // All of that time passed through the injected clock: poll intervals and retry waits, nothing else.
    expect(sleeps.reduce((a, b) => a + b, 0)).toBe(waited);
    expect(sleeps.length).toBeGreaterThan(5);
  });
});
