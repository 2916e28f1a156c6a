// What the live API sends beyond the spec: a `cancelled` status ends a wait (and parses in a
// callback) as a failure with `request_cancelled`; an unknown future status is named; extra fields
// pass through untouched, typed as unknown.
import { describe, expect, expectTypeOf, test } from 'vitest';
import {
  confirmCallback,
  parseCallback,
  signCallback,
  TaskCancelledError,
  TaskFailedError,
  type TaskState,
  UnexpectedResponseError,
  type VideoTask,
  verifyCallback,
} from '../src/index.js';
import {
  completedTask,
  failedTask,
  json,
  pendingTask,
  processingTask,
  TASK_ID,
  testClient,
} from './helpers.js';

/** A task as the live API sends it when cancelled, with fields the spec does not describe. */
const cancelledTask = {
  ...pendingTask,
  status: 'cancelled',
  progress: 10,
  task_info: { can_cancel: false },
  usage: { ...pendingTask.usage, credits_used: 0, cost: { credits: 0, usd: 0, cny: 0 } },
};
const body = { model: 'sora-2', prompt: 'A cat playing piano' } as const;

describe('a cancelled task', () => {
  test('ends waitForTask with TaskCancelledError, a TaskFailedError with code request_cancelled', async () => {
    const { client, seen } = testClient([json(processingTask), json(cancelledTask), json(pendingTask)]);
    const error = await client.waitForTask(TASK_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskCancelledError);
    expect(error).toBeInstanceOf(TaskFailedError);
    expect(error).toMatchObject({ code: 'request_cancelled', taskId: TASK_ID, task: cancelledTask });
    expect((error as Error).message).toBe(
      `Task ${TASK_ID} was cancelled: request_cancelled: The task was cancelled.`,
    );
    expect(seen).toHaveLength(2);
  });

  test("keeps the API's own error message when the cancelled task carries one", async () => {
    const error = { code: 'request_cancelled', message: 'Cancelled by the user.', type: 'task_error' };
    const { client } = testClient([json({ ...cancelledTask, error })]);
    await expect(client.waitForTask(TASK_ID)).rejects.toMatchObject({
      name: 'TaskCancelledError',
      code: 'request_cancelled',
      message: `Task ${TASK_ID} was cancelled: request_cancelled: Cancelled by the user.`,
    });
  });

  test('ends createVideoAndWait the same way', async () => {
    const { client } = testClient([json(pendingTask), json(cancelledTask)]);
    const error = await client.createVideoAndWait(body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskCancelledError);
    expect(error).toMatchObject({ code: 'request_cancelled' });
  });

  test('a failed task is still a plain TaskFailedError', async () => {
    const { client } = testClient([json(failedTask)]);
    const error = await client.waitForTask(TASK_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskFailedError);
    expect(error).not.toBeInstanceOf(TaskCancelledError);
    expect(error).toMatchObject({ code: 'content_policy_violation' });
  });

  test('getTask returns it as sent, typed as a state the client knows', async () => {
    const { client } = testClient([json(cancelledTask)]);
    const task = await client.getTask(TASK_ID);
    expect(task).toEqual(cancelledTask);
    expectTypeOf(task.status).toEqualTypeOf<VideoTask['status'] | 'cancelled'>();
    expectTypeOf<TaskState>().toMatchTypeOf<{ status: string }>();
  });
});

describe('an unknown future status', () => {
  test('ends the wait with an error naming the status and the task', async () => {
    const { client, seen } = testClient([json({ ...pendingTask, status: 'archived' }), json(pendingTask)]);
    const error = await client.waitForTask(TASK_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as Error).message).toBe(
      `Task ${TASK_ID} has status "archived", which this client does not know ` +
        '(expected pending, processing, completed, failed or cancelled); upgrade @videotask/client.',
    );
    expect((error as UnexpectedResponseError).body).toEqual({ ...pendingTask, status: 'archived' });
    expect(seen).toHaveLength(1);
  });
});

describe('extra fields', () => {
  const extra = {
    ...completedTask,
    usage: { ...completedTask.usage, credits_used: 3.737, cost: { credits: 3.737, usd: 0.37, cny: 2.7 } },
    served_by: 'eu-1',
  };

  test('pass through getTask and waitForTask untouched', async () => {
    const { client } = testClient([json(extra), json(extra)]);
    expect(await client.getTask(TASK_ID)).toEqual(extra);
    expect(await client.waitForTask(TASK_ID)).toEqual(extra);
  });

  test('and through a failed task in TaskFailedError', async () => {
    const failed = { ...failedTask, error: { ...failedTask.error, suggestion: 'Rephrase the prompt.' } };
    const { client } = testClient([json(failed)]);
    const error = (await client.waitForTask(TASK_ID).catch((e: unknown) => e)) as TaskFailedError;
    expect(error.task).toEqual(failed);
  });

  test('are not typed: reading one needs a check of its own', async () => {
    const { client } = testClient([json(extra)]);
    const task = await client.waitForTask(TASK_ID);
    // @ts-expect-error cost is not in the spec, so not in the type
    expect(task.usage?.cost).toEqual({ credits: 3.737, usd: 0.37, cny: 2.7 });
    const usage: Record<string, unknown> = { ...task.usage };
    expectTypeOf(usage.cost).toBeUnknown();
    expect(usage.cost).toEqual({ credits: 3.737, usd: 0.37, cny: 2.7 });
    // credits_used is in the spec now: typed, and kept as sent.
    expectTypeOf(task.usage?.credits_used).toEqualTypeOf<number | undefined>();
    expect(task.usage?.credits_used).toBe(3.737);
  });
});

describe('a callback with status cancelled', () => {
  const raw = JSON.stringify(cancelledTask);

  test('parses as an ended task, exactly as sent', () => {
    const task = parseCallback(raw);
    expect(task).toEqual(cancelledTask);
    expect(task.status).toBe('cancelled');
  });

  test('verifies when signed', async () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const headers = await signCallback(raw, secret);
    expect(await verifyCallback(raw, headers, secret)).toEqual(cancelledTask);
  });

  test('is confirmed when the API reports the task cancelled too', async () => {
    const { client } = testClient([json(cancelledTask), json(processingTask)]);
    expect(await confirmCallback(client, raw)).toEqual(cancelledTask);
    await expect(confirmCallback(client, raw)).rejects.toMatchObject({ reason: 'not_finished' });
  });

  test('an unknown status in a callback is refused, naming it', () => {
    expect(() => parseCallback(JSON.stringify({ ...pendingTask, status: 'archived' }))).toThrow(
      /not a finished task \(status "archived"\)/,
    );
  });
});
