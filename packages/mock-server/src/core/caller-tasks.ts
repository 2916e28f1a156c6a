// The caller's own tasks: GET /v1/tasks (a page newest first, filtered by status, model and type) and
// POST /v1/tasks/batch (up to 50 ids). Requests are validated against the spec here, as a create is
// (core/create-input.ts); the store's per-key index answers the page.
import type { Schemas } from '@videotask/spec';
import type { TaskStatus, Timeline } from '../domain/lifecycle.js';
import type { VideoTaskJson } from '../domain/task.js';
import { requestValidators } from '../domain/validation.js';
import type { MockStore, StoredTask } from '../store/store.js';
import { CALLER_STATUS_MATCHES, statusIn } from './list.js';
import { ok, type Refusal, type Result, refuse } from './result.js';

/** `type` is not kept: every task of this API is a video, so `type=video` (the only value the spec allows) filters nothing. */
export interface CallerTaskQuery {
  /** From 1. */
  page: number;
  /** 1 to 100. */
  pageSize: number;
  status: TaskStatus | null;
  /** Case-sensitive. */
  model: string | null;
}

export type TaskListJson = Schemas['TaskList'];
export type TaskBatchJson = Schemas['TaskBatch'];

/** What the core lends the caller's queries: its store, its clock and how it renders a task. */
export interface CallerTasksContext {
  store: MockStore;
  now(): number;
  render(task: StoredTask): VideoTaskJson;
}

/** Validates GET /v1/tasks's query (the values as text, e.g. `c.req.query()`), defaults filled in. */
export function parseTaskListQuery(params: Record<string, string | undefined>): Result<CallerTaskQuery> {
  const validate = requestValidators().taskListQuery;
  const values: Record<string, unknown> = { ...params };
  if (!validate(values)) return invalidRequest(validate.issues[0]);
  const { page, page_size, status, model } = values as Record<string, unknown>;
  return ok({
    page: page as number,
    pageSize: page_size as number,
    status: (status as TaskStatus | undefined) ?? null,
    model: (model as string | undefined) ?? null,
  });
}

/** Validates POST /v1/tasks/batch's body (or passes on why it could not be read): the ids asked for. */
export function parseTaskBatch(body: unknown | Refusal): Result<string[]> {
  if (isRefusal(body)) return body;
  const validate = requestValidators().taskBatch;
  if (!validate(body)) return invalidRequest(validate.issues[0]);
  return ok((body as { task_ids: string[] }).task_ids);
}

/** One page of the key's tasks, newest first; `page` and `page_size` echo the query. */
export async function listCallerTasks(
  core: CallerTasksContext,
  apiKey: string,
  query: CallerTaskQuery,
): Promise<TaskListJson> {
  const now = core.now();
  const statuses = query.status ? CALLER_STATUS_MATCHES[query.status] : null;
  const where = statuses ? (timeline: Timeline) => statusIn(timeline, now, statuses) : null;
  const offset = (query.page - 1) * query.pageSize;
  const page = await core.store.pageTasksOf(
    apiKey,
    { model: query.model, where },
    offset,
    query.pageSize,
    now,
  );
  return {
    data: page.tasks.map((task) => core.render(task)),
    total: page.total,
    page: query.page,
    page_size: query.pageSize,
  };
}

/** The key's tasks among `ids`, each once, in the order asked; unknown, expired and other keys' ids are absent. */
export async function batchTasks(
  core: CallerTasksContext,
  apiKey: string,
  ids: readonly string[],
): Promise<TaskBatchJson> {
  const tasks = await core.store.tasksByIds(apiKey, ids, core.now());
  return { data: tasks.map((task) => core.render(task)) };
}

function invalidRequest(issue: { message: string; property: string | undefined } | undefined): Refusal {
  return refuse('invalid_request', issue?.message ?? 'The request is invalid.', issue?.property);
}

function isRefusal(value: unknown): value is Refusal {
  return (value as Refusal | null)?.ok === false && 'code' in (value as Refusal);
}
