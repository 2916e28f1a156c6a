import { createSpecValidator } from '@videotask/spec/validator';
import { describe, expect, test } from 'vitest';
import {
  cancelledTask,
  completedTask,
  creditsResponse,
  errorBody,
  failedTask,
  pendingTask,
  processingTask,
  TASK_ID,
} from './fixtures.js';

const validator = createSpecValidator();

describe('fixtures from the spec examples', () => {
  test('each task fixture is a VideoTask of its state, with the shared id', () => {
    const isTask = validator.schema('VideoTask');
    const tasks = [pendingTask(), processingTask(), completedTask(), failedTask(), cancelledTask()];
    for (const task of tasks) expect(isTask(task), task.status).toBe(true);
    expect(tasks.map((t) => t.status)).toEqual(['pending', 'processing', 'completed', 'failed', 'failed']);
    expect(new Set(tasks.map((t) => t.id))).toEqual(new Set([TASK_ID]));
    expect(cancelledTask().error.code).toBe('request_cancelled');
  });

  test('credits and error bodies are what the spec says those answers are', () => {
    expect(validator.schema('CreditsResponse')(creditsResponse())).toBe(true);
    const notFound = errorBody('TaskNotFoundError');
    expect(validator.schema('ErrorResponse')(notFound)).toBe(true);
    expect(notFound.error.code).toBe('task_not_found');
  });

  test('every call is a fresh copy: a test that changes one cannot leak into the next', () => {
    const task = completedTask();
    task.results.push('https://changed.example/x.mp4');
    expect(completedTask().results).toHaveLength(1);
  });
});
