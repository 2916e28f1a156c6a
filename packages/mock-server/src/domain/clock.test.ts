import { afterEach, describe, expect, test, vi } from 'vitest';
import { createScheduler } from './clock.js';
import { clockAt, reanchor } from './clock-state.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('manual clock', () => {
  test('starts where asked and moves only by advance', async () => {
    const clock = createScheduler({ mode: 'manual', startTime: 1000 });
    expect(clock.now()).toBe(1000);
    await clock.advance(250);
    expect(clock.now()).toBe(1250);
    await clock.advance(0);
    expect(clock.now()).toBe(1250);
  });

  test('fires due timers in time order (ties in schedule order), each seeing its own time', async () => {
    const clock = createScheduler({ mode: 'manual', startTime: 0 });
    const fired: [string, number][] = [];
    const at = (name: string, t: number) => clock.schedule(t, () => void fired.push([name, clock.now()]));
    at('c', 300);
    at('a', 100);
    at('b1', 200);
    at('b2', 200);
    at('late', 1001);
    await clock.advance(1000);
    expect(fired).toEqual([
      ['a', 100],
      ['b1', 200],
      ['b2', 200],
      ['c', 300],
    ]);
    expect(clock.now()).toBe(1000);
    await clock.advance(1);
    expect(fired.at(-1)).toEqual(['late', 1001]);
  });

  test('a timer scheduled by a timer fires in the same advance when it is due', async () => {
    const clock = createScheduler({ mode: 'manual', startTime: 0 });
    const fired: number[] = [];
    clock.schedule(100, () => {
      fired.push(clock.now());
      clock.schedule(clock.now() + 100, () => void fired.push(clock.now()));
      return undefined;
    });
    await clock.advance(500);
    expect(fired).toEqual([100, 200]);
  });

  test('a cancelled timer does not fire', async () => {
    const clock = createScheduler({ mode: 'manual', startTime: 0 });
    const fired: string[] = [];
    clock.schedule(10, () => void fired.push('kept'));
    clock.schedule(10, () => void fired.push('cancelled')).cancel();
    await clock.advance(20);
    expect(fired).toEqual(['kept']);
    expect(clock.pending).toBe(0);
  });

  test('advance awaits the work a timer returned, but at most maxWaitMs', async () => {
    // The grace is real time: fake timers measure it exactly, whatever the machine's load.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const clock = createScheduler({ mode: 'manual', startTime: 0, maxWaitMs: 20 });
    const order: string[] = [];
    clock.schedule(10, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push('quick work done');
    });
    clock.schedule(20, () => new Promise(() => order.push('hanging work started')));
    clock.schedule(30, () => void order.push('after the hang'));
    const advanced = clock.advance(100).then(() => order.push('advance returned'));
    // The quick work takes 5 ms; the next timer waits for it.
    await vi.advanceTimersByTimeAsync(4);
    expect(order).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(order).toEqual(['quick work done', 'hanging work started']);
    // The hanging work is waited for 20 ms, not a millisecond less...
    await vi.advanceTimersByTimeAsync(19);
    expect(order).toEqual(['quick work done', 'hanging work started']);
    // ...and not longer.
    await vi.advanceTimersByTimeAsync(1);
    expect(order).toEqual(['quick work done', 'hanging work started', 'after the hang', 'advance returned']);
    await advanced;
    expect(clock.now()).toBe(100);
  });

  test('concurrent advances run one after the other', async () => {
    const clock = createScheduler({ mode: 'manual', startTime: 0 });
    const seen: number[] = [];
    clock.schedule(150, () => void seen.push(clock.now()));
    await Promise.all([clock.advance(100), clock.advance(100)]);
    expect(clock.now()).toBe(200);
    expect(seen).toEqual([150]);
  });

  test('a timer already due runs soon, without an advance', async () => {
    const clock = createScheduler({ mode: 'manual', startTime: 50 });
    const fired: number[] = [];
    clock.schedule(50, () => void fired.push(clock.now()));
    expect(fired).toEqual([]);
    await Promise.resolve();
    await Promise.resolve();
    expect(fired).toEqual([50]);
  });

  test('a timer that throws is reported and does not stop the others', async () => {
    const errors: unknown[] = [];
    const clock = createScheduler({ mode: 'manual', startTime: 0, onError: (e) => errors.push(e) });
    const fired: number[] = [];
    clock.schedule(1, () => {
      throw new Error('boom');
    });
    clock.schedule(2, () => Promise.reject(new Error('async boom')));
    clock.schedule(3, () => void fired.push(3));
    await clock.advance(5);
    expect(fired).toEqual([3]);
    expect(errors.map((e) => (e as Error).message)).toEqual(['boom', 'async boom']);
  });

  test('advance refuses negative or non-finite ms; a real clock refuses advance', async () => {
    const clock = createScheduler({ mode: 'manual', startTime: 0 });
    await expect(clock.advance(-1)).rejects.toThrow(RangeError);
    await expect(clock.advance(Number.NaN)).rejects.toThrow(RangeError);
    await expect(createScheduler({ mode: 'real' }).advance(1)).rejects.toThrow(/manual/);
  });

  test('close drops timers; nothing fires afterwards', async () => {
    const clock = createScheduler({ mode: 'manual', startTime: 0 });
    const fired: number[] = [];
    clock.schedule(10, () => void fired.push(1));
    clock.close();
    clock.schedule(10, () => void fired.push(2));
    await clock.advance(100);
    expect(fired).toEqual([]);
  });
});

describe('real clock', () => {
  test('one setTimeout drives the timers, in order, at their times', async () => {
    vi.useFakeTimers({ now: 10_000 });
    const clock = createScheduler({ mode: 'real' });
    const fired: [string, number][] = [];
    clock.schedule(10_300, () => void fired.push(['b', Date.now()]));
    clock.schedule(10_100, () => void fired.push(['a', Date.now()]));
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(99);
    expect(fired).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(fired).toEqual([['a', 10_100]]);
    await vi.advanceTimersByTimeAsync(200);
    expect(fired).toEqual([
      ['a', 10_100],
      ['b', 10_300],
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('an earlier timer re-arms the driver; close clears it', async () => {
    vi.useFakeTimers({ now: 0 });
    const clock = createScheduler({ mode: 'real' });
    const fired: number[] = [];
    clock.schedule(1000, () => void fired.push(1000));
    clock.schedule(10, () => void fired.push(10));
    await vi.advanceTimersByTimeAsync(10);
    expect(fired).toEqual([10]);
    clock.close();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(2000);
    expect(fired).toEqual([10]);
  });

  test("a delay beyond setTimeout's limit re-arms instead of firing early", async () => {
    vi.useFakeTimers({ now: 0 });
    const clock = createScheduler({ mode: 'real' });
    const fired: number[] = [];
    const far = 2 ** 31 + 5000;
    clock.schedule(far, () => void fired.push(Date.now()));
    await vi.advanceTimersByTimeAsync(2 ** 31);
    expect(fired).toEqual([]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(fired).toEqual([far]);
    clock.close();
  });

  test('a scaled clock runs factor times wall speed and arms its timer for the scaled instant', async () => {
    vi.useFakeTimers({ now: 0 });
    const clock = createScheduler({ mode: 'real' });
    await clock.adopt(reanchor(clock.state, Date.now(), { factor: 10 }));
    const fired: number[] = [];
    clock.schedule(10_000, () => void fired.push(clock.now()));
    await vi.advanceTimersByTimeAsync(500);
    expect(clock.now()).toBe(5000);
    await vi.advanceTimersByTimeAsync(499);
    expect(fired).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(fired).toEqual([10_000]);
    clock.close();
  });

  test('a fractional factor never fires a timer before its time', async () => {
    let wall = 0;
    vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout'] });
    const clock = createScheduler({ mode: 'real', wallNow: () => wall });
    await clock.adopt({ ...clock.state, factor: 0.3 });
    const fired: number[] = [];
    clock.schedule(10, () => void fired.push(clock.now()));
    // 10 / 0.3 = 33.3 wall ms: armed for 34, not 33.
    wall = 33;
    await vi.advanceTimersByTimeAsync(33);
    expect(fired).toEqual([]);
    wall = 34;
    await vi.advanceTimersByTimeAsync(1);
    expect(fired).toEqual([10]);
  });

  test('a paused clock stands still and arms nothing; resuming re-arms from where it stood', async () => {
    vi.useFakeTimers({ now: 1000 });
    const clock = createScheduler({ mode: 'real' });
    const fired: number[] = [];
    clock.schedule(1500, () => void fired.push(clock.now()));
    await vi.advanceTimersByTimeAsync(200);
    await clock.adopt(reanchor(clock.state, Date.now(), { paused: true }));
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(clock.now()).toBe(1200);
    expect(fired).toEqual([]);
    await clock.adopt(reanchor(clock.state, Date.now(), { paused: false }));
    expect(clock.state.epoch).toBe(2);
    await vi.advanceTimersByTimeAsync(299);
    expect(fired).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(fired).toEqual([1500]);
  });

  test('a state set past a timer fires it at once; a later timer keeps waiting', async () => {
    vi.useFakeTimers({ now: 0 });
    const clock = createScheduler({ mode: 'real' });
    const fired: number[] = [];
    clock.schedule(60_000, () => void fired.push(60_000));
    clock.schedule(120_000, () => void fired.push(120_000));
    await clock.adopt(reanchor(clock.state, Date.now(), { anchor: 90_000 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(fired).toEqual([60_000]);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(fired).toEqual([60_000]);
    await vi.advanceTimersByTimeAsync(1);
    expect(fired).toEqual([60_000, 120_000]);
  });
});

describe('clock state on a manual clock', () => {
  test('adopt moves forward firing due timers, or back without firing again', async () => {
    const clock = createScheduler({ mode: 'manual', startTime: 1000 });
    const fired: number[] = [];
    clock.schedule(1500, () => void fired.push(clock.now()));
    await clock.adopt(clockAt(2000, 0, 3));
    expect(fired).toEqual([1500]);
    expect(clock.now()).toBe(2000);
    await clock.adopt(clockAt(1200, 0, 4));
    expect(clock.now()).toBe(1200);
    expect(clock.state).toMatchObject({ anchor: 1200, factor: 1, paused: false, epoch: 4 });
    await clock.advance(500);
    expect(fired).toEqual([1500]);
  });
});
