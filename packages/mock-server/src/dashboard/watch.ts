// Change detection for the dashboard's event stream: a fingerprint of what the page shows, taken a
// few times a second while at least one page listens, and a version number that rises when it changes.
import type { MockCore } from '../core.js';
import { stateAt, type TaskStatus } from '../lifecycle.js';
import { emptyCounts, type StatusCounts } from './query.js';

/** What each change event carries. */
export interface ChangeSummary {
  version: number;
  /** The server's clock, ms since epoch. */
  now: number;
  clock: 'real' | 'manual';
  counts: StatusCounts;
}

const STATUS_CODE: Record<TaskStatus, number> = { pending: 1, processing: 2, completed: 3, failed: 4 };

const FNV_OFFSET = 0x811c9dc5;
const mixNumber = (h: number, n: number) => Math.imul(h ^ (n | 0), 0x01000193) >>> 0;
function mixString(h: number, text: string): number {
  let out = h;
  for (let i = 0; i < text.length; i++) out = mixNumber(out, text.charCodeAt(i));
  return out;
}

/**
 * A fingerprint of everything the dashboard shows: each task's status and progress (in store order),
 * which tasks exist, the callback attempts and their outcomes, pending timers, injected faults, and
 * the clock when it is manual (a real clock moves on its own; what it changes is in the tasks).
 */
export function fingerprint(core: MockCore): { hash: string; now: number; counts: StatusCounts } {
  const now = core.now();
  const counts = emptyCounts();
  let h = FNV_OFFSET;
  let first = '';
  let last = '';
  let waiting = false;
  for (const task of core.store.values()) {
    if (task.expiresAt <= now) continue;
    const { status, progress } = stateAt(task, now);
    counts[status]++;
    counts.all++;
    if (status === 'pending') waiting = true;
    h = mixNumber(h, STATUS_CODE[status] * 256 + progress + (task.cancelled ? 128 : 0));
    if (!first) first = task.id;
    last = task.id;
  }
  h = mixString(mixString(mixNumber(h, counts.all), first), last);
  const attempts = core.deliveries.list();
  h = mixNumber(h, attempts.length);
  for (const attempt of attempts.slice(-20)) h = mixString(mixNumber(h, attempt.attempt), attempt.outcome);
  h = mixNumber(h, core.deliveries.inFlightCount);
  h = mixNumber(h, core.scheduler.pending);
  for (const fault of core.faults.list()) h = mixNumber(mixNumber(h, fault.id), fault.remaining);
  // Whole seconds: a pending task's estimated_time counts down in them.
  if (core.scheduler.mode === 'manual' || waiting) h = mixNumber(h, Math.floor(now / 1000));
  if (core.scheduler.mode === 'manual') h = mixNumber(h, now % 1000);
  return { hash: h.toString(36), now, counts };
}

const BASE_INTERVAL_MS = 250;
/** The fingerprint may take at most this share of the time (it grows with the store's size). */
const MAX_DUTY = 0.1;

export class ChangeWatcher {
  private hash = '';
  private summary: ChangeSummary;
  private readonly listeners = new Set<(summary: ChangeSummary) => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly core: MockCore) {
    this.summary = { version: 0, now: core.now(), clock: core.scheduler.mode, counts: emptyCounts() };
  }

  get subscribers(): number {
    return this.listeners.size;
  }

  /** Takes a fingerprint now; bumps the version (and tells every listener) when it changed. */
  check(): ChangeSummary {
    const { hash, now, counts } = fingerprint(this.core);
    if (hash !== this.hash) {
      this.hash = hash;
      this.summary = { version: this.summary.version + 1, now, clock: this.core.scheduler.mode, counts };
      for (const listener of this.listeners) listener(this.summary);
    }
    return this.summary;
  }

  /** Listens for changes; the watcher runs only while someone listens. Returns the unsubscribe. */
  subscribe(listener: (summary: ChangeSummary) => void): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.loop();
    return () => {
      this.listeners.delete(listener);
      if (!this.listeners.size) {
        clearTimeout(this.timer);
        this.timer = undefined;
      }
    };
  }

  private loop(): void {
    const started = performance.now();
    this.check();
    const spent = performance.now() - started;
    if (!this.listeners.size) return;
    this.timer = setTimeout(() => this.loop(), Math.max(BASE_INTERVAL_MS, spent / MAX_DUTY));
    // A listening page must not keep a Node process alive on its own.
    (this.timer as { unref?: () => void }).unref?.();
  }
}

const watchers = new WeakMap<MockCore, ChangeWatcher>();

/** The one watcher of a mock (every open page shares it). */
export function watcherFor(core: MockCore): ChangeWatcher {
  let watcher = watchers.get(core);
  if (!watcher) {
    watcher = new ChangeWatcher(core);
    watchers.set(core, watcher);
  }
  return watcher;
}
