// What a replica does when other replicas share its store: takes the stored clock state before serving,
// moves the clock through every replica's due callbacks, and polls for the work the others left.
import type { Scheduler } from '../domain/clock.js';
import type { ClockState } from '../domain/clock-state.js';
import type { MockStore } from '../store/store.js';

/** How often a replica looks for work other replicas left: jobs due, a clock changed elsewhere. */
const POLL_MS = 300;

export interface ReplicaSyncOptions {
  store: MockStore;
  scheduler: Scheduler;
  /** Claims and runs the callback jobs due now (the core's). */
  runDueCallbacks: () => Promise<void>;
  logger?: (line: string) => void;
}

export class ReplicaSync {
  private readonly shared: boolean;
  private moving: Promise<unknown> = Promise.resolve();
  private readonly poller: ReturnType<typeof setInterval> | undefined;
  private polling = false;
  private pollFailed = false;

  constructor(private readonly options: ReplicaSyncOptions) {
    this.shared = options.store.shared;
    if (this.shared) this.poller = setInterval(() => this.poll(), POLL_MS);
  }

  /** True when each request must take the shared clock state first. */
  get clockIsShared(): boolean {
    return this.shared;
  }

  /** Moves the manual clock by `ms` from the shared time, running every job any replica scheduled that falls due. */
  moveClock(ms: number): Promise<void> {
    const { scheduler, store } = this.options;
    return this.inTurn(async () => {
      await this.catchUp();
      const target = scheduler.now() + ms;
      if (this.shared) await this.runJobsDueBy(target);
      await scheduler.advanceTo(target);
      await store.raiseClock(scheduler.now());
    });
  }

  /** Changes the clock's state (set, scale, pause, resume, reset): from the shared one, stored one epoch on, taken here. */
  changeClock(change: (state: ClockState) => ClockState): Promise<ClockState> {
    const { scheduler, store } = this.options;
    return this.inTurn(async () => {
      await this.catchUp();
      const stored = await store.replaceClock(change(scheduler.state));
      await scheduler.adopt(stored);
      return stored;
    });
  }

  /** Clock changes run one after another, each from where the one before left the clock. */
  private inTurn<T>(step: () => Promise<T>): Promise<T> {
    const next = this.moving.then(step);
    this.moving = next.catch(() => {});
    return next;
  }

  /** With a shared store: takes the stored clock state (another replica may have changed it). */
  async catchUp(): Promise<void> {
    if (!this.shared) return;
    const stored = await this.options.store.clockState();
    if (stored !== null) await this.take(stored);
  }

  private async take(stored: ClockState): Promise<void> {
    const { scheduler } = this.options;
    // Another epoch: a verb changed it elsewhere, taken whole (a manual clock may go back).
    if (stored.epoch !== scheduler.state.epoch) return scheduler.adopt(stored);
    // The same epoch: only a manual clock's moves since, forward (this replica may be ahead of the store).
    if (scheduler.mode === 'manual') await scheduler.advanceTo(stored.anchor);
  }

  /** Runs stored jobs due by `target` at their times, in order (jobs of other replicas have no local timer here). */
  private async runJobsDueBy(target: number): Promise<void> {
    const { scheduler, store } = this.options;
    for (let due = await store.nextCallbackAt(); due !== null && due <= target; ) {
      await scheduler.advanceTo(due);
      // Stored at each step: a receiver asking another replica during the callback sees this instant.
      await store.raiseClock(scheduler.now());
      await this.options.runDueCallbacks();
      due = await store.nextCallbackAt();
    }
  }

  /** The background look: the stored clock state, then (real clock) jobs due that no local timer knows. */
  private poll(): void {
    if (this.polling) return;
    this.polling = true;
    const { scheduler, store, logger } = this.options;
    const work = async () => {
      await this.catchUp();
      if (scheduler.mode === 'manual') return;
      const due = await store.nextCallbackAt();
      if (due !== null && due <= scheduler.now()) await this.options.runDueCallbacks();
    };
    work()
      .then(() => {
        this.pollFailed = false;
      })
      .catch((error) => {
        // One line per outage, not one per poll.
        if (!this.pollFailed) logger?.(`store poll failed: ${String(error)}`);
        this.pollFailed = true;
      })
      .finally(() => {
        this.polling = false;
      });
  }

  close(): void {
    clearInterval(this.poller);
  }
}
