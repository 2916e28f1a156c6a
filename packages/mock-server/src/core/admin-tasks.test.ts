// The admin rules over tasks on MockCore: one task's view, the task query, and cancel (refund, callback, 409).
import { afterEach, describe, expect, test } from 'vitest';
import { closeCores, created, HOOK, input, KEY, receiver, START, testCore } from './test-core.js';

afterEach(closeCores);

describe('adminTask and the view', () => {
  test('what the mock knows of a task, and its callback attempts counted', async () => {
    const { fetch } = receiver();
    const core = testCore({ allowLocalCallbacks: true, fetch });
    const task = await created(core, input({ callback_url: HOOK }, { scenario: 'slow', allowLocal: true }));
    const view = await core.adminTask(task.id);
    expect(view).toMatchObject({
      ok: true,
      value: {
        task,
        apiKey: KEY,
        scenario: 'slow',
        callbackUrl: HOOK,
        aspectRatio: '16:9',
        duration: 10,
        removeWatermark: true,
        imageToVideo: false,
        priceCredits: 3.737,
        settled: false,
        cancelled: false,
        deliveryAttempts: 0,
      },
    });
    if (!view.ok) return;
    const { createdAt, endAt, expiresAt } = view.value.timeline;
    expect(createdAt).toBe(START);
    expect(expiresAt).toBe((endAt ?? 0) + 24 * 3600_000);
    await core.moveClock(30 * 60_000);
    await core.waitIdle(5000);
    expect(await core.adminTask(task.id)).toMatchObject({
      value: { deliveryAttempts: 1, settled: true, task: { status: 'completed' } },
    });
  });

  test('a stuck task has no end and no expiry', async () => {
    const core = testCore();
    const task = await created(
      core,
      input({ image_urls: ['https://a.example/x.jpg'] }, { scenario: 'stuck' }),
    );
    expect(await core.adminTask(task.id)).toMatchObject({
      value: { imageToVideo: true, timeline: { endAt: null, expiresAt: null } },
    });
  });

  test('an unknown id is task_not_found on id', async () => {
    expect(await testCore().adminTask('nope')).toEqual({
      ok: false,
      code: 'task_not_found',
      message: 'No task nope.',
      param: 'id',
    });
  });

  test('listTasks answers the query over the live tasks at the clock', async () => {
    const core = testCore();
    const first = await created(core);
    await core.moveClock(1000);
    const second = await created(core, input({}, { apiKey: 'sk-other' }));
    const page = await core.listTasks({ apiKey: KEY });
    expect(page).toMatchObject({ total: 1, now: START + 1000, counts: { all: 2, pending: 2 } });
    expect(page.items.map((i) => i.task.id)).toEqual([first.id]);
    expect((await core.listTasks({})).items.map((i) => i.task.id)).toEqual([second.id, first.id]);
  });
});

describe('cancel', () => {
  test('a running task ends failed / request_cancelled, is refunded, and calls back once', async () => {
    const { sent, fetch } = receiver();
    const core = testCore({ allowLocalCallbacks: true, fetch });
    const task = await created(core, input({ callback_url: HOOK }, { allowLocal: true }));
    const cancelled = await core.cancel(task.id);
    expect(cancelled).toMatchObject({ ok: true, value: { cancelled: true, task: { status: 'failed' } } });
    await core.waitIdle(5000);
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]?.body ?? '{}')).toMatchObject({
      id: task.id,
      error: { code: 'request_cancelled' },
    });
    expect((await core.credits(KEY)).data.token.remaining_credits).toBe(100);
    // Its own callback, scheduled for the planned end, is not sent again.
    await core.moveClock(30 * 60_000);
    await core.waitIdle(5000);
    expect(sent).toHaveLength(1);
  });

  test('a failing callback of a cancel is logged, not thrown', async () => {
    const lines: string[] = [];
    const fetch = async () => {
      throw new Error('down');
    };
    const core = testCore({ allowLocalCallbacks: true, fetch, logger: (l) => lines.push(l) });
    const task = await created(core, input({ callback_url: HOOK }, { allowLocal: true }));
    expect((await core.cancel(task.id)).ok).toBe(true);
    await core.waitIdle(5000);
    expect((await core.listDeliveries({ taskId: task.id }))[0]?.taskId).toBe(task.id);
  });

  test('without a callback_url nothing is sent', async () => {
    const { sent, fetch } = receiver();
    const core = testCore({ fetch });
    const task = await created(core);
    expect((await core.cancel(task.id)).ok).toBe(true);
    await core.waitIdle(5000);
    expect(sent).toEqual([]);
  });

  test('an ended task is 409 conflict; an unknown one task_not_found', async () => {
    const core = testCore();
    const task = await created(core);
    await core.moveClock(10 * 60_000);
    expect(await core.cancel(task.id)).toEqual({
      ok: false,
      code: 'conflict',
      message: `Task ${task.id} has already ended.`,
      param: 'id',
    });
    expect(await core.cancel('nope')).toEqual({
      ok: false,
      code: 'task_not_found',
      message: 'No task nope.',
      param: 'id',
    });
  });
});
