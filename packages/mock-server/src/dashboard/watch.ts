// Change detection for the dashboard's event stream: a fingerprint of what the page shows, taken a
// few times a second while at least one page listens, and a version number that rises when it changes.
import type { MockCore } from '../core/commands.js';
import { emptyCounts, mixNumber, mixString, type StatusCounts, type TaskListPage } from '../core/list.js';

/** What each change event carries. */
export interface ChangeSummary {
  version: number;
  /** The server's clock, ms since epoch. */
  now: number;
  clock: 'real' | 'manual';
  counts: StatusCounts;
}

/**
 * A fingerprint of everything the dashboard shows: each task's status and progress, which tasks
 * exist, the callback attempts and their outcomes, pending timers, injected faults, the chaos profile, the clock
 * when it is manual (a real clock moves on its own; what it changes is in the tasks) and each change
 * of the clock's state by a verb. Pass the scan
 * a page query already made, to save a second pass over the store.
 */
export async function fingerprint(core: MockCore, given?: TaskListPage): Promise<Fingerprint> {
  const scan = given ?? (await core.listTasks({ limit: 1 }));
  const { now } = scan;
  let h = scan.hash;
  const attempts = await core.listDeliveries();
  h = mixNumber(h, attempts.length);
  for (const attempt of attempts.slice(-20)) h = mixString(mixNumber(h, attempt.attempt), attempt.outcome);
  h = mixNumber(h, core.deliveries.inFlightCount);
  h = mixNumber(h, core.scheduler.pending);
  for (const fault of await core.listFaults()) h = mixNumber(mixNumber(h, fault.id), fault.remaining);
  for (const { model, state } of await core.modelStatuses()) h = mixString(mixString(h, model.id), state);
  h = mixString(h, (await core.activeChaos())?.profile ?? '');
  // Whole seconds: a pending task's estimated_time counts down in them.
  if (core.scheduler.mode === 'manual' || scan.waiting) h = mixNumber(h, Math.floor(now / 1000));
  if (core.scheduler.mode === 'manual') h = mixNumber(h, now % 1000);
  // A verb (set, scale, pause, resume, reset) changes what every later read shows.
  h = mixNumber(h, core.scheduler.state.epoch);
  return { hash: h.toString(36), now, counts: scan.counts };
}

export interface Fingerprint {
  hash: string;
  now: number;
  counts: StatusCounts;
}

const BASE_INTERVAL_MS = 250;
/** The fingerprint may take at most this share of the time (it grows with the store's size). */
const MAX_DUTY = 0.1;

export class ChangeWatcher {
  private hash = '';
  private summary: ChangeSummary;
  /** A page saw a change the listeners were not told of yet. */
  private unannounced = false;
  private readonly listeners = new Set<(summary: ChangeSummary) => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly core: MockCore) {
    this.summary = { version: 0, now: core.now(), clock: core.scheduler.mode, counts: emptyCounts() };
  }

  get subscribers(): number {
    return this.listeners.size;
  }

  /** Takes a fingerprint now; tells every listener when it changed (or a page saw a change first). */
  async check(): Promise<ChangeSummary> {
    const changed = this.record(await fingerprint(this.core));
    if (changed || this.unannounced) {
      this.unannounced = false;
      for (const listener of this.listeners) listener(this.summary);
    }
    return this.summary;
  }

  /**
   * What a page was just shown. A change that comes and goes between two looks (a fault injected and
   * used up within 250 ms) would otherwise leave that page showing the state in between; recorded
   * here, going back is a change too. Announced at the next look, so a busy page cannot make the
   * stream go faster than the watcher's pace.
   */
  observe(seen: Fingerprint): void {
    if (this.listeners.size && this.record(seen)) this.unannounced = true;
  }

  private record(next: Fingerprint): boolean {
    if (next.hash === this.hash) return false;
    this.hash = next.hash;
    this.summary = {
      version: this.summary.version + 1,
      now: next.now,
      clock: this.core.scheduler.mode,
      counts: next.counts,
    };
    return true;
  }

  /** Listens for changes; the watcher runs only while someone listens. Returns the unsubscribe. */
  subscribe(listener: (summary: ChangeSummary) => void): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) void this.loop();
    return () => {
      this.listeners.delete(listener);
      if (!this.listeners.size) {
        clearTimeout(this.timer);
        this.timer = undefined;
      }
    };
  }

  private async loop(): Promise<void> {
    const started = performance.now();
    // A store that cannot answer now (Redis down) skips this look; the next one tries again.
    await this.check().catch(() => undefined);
    const spent = performance.now() - started;
    if (!this.listeners.size) return;
    this.timer = setTimeout(() => void this.loop(), Math.max(BASE_INTERVAL_MS, spent / MAX_DUTY));
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
