// downloadResult against a scripted fetch and, end to end, the mock server: the streaming Response of
// the result URL, retries, and ResultExpiredError for an expired or missing result.
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createMockServer } from '@videotask/mock-server';
import { clientClockOn } from '@videotask/testkit';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { downloadResult, noteCompleted } from '../src/download.js';
import {
  APIConnectionError,
  APITimeoutError,
  type CompletedTask,
  createVideoTaskClient,
  InternalServerError,
  parseCallback,
  ResultExpiredError,
} from '../src/index.js';
import { apiError, completedTask, failedTask, json, pendingTask, TASK_ID, testClient } from './helpers.js';

const VIDEO_URL = completedTask.results[0];
const video = (bytes = 'mp4-bytes') =>
  new Response(bytes, { status: 200, headers: { 'content-type': 'video/mp4' } });
const gone = (status: number) => new Response('<Error>AccessDenied</Error>', { status });

describe('downloadResult', () => {
  test('GETs the result URL without the API key and returns its Response to stream', async () => {
    const { client, seen } = testClient([json(completedTask), video()]);
    const task = await client.getTask(TASK_ID);
    const response = await client.downloadResult(task);
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(await response.text()).toBe('mp4-bytes');
    expect(seen[1]).toMatchObject({ method: 'GET', url: VIDEO_URL });
    expect(seen[1]?.headers.get('authorization')).toBeNull();
    expect(seen[1]?.headers.get('user-agent')).toMatch(/^videotask-client\//);
  });

  test('downloads the result at `index`', async () => {
    const second = 'https://files.example.com/videos/second.mp4';
    const { client, seen } = testClient([video()]);
    await client.downloadResult({ ...completedTask, results: [VIDEO_URL, second] } as CompletedTask, {
      index: 1,
    });
    expect(seen[0]?.url).toBe(second);
  });

  test('retries 502/503/504 answers and connection errors like every call', async () => {
    const { client, seen, sleeps } = testClient([gone(503), new TypeError('fetch failed'), video()], {
      maxRetries: 2,
    });
    const response = await client.downloadResult(completedTask as CompletedTask);
    expect(await response.text()).toBe('mp4-bytes');
    expect(seen).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  test('after the retries: the last error, classed like every call', async () => {
    const { client } = testClient([new TypeError('a'), new TypeError('b')], { maxRetries: 1 });
    await expect(client.downloadResult(completedTask as CompletedTask)).rejects.toBeInstanceOf(
      APIConnectionError,
    );
    const other = testClient([apiError(500, 'internal_error')]);
    await expect(other.client.downloadResult(completedTask as CompletedTask)).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(other.seen).toHaveLength(1);
  });

  test.each([403, 404, 410])(
    'an expired URL (%i) raises ResultExpiredError saying when the task completed',
    async (status) => {
      const { client, advance } = testClient([json(completedTask), gone(status)]);
      const task = await client.getTask(TASK_ID);
      const seenAt = Date.UTC(2023, 10, 14, 22, 13, 20); // the fake clock's start
      advance(25 * 3600_000);
      const error = (await client.downloadResult(task).catch((e: unknown) => e)) as ResultExpiredError;
      expect(error).toBeInstanceOf(ResultExpiredError);
      expect(error).toMatchObject({ taskId: TASK_ID, index: 0, url: VIDEO_URL, status });
      expect(error.completedAt?.getTime()).toBe(seenAt);
      expect(error.createdAt.getTime()).toBe(completedTask.created * 1000);
      expect(error.message).toContain(`(HTTP ${status})`);
      expect(error.message).toContain('expire 24 hours after the task completes');
      expect(error.message).toContain(`completed by ${new Date(seenAt).toISOString()} (25.0 h ago`);
    },
  );

  test('a task this client never saw completed: the error gives its creation time instead', async () => {
    const { client } = testClient([gone(404)]);
    const stored = JSON.parse(JSON.stringify(completedTask)) as CompletedTask; // e.g. read from a database
    const error = (await client.downloadResult(stored).catch((e: unknown) => e)) as ResultExpiredError;
    expect(error.completedAt).toBeUndefined();
    expect(error.message).toContain(`created at ${new Date(completedTask.created * 1000).toISOString()}`);
    expect(error.message).toContain('the API does not say when it completed');
  });

  test('a callback parsed here counts as seeing the task completed', async () => {
    const { client } = testClient([gone(410)]);
    const before = Date.now();
    const task = parseCallback(JSON.stringify(completedTask));
    const error = (await client
      .downloadResult(task as CompletedTask)
      .catch((e: unknown) => e)) as ResultExpiredError;
    expect(error.completedAt?.getTime()).toBeGreaterThanOrEqual(before);
  });

  test('a missing result raises ResultExpiredError without a request', async () => {
    const { client, seen } = testClient([]);
    await expect(client.downloadResult(completedTask as CompletedTask, { index: 1 })).rejects.toThrow(
      `Task ${TASK_ID} has no result 1 (it has 1)`,
    );
    await expect(client.downloadResult(failedTask as never)).rejects.toThrow(
      `Task ${TASK_ID} has no result: it is failed, not completed.`,
    );
    await expect(client.downloadResult(pendingTask as never)).rejects.toBeInstanceOf(ResultExpiredError);
    expect(seen).toHaveLength(0);
  });
});

describe('downloadResult on its own', () => {
  const clockAt = (now: number) => ({ now: () => now, sleep: async () => {}, random: () => 0.5 });
  const capture = (answer: () => Response | Promise<Response>) => {
    const calls: Array<{ request: Request; deadline: number }> = [];
    const send = async (request: Request, deadline: number) => {
      calls.push({ request, deadline });
      return answer();
    };
    return { send, calls };
  };
  const options = (timeoutMs: number, extra: { signal?: AbortSignal } = {}) => ({
    timeoutMs,
    clock: clockAt(1_000),
    headers: { 'user-agent': 'test' },
    ...extra,
  });
  const completed = () => JSON.parse(JSON.stringify(completedTask)) as CompletedTask;

  afterEach(() => {
    vi.useRealTimers();
  });

  test("timeoutMs 0 or Infinity: no deadline, and the request carries only the caller's signal", async () => {
    for (const timeoutMs of [0, Number.POSITIVE_INFINITY]) {
      const { send, calls } = capture(() => video());
      const caller = new AbortController();
      await downloadResult(send, completed(), options(timeoutMs, { signal: caller.signal }));
      expect(calls[0]?.deadline).toBe(Number.POSITIVE_INFINITY);
      expect(calls[0]?.request.signal.aborted).toBe(false);
      caller.abort(new Error('stop'));
      expect(calls[0]?.request.signal.aborted).toBe(true);
    }
  });

  test('a finite timeoutMs: the deadline is that far ahead, and the request aborts with APITimeoutError then', async () => {
    vi.useFakeTimers();
    const { send, calls } = capture(() => new Promise<Response>(() => {}));
    void downloadResult(send, completed(), options(5_000));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls[0]?.deadline).toBe(6_000);
    const signal = calls[0]?.request.signal as AbortSignal;
    await vi.advanceTimersByTimeAsync(4_999);
    expect(signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(signal.reason).toBeInstanceOf(APITimeoutError);
  });

  test('an expired URL answered without a body is ResultExpiredError too', async () => {
    const { send } = capture(() => new Response(null, { status: 404 }));
    await expect(downloadResult(send, completed(), options(0))).rejects.toBeInstanceOf(ResultExpiredError);
  });

  test('an error answer whose body cannot be read is still classed, with an empty body', async () => {
    const broken = new ReadableStream({
      pull: (controller) => controller.error(new TypeError('terminated')),
    });
    const { send } = capture(
      () => new Response(broken, { status: 500, statusText: 'Internal Server Error' }),
    );
    const error = await downloadResult(send, completed(), options(0)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, body: '', message: '500: Internal Server Error' });
  });

  test('only a completed task is noted as seen completed, and only the first time', async () => {
    const task = completed();
    noteCompleted(task, 5_000);
    noteCompleted(task, 9_000);
    const failed = JSON.parse(JSON.stringify(failedTask)) as typeof failedTask;
    noteCompleted(failed, 5_000);
    const { send } = capture(() => gone(410));
    const error = (await downloadResult(send, task, options(0)).catch(
      (e: unknown) => e,
    )) as ResultExpiredError;
    expect(error.completedAt?.getTime()).toBe(5_000);
    const none = (await downloadResult(send, failed as never, options(0)).catch(
      (e: unknown) => e,
    )) as ResultExpiredError;
    expect(none.completedAt).toBeUndefined();
  });
});

describe('downloadResult against the mock server', () => {
  const mock = createMockServer({ clock: 'manual', seed: 2, apiKeys: ['sk-download'] });
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'videotask-download-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('saves the video to a file through a stream pipeline; 24 h later the URL has expired', async () => {
    const client = createVideoTaskClient({
      apiKey: 'sk-download',
      baseUrl: 'http://127.0.0.1:4010',
      fetch: (input, init) => mock.fetch(input, init),
      clock: clientClockOn(mock.clock),
    });
    const done = await client.createVideoAndWait({ model: 'sora-2', prompt: 'A paper boat' });
    const response = await client.downloadResult(done);
    const file = join(dir, 'video.mp4');
    await pipeline(Readable.fromWeb(response.body as NodeReadableStream), createWriteStream(file));
    const bytes = readFileSync(file);
    expect(bytes.length).toBe(Number(response.headers.get('content-length')));
    expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');

    const seenAt = mock.clock.now();
    await mock.clock.advance(24 * 3600_000 + 1);
    const error = (await client.downloadResult(done).catch((e: unknown) => e)) as ResultExpiredError;
    expect(error).toBeInstanceOf(ResultExpiredError);
    expect(error).toMatchObject({ status: 404, taskId: done.id });
    expect(error.completedAt?.getTime()).toBe(seenAt);
    await mock.close();
  });
});
