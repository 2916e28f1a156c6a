// waitForTask and createVideoAndWait against a scripted fetch and a clock that never sleeps.
import { describe, expect, test } from 'vitest';
import {
  APIConnectionError,
  NotFoundError,
  TaskFailedError,
  TaskWaitTimeoutError,
  UnexpectedResponseError,
  type VideoTask,
} from '../src/index.js';
import { pollDelay, WAIT_DEFAULTS } from '../src/wait.js';
import {
  apiError,
  completedTask,
  failedTask,
  json,
  pendingTask,
  processingTask,
  TASK_ID,
  testClient,
} from './helpers.js';

const body = { model: 'sora-2', prompt: 'A cat playing piano' } as const;

describe('pollDelay', () => {
  test('grows 1.5× per poll up to the cap, jittered ±25%', () => {
    const options = { pollIntervalMs: 1000, maxPollIntervalMs: 3000 };
    expect([0, 1, 2, 3, 4].map((poll) => pollDelay(poll, options, () => 0.5))).toEqual([
      1000, 1500, 2250, 3000, 3000,
    ]);
    expect(pollDelay(0, options, () => 0)).toBe(750);
    expect(pollDelay(0, options, () => 0.999_999)).toBe(1250);
  });
  test('defaults', () => {
    expect(pollDelay(0, {}, () => 0.5)).toBe(WAIT_DEFAULTS.pollIntervalMs);
    expect(pollDelay(50, {}, () => 0.5)).toBe(WAIT_DEFAULTS.maxPollIntervalMs);
  });
});

describe('waitForTask', () => {
  test('polls with growing, jittered delays until completed, reporting progress', async () => {
    const { client, seen, sleeps } = testClient(
      [
        json(pendingTask),
        json(processingTask),
        json({ ...processingTask, progress: 80 }),
        json(completedTask),
      ],
      { clock: { random: () => 0.5 } },
    );
    const progress: number[] = [];
    const task = await client.waitForTask(TASK_ID, {
      pollIntervalMs: 1000,
      onProgress: (t) => {
        progress.push(t.progress);
      },
    });
    expect(task.status).toBe('completed');
    expect(task.results[0]).toBe(completedTask.results[0]);
    expect(progress).toEqual([0, 45, 80, 100]);
    expect(seen).toHaveLength(4);
    expect(sleeps).toEqual([1000, 1500, 2250]);
  });

  test('a failed task throws TaskFailedError with its code, message and the task', async () => {
    const { client } = testClient([json(processingTask), json(failedTask)]);
    const error = await client.waitForTask(TASK_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskFailedError);
    expect(error).toMatchObject({
      code: 'content_policy_violation',
      taskId: TASK_ID,
      task: failedTask,
    });
    expect((error as Error).message).toContain(failedTask.error.message);
  });

  test('an unknown status is a clear error, not an endless loop', async () => {
    const { client, seen } = testClient([json({ ...pendingTask, status: 'archived' }), json(pendingTask)]);
    const error = await client.waitForTask(TASK_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as Error).message).toContain('"archived"');
    expect((error as Error).message).toContain(TASK_ID);
    expect(seen).toHaveLength(1);
  });

  test('the overall deadline throws TaskWaitTimeoutError naming the task, after a last poll', async () => {
    const answers = Array.from({ length: 20 }, () => json(processingTask));
    const { client, sleeps, seen } = testClient(answers, { clock: { random: () => 0.5 } });
    const error = await client
      .waitForTask(TASK_ID, { pollIntervalMs: 1000, maxPollIntervalMs: 1000, timeoutMs: 3500 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskWaitTimeoutError);
    expect(error).toMatchObject({ taskId: TASK_ID, timeoutMs: 3500, lastTask: processingTask });
    expect((error as Error).message).toContain(TASK_ID);
    // 1000 + 1000 + 1000 + 500 (clipped to the deadline), then the final poll.
    expect(sleeps).toEqual([1000, 1000, 1000, 500]);
    expect(seen).toHaveLength(5);
  });

  test('an AbortSignal stops the wait with its reason', async () => {
    const controller = new AbortController();
    const { client, seen } = testClient([json(pendingTask), json(processingTask), json(completedTask)]);
    const error = await client
      .waitForTask(TASK_ID, {
        signal: controller.signal,
        onProgress: (task) => {
          if (task.status === 'processing') controller.abort(new Error('shutting down'));
        },
      })
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe('shutting down');
    expect(seen).toHaveLength(2);
  });

  test('HTTP errors while polling propagate (after the transport retries)', async () => {
    // A 404 would not change on a retry: one request, then the error.
    const { client, seen } = testClient([apiError(404, 'task_not_found')]);
    await expect(client.waitForTask(TASK_ID)).rejects.toThrow(NotFoundError);
    expect(seen).toHaveLength(1);
    // A network error is retried DEFAULT_RETRY_POLICY.maxRetries (2) times before it reaches the caller.
    const flaky = testClient(
      [json(pendingTask), new TypeError('a'), new TypeError('b'), new TypeError('c'), json(completedTask)],
      { clock: { random: () => 0.5 } },
    );
    await expect(flaky.client.waitForTask(TASK_ID, { pollIntervalMs: 1000 })).rejects.toThrow(
      APIConnectionError,
    );
    expect(flaky.seen.map((r) => r.method)).toEqual(['GET', 'GET', 'GET', 'GET']);
    // One poll interval, then two backoffs (full jitter at 0.5 of 500 ms and of 1000 ms).
    expect(flaky.sleeps).toEqual([1000, 250, 500]);
  });

  test('a poll that fails once on the network is retried, and the wait goes on', async () => {
    const { client, seen } = testClient([json(pendingTask), new TypeError('reset'), json(completedTask)]);
    expect((await client.waitForTask(TASK_ID)).status).toBe('completed');
    expect(seen).toHaveLength(3);
  });

  test('an already completed task returns at once', async () => {
    const { client, sleeps } = testClient([json(completedTask)]);
    expect((await client.waitForTask(TASK_ID)).results).toEqual(completedTask.results);
    expect(sleeps).toEqual([]);
  });
});

describe('createVideoAndWait', () => {
  test('hands the created task to onCreated before the first poll, then waits one interval', async () => {
    const events: string[] = [];
    const { client, seen, sleeps } = testClient(
      [json(pendingTask), json(processingTask), json(completedTask)],
      { clock: { random: () => 0.5 } },
    );
    const task = await client.createVideoAndWait(body, {
      pollIntervalMs: 1000,
      onCreated: (created: VideoTask) => {
        events.push(`created ${created.id} (${seen.length} request)`);
      },
      onProgress: (t) => {
        events.push(`progress ${t.progress}`);
      },
    });
    expect(task.status).toBe('completed');
    expect(events).toEqual([`created ${TASK_ID} (1 request)`, 'progress 45', 'progress 100']);
    expect(seen.map((r) => r.method)).toEqual(['POST', 'GET', 'GET']);
    expect(sleeps).toEqual([1000, 1500]);
  });

  test('a failing onCreated stops before waiting', async () => {
    const { client, seen } = testClient([json(pendingTask)]);
    await expect(
      client.createVideoAndWait(body, {
        onCreated: () => {
          throw new Error('could not persist');
        },
      }),
    ).rejects.toThrow('could not persist');
    expect(seen).toHaveLength(1);
  });

  test('a failed task throws TaskFailedError', async () => {
    const { client } = testClient([json(pendingTask), json(failedTask)]);
    await expect(client.createVideoAndWait(body)).rejects.toThrow(TaskFailedError);
  });
});
