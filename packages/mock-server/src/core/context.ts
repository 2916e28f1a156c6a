// What every command family of the core works with: the options in force, the store, the clock, the
// delivery engine and the id source. MockCore (commands.ts) is the one object that provides it.
import type { DeliveryEngine } from '../delivery/engine.js';
import type { Scheduler } from '../domain/clock.js';
import type { Random } from '../domain/random.js';
import type { VideoTaskJson } from '../domain/task.js';
import type { ResolvedOptions } from '../options.js';
import type { MockStore, StoredTask } from '../store/store.js';
import type { ReplicaSync } from './replicas.js';

export interface CoreContext {
  readonly options: ResolvedOptions;
  readonly scheduler: Scheduler;
  readonly store: MockStore;
  readonly deliveries: DeliveryEngine;
  /** With a shared store: the shared manual clock and the work other replicas left. */
  readonly replicas: ReplicaSync;
  /** Draws task ids and outcomes (re-seeded on reset, so read it at each use). */
  readonly random: Random;
  /** Starts the traces of tasks created without a valid `traceparent` (re-seeded on reset, like `random`). */
  readonly traces: Random;
  /** Names this process when it claims callback jobs. */
  readonly owner: string;
  now(): number;
  /** The task's JSON as it is `at` (now, unless said). */
  render(task: StoredTask, at?: number): VideoTaskJson;
}
