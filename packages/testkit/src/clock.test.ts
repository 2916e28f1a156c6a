import { describe, expect, test } from 'vitest';
import { advanceTo, advanceUntil, clientClockOn, type ManualClock, START } from './clock.js';

function fakeClock(): ManualClock & { steps: number[] } {
  let now = START;
  const steps: number[] = [];
  return {
    steps,
    now: () => now,
    advance: async (ms) => {
      steps.push(ms);
      now += ms;
    },
  };
}

describe('clock helpers', () => {
  test('a client clock moves the mock clock by each sleep and records it', async () => {
    const clock = fakeClock();
    const client = clientClockOn(clock);
    await client.sleep(1500.4);
    await client.sleep(250);
    expect(client.sleeps).toEqual([1500.4, 250]);
    expect(clock.steps).toEqual([1500, 250]);
    expect(client.now()).toBe(START + 1750);
  });

  test('a client clock sleep rejects at once when its signal has aborted, without moving time', async () => {
    const clock = fakeClock();
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(clientClockOn(clock).sleep(100, controller.signal)).rejects.toThrow('stop');
    expect(clock.steps).toEqual([]);
  });

  test('advanceTo goes exactly to the instant, and never backwards', async () => {
    const clock = fakeClock();
    await advanceTo(clock, START + 42);
    await advanceTo(clock, START);
    expect(clock.now()).toBe(START + 42);
    expect(clock.steps).toEqual([42]);
  });

  test('advanceUntil stops at the first step where the condition holds', async () => {
    const clock = fakeClock();
    await advanceUntil(clock, () => clock.now() >= START + 2500, { stepMs: 1000 });
    expect(clock.now()).toBe(START + 3000);
  });

  test('advanceUntil fails with a message when the state never comes', async () => {
    const clock = fakeClock();
    await expect(advanceUntil(clock, () => false, { stepMs: 1000, maxMs: 5000 })).rejects.toThrow(
      'did not come within 5000 ms',
    );
    expect(clock.now()).toBe(START + 5000);
  });
});
