// Trace context through the core: a create's traceparent kept with its task, each callback attempt
// (retries, redeliveries, a seeded task's) a new span in that trace, and the log showing what was sent.
import { afterEach, describe, expect, test } from 'vitest';
import { closeCores, created, HOOK, input, receiver, testCore } from './test-core.js';

afterEach(closeCores);

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER = `00-${TRACE_ID}-00f067aa0ba902b7-01`;
const FORMAT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;
const ids = (header: string | null | undefined) => FORMAT.exec(String(header))?.slice(1) ?? [];

/** A task with a callback to a receiver answering `status`, run to its end and through its retries. */
async function delivered(status: number, traceparent?: string) {
  const rx = receiver(status);
  const core = testCore({ allowLocalCallbacks: true, fetch: rx.fetch });
  const create = { ...input({ callback_url: HOOK }, { allowLocal: true }), traceparent: traceparent ?? null };
  const task = await created(core, create);
  // Past the end and the three retries (1, 2 and 4 s after each failure).
  await core.moveClock(10 * 60_000);
  await core.waitIdle(5000);
  return { core, rx, task, log: await core.listDeliveries({ taskId: task.id }) };
}

describe('traceparent in the core', () => {
  test("every attempt is a new span of the create's trace, and the log records what was sent", async () => {
    const { rx, log } = await delivered(500, CALLER);
    expect(rx.sent).toHaveLength(4);
    const sent = rx.sent.map((s) => ids(s.traceparent));
    expect(sent.map(([trace]) => trace)).toEqual([TRACE_ID, TRACE_ID, TRACE_ID, TRACE_ID]);
    const spans = sent.map(([, span]) => span);
    expect(new Set([...spans, '00f067aa0ba902b7']).size).toBe(5);
    expect(log.map((a) => a.traceparent)).toEqual(rx.sent.map((s) => s.traceparent));
  });

  test('without a traceparent (or with an invalid one) the mock starts a trace, seeded', async () => {
    const first = await delivered(500);
    const traces = new Set(first.rx.sent.map((s) => ids(s.traceparent)[0]));
    expect(traces.size).toBe(1);
    expect([...traces][0]).toMatch(/^[0-9a-f]{32}$/);
    expect([...traces][0]).not.toBe(TRACE_ID);
    const invalid = await delivered(204, '00-00000000000000000000000000000000-00f067aa0ba902b7-01');
    expect(ids(invalid.rx.sent[0]?.traceparent)[0]).toMatch(/^(?!0+$)[0-9a-f]{32}$/);
    // The same seed starts the same trace.
    const again = await delivered(500);
    expect(again.rx.sent.map((s) => s.traceparent)).toEqual(first.rx.sent.map((s) => s.traceparent));
  });

  test("a redelivery stays in the task's trace with a span of its own", async () => {
    const { core, rx, task } = await delivered(204, CALLER);
    expect((await core.redeliver(task.id, 'duplicate')).ok).toBe(true);
    await core.waitIdle(5000);
    expect(rx.sent).toHaveLength(2);
    const [first = [], second = []] = rx.sent.map((s) => ids(s.traceparent));
    expect([first[0], second[0]]).toEqual([TRACE_ID, TRACE_ID]);
    expect(second[1]).toMatch(/^[0-9a-f]{16}$/);
    expect(second[1]).not.toBe(first[1]);
  });

  test('a seeded task calls back in a trace the mock started', async () => {
    const rx = receiver();
    const core = testCore({ allowLocalCallbacks: true, fetch: rx.fetch });
    const seeded = await core.seed({ count: 2, statuses: ['processing'], callbackUrl: HOOK });
    expect(seeded.ok).toBe(true);
    await core.moveClock(30 * 60_000);
    await core.waitIdle(5000);
    expect(rx.sent).toHaveLength(2);
    const traces = rx.sent.map((s) => ids(s.traceparent)[0]);
    expect(traces.every((t) => /^[0-9a-f]{32}$/.test(String(t)))).toBe(true);
    expect(new Set(traces).size).toBe(2);
  });

  test("each seed has its own traces, spans and webhook-ids (streams of the core's seed), after a reset too", async () => {
    const sent = async (seed: string) => {
      const rx = receiver();
      const core = testCore({ allowLocalCallbacks: true, fetch: rx.fetch, seed });
      const once = async () => {
        await created(core, input({ callback_url: HOOK }, { allowLocal: true }));
        await core.moveClock(10 * 60_000);
        await core.waitIdle(5000);
      };
      await once();
      await core.reset();
      await once();
      return rx.sent.map((s) => [s.traceparent, s.webhookId]);
    };
    const [a, b] = [await sent('seed-a'), await sent('seed-b')];
    expect(a).toHaveLength(2);
    expect(a).toEqual(await sent('seed-a'));
    for (const i of [0, 1]) {
      const [[traceA, hookA], [traceB, hookB]] = [a[i] ?? [], b[i] ?? []];
      expect(ids(traceA)[0]).not.toBe(ids(traceB)[0]);
      expect(ids(traceA)[1]).not.toBe(ids(traceB)[1]);
      expect(hookA).not.toBe(hookB);
    }
  });
});
