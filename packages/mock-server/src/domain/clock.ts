// The server's clock (real: wall time, scaled or paused; manual: moved only when told) and the one scheduler on it.
import { type ClockState, clockAt, clockNow, wallDelay } from './clock-state.js';
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
  /** Wall ms since epoch by the scheduler's source (a real clock's anchors are in it). */
  wall(): number;
  /** The clock's state (manual: its time as the anchor, factor 1, running). */
  readonly state: ClockState;
  /**
   * Takes `state`: a real clock re-anchors there and re-arms (what falls due fires at once; nothing
   * while paused); a manual one moves to `state.anchor`, forward as `advanceTo` does, or back.
   */
  adopt(state: ClockState): Promise<void>;
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
  /** Wall time (default Date.now): tests move it by hand to check a scaled or paused clock. */
  wallNow?: () => number;
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
  return new HeapScheduler(options);
}

/** One heap of timers; on a real clock one setTimeout armed for the earliest, on a manual one fired by advance. */
class HeapScheduler implements Scheduler {
  readonly mode: ClockMode;
  private readonly maxWaitMs: number;
  private readonly onError: (error: unknown) => void;
  private readonly heap = new MinHeap<Entry>();
  private seq = 0;
  private manualNow: number;
  private manualEpoch = 0;
  private real: ClockState;
  private readonly wallNow: () => number;
  private closed = false;
  private armed: ReturnType<typeof setTimeout> | undefined;
  private armedAt = Number.POSITIVE_INFINITY;
  private advancing: Promise<void> = Promise.resolve();
  private dueQueued = false;
  private advanceDepth = 0;
  readonly now: () => number;

  constructor(options: SchedulerOptions) {
    this.mode = options.mode;
    this.maxWaitMs = options.maxWaitMs ?? 5000;
    this.onError = options.onError ?? (() => {});
    this.wallNow = options.wallNow ?? (() => Date.now());
    this.manualNow = Math.floor(options.startTime ?? this.wallNow());
    this.real = clockAt(this.wallNow(), this.wallNow());
    this.now = this.mode === 'manual' ? () => this.manualNow : () => clockNow(this.real, this.wallNow());
  }

  wall(): number {
    return this.wallNow();
  }

  get state(): ClockState {
    if (this.mode === 'real') return this.real;
    return clockAt(this.manualNow, this.wallNow(), this.manualEpoch);
  }

  adopt(state: ClockState): Promise<void> {
    if (this.mode === 'real') {
      this.real = state;
      this.disarm();
      this.arm();
      return Promise.resolve();
    }
    this.manualEpoch = state.epoch;
    return this.queueAdvance(() => {
      // Back in time: nothing fires (what fired stays fired); forward: as advanceTo.
      if (state.anchor < this.manualNow) this.manualNow = state.anchor;
      return state.anchor - this.manualNow;
    });
  }

  get pending(): number {
    this.dropCancelled();
    return this.heap.size;
  }

  private run(entry: Entry): undefined | Promise<unknown> {
    try {
      const result = entry.task();
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        return (result as Promise<unknown>).catch(this.onError);
      }
    } catch (error) {
      this.onError(error);
    }
    return undefined;
  }

  private dropCancelled(): void {
    while (this.heap.peek()?.cancelled) this.heap.pop();
  }

  /** Real clock: one setTimeout, armed for the earliest timer. */
  private arm(): void {
    if (this.mode !== 'real' || this.closed) return;
    this.dropCancelled();
    const top = this.heap.peek();
    if (!top) {
      this.disarm();
      return;
    }
    if (this.armed !== undefined && this.armedAt <= top.at) return;
    const delay = wallDelay(this.real, this.wallNow(), top.at);
    // Paused: nothing is armed until the state changes again.
    this.disarm();
    if (delay === Number.POSITIVE_INFINITY) return;
    this.armedAt = top.at;
    this.armed = setTimeout(() => this.fireDue(), Math.min(MAX_DELAY, delay));
  }

  private disarm(): void {
    if (this.armed !== undefined) clearTimeout(this.armed);
    this.armed = undefined;
    this.armedAt = Number.POSITIVE_INFINITY;
  }

  /** Runs every timer due by `t`, in time order. */
  private runDue(t: number): void {
    for (let top = this.heap.peek(); top && top.at <= t; top = this.heap.peek()) {
      this.heap.pop();
      if (!top.cancelled) this.run(top);
    }
  }

  private fireDue(): void {
    this.armed = undefined;
    this.armedAt = Number.POSITIVE_INFINITY;
    this.runDue(this.now());
    this.arm();
  }

  /** Manual clock: timers already due (scheduled for now or earlier) run on the next tick. */
  private queueDue(): void {
    if (this.dueQueued || this.closed) return;
    this.dueQueued = true;
    queueMicrotask(() => {
      this.dueQueued = false;
      // An advance in progress fires them itself, in order.
      if (this.advanceDepth === 0) this.runDue(this.manualNow);
    });
  }

  private async doAdvance(ms: number): Promise<void> {
    const target = this.manualNow + ms;
    this.advanceDepth++;
    try {
      for (let top = this.heap.peek(); top && top.at <= target && !this.closed; top = this.heap.peek()) {
        this.heap.pop();
        if (top.cancelled) continue;
        if (top.at > this.manualNow) this.manualNow = top.at;
        const work = this.run(top);
        if (work) await withinGrace(work, this.maxWaitMs);
      }
      if (!this.closed) this.manualNow = Math.max(this.manualNow, target);
    } finally {
      this.advanceDepth--;
    }
  }

  advance(ms: number): Promise<void> {
    if (this.mode !== 'manual') {
      return Promise.reject(new Error('advance() needs a manual clock (start with clock: "manual")'));
    }
    if (!Number.isFinite(ms) || ms < 0) {
      return Promise.reject(new RangeError(`advance() takes ms >= 0, got ${ms}`));
    }
    return this.queueAdvance(() => Math.floor(ms));
  }

  advanceTo(at: number): Promise<void> {
    if (this.mode !== 'manual') return Promise.reject(new Error('advanceTo() needs a manual clock'));
    // Measured when its turn comes: an advance queued before it may have moved the clock.
    return this.queueAdvance(() => Math.max(0, Math.floor(at) - this.manualNow));
  }

  /** Advances run one after another, each measured when its turn comes. */
  private queueAdvance(ms: () => number): Promise<void> {
    const step = this.advancing.then(() => this.doAdvance(ms()));
    this.advancing = step.catch(() => {});
    return step;
  }

  schedule(at: number, task: TimerTask): Timer {
    const entry: Entry = { at, seq: this.seq++, task, cancelled: false };
    if (!this.closed) {
      this.heap.push(entry);
      if (this.mode === 'real') this.arm();
      else if (at <= this.manualNow) this.queueDue();
    }
    return {
      cancel() {
        entry.cancelled = true;
        // Let go of what the task holds (a cancelled entry waits in the heap until its time).
        entry.task = noopTask;
      },
    };
  }

  clear(): void {
    this.heap.clear();
    this.disarm();
  }

  close(): void {
    this.closed = true;
    this.clear();
  }
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
