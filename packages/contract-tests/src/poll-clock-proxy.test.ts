// The poll-clock proxy: a task's poll is answered as the mock sees it, then the clock moves; other
// requests pass through without moving it; `mutate` rewrites JSON answers.
import { createMockServer } from '@videotask/mock-server';
import { afterEach, expect, test } from 'vitest';
import { type PollClockProxy, startPollClockProxy } from './poll-clock-proxy.js';

const HOUR = 3_600_000;
let proxy: PollClockProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

async function start(mutate?: (method: string, path: string, body: unknown) => unknown) {
  const mock = createMockServer({ clock: 'manual', apiKeys: ['k'] });
  proxy = await startPollClockProxy({
    upstream: 'http://mock.local',
    fetch: mock.fetch as typeof fetch,
    advance: (ms) => mock.clock.advance(ms),
    stepMs: HOUR,
    ...(mutate ? { mutate } : {}),
  });
  return { mock, url: proxy.url };
}

const auth = { authorization: 'Bearer k', 'content-type': 'application/json' };
const body = JSON.stringify({ model: 'seedance-1.5-pro', prompt: 'A kite', duration: 4 });

test('a poll answers the task as it was, then moves the clock a step; the next poll sees it ended', async () => {
  const { mock, url } = await start();
  const created = await fetch(`${url}/v1/videos/generations`, { method: 'POST', headers: auth, body });
  expect(created.status).toBe(200);
  const { id } = (await created.json()) as { id: string };
  const before = mock.clock.now();

  const first = (await (await fetch(`${url}/v1/tasks/${id}`, { headers: auth })).json()) as {
    status: string;
  };
  expect(first.status).toBe('pending');
  expect(mock.clock.now() - before).toBe(HOUR);
  const second = (await (await fetch(`${url}/v1/tasks/${id}`, { headers: auth })).json()) as {
    status: string;
  };
  expect(second.status).toBe('completed');
  expect(proxy?.polls).toBe(2);
});

test('the list, the batch, a create and an unknown task move no clock', async () => {
  const { mock, url } = await start();
  const before = mock.clock.now();
  await fetch(`${url}/v1/videos/generations`, { method: 'POST', headers: auth, body });
  await fetch(`${url}/v1/tasks`, { headers: auth });
  await fetch(`${url}/v1/tasks/batch`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ task_ids: [] }),
  });
  const unknown = await fetch(`${url}/v1/tasks/task-unified-1700000000-00000000`, { headers: auth });
  expect(unknown.status).toBe(404);
  expect(mock.clock.now()).toBe(before);
  expect(proxy?.polls).toBe(0);
});

test('mutate rewrites a JSON answer; status and headers pass through', async () => {
  const { url } = await start((method, path, answer) =>
    method === 'POST' && path === '/v1/videos/generations'
      ? { ...(answer as object), model: 'other' }
      : answer,
  );
  const created = await fetch(`${url}/v1/videos/generations`, {
    method: 'POST',
    headers: { ...auth, 'idempotency-key': 'proxy-test-key-0001' },
    body,
  });
  expect(created.status).toBe(200);
  expect(created.headers.get('content-type')).toMatch(/^application\/json/);
  expect(((await created.json()) as { model: string }).model).toBe('other');
  const replay = await fetch(`${url}/v1/videos/generations`, {
    method: 'POST',
    headers: { ...auth, 'idempotency-key': 'proxy-test-key-0001' },
    body,
  });
  expect(replay.headers.get('idempotency-replayed')).toBe('true');
});
