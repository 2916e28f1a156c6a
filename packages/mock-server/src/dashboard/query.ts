// The task table's data: one page of tasks (newest first, filtered) and the count per status, in one pass.
import type { MockCore } from '../core/commands.js';
import type { AttemptOutcome } from '../delivery/engine.js';
import { stateAt, TASK_STATUSES, type TaskStatus } from '../domain/lifecycle.js';
import type { TaskRecord } from '../domain/task.js';

/** The statuses a page can filter on (the spec's enum). */
export const STATUSES: readonly TaskStatus[] = TASK_STATUSES;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
export const MAX_QUERY_LENGTH = 200;

export interface TaskQuery {
  /** Rows to skip (of the filtered list, newest first). */
  offset: number;
  limit: number;
  status: TaskStatus | null;
  /** Case-insensitive text found in the id, the owning key, the scenario or the callback URL. */
  q: string;
}

/** One row of the task table. */
export interface TaskRow {
  id: string;
  status: TaskStatus;
  progress: number;
  scenario: string | null;
  duration: number;
  aspectRatio: string;
  /** ms since epoch, server clock. */
  createdAt: number;
  /** The owning API key, shortened (the dashboard never shows a whole key in the table). */
  apiKey: string;
  callbackUrl: string | null;
  cancelled: boolean;
  /** Callback attempts recorded for the task, and how the latest one ended. */
  attempts: number;
  lastOutcome: AttemptOutcome | null;
}

export type StatusCounts = Record<TaskStatus, number> & { all: number };

export interface TaskPage {
  /** Tasks matching the filters. */
  total: number;
  offset: number;
  limit: number;
  counts: StatusCounts;
  now: number;
  rows: TaskRow[];
}

export type ParsedQuery = { ok: true; query: TaskQuery } | { ok: false; param: string; message: string };

/** Reads `offset`, `limit`, `status` and `q` from query parameters. */
export function parseTaskQuery(get: (name: string) => string | undefined): ParsedQuery {
  const int = (name: string, fallback: number, min: number, max: number) => {
    const text = get(name);
    if (text === undefined || text === '') return fallback;
    const n = Number(text);
    return Number.isInteger(n) && n >= min && n <= max ? n : null;
  };
  const offset = int('offset', 0, 0, Number.MAX_SAFE_INTEGER);
  if (offset === null) return { ok: false, param: 'offset', message: 'offset must be an integer >= 0' };
  const limit = int('limit', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
  if (limit === null)
    return { ok: false, param: 'limit', message: `limit must be an integer from 1 to ${MAX_PAGE_SIZE}` };
  const statusText = get('status') ?? '';
  if (statusText !== '' && !STATUSES.includes(statusText as TaskStatus)) {
    return { ok: false, param: 'status', message: `status must be one of: ${STATUSES.join(', ')}` };
  }
  const q = (get('q') ?? '').trim();
  if (q.length > MAX_QUERY_LENGTH)
    return { ok: false, param: 'q', message: `q must be at most ${MAX_QUERY_LENGTH} characters` };
  return { ok: true, query: { offset, limit, status: (statusText || null) as TaskStatus | null, q } };
}

/** `sk-live-abcdef123456` → `sk-liv…3456`; short keys are kept as they are. */
export function shortKey(key: string): string {
  return key.length <= 12 ? key : `${key.slice(0, 6)}…${key.slice(-4)}`;
}

function matches(task: TaskRecord, needle: string): boolean {
  return (
    task.id.includes(needle) ||
    task.apiKey.toLowerCase().includes(needle) ||
    (task.scenario?.toLowerCase().includes(needle) ?? false) ||
    (task.callbackUrl?.toLowerCase().includes(needle) ?? false)
  );
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

interface Picked {
  task: TaskRecord;
  status: TaskStatus;
  progress: number;
}

/** What one pass over the store finds. */
export interface TaskScan {
  now: number;
  counts: StatusCounts;
  /** A hash of every live task's status and progress, and of which tasks exist (see watch.ts). */
  hash: number;
  /** Some task is pending (its estimated_time counts down each second). */
  waiting: boolean;
  /** Tasks matching the query, and the page of them asked for. */
  matched: number;
  picked: Picked[];
}

/**
 * One pass over the store, newest first: the count per status, the hash of the tasks' states, and,
 * given a query, the tasks on the page it asks for. Status and progress are derived from the clock.
 */
export function scanTasks(core: MockCore, query: TaskQuery | null): TaskScan {
  const now = core.now();
  const tasks = [...core.store.values()];
  const counts = emptyCounts();
  const needle = query?.q.toLowerCase() ?? '';
  const picked: Picked[] = [];
  let matched = 0;
  let hash = FNV_OFFSET;
  let waiting = false;
  for (let i = tasks.length - 1; i >= 0; i--) {
    const task = tasks[i] as TaskRecord;
    if (task.expiresAt <= now) continue;
    const { status, progress } = stateAt(task, now);
    counts[status]++;
    counts.all++;
    if (status === 'pending') waiting = true;
    hash = mixNumber(hash, STATUS_CODE[status] * 256 + progress + (task.cancelled ? 128 : 0));
    if (!query) continue;
    if (query.status && status !== query.status) continue;
    if (needle && !matches(task, needle)) continue;
    if (matched >= query.offset && picked.length < query.limit) picked.push({ task, status, progress });
    matched++;
  }
  hash = mixNumber(hash, counts.all);
  if (counts.all) {
    hash = mixString(hash, (tasks.at(-1) as TaskRecord).id);
    hash = mixString(hash, (tasks[0] as TaskRecord).id);
  }
  return { now, counts, hash, waiting, matched, picked };
}

/**
 * One page of tasks, newest first: one pass over the store, plus the callback attempts of the rows
 * on the page only. 10,000 tasks cost a few milliseconds, and the answer carries `limit` rows at most.
 * The scan comes back too: the event stream's watcher learns from it what the page was shown.
 */
export function queryTasks(core: MockCore, query: TaskQuery): { page: TaskPage; scan: TaskScan } {
  core.billing.settleDue(core.now());
  const scan = scanTasks(core, query);
  // Past the end (tasks went away since the page was opened): answer the last page instead.
  if (!scan.picked.length && scan.matched > 0 && query.offset >= scan.matched) {
    const last = Math.floor((scan.matched - 1) / query.limit) * query.limit;
    return queryTasks(core, { ...query, offset: last });
  }
  const rows = scan.picked.map(({ task, status, progress }): TaskRow => {
    const attempts = core.deliveries.list({ taskId: task.id });
    return {
      id: task.id,
      status,
      progress,
      scenario: task.scenario,
      duration: task.duration,
      aspectRatio: task.aspectRatio,
      createdAt: task.createdAt,
      apiKey: shortKey(task.apiKey),
      callbackUrl: task.callbackUrl,
      cancelled: task.cancelled,
      attempts: attempts.length,
      lastOutcome: attempts.at(-1)?.outcome ?? null,
    };
  });
  const page = {
    total: scan.matched,
    offset: query.offset,
    limit: query.limit,
    counts: scan.counts,
    now: scan.now,
    rows,
  };
  return { page, scan };
}
