// No request outlives its call: over real HTTP (a node:http server in the test), a call that times
// out or is aborted by its caller rejects and the server sees the connection close, whether the
// answer had not started or had stopped halfway through its body. Fake timers drive the deadline,
// started only once the server holds the request, so a busy machine cannot reorder the two.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { APITimeoutError, type CompletedTask, createVideoTaskClient } from '../src/index.js';
import { completedTask, processingTask, TASK_ID } from './helpers.js';

/** What the server does with the next request: never answer, or send half the body and stall. */
type Stall = 'no-answer' | 'half-body';

const FIRST_HALF = 'first half of the video;';

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
    if (req.url?.startsWith('/files/')) {
      res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(FIRST_HALF.length * 2) });
      res.write(FIRST_HALF);
    } else if (mode === 'half-body') {
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

describe('downloadResult streams', () => {
  const task = () => ({ ...completedTask, results: [`${baseUrl}/files/${TASK_ID}.mp4`] }) as CompletedTask;

  test('it resolves with the first bytes, before the server has sent the rest; timeoutMs does not cut the body', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const arrived = nextRequest();
    const download = client(5_000).downloadResult(task());
    const { res } = await arrived;
    const response = await download;
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe(FIRST_HALF);
    expect(res.writableEnded).toBe(false);
    await vi.advanceTimersByTimeAsync(10_000); // past timeoutMs: the body is the caller's now
    res.end(FIRST_HALF);
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      rest += new TextDecoder().decode(chunk.value);
    expect(rest).toBe(FIRST_HALF);
  });

  test("the caller's signal aborts the body mid-stream and the server sees the connection close", async () => {
    const controller = new AbortController();
    const arrived = nextRequest();
    const download = client(5_000).downloadResult(task(), { signal: controller.signal });
    const { closed } = await arrived;
    const response = await download;
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    controller.abort(new Error('stop downloading'));
    await expect(reader.read()).rejects.toThrow('stop downloading');
    await within(closed, 5_000, 'the server never saw the connection close: the download runs on');
  });
});
