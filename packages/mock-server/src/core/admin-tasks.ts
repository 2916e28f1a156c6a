// The admin rules over tasks (admin API, dashboard, controller): one task with what the mock knows of
// it, the one task query, and cancel (refund and callback; 409 once the task has ended).
import type { StoredTask } from '../store/store.js';
import { sendOwnCallback } from './callbacks.js';
import type { CoreContext } from './context.js';
import { queryTasks, type TaskListPage, type TaskListQuery } from './list.js';
import { ok, type Result, refuse } from './result.js';
import { type AdminTask, adminView } from './views.js';

export async function adminTask(core: CoreContext, id: string): Promise<Result<AdminTask>> {
  const task = await core.store.getTask(id, core.now());
  if (!task) return refuse('task_not_found', `No task ${id}.`, 'id');
  return ok(await taskView(core, task));
}

/** A stored task as the admin API shows it, with its count of callback attempts. */
export async function taskView(core: CoreContext, task: StoredTask): Promise<AdminTask> {
  const attempts = await core.store.listAttempts({ taskId: task.id });
  return adminView(task, core.now(), core.options.publicUrl, attempts.length);
}

/** The one task query (filters, paging newest first, counts). */
export async function listTasks(core: CoreContext, query: TaskListQuery): Promise<TaskListPage> {
  const now = core.now();
  return queryTasks(await core.store.listTasks(now), now, query);
}

/** Ends a running task as failed / request_cancelled, refunds it and sends its callback; 409 once ended. */
export async function cancelTask(core: CoreContext, id: string): Promise<Result<AdminTask>> {
  const cancelled = await core.store.cancelTask(id, core.now());
  if (!cancelled) return refuse('task_not_found', `No task ${id}.`, 'id');
  const { task, ended } = cancelled;
  if (ended) return refuse('conflict', `Task ${id} has already ended.`, 'id');
  if (task.callbackUrl) {
    sendOwnCallback(core, task).catch((error) =>
      core.options.logger?.(`callback ${id}: not sent (${String(error)})`),
    );
  }
  return ok(await taskView(core, task));
}
