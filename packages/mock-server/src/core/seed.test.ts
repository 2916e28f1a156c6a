// Seeded demo tasks: realistic, spread over statuses and times, and then ordinary tasks in every way.
import { createSpecValidator } from '@videotask/spec/validator';
import { afterEach, describe, expect, test } from 'vitest';
import { TASK_STATUSES } from '../domain/lifecycle.js';
import { createMockServer, type MockServer } from '../index.js';

const videoTask = createSpecValidator().schema('VideoTask');
const START = Date.UTC(2026, 2, 1, 9);
const mocks: MockServer[] = [];

function mock(options: Parameters<typeof createMockServer>[0] = {}) {
  const server = createMockServer({ clock: 'manual', startTime: START, seed: 'seed-test', ...options });
  mocks.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
});

const read = (m: MockServer, id: string, key = 'sk-mock') =>
  m.fetch(`/v1/tasks/${id}`, { headers: { authorization: `Bearer ${key}` } });

describe('mock.seed', () => {
  test('40 tasks: every status, back-dated, readable through the API as valid tasks, oldest first', async () => {
    const m = mock();
    const seeded = await m.seed({ count: 40 });
    expect(seeded).toHaveLength(40);
    // The statuses in turn: ten of each.
    for (const status of TASK_STATUSES)
      expect(seeded.filter((t) => t.task.status === status)).toHaveLength(10);
    const created = seeded.map((t) => t.timeline.createdAt);
    expect(created).toEqual([...created].sort((a, b) => a - b));
    expect(Math.min(...created)).toBeLessThan(START - 3600_000);
    for (const { task } of seeded) {
      const response = await read(m, task.id);
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(videoTask(body), JSON.stringify(videoTask.issues)).toBe(true);
      expect(body).toEqual(task);
    }
    expect(await m.tasks.list()).toHaveLength(40);
  });

  test('seeded tasks cost no credits, now or when they end; the same mock seed seeds the same tasks', async () => {
    const a = mock();
    const first = await a.seed({ count: 10 });
    const b = mock();
    expect((await b.seed({ count: 10 })).map((t) => t.task)).toEqual(first.map((t) => t.task));
    // A second call seeds different tasks.
    const again = await b.seed({ count: 10 });
    expect(again.map((t) => t.task.id)).not.toEqual(first.map((t) => t.task.id));
    await a.clock.advance(10 * 60_000);
    expect((await a.credits.get('sk-mock')).data.token).toMatchObject({
      remaining_credits: 100,
      used_credits: 0,
    });
  });

  test('seeded tasks live on: running ones end, can be cancelled, call back; ended ones expire', async () => {
    const calls: string[] = [];
    const m = mock({
      allowLocalCallbacks: true,
      fetch: async (input) => {
        calls.push(String(input));
        return new Response(null, { status: 204 });
      },
    });
    const seeded = await m.seed({
      count: 6,
      statuses: ['pending', 'processing', 'completed'],
      callbackUrl: 'http://127.0.0.1:9/hook',
    });
    const running = seeded.filter((t) => t.task.status === 'pending' || t.task.status === 'processing');
    expect(running.length).toBeGreaterThanOrEqual(2);
    const [cancelled, ...others] = running;
    expect(await m.tasks.cancel(cancelled?.task.id ?? '')).toBe(true);
    await m.clock.advance(10 * 60_000);
    await m.deliveries.idle();
    for (const { task } of others)
      expect(['completed', 'failed']).toContain((await (await read(m, task.id)).json()).status);
    expect((await (await read(m, cancelled?.task.id ?? '')).json()).error.code).toBe('request_cancelled');
    // Every running task called back (the cancelled one too); ended seeded tasks have no callback_url.
    expect(calls).toHaveLength(running.length);
    await m.clock.advance(25 * 3600_000);
    for (const { task } of seeded) expect((await read(m, task.id)).status).toBe(404);
  });

  test('the first accepted API key owns seeded tasks unless one is named', async () => {
    const m = mock({ apiKeys: ['k1', 'k2'] });
    const [first] = await m.seed({ count: 1 });
    expect(first?.apiKey).toBe('k1');
    const [second] = await m.seed({ count: 1, apiKey: 'k2' });
    expect((await read(m, second?.task.id ?? '', 'k2')).status).toBe(200);
    expect((await read(m, second?.task.id ?? '', 'k1')).status).toBe(404);
    await expect(m.seed({ count: 1, apiKey: 'k3' })).rejects.toThrow(/one of the API keys the mock accepts/);
  });
});

describe('POST /__mock/seed', () => {
  const post = (m: MockServer, body: unknown) =>
    m.fetch('/__mock/seed', { method: 'POST', body: JSON.stringify(body) });

  test('seeds the statuses asked for and answers 201 with the tasks', async () => {
    const m = mock();
    const response = await post(m, { count: 5, statuses: ['failed'], apiKey: 'team' });
    expect(response.status).toBe(201);
    const { data } = await response.json();
    expect(data).toHaveLength(5);
    for (const t of data) expect(t).toMatchObject({ apiKey: 'team', task: { status: 'failed' } });
    const list = await (await m.fetch('/__mock/tasks?api_key=team')).json();
    expect(list.total).toBe(5);
  });

  test('at a speed where no finished task could still be kept, 409 and nothing seeded', async () => {
    const m = mock({ speed: 0.0001 });
    const response = await post(m, { count: 2, statuses: ['completed'] });
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toMatch(/At speed 0.0001 no task can be completed/);
    expect(await m.tasks.list()).toHaveLength(0);
  });

  test.each([
    [{}, 'count'],
    [{ count: 0 }, 'count'],
    [{ count: 1001 }, 'count'],
    [{ count: 2.5 }, 'count'],
    [{ count: 1, statuses: [] }, 'statuses'],
    [{ count: 1, statuses: ['done'] }, 'statuses'],
    [{ count: 1, statuses: 'failed' }, 'statuses'],
    [{ count: 1, apiKey: '' }, 'apiKey'],
  ])('%j is refused with 400 naming %s, and seeds nothing', async (body, param) => {
    const m = mock();
    const response = await post(m, body);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: 'invalid_request', param });
    expect(await m.tasks.list()).toHaveLength(0);
  });
});
