// The one task query: filters (status, key, text), paging newest first, the count per status and a hash
// of what it saw — for the admin API, the dashboard and the controller alike.
import { stateAt, type TaskStatus, type Timeline } from '../domain/lifecycle.js';
import type { StoredTask } from '../store/store.js';

export interface TaskListQuery {
  status?: TaskStatus | null;
  /** Only this key's tasks. */
  apiKey?: string | null;
  /** Case-insensitive text found in the id, the owning key, the scenario or the callback URL. */
  q?: string;
  /** Rows to skip (of the filtered list, newest first). */
  offset?: number;
  limit?: number;
}

export type StatusCounts = Record<TaskStatus, number> & { all: number };

export interface ListedTask {
  task: StoredTask;
  status: TaskStatus;
  progress: number;
}

export interface TaskListPage {
  /** Tasks matching the filters. */
  total: number;
  offset: number;
  limit: number;
  /** Every live task by status (filters aside). */
  counts: StatusCounts;
  now: number;
  /** A hash of every live task's status and progress, and of which tasks exist (the dashboard's watcher). */
  hash: number;
  /** Some task is pending (its estimated_time counts down each second). */
  waiting: boolean;
  items: ListedTask[];
}

export function emptyCounts(): StatusCounts {
  return { all: 0, pending: 0, processing: 0, completed: 0, failed: 0 };
}

const STATUS_CODE: Record<TaskStatus, number> = { pending: 1, processing: 2, completed: 3, failed: 4 };
export const FNV_OFFSET = 0x811c9dc5;
export const mixNumber = (h: number, n: number) => Math.imul(h ^ (n | 0), 0x01000193) >>> 0;
export function mixString(h: number, text: string): number {
  let out = h;
  for (let i = 0; i < text.length; i++) out = mixNumber(out, text.charCodeAt(i));
  return out;
}

/** The statuses a caller's `status` filter (GET /v1/tasks) matches: `processing` also matches pending, as the vendor's client documents. */
export const CALLER_STATUS_MATCHES: Record<TaskStatus, readonly TaskStatus[]> = {
  pending: ['pending'],
  processing: ['pending', 'processing'],
  completed: ['completed'],
  failed: ['failed'],
};

/** Whether the task's status now (derived from its timeline, as every query here does) is one of `statuses`. */
export function statusIn(timeline: Timeline, now: number, statuses: readonly TaskStatus[]): boolean {
  return statuses.includes(stateAt(timeline, now).status);
}

function matches(task: StoredTask, needle: string): boolean {
  return (
    task.id.includes(needle) ||
    task.apiKey.toLowerCase().includes(needle) ||
    (task.scenario?.toLowerCase().includes(needle) ?? false) ||
    (task.callbackUrl?.toLowerCase().includes(needle) ?? false)
  );
}

/**
 * One pass over the tasks (oldest first as stored), newest first: counts, hash, and the page asked
 * for. Past the end (tasks went away since a page was opened), the last page is answered instead.
 */
export function queryTasks(tasks: readonly StoredTask[], now: number, query: TaskListQuery): TaskListPage {
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 100;
  const counts = emptyCounts();
  const needle = query.q?.toLowerCase() ?? '';
  const matched: ListedTask[] = [];
  let hash = FNV_OFFSET;
  let waiting = false;
  for (let i = tasks.length - 1; i >= 0; i--) {
    const task = tasks[i] as StoredTask;
    if (task.expiresAt <= now) continue;
    const { status, progress } = stateAt(task, now);
    counts[status]++;
    counts.all++;
    if (status === 'pending') waiting = true;
    hash = mixNumber(mixNumber(mixNumber(hash, STATUS_CODE[status]), progress), task.cancelled ? 1 : 0);
    if (query.status && status !== query.status) continue;
    if (query.apiKey && task.apiKey !== query.apiKey) continue;
    if (needle && !matches(task, needle)) continue;
    matched.push({ task, status, progress });
  }
  hash = mixNumber(hash, counts.all);
  if (counts.all)
    hash = mixString(mixString(hash, (tasks.at(-1) as StoredTask).id), (tasks[0] as StoredTask).id);
  const start =
    offset >= matched.length && matched.length ? Math.floor((matched.length - 1) / limit) * limit : offset;
  const items = matched.slice(start, start + limit);
  return { total: matched.length, offset: start, limit, counts, now, hash, waiting, items };
}
