// Invariants of a task's life, checked on every pair of consecutive reads while polling.
import type { components, TaskState } from '@videotask/client';

/** A read as the client returns it: a state of the spec, or `cancelled` (which these checks report). */
type VideoTask = TaskState;
type TaskStatus = components['schemas']['TaskStatus'];

/** Which status may follow which (a read may skip states, never go back). */
const NEXT: Record<TaskStatus, readonly TaskStatus[]> = {
  pending: ['pending', 'processing', 'completed', 'failed'],
  processing: ['processing', 'completed', 'failed'],
  completed: ['completed'],
  failed: ['failed'],
};

/** Problems with one read of a task, on its own (beyond what its schema already checks). */
export function checkTaskRead(task: VideoTask, nowSeconds: number, toleranceSeconds = 600): string[] {
  const problems: string[] = [];
  if (!(task.status in NEXT)) problems.push(`unknown status ${String(task.status)}`);
  if ((task.status === 'completed') !== Array.isArray(task.results))
    problems.push('results must be present exactly when completed');
  if ((task.status === 'failed') !== ('error' in task && task.error !== undefined))
    problems.push('error must be present exactly when failed');
  if ((task.status === 'completed' || task.status === 'failed') && task.task_info?.can_cancel !== false) {
    problems.push('can_cancel must be false once the task has ended');
  }
  if (Math.abs(task.created - nowSeconds) > toleranceSeconds) {
    problems.push(`created ${task.created} is not close to now (${nowSeconds})`);
  }
  return problems;
}

/** Problems between two consecutive reads of the same task. */
export function checkTransition(previous: VideoTask, next: VideoTask): string[] {
  const problems: string[] = [];
  if (previous.id !== next.id) problems.push(`id changed from ${previous.id} to ${next.id}`);
  if (previous.created !== next.created) problems.push('created changed between reads');
  if (!NEXT[previous.status as TaskStatus]?.includes(next.status as TaskStatus))
    problems.push(`illegal transition ${previous.status} → ${next.status}`);
  if (next.progress < previous.progress)
    problems.push(`progress fell from ${previous.progress} to ${next.progress}`);
  return problems;
}
