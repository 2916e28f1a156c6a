// ReplicaSync over a stand-in shared store: the shared manual time, every replica's due jobs, the poll.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createScheduler, type Scheduler } from '../domain/clock.js';
import type { MockStore } from '../store/store.js';
import { ReplicaSync } from './replicas.js';

const T0 = 1_000_000;

/** The part of a shared store ReplicaSync reads: the stored manual time and the due callback jobs. */
function sharedStore(shared = true) {
  const state = { time: null as number | null, jobs: [] as number[], fail: false };
  const store = {
    shared,
    manualTime: async () => {
      if (state.fail) throw new Error('store down');
      return state.time;
    },
    setManualTime: async (at: number) => {
      state.time = at;
    },
    nextCallbackAt: async () => {
      if (state.fail) throw new Error('store down');
      return state.jobs.length ? Math.min(...state.jobs) : null;
    },
  };
  return { state, store: store as unknown as MockStore };
}

let syncs: ReplicaSync[] = [];
let schedulers: Scheduler[] = [];
function replica(options: { shared?: boolean; mode?: 'manual' | 'real'; logger?: (l: string) => void } = {}) {
  const { state, store } = sharedStore(options.shared ?? true);
  const scheduler = createScheduler({ mode: options.mode ?? 'manual', startTime: T0 });
  const ran: number[] = [];
  const sync = new ReplicaSync({
    store,
    scheduler,
    logger: options.logger,
    runDueCallbacks: async () => {
      ran.push(scheduler.now());
      state.jobs = state.jobs.filter((at) => at > scheduler.now());
    },
  });
  syncs.push(sync);
  schedulers.push(scheduler);
  return { state, scheduler, sync, ran };
}

beforeEach(() => {
  syncs = [];
  schedulers = [];
});
afterEach(() => {
  for (const sync of syncs) sync.close();
  for (const scheduler of schedulers) scheduler.close();
  vi.useRealTimers();
});

describe('moveClock', () => {
  test('on a shared store: every stored job due by the target runs at its own time, in order, and the time is stored', async () => {
    const { state, scheduler, sync, ran } = replica();
    state.jobs = [T0 + 300, T0 + 100, T0 + 500, T0 + 501];
    await sync.moveClock(500);
    expect(ran).toEqual([T0 + 100, T0 + 300, T0 + 500]);
    expect(scheduler.now()).toBe(T0 + 500);
    expect(state.time).toBe(T0 + 500);
    expect(state.jobs).toEqual([T0 + 501]);
  });

  test('from the shared time when another replica moved it further', async () => {
    const { state, scheduler, sync } = replica();
    state.time = T0 + 10_000;
    await sync.moveClock(1000);
    expect(scheduler.now()).toBe(T0 + 11_000);
    // An older stored time does not move the clock back.
    state.time = T0;
    await sync.moveClock(0);
    expect(scheduler.now()).toBe(T0 + 11_000);
  });

  test('on a store of its own, stored jobs are left to the local timers and the stored time is not read', async () => {
    const { state, scheduler, sync, ran } = replica({ shared: false });
    state.jobs = [T0 + 100];
    state.time = T0 + 10_000;
    expect(sync.clockIsShared).toBe(false);
    await sync.moveClock(500);
    expect(ran).toEqual([]);
    expect(scheduler.now()).toBe(T0 + 500);
  });

  test('moves run one after another, and a failed one does not stop the next', async () => {
    const { state, scheduler, sync } = replica();
    state.fail = true;
    await expect(sync.moveClock(100)).rejects.toThrow('store down');
    state.fail = false;
    const both = [sync.moveClock(100), sync.moveClock(200)];
    await Promise.all(both);
    expect(scheduler.now()).toBe(T0 + 300);
  });

  test('the clock is shared only on a shared store with a manual clock', () => {
    expect(replica().sync.clockIsShared).toBe(true);
    expect(replica({ mode: 'real' }).sync.clockIsShared).toBe(false);
  });
});

describe('the poll', () => {
  test('every 300 ms a manual replica takes the stored time', async () => {
    vi.useFakeTimers();
    const { state, scheduler } = replica();
    state.time = T0 + 5000;
    await vi.advanceTimersByTimeAsync(299);
    expect(scheduler.now()).toBe(T0);
    await vi.advanceTimersByTimeAsync(1);
    expect(scheduler.now()).toBe(T0 + 5000);
  });

  test('a real-clock replica runs the jobs due that no local timer knows', async () => {
    vi.useFakeTimers({ now: T0 });
    const { state, ran } = replica({ mode: 'real' });
    state.jobs = [T0 + 1_000_000];
    await vi.advanceTimersByTimeAsync(300);
    expect(ran).toEqual([]);
    state.jobs = [T0];
    await vi.advanceTimersByTimeAsync(300);
    expect(ran).toHaveLength(1);
  });

  test('a store outage is logged once, and again after it has recovered and failed anew', async () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    const { state } = replica({ logger: (l) => lines.push(l) });
    state.fail = true;
    await vi.advanceTimersByTimeAsync(900);
    expect(lines).toEqual(['store poll failed: Error: store down']);
    state.fail = false;
    await vi.advanceTimersByTimeAsync(300);
    state.fail = true;
    await vi.advanceTimersByTimeAsync(300);
    expect(lines).toHaveLength(2);
  });

  test('a poll still waiting on the store is not started again', async () => {
    vi.useFakeTimers();
    const { store } = sharedStore();
    let calls = 0;
    store.manualTime = () => {
      calls++;
      return new Promise<number | null>(() => {});
    };
    const scheduler = createScheduler({ mode: 'manual', startTime: T0 });
    const sync = new ReplicaSync({ store, scheduler, runDueCallbacks: async () => {} });
    syncs.push(sync);
    schedulers.push(scheduler);
    await vi.advanceTimersByTimeAsync(1500);
    expect(calls).toBe(1);
  });

  test('after a poll ends the next one runs', async () => {
    vi.useFakeTimers();
    const { store } = sharedStore();
    let calls = 0;
    store.manualTime = async () => {
      calls++;
      return null;
    };
    const scheduler = createScheduler({ mode: 'manual', startTime: T0 });
    const sync = new ReplicaSync({ store, scheduler, runDueCallbacks: async () => {} });
    syncs.push(sync);
    schedulers.push(scheduler);
    await vi.advanceTimersByTimeAsync(900);
    expect(calls).toBe(3);
  });

  test('a real-clock replica runs a job due exactly now', async () => {
    vi.useFakeTimers({ now: T0 });
    const { state, ran } = replica({ mode: 'real' });
    state.jobs = [T0 + 300];
    await vi.advanceTimersByTimeAsync(300);
    expect(ran).toHaveLength(1);
  });

  test('a store outage without a logger is swallowed', async () => {
    vi.useFakeTimers();
    const { state, scheduler } = replica();
    state.fail = true;
    // A rejection left unhandled here (a logger call on undefined) fails the run.
    await vi.advanceTimersByTimeAsync(600);
    state.fail = false;
    await vi.advanceTimersByTimeAsync(300);
    expect(scheduler.now()).toBe(T0);
  });

  test('no poll on a store of its own, nor after close', async () => {
    vi.useFakeTimers();
    const own = replica({ shared: false });
    own.state.time = T0 + 5000;
    const closed = replica();
    closed.state.time = T0 + 5000;
    closed.sync.close();
    await vi.advanceTimersByTimeAsync(1000);
    expect(own.scheduler.now()).toBe(T0);
    expect(closed.scheduler.now()).toBe(T0);
  });
});
