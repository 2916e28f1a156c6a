// No request outlives its call: over real HTTP (a node:http server in the test), a call that times
// out or is aborted by its caller rejects and the server sees the connection close, whether the
// answer had not started or had stopped halfway through its body. Fake timers drive the deadline,
// started only once the server holds the request, so a busy machine cannot reorder the two.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { APITimeoutError, createVideoTaskClient } from '../src/index.js';
import { processingTask, TASK_ID } from './helpers.js';

/** What the server does with the next request: never answer, or send half the body and stall. */
type Stall = 'no-answer' | 'half-body';

interface Held {
  req: IncomingMessage;
  res: ServerResponse;
  /** Resolves when the connection under this request closes. */
  closed: Promise<void>;
}

let server: Server;
let baseUrl = '';
let mode: Stall = 'no-answer';
const arrivals: Array<(held: Held) => void> = [];
const held: Held[] = [];

/** Resolves with the next request the server receives. */
function nextRequest(): Promise<Held> {
  return new Promise((resolve) => arrivals.push(resolve));
}

/** Fails the test with `message` unless `promise` settles within `ms` of real time. */
async function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const closed = new Promise<void>((resolve) => req.socket.once('close', () => resolve()));
    const entry = { req, res, closed };
    held.push(entry);
    if (mode === 'half-body') {
      const body = JSON.stringify(processingTask);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
      res.write(body.slice(0, 20));
    }
    arrivals.shift()?.(entry);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
  vi.useRealTimers();
  for (const { req } of held.splice(0)) req.socket.destroy();
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function client(timeoutMs: number) {
  return createVideoTaskClient({ apiKey: 'sk-abort', baseUrl, timeoutMs, maxRetries: 0 });
}

describe('timeoutMs closes the connection', () => {
  test.each<Stall>(['no-answer', 'half-body'])(
    'a call past timeoutMs rejects with APITimeoutError and the server sees the connection close (%s)',
    async (stall) => {
      mode = stall;
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
      const arrived = nextRequest();
      const call = client(5_000)
        .getTask(TASK_ID)
        .catch((e: unknown) => e);
      const { closed, res } = await arrived;
      await vi.advanceTimersByTimeAsync(5_000);
      vi.useRealTimers();
      expect(await within(call, 5_000, 'the call did not reject')).toBeInstanceOf(APITimeoutError);
      await within(closed, 5_000, 'the server never saw the connection close: the request runs on');
      expect(res.writableFinished).toBe(false);
    },
  );
});

describe("the caller's signal closes the connection", () => {
  test.each<Stall>(['no-answer', 'half-body'])(
    'an aborted call rejects with the reason and the server sees the connection close (%s)',
    async (stall) => {
      mode = stall;
      const controller = new AbortController();
      const arrived = nextRequest();
      const call = client(60_000)
        .getTask(TASK_ID, { signal: controller.signal })
        .catch((e: unknown) => e);
      const { closed } = await arrived;
      controller.abort(new Error('user went away'));
      expect(await within(call, 5_000, 'the call did not reject')).toMatchObject({
        message: 'user went away',
      });
      await within(closed, 5_000, 'the server never saw the connection close: the request runs on');
    },
  );
});
