// ReplicaSync over a stand-in shared store: the shared clock state, every replica's due jobs, the poll.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createScheduler, type Scheduler } from '../domain/clock.js';
import { type ClockState, clockAt, reanchor } from '../domain/clock-state.js';
import type { MockStore } from '../store/store.js';
import { ReplicaSync } from './replicas.js';

const T0 = 1_000_000;

/** The part of a shared store ReplicaSync reads: the stored clock state and the due callback jobs. */
function sharedStore(shared = true) {
  const state = { clock: null as ClockState | null, jobs: [] as number[], fail: false };
  const store = {
    shared,
    clockState: async () => {
      if (state.fail) throw new Error('store down');
      return state.clock;
    },
    replaceClock: async (next: ClockState) => {
      state.clock = { ...next, epoch: (state.clock?.epoch ?? 0) + 1 };
      return state.clock;
    },
    raiseClock: async (at: number) => {
      state.clock = { ...(state.clock ?? clockAt(at, 0)), anchor: at };
    },
    nextCallbackAt: async () => {
      if (state.fail) throw new Error('store down');
      return state.jobs.length ? Math.min(...state.jobs) : null;
    },
  };
  return { state, store: store as unknown as MockStore };
}

/** A manual time another replica stored (the same epoch: a move, not a verb). */
const movedTo = (at: number, epoch = 0) => clockAt(at, 0, epoch);

let syncs: ReplicaSync[] = [];
let schedulers: Scheduler[] = [];
interface ReplicaOptions {
  shared?: boolean;
  mode?: 'manual' | 'real';
  logger?: (l: string) => void;
  /** Shares the stand-in store of this replica. */
  on?: { state: ReturnType<typeof sharedStore>['state']; store: MockStore };
}
function replica(options: ReplicaOptions = {}) {
  const { state, store } = options.on ?? sharedStore(options.shared ?? true);
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
  return { state, store, scheduler, sync, ran };
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
    expect(state.clock?.anchor).toBe(T0 + 500);
    expect(state.jobs).toEqual([T0 + 501]);
  });

  test('from the shared time when another replica moved it further', async () => {
    const { state, scheduler, sync } = replica();
    state.clock = movedTo(T0 + 10_000);
    await sync.moveClock(1000);
    expect(scheduler.now()).toBe(T0 + 11_000);
    // An older stored time does not move the clock back.
    state.clock = movedTo(T0);
    await sync.moveClock(0);
    expect(scheduler.now()).toBe(T0 + 11_000);
  });

  test('on a store of its own, stored jobs are left to the local timers and the stored time is not read', async () => {
    const { state, scheduler, sync, ran } = replica({ shared: false });
    state.jobs = [T0 + 100];
    state.clock = movedTo(T0 + 10_000);
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

  test('the clock is shared on a shared store, whatever its mode', () => {
    expect(replica().sync.clockIsShared).toBe(true);
    expect(replica({ mode: 'real' }).sync.clockIsShared).toBe(true);
    expect(replica({ shared: false, mode: 'real' }).sync.clockIsShared).toBe(false);
  });
});

describe('changeClock and catchUp', () => {
  test('a change is stored one epoch on and taken here; another replica on the store takes it before serving', async () => {
    vi.useFakeTimers({ now: T0 });
    const a = replica({ mode: 'real' });
    const b = replica({ mode: 'real', on: a });
    const stored = await a.sync.changeClock((state) =>
      reanchor(state, Date.now(), { factor: 5, anchor: T0 + 60_000 }),
    );
    expect(stored).toMatchObject({ anchor: T0 + 60_000, factor: 5, epoch: 1 });
    expect(a.scheduler.state).toEqual(stored);
    expect(b.scheduler.now()).toBe(T0);
    await b.sync.catchUp();
    expect(b.scheduler.state).toEqual(stored);
    vi.setSystemTime(T0 + 1000);
    expect(b.scheduler.now()).toBe(T0 + 65_000);
  });

  test('changes run in turn, each from the state the one before left', async () => {
    vi.useFakeTimers({ now: T0 });
    const { sync, scheduler } = replica({ mode: 'real' });
    const seen: number[] = [];
    await Promise.all([
      sync.changeClock((state) => reanchor(state, Date.now(), { factor: 2 })),
      sync.changeClock((state) => {
        seen.push(state.factor);
        return reanchor(state, Date.now(), { paused: true });
      }),
    ]);
    expect(seen).toEqual([2]);
    expect(scheduler.state).toMatchObject({ factor: 2, paused: true, epoch: 2 });
  });

  test('a manual clock takes another epoch whole, back in time too, but a stale time of its own epoch never', async () => {
    const { state, scheduler, sync } = replica();
    await sync.moveClock(5000);
    state.clock = movedTo(T0 + 1000);
    await sync.catchUp();
    expect(scheduler.now()).toBe(T0 + 5000);
    state.clock = movedTo(T0 + 1000, 3);
    await sync.catchUp();
    expect(scheduler.now()).toBe(T0 + 1000);
    expect(scheduler.state.epoch).toBe(3);
  });

  test('a real clock of the same epoch keeps its state; none stored leaves it as it is', async () => {
    vi.useFakeTimers({ now: T0 });
    const { state, scheduler, sync } = replica({ mode: 'real' });
    await sync.catchUp();
    expect(scheduler.state).toEqual(clockAt(T0, T0));
    state.clock = { ...clockAt(T0 + 99_000, 0), factor: 3 };
    await sync.catchUp();
    expect(scheduler.state).toEqual(clockAt(T0, T0));
  });
});

describe('the poll', () => {
  test('every 300 ms a manual replica takes the stored time', async () => {
    vi.useFakeTimers();
    const { state, scheduler } = replica();
    state.clock = movedTo(T0 + 5000);
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
    store.clockState = () => {
      calls++;
      return new Promise<ClockState | null>(() => {});
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
    store.clockState = async () => {
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

  test('a real-clock replica takes a state changed elsewhere, and runs nothing when no job is stored', async () => {
    vi.useFakeTimers({ now: T0 });
    const { state, scheduler, ran } = replica({ mode: 'real' });
    state.clock = { ...clockAt(T0, T0, 1), paused: true };
    await vi.advanceTimersByTimeAsync(300);
    expect(scheduler.state.paused).toBe(true);
    expect(scheduler.now()).toBe(T0);
    expect(ran).toEqual([]);
  });

  test("a manual replica's poll leaves stored jobs to the clock's moves", async () => {
    vi.useFakeTimers();
    const { state, ran } = replica();
    state.jobs = [T0];
    await vi.advanceTimersByTimeAsync(600);
    expect(ran).toEqual([]);
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
    own.state.clock = movedTo(T0 + 5000);
    const ownReal = replica({ shared: false, mode: 'real' });
    ownReal.state.jobs = [0];
    const closed = replica();
    closed.state.clock = movedTo(T0 + 5000);
    closed.sync.close();
    await vi.advanceTimersByTimeAsync(1000);
    expect(own.scheduler.now()).toBe(T0);
    expect(ownReal.ran).toEqual([]);
    expect(closed.scheduler.now()).toBe(T0);
  });
});
