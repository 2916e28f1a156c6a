// Redelivery and the attempt log on MockCore: refusals, where a redelivery goes, duplicate, pruning.
import { afterEach, describe, expect, test } from 'vitest';
import type { RedeliverMutation } from '../domain/delivery-attempt.js';
import { closeCores, created, HOOK, input, receiver, testCore } from './test-core.js';

afterEach(closeCores);

const OTHER_HOOK = 'http://127.0.0.1:9/other';
const refused = (code: string, message: string, param: string) => ({ ok: false, code, message, param });

async function endedTask(options: { callback?: boolean } = {}) {
  const rx = receiver();
  const core = testCore({ allowLocalCallbacks: true, fetch: rx.fetch });
  const body = options.callback === false ? {} : { callback_url: HOOK };
  const task = await created(core, input(body, { allowLocal: true }));
  await core.moveClock(10 * 60_000);
  await core.waitIdle(5000);
  return { core, task, sent: rx.sent };
}

describe('redeliver', () => {
  test('an unknown task, an unknown mutation, a task not ended: each refused', async () => {
    const core = testCore({ allowLocalCallbacks: true });
    expect(await core.redeliver('nope')).toEqual(refused('task_not_found', 'No task nope.', 'id'));
    const task = await created(core, input({ callback_url: HOOK }, { allowLocal: true }));
    expect(await core.redeliver(task.id, 'twice' as RedeliverMutation)).toEqual(
      refused(
        'invalid_request',
        'mutate must be one of: none, duplicate, stale-timestamp, bad-signature, tampered-body',
        'mutate',
      ),
    );
    expect(await core.redeliver(task.id)).toEqual(
      refused(
        'conflict',
        `Task ${task.id} has not ended yet (pending); its callback is sent when it does.`,
        'id',
      ),
    );
    await core.moveClock(5000);
    expect(await core.redeliver(task.id)).toMatchObject({ message: expect.stringContaining('(processing)') });
  });

  test('a completed task is sent again to its callback_url, with a new webhook-id', async () => {
    const { core, task, sent } = await endedTask();
    const result = await core.redeliver(task.id);
    expect(result).toMatchObject({ ok: true, value: { taskId: task.id, mutate: 'none', url: HOOK } });
    if (!result.ok) return;
    await result.value.firstAttempt;
    expect(sent.map((s) => s.url)).toEqual([HOOK, HOOK]);
    expect(sent[1]?.webhookId).toBe(result.value.webhookId);
    expect(sent[1]?.webhookId).not.toBe(sent[0]?.webhookId);
    expect(JSON.parse(sent[1]?.body ?? '{}')).toMatchObject({ id: task.id, status: 'completed' });
  });

  test('a failed task may be redelivered too, to another url', async () => {
    const rx = receiver();
    const core = testCore({ allowLocalCallbacks: true, fetch: rx.fetch });
    const task = await created(core, input({}, { scenario: 'fail:service_error' }));
    await core.moveClock(10 * 60_000);
    const result = await core.redeliver(task.id, 'none', OTHER_HOOK);
    expect(result).toMatchObject({ ok: true, value: { url: OTHER_HOOK } });
    await core.waitIdle(5000);
    expect(rx.sent.map((s) => s.url)).toEqual([OTHER_HOOK]);
  });

  test('without a callback_url a url is needed; a url the rules refuse is refused on url', async () => {
    const { core, task } = await endedTask({ callback: false });
    expect(await core.redeliver(task.id)).toEqual(
      refused('invalid_request', 'The task has no callback_url; pass "url".', 'url'),
    );
    const strict = testCore();
    const other = await created(strict);
    await strict.moveClock(10 * 60_000);
    const result = await strict.redeliver(other.id, 'none', 'http://127.0.0.1/x');
    expect(result).toMatchObject({ ok: false, code: 'invalid_request', param: 'url' });
    expect(result.ok ? '' : result.message).toMatch(/^url /);
  });

  test('duplicate resends the first delivery: its webhook-id and body', async () => {
    const { core, task, sent } = await endedTask();
    const result = await core.redeliver(task.id, 'duplicate');
    if (!result.ok) throw new Error(result.message);
    await core.waitIdle(5000);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.webhookId).toBe(sent[0]?.webhookId);
    expect(result.value.webhookId).toBe(sent[0]?.webhookId);
    expect(sent[1]?.body).toBe(sent[0]?.body);
  });

  test('duplicate to another url (or with no first delivery) sends a fresh delivery twice under one id', async () => {
    const { core, task, sent } = await endedTask();
    const result = await core.redeliver(task.id, 'duplicate', OTHER_HOOK);
    if (!result.ok) throw new Error(result.message);
    await result.value.firstAttempt;
    await core.waitIdle(5000);
    const again = sent.slice(1);
    expect(again.map((s) => s.url)).toEqual([OTHER_HOOK, OTHER_HOOK]);
    expect(again[0]?.webhookId).toBe(result.value.webhookId);
    expect(again[1]?.webhookId).toBe(result.value.webhookId);
    expect(result.value.webhookId).not.toBe(sent[0]?.webhookId);
  });

  test('a redelivery with another mutation is one fresh delivery', async () => {
    const { core, task, sent } = await endedTask();
    const result = await core.redeliver(task.id, 'tampered-body');
    if (!result.ok) throw new Error(result.message);
    await core.waitIdle(5000);
    expect(sent).toHaveLength(2);
    expect((await core.listDeliveries({ taskId: task.id })).map((a) => a.mutate)).toEqual([
      null,
      'tampered-body',
    ]);
  });
});

describe('the attempt log', () => {
  test('attempts are listed oldest first and forgotten 24 h after they started', async () => {
    const { core, task } = await endedTask();
    const other = await created(core, input({ callback_url: HOOK }, { allowLocal: true }));
    await core.moveClock(10 * 60_000);
    await core.waitIdle(5000);
    expect((await core.listDeliveries()).map((a) => a.taskId)).toEqual([task.id, other.id]);
    expect((await core.listDeliveries({ taskId: other.id })).map((a) => a.taskId)).toEqual([other.id]);
    await core.moveClock(24 * 3600_000 - 10 * 60_000);
    expect((await core.listDeliveries()).map((a) => a.taskId)).toEqual([other.id]);
  });

  test('waitIdle: idle at once when nothing is in flight', async () => {
    expect(await testCore().waitIdle(1000)).toEqual({ idle: true, inFlight: 0 });
  });

  test('waitIdle gives up after its timeout while an attempt hangs', async () => {
    const core = testCore({
      allowLocalCallbacks: true,
      deliveryGraceMs: 1,
      fetch: (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
    });
    const task = await created(core, input({ callback_url: HOOK }, { allowLocal: true }));
    const view = await core.adminTask(task.id);
    if (!view.ok) throw new Error(view.message);
    // Just past its end: the attempt has started and its 10 s timeout (on the manual clock) not yet passed.
    await core.moveClock((view.value.timeline.endAt ?? 0) - core.now() + 1);
    expect(await core.waitIdle(20)).toEqual({ idle: false, inFlight: 1 });
  });
});
