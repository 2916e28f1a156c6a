// A page of tasks newest first, from tasks held oldest first (the Redis store's scan for a `where` test).
import type { StoredTask, TaskPage } from './store.js';

/**
 * Without a test the page is read by index (O(limit)); with one, every task is tested (a status is
 * derived from the clock when read, so no index holds it) and counted.
 */
export function pageNewestFirst(
  tasks: readonly StoredTask[],
  where: ((task: StoredTask) => boolean) | null | undefined,
  offset: number,
  limit: number,
): TaskPage {
  const page: StoredTask[] = [];
  if (!where) {
    const end = tasks.length - offset;
    for (let i = end - 1; i >= 0 && i >= end - limit; i--) page.push(tasks[i] as StoredTask);
    return { tasks: page, total: tasks.length };
  }
  let total = 0;
  for (let i = tasks.length - 1; i >= 0; i--) {
    const task = tasks[i] as StoredTask;
    if (!where(task)) continue;
    if (total >= offset && page.length < limit) page.push(task);
    total++;
  }
  return { tasks: page, total };
}
