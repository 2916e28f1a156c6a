// The create and read rules on MockCore itself: the model gate, callback_url, idempotency, credits, reads.
import { afterEach, describe, expect, test } from 'vitest';
import { RANDOM_FAILURE_CODES } from '../domain/scenarios.js';
import { closeCores, created, input, KEY, OTHER_KEY, START, testCore } from './test-core.js';

afterEach(closeCores);

/** The codes a random failure picks from (pinned in domain/scenarios.test.ts). */
const RANDOM_CODES: readonly string[] = RANDOM_FAILURE_CODES;

describe('create', () => {
  test('a new task is pending at the clock, reserves its price and is logged with its outcome', async () => {
    const lines: string[] = [];
    const core = testCore({ logger: (line) => lines.push(line) });
    const result = await core.create(input());
    expect(result).toMatchObject({ ok: true, value: { replayed: false } });
    if (!result.ok) return;
    const { task } = result.value;
    expect(task).toMatchObject({ status: 'pending', created: START / 1000, model: 'sora-2' });
    expect(task.id).toMatch(new RegExp(`^task-unified-${START / 1000}-[0-9a-z]{8}$`));
    expect((await core.credits(KEY)).data.token.remaining_credits).toBe(96.263);
    expect(lines).toEqual([`task ${task.id} created (completed)`]);
  });

  test('the answer is the task as created, pending, however far the clock moved while it was stored', async () => {
    const core = testCore();
    const insert = core.store.insertTask.bind(core.store);
    core.store.insertTask = async (...args) => {
      const outcome = await insert(...args);
      await core.scheduler.advanceTo(core.now() + 3_600_000);
      return outcome;
    };
    const task = await created(core);
    expect(task).toMatchObject({ status: 'pending', progress: 0 });
    expect(await core.task(KEY, task.id)).toMatchObject({ ok: true, value: { status: 'completed' } });
  });

  test('a failing task is logged with its failure code', async () => {
    const lines: string[] = [];
    const core = testCore({ logger: (line) => lines.push(line) });
    const task = await created(core, input({}, { scenario: 'fail:service_error' }));
    expect(lines).toEqual([`task ${task.id} created (failed service_error)`]);
  });

  test('at failure rate 1 every task fails with a code a real run meets; a scenario still wins', async () => {
    const core = testCore({ failureRate: 1 });
    const ids = [];
    for (let i = 0; i < 8; i++) ids.push((await created(core)).id);
    const success = await created(core, input({}, { scenario: 'success' }));
    await core.moveClock(10 * 60_000);
    for (const id of ids) {
      const read = await core.task(KEY, id);
      expect(read).toMatchObject({ ok: true, value: { status: 'failed' } });
      expect(RANDOM_CODES).toContain(read.ok ? read.value.error?.code : null);
    }
    expect(await core.task(KEY, success.id)).toMatchObject({ value: { status: 'completed' } });
  });

  test('at failure rate 0.5 some tasks fail and some complete; a failure draws among several codes', async () => {
    const core = testCore({ failureRate: 0.5 });
    const ids = [];
    for (let i = 0; i < 24; i++) ids.push((await created(core)).id);
    await core.moveClock(10 * 60_000);
    const reads = await Promise.all(ids.map((id) => core.task(KEY, id)));
    const statuses = reads.map((r) => (r.ok ? r.value.status : null));
    expect(statuses).toContain('failed');
    expect(statuses).toContain('completed');
    const codes = new Set(reads.map((r) => (r.ok ? r.value.error?.code : null)).filter(Boolean));
    expect(codes.size).toBeGreaterThan(1);
  });

  test('the slow scenario takes five times as long', async () => {
    const core = testCore();
    const view = await core.adminTask((await created(core, input({}, { scenario: 'slow' }))).id);
    if (!view.ok) throw new Error('no view');
    const { createdAt, processingAt } = view.value.timeline;
    expect(processingAt - createdAt).toBeGreaterThanOrEqual(10_000);
    expect(processingAt - createdAt).toBeLessThanOrEqual(17_500);
  });

  test('at failure rate 0 every task completes', async () => {
    const core = testCore({ failureRate: 0 });
    const tasks = [await created(core), await created(core), await created(core)];
    await core.moveClock(10 * 60_000);
    for (const task of tasks)
      expect(await core.task(KEY, task.id)).toMatchObject({ value: { status: 'completed' } });
  });

  test.each([
    [
      'not served',
      { models: ['sora-2-preview'] },
      'model_access_denied',
      /sora-2 is not served here; GET \/v1\/models/,
    ],
    ['retired', { retired: ['sora-2'] }, 'model_access_denied', /sora-2 is retired and no longer served/],
  ])('a model %s is refused with %s on model', async (_name, options, code, message) => {
    const core = testCore(options);
    const result = await core.create(input());
    expect(result).toMatchObject({ ok: false, code, param: 'model' });
    expect(result.ok ? '' : result.message).toMatch(message);
    expect(await core.store.listTasks(core.now())).toHaveLength(0);
  });

  test('an unavailable model is a 503 that says to retry after 30 s; available again, it is served', async () => {
    const core = testCore();
    await core.setModelState('sora-2', 'unavailable');
    expect(await core.create(input())).toMatchObject({
      ok: false,
      code: 'service_unavailable',
      param: 'model',
      retryAfter: 30,
    });
    await core.setModelState('sora-2', null);
    expect((await core.create(input())).ok).toBe(true);
  });

  test('a degraded model is served at half speed', async () => {
    const core = testCore();
    await core.setModelState('sora-2', 'degraded');
    const task = await created(core);
    const view = await core.adminTask(task.id);
    if (!view.ok) throw new Error('no view');
    const { createdAt, processingAt, endAt } = view.value.timeline;
    // Pending 2–3.5 s and processing 45–60 s for a 10 s sora-2 video, both doubled.
    expect(processingAt - createdAt).toBeGreaterThanOrEqual(4000);
    expect(processingAt - createdAt).toBeLessThanOrEqual(7000);
    expect((endAt ?? 0) - processingAt).toBeGreaterThanOrEqual(90_000);
    expect((endAt ?? 0) - processingAt).toBeLessThanOrEqual(120_000);
  });

  test('at speed 4 every timing is a quarter', async () => {
    const core = testCore({ speed: 4 });
    const view = await core.adminTask((await created(core)).id);
    if (!view.ok) throw new Error('no view');
    const { createdAt, processingAt, endAt } = view.value.timeline;
    expect(processingAt - createdAt).toBeGreaterThanOrEqual(500);
    expect(processingAt - createdAt).toBeLessThanOrEqual(875);
    expect((endAt ?? 0) - processingAt).toBeGreaterThanOrEqual(11_250);
    expect((endAt ?? 0) - processingAt).toBeLessThanOrEqual(15_000);
  });

  test('a callback_url the rules refuse is invalid_request on callback_url, and no task is made', async () => {
    const core = testCore();
    const result = await core.create(input({ callback_url: 'https://127.0.0.1/hook' }));
    expect(result).toMatchObject({ ok: false, code: 'invalid_request', param: 'callback_url' });
    expect(result.ok ? '' : result.message).toMatch(/^callback_url /);
    expect(await core.store.listTasks(core.now())).toHaveLength(0);
  });

  test('a task with a callback_url has its callback scheduled for when it ends, once', async () => {
    const sent: string[] = [];
    const core = testCore({
      allowLocalCallbacks: true,
      fetch: async (url) => {
        sent.push(String(url));
        return new Response(null, { status: 204 });
      },
    });
    const task = await created(
      core,
      input({ callback_url: 'http://127.0.0.1:9/hook' }, { allowLocal: true }),
    );
    expect(core.scheduler.pending).toBe(1);
    await core.moveClock(10 * 60_000);
    await core.waitIdle(5000);
    expect(sent).toEqual(['http://127.0.0.1:9/hook']);
    const [attempt] = await core.listDeliveries({ taskId: task.id });
    expect(attempt?.taskId).toBe(task.id);
  });

  test('a stuck task with a callback_url schedules no callback (it never ends)', async () => {
    const core = testCore({ allowLocalCallbacks: true });
    await created(
      core,
      input({ callback_url: 'http://127.0.0.1:9/hook' }, { scenario: 'stuck', allowLocal: true }),
    );
    expect(core.scheduler.pending).toBe(0);
  });

  test('a task without a callback_url schedules nothing', async () => {
    const core = testCore();
    await created(core);
    expect(core.scheduler.pending).toBe(0);
  });

  test('the same Idempotency-Key and body replays the task; another body is a conflict', async () => {
    const core = testCore();
    const first = await created(core, input({}, { idempotencyKey: 'key-1' }));
    const again = await core.create(input({}, { idempotencyKey: 'key-1' }));
    expect(again).toEqual({ ok: true, value: { task: first, replayed: true } });
    const other = await core.create(input({ prompt: 'A dog' }, { idempotencyKey: 'key-1' }));
    expect(other).toMatchObject({ ok: false, code: 'idempotency_conflict' });
    expect(other.ok ? '' : other.message).toBe(
      'This Idempotency-Key was used with a different request body.',
    );
    expect((await core.credits(KEY)).data.token.remaining_credits).toBe(96.263);
  });

  test('too few credits: insufficient_quota naming the price and what remains', async () => {
    const core = testCore();
    await core.setCredits(KEY, 1.5);
    const result = await core.create(input());
    expect(result).toEqual({
      ok: false,
      code: 'insufficient_quota',
      message: 'This task needs 3.737 credits; 1.5 remain.',
    });
  });

  test('exactly the price in credits is enough, and leaves 0', async () => {
    const core = testCore();
    await core.setCredits(KEY, 3.737);
    expect((await core.create(input())).ok).toBe(true);
    expect((await core.credits(KEY)).data.token.remaining_credits).toBe(0);
    expect(await core.create(input())).toMatchObject({
      message: 'This task needs 3.737 credits; 0 remain.',
    });
  });
});

describe('read', () => {
  test("the key's own task reads; another key's task and an unknown id are task_not_found on task_id", async () => {
    const core = testCore();
    const task = await created(core);
    expect(await core.task(KEY, task.id)).toEqual({ ok: true, value: task });
    for (const [key, id] of [
      [OTHER_KEY, task.id],
      [KEY, 'task-unified-1-nothing'],
    ] as const) {
      expect(await core.task(key, id)).toEqual({
        ok: false,
        code: 'task_not_found',
        message: `No task ${id} for this API key.`,
        param: 'task_id',
      });
    }
  });

  test('completedTask: only a completed task that has not expired', async () => {
    const core = testCore();
    const done = await created(core);
    const failed = await created(core, input({}, { scenario: 'fail:service_error' }));
    expect(await core.completedTask(done.id)).toBeUndefined();
    expect(await core.completedTask('task-unified-1-nothing')).toBeUndefined();
    await core.moveClock(10 * 60_000);
    expect((await core.completedTask(done.id))?.id).toBe(done.id);
    expect(await core.completedTask(failed.id)).toBeUndefined();
    await core.moveClock(24 * 3600_000);
    expect(await core.completedTask(done.id)).toBeUndefined();
  });
});
