// The clock as commands on MockCore: reading it, and moving a manual clock (409 on a real one).
import { afterEach, describe, expect, test } from 'vitest';
import { closeCores, created, START, testCore } from './test-core.js';

afterEach(closeCores);

describe('the clock', () => {
  test('clockView: mode, time, ISO text and pending timers', async () => {
    const core = testCore({ allowLocalCallbacks: true });
    expect(core.clockView()).toEqual({
      mode: 'manual',
      now: START,
      iso: '2025-01-01T12:00:00.000Z',
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
