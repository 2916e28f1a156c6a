// One behaviour suite for every MockStore: the memory store and the Redis store must answer alike.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { DeliveryAttempt } from '../src/domain/delivery-attempt.js';
import type { Timeline } from '../src/domain/lifecycle.js';
import type { Outcome } from '../src/domain/scenarios.js';
import { TaskRecord } from '../src/domain/task.js';
import type { MockStore } from '../src/store/store.js';

/** What every store under test is built with. */
export const SUITE_SETTINGS = { maxTasks: 5, startingUc: 10_000, retentionMs: 24 * 60 * 60 * 1000 };

export const T0 = Date.UTC(2025, 0, 1, 12);
const DAY = SUITE_SETTINGS.retentionMs;

interface TaskShape {
  id?: string;
  apiKey?: string;
  model?: string;
  priceUc?: number;
  endAt?: number;
  outcome?: Outcome;
  idempotencyKey?: string | null;
  fingerprint?: string | null;
  callbackUrl?: string | null;
  traceparent?: string | null;
}

let ids = 0;
/** A task as the core would store it (defaults: sk-a, sora-2, 3737 UC, completed a minute after T0). */
export function task(shape: TaskShape = {}): TaskRecord {
  const endAt = shape.endAt ?? T0 + 60_000;
  return new TaskRecord(
    {
      id: shape.id ?? `task-unified-1735732800-${(ids++).toString(36).padStart(8, '0')}`,
      apiKey: shape.apiKey ?? 'sk-a',
      model: shape.model ?? 'sora-2',
      duration: 10,
      aspectRatio: '16:9',
      removeWatermark: true,
      image: false,
      priceUc: shape.priceUc ?? 3737,
      callbackUrl: shape.callbackUrl ?? null,
      failureCode: shape.outcome === 'failed' ? 'generation_failed_no_content' : null,
      scenario: null,
      idempotencyKey: shape.idempotencyKey ?? null,
      fingerprint: shape.fingerprint ?? null,
      traceparent: shape.traceparent ?? null,
    },
    {
      createdAt: T0,
      processingAt: T0 + 2000,
      processingMs: 50_000,
      endAt,
      outcome: shape.outcome ?? 'completed',
      freezeAt: shape.outcome === 'stuck' ? T0 + 20_000 : Number.POSITIVE_INFINITY,
      seed: 7,
    },
  );
}

/** A delivery attempt record for the log. */
export function attempt(
  taskId: string,
  at: number,
  outcome: DeliveryAttempt['outcome'] = 'delivered',
): DeliveryAttempt {
  return {
    webhookId: `msg_${taskId}`,
    taskId,
    url: 'https://hooks.example.com/video',
    attempt: 1,
    mutate: null,
    traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    signed: true,
    at,
    endedAt: outcome === 'in_flight' ? null : at,
    durationMs: outcome === 'in_flight' ? null : 3,
    outcome,
    status: outcome === 'delivered' ? 200 : null,
    error: null,
    nextRetryAt: null,
    request: { headers: { 'webhook-id': `msg_${taskId}` }, body: '{}' },
  };
}

/** Runs the suite against fresh stores made by `make` (each test gets an empty one). */
export function describeStore(name: string, make: () => Promise<MockStore>): void {
  describe(`${name} store`, () => {
    let store: MockStore;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await store.close();
    });

    test('a created task reads back with its fields; an unknown id reads as undefined', async () => {
      const t = task({ callbackUrl: 'https://hooks.example.com/x' });
      const outcome = await store.insertTask(t, T0);
      expect(outcome.kind).toBe('created');
      const read = await store.getTask(t.id, T0 + 1);
      expect(read).toMatchObject({
        id: t.id,
        apiKey: 'sk-a',
        priceUc: 3737,
        endAt: t.endAt,
        outcome: 'completed',
      });
      expect(read?.callbackUrl).toBe('https://hooks.example.com/x');
      expect(read?.expiresAt).toBe(t.endAt + DAY);
      expect(await store.getTask('task-unified-1-unknown0', T0)).toBeUndefined();
    });

    test('a task keeps its traceparent; one without a trace reads null', async () => {
      const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
      const [traced, plain] = [task({ traceparent }), task()];
      await store.insertTask(traced, T0);
      await store.insertTask(plain, T0);
      expect((await store.getTask(traced.id, T0 + 1))?.traceparent).toBe(traceparent);
      expect((await store.getTask(plain.id, T0 + 1))?.traceparent).toBeNull();
      expect((await store.listTasks(T0 + 1)).map((t) => t.traceparent)).toEqual([traceparent, null]);
    });

    test('a stuck task (no end) keeps Infinity for its end and never expires', async () => {
      const t = task({ endAt: Number.POSITIVE_INFINITY, outcome: 'stuck' });
      await store.insertTask(t, T0);
      const read = await store.getTask(t.id, T0 + 10 * DAY);
      expect(read?.endAt).toBe(Number.POSITIVE_INFINITY);
      expect(read?.freezeAt).toBe(T0 + 20_000);
    });

    test('a task is forgotten 24 h after it ends, with its Idempotency-Key', async () => {
      const t = task({ idempotencyKey: 'k1', fingerprint: 'f1' });
      await store.insertTask(t, T0);
      expect(await store.getTask(t.id, t.endAt + DAY - 1)).toBeDefined();
      expect(await store.getTask(t.id, t.endAt + DAY)).toBeUndefined();
      const again = task({ idempotencyKey: 'k1', fingerprint: 'f2' });
      expect((await store.insertTask(again, t.endAt + DAY)).kind).toBe('created');
    });

    test('beyond the size bound the oldest task is evicted; a running evicted task returns its credits', async () => {
      const made = [];
      for (let i = 0; i < SUITE_SETTINGS.maxTasks; i++) {
        const t = task({ priceUc: 1000, endAt: T0 + 60_000 });
        made.push(t);
        await store.insertTask(t, T0);
      }
      expect((await store.account('sk-a', T0)).remaining).toBe(5000);
      await store.insertTask(task({ priceUc: 1000 }), T0);
      expect(await store.getTask(made[0]?.id as string, T0)).toBeUndefined();
      expect(await store.getTask(made[1]?.id as string, T0)).toBeDefined();
      expect((await store.listTasks(T0)).length).toBe(SUITE_SETTINGS.maxTasks);
      expect((await store.account('sk-a', T0)).remaining).toBe(5000);
    });

    test('an Idempotency-Key replays the same body and refuses another; keys are per API key', async () => {
      const first = task({ idempotencyKey: 'k', fingerprint: 'body-1' });
      await store.insertTask(first, T0);
      const replay = await store.insertTask(task({ idempotencyKey: 'k', fingerprint: 'body-1' }), T0 + 5);
      expect(replay).toMatchObject({ kind: 'replayed', task: { id: first.id } });
      expect(
        (await store.insertTask(task({ idempotencyKey: 'k', fingerprint: 'body-2' }), T0 + 5)).kind,
      ).toBe('conflict');
      const other = await store.insertTask(
        task({ apiKey: 'sk-b', idempotencyKey: 'k', fingerprint: 'body-2' }),
        T0,
      );
      expect(other.kind).toBe('created');
      expect((await store.account('sk-a', T0)).remaining).toBe(10_000 - 3737);
    });

    test('the same id twice is id_taken, and nothing is reserved for the second', async () => {
      const t = task();
      await store.insertTask(t, T0);
      expect((await store.insertTask(task({ id: t.id }), T0)).kind).toBe('id_taken');
      expect((await store.account('sk-a', T0)).remaining).toBe(10_000 - 3737);
    });

    test('an id another API key holds is id_taken too', async () => {
      const t = task();
      await store.insertTask(t, T0);
      expect((await store.insertTask(task({ id: t.id, apiKey: 'sk-b' }), T0)).kind).toBe('id_taken');
      expect(await store.account('sk-b', T0)).toEqual({ remaining: 10_000, used: 0 });
      expect((await store.listTasks(T0)).map((l) => l.apiKey)).toEqual(['sk-a']);
    });

    test("every key's tasks are listed together, in the order they were created", async () => {
      const made = [];
      for (const apiKey of ['sk-a', 'sk-b', 'sk-a', 'sk-c', 'sk-b']) {
        const t = task({ apiKey });
        made.push(t.id);
        await store.insertTask(t, T0);
      }
      expect((await store.listTasks(T0)).map((t) => t.id)).toEqual(made);
    });

    test('a create that did not happen leaves its id free (too few credits, a replay, a conflict)', async () => {
      await store.setRemaining('sk-a', 1000, T0);
      const poor = task({ priceUc: 3737 });
      expect((await store.insertTask(poor, T0)).kind).toBe('insufficient');
      await store.setRemaining('sk-a', 10_000, T0);
      expect((await store.insertTask(task({ id: poor.id, apiKey: 'sk-b' }), T0)).kind).toBe('created');
      await store.insertTask(task({ idempotencyKey: 'k', fingerprint: 'body-1' }), T0);
      const replay = task({ idempotencyKey: 'k', fingerprint: 'body-1' });
      const conflict = task({ idempotencyKey: 'k', fingerprint: 'body-2' });
      expect((await store.insertTask(replay, T0)).kind).toBe('replayed');
      expect((await store.insertTask(conflict, T0)).kind).toBe('conflict');
      for (const t of [replay, conflict])
        expect((await store.insertTask(task({ id: t.id, apiKey: 'sk-c' }), T0)).kind).toBe('created');
      expect((await store.listTasks(T0)).length).toBe(4);
    });

    test('credits: reserved at create, consumed when it completes, returned when it fails', async () => {
      await store.insertTask(task({ priceUc: 2300, endAt: T0 + 1000 }), T0);
      await store.insertTask(task({ priceUc: 3737, endAt: T0 + 2000, outcome: 'failed' }), T0);
      expect(await store.account('sk-a', T0)).toEqual({ remaining: 10_000 - 2300 - 3737, used: 0 });
      expect(await store.account('sk-a', T0 + 1000)).toEqual({ remaining: 10_000 - 2300 - 3737, used: 2300 });
      expect(await store.account('sk-a', T0 + 2000)).toEqual({ remaining: 10_000 - 2300, used: 2300 });
      const settled = await store.listTasks(T0 + 2000);
      expect(settled.every((t) => t.settled)).toBe(true);
    });

    test('a free task (seeded demo data) needs no credits, reserves none and is settled from the start', async () => {
      await store.setRemaining('sk-a', 0, T0);
      const outcome = await store.insertTask(task({ priceUc: 3737, endAt: T0 + 1000 }), T0, {
        free: true,
      });
      expect(outcome.kind).toBe('created');
      expect(outcome.kind === 'created' && outcome.task.settled).toBe(true);
      expect(await store.account('sk-a', T0 + 2000)).toEqual({ remaining: 0, used: 0 });
      expect((await store.listTasks(T0 + 2000)).length).toBe(1);
    });

    test('too few credits refuses with what remains, and stores nothing', async () => {
      await store.setRemaining('sk-a', 3000, T0);
      const outcome = await store.insertTask(task({ priceUc: 3737 }), T0);
      expect(outcome).toEqual({ kind: 'insufficient', remaining: 3000 });
      expect(await store.listTasks(T0)).toEqual([]);
      expect(await store.setRemaining('sk-a', 0, T0)).toEqual({ remaining: 0, used: 0 });
    });

    test('cancel ends a running task as request_cancelled and refunds it; an ended one is left as it was', async () => {
      const t = task({ priceUc: 3737, callbackUrl: 'https://hooks.example.com/x' });
      await store.insertTask(t, T0);
      await store.scheduleCallback({ id: `task:${t.id}`, at: t.endAt, taskId: t.id });
      const cancelled = await store.cancelTask(t.id, T0 + 10_000);
      expect(cancelled?.ended).toBe(false);
      expect(cancelled?.task).toMatchObject({
        endAt: T0 + 10_000,
        outcome: 'failed',
        cancelled: true,
        failureCode: 'request_cancelled',
        settled: true,
      });
      expect(await store.account('sk-a', T0 + 10_000)).toEqual({ remaining: 10_000, used: 0 });
      expect(await store.claimDueCallbacks(t.endAt, 'r1', 1000)).toEqual([]);
      expect((await store.cancelTask(t.id, T0 + 20_000))?.ended).toBe(true);
      expect(await store.cancelTask('task-unified-1-unknown0', T0)).toBeUndefined();
    });

    test('settleDue settles what has ended by then, for every key', async () => {
      await store.insertTask(task({ priceUc: 2300, endAt: T0 + 1000 }), T0);
      await store.insertTask(
        task({ apiKey: 'sk-b', priceUc: 3737, endAt: T0 + 2000, outcome: 'failed' }),
        T0,
      );
      await store.insertTask(task({ apiKey: 'sk-c', priceUc: 1000, endAt: T0 + 5000 }), T0);
      await store.settleDue(T0 + 2000);
      // Read at an earlier time: only what settleDue settled shows.
      expect(await store.account('sk-a', T0)).toEqual({ remaining: 10_000 - 2300, used: 2300 });
      expect(await store.account('sk-b', T0)).toEqual({ remaining: 10_000, used: 0 });
      expect(await store.account('sk-c', T0)).toEqual({ remaining: 9000, used: 0 });
    });

    test('a cancel of an ended task keeps its callback; of a forgotten one, answers nothing', async () => {
      const t = task({ endAt: T0 + 1000, callbackUrl: 'https://hooks.example.com/x' });
      await store.insertTask(t, T0);
      await store.scheduleCallback({ id: `task:${t.id}`, at: t.endAt, taskId: t.id });
      expect((await store.cancelTask(t.id, T0 + 2000))?.ended).toBe(true);
      expect((await store.claimDueCallbacks(T0 + 2000, 'r1', 1000)).map((j) => j.id)).toEqual([
        `task:${t.id}`,
      ]);
      expect(await store.cancelTask(t.id, t.endAt + DAY)).toBeUndefined();
    });

    test("a key's page holds its own tasks newest first, with the total of all of them", async () => {
      await store.setRemaining('sk-a', 1e9, T0);
      const mine = [];
      for (let i = 0; i < 4; i++) {
        const t = task({ model: i % 2 ? 'sora-2-preview' : 'sora-2' });
        mine.push(t.id);
        await store.insertTask(t, T0);
      }
      await store.insertTask(task({ apiKey: 'sk-b' }), T0);
      const ids = async (offset: number, limit: number, model?: string) => {
        const page = await store.pageTasksOf('sk-a', { model }, offset, limit, T0 + 1);
        return [page.tasks.map((t) => t.id), page.total];
      };
      const [a, b, c, d] = mine;
      expect(await ids(0, 2)).toEqual([[d, c], 4]);
      expect(await ids(2, 2)).toEqual([[b, a], 4]);
      expect(await ids(3, 5)).toEqual([[a], 4]);
      expect(await ids(4, 2)).toEqual([[], 4]);
      expect(await ids(0, 10, 'sora-2-preview')).toEqual([[d, b], 2]);
      expect(await ids(1, 10, 'sora-2')).toEqual([[a], 2]);
      expect(await ids(0, 10, 'SORA-2')).toEqual([[], 0]);
      expect((await store.pageTasksOf('sk-b', {}, 0, 10, T0)).total).toBe(1);
      expect(await store.pageTasksOf('sk-none', {}, 0, 10, T0)).toEqual({ tasks: [], total: 0 });
    });

    test("a page's test is applied to every task of the key (and model), and counted", async () => {
      await store.setRemaining('sk-a', 1e9, T0);
      const made = [];
      for (const outcome of ['failed', 'completed', 'failed', 'completed'] as const) {
        const t = task({ outcome, model: made.length === 3 ? 'sora-2-preview' : 'sora-2' });
        made.push(t);
        await store.insertTask(t, T0);
      }
      const failed = (t: { outcome: string }) => t.outcome === 'failed';
      const page = await store.pageTasksOf('sk-a', { where: failed }, 0, 1, T0);
      expect([page.tasks.map((t) => t.id), page.total]).toEqual([[made[2]?.id], 2]);
      const second = await store.pageTasksOf('sk-a', { where: failed }, 1, 1, T0);
      expect(second.tasks.map((t) => t.id)).toEqual([made[0]?.id]);
      const done = await store.pageTasksOf('sk-a', { model: 'sora-2', where: (t) => !failed(t) }, 0, 5, T0);
      expect([done.tasks.map((t) => t.id), done.total]).toEqual([[made[1]?.id], 1]);
    });

    test("a page's test sees each task's whole timeline, a stuck task's Infinity included", async () => {
      await store.setRemaining('sk-a', 1e9, T0);
      const made = [task(), task({ endAt: Number.POSITIVE_INFINITY, outcome: 'stuck' })];
      for (const t of made) await store.insertTask(t, T0);
      const seen: Timeline[] = [];
      const none = await store.pageTasksOf('sk-a', { where: (t) => seen.push(t) < 0 }, 0, 5, T0);
      expect(none).toEqual({ tasks: [], total: 0 });
      const fields = (t: Timeline) => [
        t.createdAt,
        t.processingAt,
        t.processingMs,
        t.endAt,
        t.outcome,
        t.freezeAt,
        t.seed,
      ];
      expect(seen.map(fields)).toEqual([...made].reverse().map(fields));
    });

    test('a page leaves out expired and evicted tasks; a cancelled one stays, ended', async () => {
      await store.setRemaining('sk-a', 1e9, T0);
      const made = [];
      for (const endAt of [T0 + 60_000, T0 + 1000, T0 + 60_000, T0 + 60_000]) {
        const t = task({ endAt });
        made.push(t.id);
        await store.insertTask(t, T0);
      }
      const [first, early, cancelled, last] = made;
      await store.cancelTask(cancelled as string, T0 + 500);
      const page = await store.pageTasksOf('sk-a', {}, 0, 10, T0 + 600);
      expect(page.tasks.map((t) => [t.id, t.cancelled])).toEqual([
        [last, false],
        [cancelled, true],
        [early, false],
        [first, false],
      ]);
      // Two more: the store holds 5 at most, so the oldest goes.
      const newest = [task(), task()];
      for (const t of newest) await store.insertTask(t, T0 + 600);
      const full = await store.pageTasksOf('sk-a', {}, 0, 10, T0 + 600);
      expect([full.tasks.length, full.total]).toEqual([5, 5]);
      expect(full.tasks.map((t) => t.id)).not.toContain(first);
      // 24 h after the early and the cancelled tasks ended, they are gone too.
      const later = await store.pageTasksOf('sk-a', {}, 0, 10, T0 + 1000 + DAY);
      expect(later.total).toBe(3);
      expect(later.tasks.map((t) => t.id)).toEqual([newest[1]?.id, newest[0]?.id, last]);
      expect((await store.pageTasksOf('sk-a', {}, 1, 1, T0 + 1000 + DAY)).tasks[0]?.id).toBe(newest[0]?.id);
    });

    test("tasks by ids: the key's own, each once, in the order asked; unknown, expired and other keys' absent", async () => {
      const a = task();
      const b = task({ endAt: T0 + 1000 });
      const other = task({ apiKey: 'sk-b' });
      for (const t of [a, b, other]) await store.insertTask(t, T0);
      const unknown = 'task-unified-1735732800-zzzzzzzz';
      const found = await store.tasksByIds('sk-a', [b.id, unknown, other.id, a.id, b.id], T0 + 1);
      expect(found.map((t) => t.id)).toEqual([b.id, a.id]);
      const later = await store.tasksByIds('sk-a', [a.id, b.id], b.endAt + DAY);
      expect(later.map((t) => t.id)).toEqual([a.id]);
      expect((await store.tasksByIds('sk-b', [other.id], T0))[0]?.apiKey).toBe('sk-b');
    });

    test('the rate bucket allows `rate` at once, then asks for the seconds to wait, and refills with time', async () => {
      const takes = [];
      for (let i = 0; i < 3; i++) takes.push(await store.takeRateToken('sk-a', 2, T0));
      expect(takes).toEqual([0, 0, 1]);
      expect(await store.takeRateToken('sk-b', 2, T0)).toBe(0);
      expect(await store.takeRateToken('sk-a', 2, T0 + 500)).toBe(0);
    });

    test('faults apply in order, by path prefix, each used up after its count', async () => {
      await store.addFault({ status: 503, path: '/v1/tasks', count: 2 });
      const second = await store.addFault({ status: 429 });
      expect((await store.listFaults()).map((f) => f.remaining)).toEqual([2, 1]);
      expect((await store.takeFault('/v1/credits'))?.id).toBe(second.id);
      expect((await store.takeFault('/v1/tasks/x'))?.status).toBe(503);
      expect((await store.takeFault('/v1/tasks/x'))?.remaining).toBe(0);
      expect(await store.takeFault('/v1/tasks/x')).toBeUndefined();
      await store.addFault({ status: 500 });
      await store.clearFaults();
      expect(await store.listFaults()).toEqual([]);
    });

    test('the chaos setting: none at first, set with its draws counted from 0, forgotten again; a clear forgets it', async () => {
      expect(await store.chaosState()).toEqual({ setting: null, draws: 0 });
      expect((await store.takeChaosDraw()).draws).toBe(1);
      await store.setChaos({ profile: 'flaky-gateway', seed: 's1' });
      expect(store.mayHaveChaos).toBe(true);
      const draws = [];
      for (let i = 0; i < 3; i++) draws.push(await store.takeChaosDraw());
      expect(draws.map((d) => d.draws)).toEqual([1, 2, 3]);
      expect(draws[2]?.setting).toEqual({ profile: 'flaky-gateway', seed: 's1' });
      await store.setChaos({ profile: null, seed: 's1' });
      expect(await store.chaosState()).toEqual({ setting: { profile: null, seed: 's1' }, draws: 0 });
      await store.setChaos(null);
      expect(await store.chaosState()).toEqual({ setting: null, draws: 0 });
      await store.setChaos({ profile: 'late-callback', seed: 's2' });
      await store.clear();
      expect(await store.chaosState()).toEqual({ setting: null, draws: 0 });
    });

    test('the attempt log lists in order, updates by ref, filters by task, and prunes only ended old attempts', async () => {
      const a = await store.appendAttempt(attempt('t1', T0, 'in_flight'));
      await store.appendAttempt(attempt('t2', T0 + 10));
      await store.updateAttempt(a, { ...attempt('t1', T0), status: 500, outcome: 'failed' });
      expect((await store.listAttempts({})).map((r) => [r.taskId, r.outcome])).toEqual([
        ['t1', 'failed'],
        ['t2', 'delivered'],
      ]);
      expect((await store.listAttempts({ taskId: 't2' })).map((r) => r.taskId)).toEqual(['t2']);
      await store.pruneAttempts(T0 + 5);
      expect((await store.listAttempts({})).map((r) => r.taskId)).toEqual(['t2']);
      const flying = await store.appendAttempt(attempt('t3', T0 + 20, 'in_flight'));
      await store.pruneAttempts(T0 + 100);
      expect((await store.listAttempts({})).map((r) => r.taskId)).toEqual(['t3']);
      expect(flying).toBeGreaterThan(0);
    });

    test('a due callback is claimed once under its lease, claimable again after it, gone once finished', async () => {
      await store.scheduleCallback({ id: 'task:a', at: T0 + 100, taskId: 'a' });
      await store.scheduleCallback({ id: 'task:b', at: T0 + 50, taskId: 'b' });
      expect(await store.nextCallbackAt()).toBe(T0 + 50);
      expect(await store.claimDueCallbacks(T0 + 10, 'r1', 1000)).toEqual([]);
      const claimed = await store.claimDueCallbacks(T0 + 100, 'r1', 1000);
      expect(claimed.map((j) => j.id).sort()).toEqual(['task:a', 'task:b']);
      expect(await store.claimDueCallbacks(T0 + 100, 'r2', 1000)).toEqual([]);
      await store.finishCallback('task:a');
      const again = await store.claimDueCallbacks(T0 + 1100, 'r2', 1000);
      expect(again.map((j) => j.id)).toEqual(['task:b']);
      await store.finishCallback('task:b');
      expect(await store.nextCallbackAt()).toBeNull();
    });

    test("a job whose id is stored already is kept as it was (a task's own job is stored once)", async () => {
      expect(
        await store.scheduleCallback({ id: 'task:k', at: T0 + 5, taskId: 'k', webhookId: 'msg_1' }),
      ).toBe(true);
      expect(await store.scheduleCallback({ id: 'task:k', at: T0, taskId: 'k', webhookId: 'msg_2' })).toBe(
        false,
      );
      expect(await store.nextCallbackAt()).toBe(T0 + 5);
      expect(await store.claimDueCallbacks(T0 + 5, 'r1', 1000)).toEqual([
        { id: 'task:k', at: T0 + 5, taskId: 'k', webhookId: 'msg_1' },
      ]);
    });

    test('a retry job keeps its delivery (webhook-id, body, attempt, trace) through the store', async () => {
      const retry = {
        webhookId: 'msg_1',
        url: 'https://h.example.com',
        body: '{"a":1}',
        mutate: null,
        attempt: 2,
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      };
      await store.scheduleCallback({ id: 'retry:msg_1:2', at: T0, taskId: 't', retry });
      expect(await store.claimDueCallbacks(T0, 'r1', 1000)).toEqual([
        { id: 'retry:msg_1:2', at: T0, taskId: 't', retry },
      ]);
    });

    test("a task's own job keeps the webhook-id it was scheduled with", async () => {
      await store.scheduleCallback({ id: 'task:w', at: T0, taskId: 'w', webhookId: 'msg_fixed' });
      expect(await store.claimDueCallbacks(T0, 'r1', 1000)).toEqual([
        { id: 'task:w', at: T0, taskId: 'w', webhookId: 'msg_fixed' },
      ]);
    });

    test('a balance of exactly the price is enough', async () => {
      await store.setRemaining('sk-a', 3737, T0);
      expect((await store.insertTask(task(), T0)).kind).toBe('created');
      expect((await store.account('sk-a', T0)).remaining).toBe(0);
    });

    test('a cancel at the very instant a task ends finds it ended', async () => {
      const t = task({ endAt: T0 + 60_000 });
      await store.insertTask(t, T0);
      expect((await store.cancelTask(t.id, T0 + 60_000))?.ended).toBe(true);
      expect((await store.getTask(t.id, T0 + 60_000))?.outcome).toBe('completed');
    });

    test("a model's state is kept until it is set to null", async () => {
      await store.setModelState('sora-2', 'degraded');
      expect(await store.modelStates()).toEqual({ 'sora-2': 'degraded' });
      await store.setModelState('sora-2', null);
      expect(await store.modelStates()).toEqual({});
    });

    test("the manual clock's time starts unset and only moves forward, keeping the epoch", async () => {
      expect(await store.clockState()).toBeNull();
      await store.raiseClock(T0 + 500);
      await store.raiseClock(T0 + 100);
      expect(await store.clockState()).toEqual({
        anchor: T0 + 500,
        real: 0,
        factor: 1,
        paused: false,
        epoch: 0,
      });
    });

    test("replacing the clock's state stores it whole, one epoch on", async () => {
      const first = await store.replaceClock({
        anchor: T0,
        real: T0 + 7,
        factor: 2.5,
        paused: true,
        epoch: 9,
      });
      expect(first).toEqual({ anchor: T0, real: T0 + 7, factor: 2.5, paused: true, epoch: 1 });
      expect(await store.clockState()).toEqual(first);
      await store.raiseClock(T0 + 50);
      const second = await store.replaceClock({ ...first, anchor: T0 - 10, paused: false, factor: 1 });
      expect(second).toEqual({ anchor: T0 - 10, real: T0 + 7, factor: 1, paused: false, epoch: 2 });
      expect(await store.clockState()).toEqual(second);
    });

    test('clear forgets tasks, credits, faults, attempts and jobs, and keeps the clock', async () => {
      await store.raiseClock(T0 + 123);
      await store.insertTask(task(), T0);
      await store.setRemaining('sk-a', 1, T0);
      await store.addFault({ status: 500 });
      await store.appendAttempt(attempt('t1', T0));
      await store.scheduleCallback({ id: 'task:x', at: T0, taskId: 'x' });
      await store.clear();
      expect(await store.listTasks(T0)).toEqual([]);
      expect(await store.account('sk-a', T0)).toEqual({ remaining: 10_000, used: 0 });
      expect(await store.listFaults()).toEqual([]);
      expect(await store.listAttempts({})).toEqual([]);
      expect(await store.nextCallbackAt()).toBeNull();
      expect((await store.clockState())?.anchor).toBe(T0 + 123);
    });
  });
}
