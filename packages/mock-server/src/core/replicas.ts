// What a replica does when other replicas share its store: takes the stored manual time before serving,
// moves the clock through every replica's due callbacks, and polls for the work the others left.
import type { Scheduler } from '../domain/clock.js';
import type { MockStore } from '../store/store.js';

/** How often a replica looks for work other replicas left: jobs due, a manual clock moved elsewhere. */
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
  private moving: Promise<void> = Promise.resolve();
  private poller: ReturnType<typeof setInterval> | undefined;
  private polling = false;
  private pollFailed = false;

  constructor(private readonly options: ReplicaSyncOptions) {
    this.shared = options.store.shared;
    if (this.shared) this.poller = setInterval(() => this.poll(), POLL_MS);
  }

  /** True when each request must take the shared manual time first. */
  get clockIsShared(): boolean {
    return this.shared && this.options.scheduler.mode === 'manual';
  }

  /** Moves the manual clock by `ms` from the shared time, running every job any replica scheduled that falls due. */
  moveClock(ms: number): Promise<void> {
    const { scheduler, store } = this.options;
    const step = this.moving.then(async () => {
      await this.catchUp();
      const target = scheduler.now() + ms;
      if (this.shared) await this.runJobsDueBy(target);
      await scheduler.advanceTo(target);
      await store.setManualTime(scheduler.now());
    });
    this.moving = step.catch(() => {});
    return step;
  }

  /** With a shared store and a manual clock: takes the stored time (another replica may have moved it). */
  async catchUp(): Promise<void> {
    if (!this.clockIsShared) return;
    const { scheduler, store } = this.options;
    const stored = await store.manualTime();
    if (stored !== null && stored > scheduler.now()) await scheduler.advanceTo(stored);
  }

  /** Runs stored jobs due by `target` at their times, in order (jobs of other replicas have no local timer here). */
  private async runJobsDueBy(target: number): Promise<void> {
    const { scheduler, store } = this.options;
    for (let due = await store.nextCallbackAt(); due !== null && due <= target; ) {
      await scheduler.advanceTo(due);
      // Stored at each step: a receiver asking another replica during the callback sees this instant.
      await store.setManualTime(scheduler.now());
      await this.options.runDueCallbacks();
      due = await store.nextCallbackAt();
    }
  }

  /** The background look: the stored manual time, or (real clock) jobs due that no local timer knows. */
  private poll(): void {
    if (this.polling || this.poller === undefined) return;
    this.polling = true;
    const { scheduler, store, logger } = this.options;
    const work = async () => {
      if (scheduler.mode === 'manual') return this.catchUp();
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
    this.poller = undefined;
  }
}
