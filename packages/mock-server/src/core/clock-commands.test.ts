// The clock as commands on MockCore: reading it, advance, set, scale, pause/resume, reset and their refusals.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { MAX_CLOCK_FACTOR } from '../domain/clock-state.js';
import { closeCores, created, HOOK, input, KEY, START, testCore } from './test-core.js';

afterEach(async () => {
  await closeCores();
  vi.useRealTimers();
});

const conflict = (message: string | RegExp) => ({
  ok: false,
  code: 'conflict',
  message: expect.stringMatching(message),
});

describe('the clock', () => {
  test('clockView: mode, time, ISO text and pending timers', async () => {
    const core = testCore({ allowLocalCallbacks: true });
    expect(core.clockView()).toEqual({
      mode: 'manual',
      now: START,
      iso: '2025-01-01T12:00:00.000Z',
      factor: 1,
      paused: false,
      timers: 0,
    });
  });

  test('advanceClock moves a manual clock and answers the new time', async () => {
    const core = testCore();
    const task = await created(core);
    expect(await core.advanceClock(90_000)).toEqual({
      ok: true,
      value: { mode: 'manual', now: START + 90_000, iso: '2025-01-01T12:01:30.000Z' },
    });
    expect(core.now()).toBe(START + 90_000);
    expect(await core.task('sk-core-1', task.id)).toMatchObject({ value: { status: 'completed' } });
    expect((await core.advanceClock(0)).ok).toBe(true);
  });

  test.each([-1, 1.5, Number.NaN])('%d ms is refused on ms', async (ms) => {
    const core = testCore();
    expect(await core.advanceClock(ms)).toEqual({
      ok: false,
      code: 'invalid_request',
      message: 'ms must be an integer >= 0',
      param: 'ms',
    });
    expect(core.now()).toBe(START);
  });

  test('a real clock cannot be moved: 409 conflict', async () => {
    const core = testCore({ clock: 'real' });
    expect(await core.advanceClock(1000)).toEqual({
      ok: false,
      code: 'conflict',
      message: 'The clock is real; start the server with clock "manual" (--clock manual) to move it.',
    });
    expect(core.clockView().mode).toBe('real');
  });
});

describe('set', () => {
  test('a manual clock set forward (ISO) fires what falls due on the way, as advance does', async () => {
    const core = testCore();
    const task = await created(core);
    const result = await core.setClock('2025-01-01T12:05:00.000Z');
    expect(result).toMatchObject({ ok: true, value: { mode: 'manual', now: START + 300_000, factor: 1 } });
    expect(await core.task(KEY, task.id)).toMatchObject({ value: { status: 'completed' } });
  });

  test('a manual clock goes back down to the newest task, not before it (409 names the task)', async () => {
    const core = testCore();
    await core.advanceClock(60_000);
    const task = await created(core);
    await core.advanceClock(60_000);
    expect(await core.setClock(START + 60_000)).toMatchObject({ ok: true, value: { now: START + 60_000 } });
    const refused = await core.setClock(START);
    expect(refused).toEqual({
      ...conflict(`task ${task.id} was created at 2025-01-01T12:01:00.000Z`),
      param: 'at',
    });
    expect(core.now()).toBe(START + 60_000);
  });

  test('set forward is a move (the epoch kept, so replicas take it as one); set back is a change', async () => {
    const core = testCore();
    await core.setClock(START);
    await core.setClock(START + 1000);
    expect(core.scheduler.state.epoch).toBe(0);
    await core.setClock(START);
    expect(core.scheduler.state.epoch).toBe(1);
  });

  test('the newest task by creation time bounds it, wherever the store lists it', async () => {
    const core = testCore();
    await core.advanceClock(3_600_000);
    const seeded = { count: 1, statuses: ['completed' as const], apiKey: KEY };
    expect((await core.seed(seeded)).ok).toBe(true);
    const task = await created(core);
    expect((await core.seed(seeded)).ok).toBe(true);
    const refused = await core.setClock(START);
    expect(refused).toMatchObject(conflict(`task ${task.id} was created at 2025-01-01T13:00:00.000Z`));
    expect(refused).toMatchObject({
      message: expect.stringContaining('Reset the mock (POST /__mock/reset) to drop the tasks first.'),
    });
  });

  test('without tasks a manual clock goes back anywhere, to 0 even; a Date is taken too', async () => {
    const core = testCore();
    expect(await core.setClock(0)).toMatchObject({ ok: true, value: { now: 0 } });
    expect(await core.setClock(new Date(START - 3_600_000))).toMatchObject({
      ok: true,
      value: { now: START - 3_600_000 },
    });
  });

  test.each([-5, 1.5, Number.NaN, 'noon', ''])('%s is refused on at', async (at) => {
    const core = testCore();
    expect(await core.setClock(at)).toEqual({
      ok: false,
      code: 'invalid_request',
      message: 'at must be ms since epoch (an integer >= 0) or an ISO 8601 date',
      param: 'at',
    });
  });

  test('a real clock re-anchors at `at` and runs on from there; what falls due fires at once', async () => {
    vi.useFakeTimers({ now: START });
    const core = testCore({ clock: 'real' });
    const task = await created(core);
    expect(await core.setClock(START + 600_000)).toMatchObject({
      ok: true,
      value: { mode: 'real', now: START + 600_000 },
    });
    await vi.advanceTimersByTimeAsync(1000);
    expect(core.now()).toBe(START + 601_000);
    expect(await core.task(KEY, task.id)).toMatchObject({ value: { status: 'completed' } });
    expect(await core.setClock(START - 1)).toMatchObject(conflict(`task ${task.id}`));
  });

  test('a real clock set keeps its factor and its pause', async () => {
    vi.useFakeTimers({ now: START });
    const core = testCore({ clock: 'real' });
    await core.scaleClock(10);
    await core.pauseClock(true);
    expect(await core.setClock(START + 60_000)).toMatchObject({
      ok: true,
      value: { now: START + 60_000, factor: 10, paused: true },
    });
  });
});

describe('scale, pause and resume (a real clock)', () => {
  test('a scaled clock runs factor times wall speed, and the lifecycle follows it', async () => {
    vi.useFakeTimers({ now: START });
    const core = testCore({ clock: 'real' });
    const task = await created(core);
    expect(await core.scaleClock(100)).toMatchObject({ ok: true, value: { factor: 100, paused: false } });
    await vi.advanceTimersByTimeAsync(3000);
    expect(core.now()).toBe(START + 300_000);
    expect(await core.task(KEY, task.id)).toMatchObject({ value: { status: 'completed' } });
    expect(await core.scaleClock(MAX_CLOCK_FACTOR)).toMatchObject({
      ok: true,
      value: { factor: MAX_CLOCK_FACTOR },
    });
    expect(await core.scaleClock(0.5)).toMatchObject({
      ok: true,
      value: { factor: 0.5, now: START + 300_000 },
    });
    await vi.advanceTimersByTimeAsync(1000);
    expect(core.now()).toBe(START + 300_500);
  });

  test('callback retries follow a scaled clock: 1, 2 and 4 s of its time apart', async () => {
    vi.useFakeTimers({ now: START });
    const sentAt: number[] = [];
    const core = testCore({
      clock: 'real',
      allowLocalCallbacks: true,
      // Unsigned: signing is Web Crypto work the fake timers do not wait for.
      unsignedCallbacks: true,
      fetch: async () => {
        sentAt.push(core.now());
        return new Response(null, { status: 500 });
      },
    });
    await core.scaleClock(100);
    await created(core, input({ callback_url: HOOK }, { allowLocal: true }));
    // 600 s of the clock's time in 6 s of wall time: the task ends, its callback and three retries run.
    await vi.advanceTimersByTimeAsync(6000);
    expect(sentAt).toHaveLength(4);
    const gaps = sentAt.slice(1).map((at, i) => at - (sentAt[i] as number));
    // Whole wall ms are 100 ms of this clock: each gap is its delay, to within one of them.
    [1000, 2000, 4000].forEach((delay, i) => {
      expect(gaps[i]).toBeGreaterThanOrEqual(delay);
      expect(gaps[i]).toBeLessThan(delay + 100);
    });
  });

  test.each([0, -1, MAX_CLOCK_FACTOR + 1, Number.NaN, Number.POSITIVE_INFINITY])(
    'factor %d is refused',
    async (factor) => {
      const core = testCore({ clock: 'real' });
      expect(await core.scaleClock(factor)).toEqual({
        ok: false,
        code: 'invalid_request',
        message: `factor must be a number > 0 and <= ${MAX_CLOCK_FACTOR}`,
        param: 'factor',
      });
      expect(core.clockView().factor).toBe(1);
    },
  );

  test('a paused clock stands still until resumed; pausing twice or resuming a running clock answers the same', async () => {
    vi.useFakeTimers({ now: START });
    const core = testCore({ clock: 'real' });
    const task = await created(core);
    await vi.advanceTimersByTimeAsync(1000);
    const paused = await core.pauseClock(true);
    expect(paused).toMatchObject({ ok: true, value: { paused: true, now: START + 1000 } });
    expect(await core.pauseClock(true)).toEqual(paused);
    const before = await core.task(KEY, task.id);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(core.now()).toBe(START + 1000);
    expect(await core.task(KEY, task.id)).toEqual(before);
    expect(before).not.toMatchObject({ value: { status: 'completed' } });
    expect(await core.pauseClock(false)).toMatchObject({
      ok: true,
      value: { paused: false, now: START + 1000 },
    });
    expect(await core.pauseClock(false)).toMatchObject({ ok: true, value: { paused: false } });
    await vi.advanceTimersByTimeAsync(500);
    expect(core.now()).toBe(START + 1500);
  });

  test('a manual clock refuses scale, pause and resume: 409', async () => {
    const core = testCore();
    const refusal = conflict('A manual clock moves only when told');
    expect(await core.scaleClock(2)).toEqual(refusal);
    expect(await core.pauseClock(true)).toEqual(refusal);
    expect(await core.pauseClock(false)).toEqual(refusal);
    expect(core.clockView()).toMatchObject({ factor: 1, paused: false });
  });
});

describe('reset', () => {
  test('a real clock goes back to wall time, factor 1, running', async () => {
    vi.useFakeTimers({ now: START });
    const core = testCore({ clock: 'real' });
    await core.setClock(START + 3_600_000);
    await core.scaleClock(10);
    await core.pauseClock(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await core.resetClock()).toMatchObject({
      ok: true,
      value: { now: START + 1000, factor: 1, paused: false },
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(core.now()).toBe(START + 1010);
  });

  test('a manual clock goes back to its start time, unless a task was created since (409)', async () => {
    const core = testCore();
    await core.advanceClock(5000);
    expect(await core.resetClock()).toMatchObject({ ok: true, value: { now: START } });
    await core.advanceClock(5000);
    const task = await created(core);
    expect(await core.resetClock()).toEqual(
      conflict(`task ${task.id} was created at 2025-01-01T12:00:05.000Z`),
    );
    expect(core.now()).toBe(START + 5000);
  });

  test('the full reset drops the tasks and puts the clock back at its start too', async () => {
    const core = testCore();
    await core.advanceClock(5000);
    await created(core);
    await core.reset();
    expect(core.now()).toBe(START);
  });
});
