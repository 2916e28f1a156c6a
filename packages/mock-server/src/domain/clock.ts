// The server's clock (real, or manual: moved only by advance) and the one scheduler that runs on it.
import { type HeapItem, MinHeap } from './heap.js';

export type ClockMode = 'real' | 'manual';

/** What a test or the admin API sees of the clock. */
export interface Clock {
  readonly mode: ClockMode;
  /** Milliseconds since the epoch, by this clock. */
  now(): number;
  /**
   * Manual clock only: moves time forward by `ms`, firing due timers in time order. After each
   * timer, waits for the work it returned (a callback attempt returns once it is sent and answered,
   * or after a short grace if the receiver is slow).
   */
  advance(ms: number): Promise<void>;
}

export interface Timer {
  cancel(): void;
}

/** A timer's work; a returned promise is awaited by a manual advance (at most `maxWaitMs`). */
export type TimerTask = () => undefined | Promise<unknown>;

export interface Scheduler extends Clock {
  /** Manual clock only: moves time forward to `at` as `advance` does (nothing when `at` has passed). */
  advanceTo(at: number): Promise<void>;
  /** Runs `task` once the clock reaches `at` (soon, when `at` has passed already). */
  schedule(at: number, task: TimerTask): Timer;
  /** Timers not yet fired. */
  readonly pending: number;
  /** Drops every timer; the clock keeps its time. */
  clear(): void;
  /** Drops every timer and stops the real-time driver. */
  close(): void;
}

export interface SchedulerOptions {
  mode: ClockMode;
  /** Where a manual clock starts (ms since epoch). */
  startTime?: number;
  /** Safety net: the most real-time ms a manual advance waits for the work of one fired timer (default 5000). */
  maxWaitMs?: number;
  /** Called with an error a timer threw; timers never crash the server. */
  onError?: (error: unknown) => void;
}

interface Entry extends HeapItem {
  task: TimerTask;
  cancelled: boolean;
}

/** The longest delay setTimeout accepts; longer waits re-arm. */
const MAX_DELAY = 2 ** 31 - 1;

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { mode } = options;
  const maxWaitMs = options.maxWaitMs ?? 5000;
  const onError = options.onError ?? (() => {});
  const heap = new MinHeap<Entry>();
  let seq = 0;
  let manualNow = Math.floor(options.startTime ?? Date.now());
  let closed = false;
  let armed: ReturnType<typeof setTimeout> | undefined;
  let armedAt = Number.POSITIVE_INFINITY;
  let advancing: Promise<void> = Promise.resolve();

  const now = mode === 'manual' ? () => manualNow : () => Date.now();

  function run(entry: Entry): undefined | Promise<unknown> {
    try {
      const result = entry.task();
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        return (result as Promise<unknown>).catch(onError);
      }
    } catch (error) {
      onError(error);
    }
    return undefined;
  }

  function dropCancelled(): void {
    while (heap.peek()?.cancelled) heap.pop();
  }

  /** Real clock: one setTimeout, armed for the earliest timer. */
  function arm(): void {
    if (mode !== 'real' || closed) return;
    dropCancelled();
    const top = heap.peek();
    if (!top) {
      if (armed !== undefined) clearTimeout(armed);
      armed = undefined;
      armedAt = Number.POSITIVE_INFINITY;
      return;
    }
    if (armed !== undefined && armedAt <= top.at) return;
    if (armed !== undefined) clearTimeout(armed);
    armedAt = top.at;
    armed = setTimeout(fireDue, Math.min(MAX_DELAY, Math.max(0, top.at - Date.now())));
  }

  function fireDue(): void {
    armed = undefined;
    armedAt = Number.POSITIVE_INFINITY;
    const t = Date.now();
    for (let top = heap.peek(); top && top.at <= t; top = heap.peek()) {
      heap.pop();
      if (!top.cancelled) run(top);
    }
    arm();
  }

  /** Manual clock: timers already due (scheduled for now or earlier) run on the next tick. */
  let dueQueued = false;
  function queueDue(): void {
    if (dueQueued || closed) return;
    dueQueued = true;
    queueMicrotask(() => {
      dueQueued = false;
      // An advance in progress fires them itself, in order.
      if (advanceDepth === 0) {
        for (let top = heap.peek(); top && top.at <= manualNow; top = heap.peek()) {
          heap.pop();
          if (!top.cancelled) run(top);
        }
      }
    });
  }

  function clear(): void {
    heap.clear();
    if (armed !== undefined) clearTimeout(armed);
    armed = undefined;
    armedAt = Number.POSITIVE_INFINITY;
  }

  let advanceDepth = 0;
  async function doAdvance(ms: number): Promise<void> {
    const target = manualNow + ms;
    advanceDepth++;
    try {
      for (let top = heap.peek(); top && top.at <= target && !closed; top = heap.peek()) {
        heap.pop();
        if (top.cancelled) continue;
        if (top.at > manualNow) manualNow = top.at;
        const work = run(top);
        if (work) await withinGrace(work, maxWaitMs);
      }
      if (!closed) manualNow = Math.max(manualNow, target);
    } finally {
      advanceDepth--;
    }
  }

  /** Advances run one after another, each measured when its turn comes. */
  function queueAdvance(ms: () => number): Promise<void> {
    const step = advancing.then(() => doAdvance(ms()));
    advancing = step.catch(() => {});
    return step;
  }

  return {
    mode,
    now,
    get pending() {
      dropCancelled();
      return heap.size;
    },
    advance(ms: number): Promise<void> {
      if (mode !== 'manual') {
        return Promise.reject(new Error('advance() needs a manual clock (start with clock: "manual")'));
      }
      if (!Number.isFinite(ms) || ms < 0) {
        return Promise.reject(new RangeError(`advance() takes ms >= 0, got ${ms}`));
      }
      return queueAdvance(() => Math.floor(ms));
    },
    advanceTo(at: number): Promise<void> {
      if (mode !== 'manual') return Promise.reject(new Error('advanceTo() needs a manual clock'));
      // Measured when its turn comes: an advance queued before it may have moved the clock.
      return queueAdvance(() => Math.max(0, Math.floor(at) - manualNow));
    },
    schedule(at: number, task: TimerTask): Timer {
      const entry: Entry = { at, seq: seq++, task, cancelled: false };
      if (!closed) {
        heap.push(entry);
        if (mode === 'real') arm();
        else if (at <= manualNow) queueDue();
      }
      return {
        cancel() {
          entry.cancelled = true;
          // Let go of what the task holds (a cancelled entry waits in the heap until its time).
          entry.task = noopTask;
        },
      };
    },
    clear,
    close() {
      closed = true;
      clear();
    },
  };
}

/** Resolves when `work` settles or after `ms` of real time, whichever comes first. */
export function withinGrace(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return Promise.race([work.then(noop, noop), grace]).finally(() => clearTimeout(timer));
}

function noop(): void {}

function noopTask(): undefined {
  return undefined;
}
