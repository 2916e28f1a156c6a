// The task table's data: the dashboard's query parameters, read into the core's one task query, and its rows.
import type { MockCore } from '../core/commands.js';
import type { StatusCounts, TaskListPage } from '../core/list.js';
import type { AttemptOutcome } from '../domain/delivery-attempt.js';
import { TASK_STATUSES, type TaskStatus } from '../domain/lifecycle.js';

export { emptyCounts, FNV_OFFSET, mixNumber, mixString, type StatusCounts } from '../core/list.js';

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
  model: string;
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

/**
 * One page of tasks, newest first: the core's query, plus the callback attempts of the rows on the
 * page only. The scan comes back too: the event stream's watcher learns from it what the page showed.
 */
export async function queryTasks(
  core: MockCore,
  query: TaskQuery,
): Promise<{ page: TaskPage; scan: TaskListPage }> {
  const scan = await core.listTasks({
    status: query.status,
    q: query.q,
    offset: query.offset,
    limit: query.limit,
  });
  const rows = await Promise.all(
    scan.items.map(async ({ task, status, progress }): Promise<TaskRow> => {
      const attempts = await core.listDeliveries({ taskId: task.id });
      return {
        id: task.id,
        status,
        progress,
        scenario: task.scenario,
        model: task.model,
        duration: task.duration,
        aspectRatio: task.aspectRatio,
        createdAt: task.createdAt,
        apiKey: shortKey(task.apiKey),
        callbackUrl: task.callbackUrl,
        cancelled: task.cancelled,
        attempts: attempts.length,
        lastOutcome: attempts.at(-1)?.outcome ?? null,
      };
    }),
  );
  const page = {
    total: scan.total,
    offset: scan.offset,
    limit: scan.limit,
    counts: scan.counts,
    now: scan.now,
    rows,
  };
  return { page, scan };
}
