// The live tasks counted by status and model, and their credits by billing state: what --metrics shows as
// gauges. A task's state is derived from the clock when read, so it is counted here, when asked, the same
// way every read derives it, rather than by an event at its end (which no code runs: see domain/lifecycle.ts).
import { stateAt, type TaskStatus } from '../domain/lifecycle.js';
import { toCredits } from '../domain/prices.js';
import type { CoreContext } from './context.js';

export interface TaskTally {
  /** Live tasks (kept until 24 h after they end) by status and model; only the pairs that occur. */
  tasks: { status: TaskStatus; model: string; count: number }[];
  /** Their prices in credits: still reserved (running), consumed (completed) or returned (failed, cancelled). */
  credits: { reserved: number; consumed: number; returned: number };
}

const BILLING = {
  pending: 'reserved',
  processing: 'reserved',
  completed: 'consumed',
  failed: 'returned',
} as const;

/** Counts every live task of every key now (one pass over the store's tasks). */
export async function taskTally(core: CoreContext): Promise<TaskTally> {
  const now = core.now();
  const counts = new Map<string, { status: TaskStatus; model: string; count: number }>();
  const uc = { reserved: 0, consumed: 0, returned: 0 };
  for (const task of await core.store.listTasks(now)) {
    const { status } = stateAt(task, now);
    const key = `${status}\n${task.model}`;
    const entry = counts.get(key) ?? { status, model: task.model, count: 0 };
    entry.count++;
    counts.set(key, entry);
    uc[BILLING[status]] += task.priceUc;
  }
  const credits = {
    reserved: toCredits(uc.reserved),
    consumed: toCredits(uc.consumed),
    returned: toCredits(uc.returned),
  };
  return { tasks: [...counts.values()], credits };
}
