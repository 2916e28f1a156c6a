// Lifecycle: a task moves only forward, its progress never falls, and it ends with exactly the right fields.
import { TaskFailedError, type TaskState, type VideoTask } from '@videotask/client';
import { MockAdminError } from '@videotask/mock-server/admin-client';
import type { Schemas } from '@videotask/spec';
import { modelEntries } from '@videotask/spec';
import { describe, expect, test } from 'vitest';
import {
  admin,
  client,
  onMock,
  smoke,
  smokeBody,
  smokeSkipReason,
  target,
  targetNowSeconds,
} from '../src/harness.js';
import { checkTaskRead, checkTransition } from '../src/lifecycle.js';
import { notServedReason } from '../src/served.js';
import { minimalBody } from '../src/violations.js';

/** Waits for the task, checking each read on its own and against the one before. */
async function followTask(created: VideoTask, scenarioHeaders: Record<string, string> = {}) {
  const reads: TaskState[] = [created];
  const problems: string[] = checkTaskRead(created, await targetNowSeconds());
  const c = client({ headers: scenarioHeaders });
  const outcome = await c
    .waitForTask(created.id, {
      pollIntervalMs: onMock ? 3_000 : 10_000,
      maxPollIntervalMs: onMock ? 10_000 : 30_000,
      timeoutMs: target.waitTimeoutMs,
      onProgress: async (task) => {
        problems.push(
          ...checkTransition(reads.at(-1) as VideoTask, task),
          ...checkTaskRead(task, await targetNowSeconds()),
        );
        reads.push(task);
      },
    })
    .catch((error: unknown) => error);
  return { outcome, reads, problems };
}

// The paid smoke: the cheapest model the target serves today, within CONTRACT_MAX_CREDITS.
describe.skipIf(!target.available || !target.billable)(`paid smoke (${target.name})`, () => {
  const name = smoke ? `${smoke.entry.id}, ${smoke.credits} credits` : 'no model';
  test.skipIf(smokeSkipReason !== undefined)(
    `the cheapest served model (${name}): pending → completed → playable${smokeSkipReason ? ` (skipped: ${smokeSkipReason})` : ''}`,
    async () => {
      const created = await client().createVideo(
        smokeBody({ prompt: 'A paper boat drifting on a calm lake' }),
      );
      expect(created).toMatchObject({ status: 'pending', model: smoke?.entry.id });
      const { outcome, problems } = await followTask(created);
      expect(problems).toEqual([]);
      if (outcome instanceof Error) throw new Error(`task ${created.id}: ${outcome.message}`);
      const [url] = (outcome as Schemas['CompletedTask']).results;
      const video = await fetch(url as string, { headers: { range: 'bytes=0-1023' } });
      expect(video.headers.get('content-type')).toMatch(/^video\/mp4/);
      await video.body?.cancel();
    },
  );
});

// sora-2 as existing users call it; on a target that no longer serves it, skipped with the reason.
const sora2Gone = notServedReason(target.models, 'sora-2', target.name);
describe.skipIf(!target.available || !target.billable || sora2Gone !== undefined)(
  `lifecycle (${target.name})${sora2Gone ? ` (skipped: ${sora2Gone})` : ''}`,
  () => {
    test.each([
      ['text to video, 10 s, landscape', { aspect_ratio: '16:9', duration: 10 }],
      [
        'text to video, 15 s, portrait, watermark kept',
        { aspect_ratio: '9:16', duration: 15, remove_watermark: false },
      ],
    ] as const)('%s: pending → completed with results', async (_name, options) => {
      const created = await client().createVideo({
        model: 'sora-2',
        prompt: 'A paper boat drifting on a calm lake',
        ...options,
      });
      expect(created).toMatchObject({ status: 'pending', progress: 0, model: 'sora-2', type: 'video' });
      expect(created.id).toMatch(/^task-unified-\d+-[0-9a-z]{8}$/);

      const { outcome, reads, problems } = await followTask(created);
      expect(problems).toEqual([]);
      if (outcome instanceof Error) throw new Error(`task ${created.id}: ${outcome.message}`);
      expect(outcome).toMatchObject({ id: created.id, status: 'completed', progress: 100 });
      expect(reads.length).toBeGreaterThan(1);

      // The result is a real video the caller can download.
      const [url] = (outcome as Schemas['CompletedTask']).results;
      const video = await fetch(url as string, { headers: { range: 'bytes=0-1023' } });
      expect([200, 206]).toContain(video.status);
      expect(video.headers.get('content-type')).toMatch(/^video\/mp4/);
      await video.body?.cancel();
    });

    test('a finished task reads the same on every later read', async () => {
      const created = await client().createVideo({ model: 'sora-2', prompt: 'Clouds over mountains' });
      const { outcome } = await followTask(created);
      if (outcome instanceof Error) throw new Error(`task ${created.id}: ${outcome.message}`);
      expect(await client().getTask(created.id)).toEqual(outcome);
    });
  },
);

// Every model of the spec, each through the whole lifecycle. Mock only: on the live API each row
// would bill a task of that model.
describe.skipIf(!onMock)(`every model's lifecycle (${target.name})`, () => {
  test.each(
    modelEntries().map(
      (entry) => [entry.id, entry, notServedReason(target.models, entry.id, target.name)] as const,
    ),
  )('%s: pending → completed with a playable result', async (id, entry, reason) => {
    expect(reason, 'the mock serves every model of the spec').toBeUndefined();
    const created = await client().createVideo(minimalBody(entry) as never);
    expect(created).toMatchObject({ status: 'pending', model: id, type: 'video' });
    expect(created.usage?.credits_reserved).toBeGreaterThan(0);
    const { outcome, problems } = await followTask(created);
    expect(problems).toEqual([]);
    if (outcome instanceof Error) throw new Error(`task ${created.id}: ${outcome.message}`);
    expect(outcome).toMatchObject({ status: 'completed', model: id });
    const [url] = (outcome as Schemas['CompletedTask']).results;
    const video = await fetch(url as string, { headers: { range: 'bytes=0-1023' } });
    expect(video.headers.get('content-type')).toMatch(/^video\/mp4/);
    await video.body?.cancel();
  });
});

describe.skipIf(!onMock)('failure scenarios (mock)', () => {
  test('a prompt blocked by moderation ends failed with content_policy_violation, credits returned', async () => {
    const moderated = client({ headers: { 'x-mock-scenario': 'moderation' } });
    const before = (await client().getCredits()).data.token;
    const created = await moderated.createVideo({ model: 'sora-2', prompt: 'something the policy blocks' });
    // First the charge: the task's reserved credits leave the balance when it is created...
    const price = created.usage?.credits_reserved ?? 0;
    expect(price).toBeGreaterThan(0);
    const charged = (await client().getCredits()).data.token;
    expect(charged.remaining_credits).toBeCloseTo(before.remaining_credits - price, 6);
    const { outcome, problems } = await followTask(created);
    expect(problems).toEqual([]);
    expect(outcome).toBeInstanceOf(TaskFailedError);
    expect(outcome).toMatchObject({ code: 'content_policy_violation' });
    // ...then the refund: they come back when it fails, and none of them counts as used.
    const after = (await client().getCredits()).data.token;
    expect(after.remaining_credits).toBeCloseTo(before.remaining_credits, 6);
    expect(after.used_credits).toBeCloseTo(before.used_credits, 6);
  });

  test('a cancelled task reads failed with request_cancelled, and can no longer be cancelled', async () => {
    const created = await client({ headers: { 'x-mock-scenario': 'slow' } }).createVideo({
      model: 'sora-2',
      prompt: 'A slow sunrise',
    });
    await admin.advanceClock(5_000);
    await admin.cancel(created.id);
    const task = await client().getTask(created.id);
    expect(task).toMatchObject({
      status: 'failed',
      error: { code: 'request_cancelled', type: 'task_error' },
    });
    expect(task.task_info?.can_cancel).toBe(false);
    expect(checkTaskRead(task, await targetNowSeconds())).toEqual([]);
    // A second cancel is refused, and the task stays as it was.
    const again = await admin.cancel(created.id).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(MockAdminError);
    expect(again).toMatchObject({ status: 409, code: 'conflict' });
    expect(await client().getTask(created.id)).toEqual(task);
  });

  test.each(['generation_timeout', 'service_error', 'image_processing_error'])(
    'scenario fail:%s ends failed with that code',
    async (code) => {
      const created = await client({ headers: { 'x-mock-scenario': `fail:${code}` } }).createVideo({
        model: 'sora-2',
        prompt: 'A failing task',
      });
      const { outcome, problems } = await followTask(created);
      expect(problems).toEqual([]);
      expect(outcome).toBeInstanceOf(TaskFailedError);
      expect(outcome).toMatchObject({ code });
    },
  );
});
