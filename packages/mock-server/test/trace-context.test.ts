// W3C Trace Context on callbacks, against a real receiver on the manual clock: a create's traceparent is
// kept with the task and every attempt (retries, redeliveries) is a new span in its trace.
import { type CallbackReceiver, startCallbackReceiver } from '@videotask/testkit';
import { afterEach, describe, expect, test } from 'vitest';
import type { MockServer } from '../src/index.js';
import { createTask, manualServer, UNTIL_ANY_END_MS } from './helpers.js';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER = `00-${TRACE_ID}-00f067aa0ba902b7-01`;
const FORMAT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

let receiver: CallbackReceiver | undefined;
let mock: MockServer | undefined;
afterEach(async () => {
  await mock?.close();
  await receiver?.close();
  mock = receiver = undefined;
});

/** Creates a task with a callback (and `headers`), runs it to its end and 3 s past (the retries at 1 and 2 s). */
async function deliveredTask(headers: Record<string, string> = {}, answers: number[] = []) {
  receiver = await startCallbackReceiver();
  receiver.script(answers);
  mock = manualServer({ allowLocalCallbacks: true });
  const task = await createTask(mock, { callback_url: `${receiver.url}/hook` }, headers);
  await mock.clock.advance(UNTIL_ANY_END_MS);
  await mock.deliveries.idle();
  for (let i = 0; i < answers.length; i++) {
    await mock.clock.advance(4000);
    await mock.deliveries.idle();
  }
  return { task, arrivals: receiver.arrivals, log: await mock.deliveries.list({ taskId: task.id }) };
}

const parts = (header: unknown) => FORMAT.exec(String(header))?.slice(1) ?? [];

describe('traceparent on callbacks', () => {
  test("retries keep the create's trace id, each attempt a new span; the log and the admin view show it", async () => {
    const { task, arrivals, log } = await deliveredTask({ traceparent: CALLER }, [500, 503]);
    expect(arrivals.map((a) => a.answer)).toEqual([500, 503, 200]);
    const sent = arrivals.map((a) => parts(a.headers.traceparent));
    expect(sent.map(([trace]) => trace)).toEqual([TRACE_ID, TRACE_ID, TRACE_ID]);
    expect(sent.map(([, , flags]) => flags)).toEqual(['01', '01', '01']);
    const spans = sent.map(([, span]) => span);
    expect(new Set([...spans, '00f067aa0ba902b7']).size).toBe(4);
    expect(log.map((a) => a.traceparent)).toEqual(arrivals.map((a) => a.headers.traceparent));
    expect(log.map((a) => a.request.headers.traceparent)).toEqual(log.map((a) => a.traceparent));
    expect((await mock?.tasks.get(task.id))?.traceparent).toBe(CALLER);
  });

  test('without a traceparent the mock starts a trace (seeded: the same on the same seed)', async () => {
    const first = await deliveredTask();
    const [trace, span] = parts(first.arrivals[0]?.headers.traceparent);
    expect(trace).toMatch(/^[0-9a-f]{32}$/);
    const kept = (await mock?.tasks.get(first.task.id))?.traceparent;
    expect(parts(kept)[0]).toBe(trace);
    expect(parts(kept)[1]).not.toBe(span);
    await mock?.close();
    await receiver?.close();
    const again = await deliveredTask();
    expect(again.arrivals[0]?.headers.traceparent).toBe(first.arrivals[0]?.headers.traceparent);
  });

  test.each([
    ['garbage', 'not-a-trace'],
    ['an all-zero trace id', '00-00000000000000000000000000000000-00f067aa0ba902b7-01'],
    ['version ff', `ff-${TRACE_ID}-00f067aa0ba902b7-01`],
  ])('an invalid header (%s) is ignored: the create succeeds and a new trace starts', async (_what, bad) => {
    const { arrivals } = await deliveredTask({ traceparent: bad });
    const [trace] = parts(arrivals[0]?.headers.traceparent);
    expect(trace).toMatch(/^[0-9a-f]{32}$/);
    expect(trace).not.toBe('0'.repeat(32));
    expect(trace).not.toBe(TRACE_ID);
  });

  test("a redelivery, whatever its mutation, is sent in the task's trace as a new span", async () => {
    const { task, arrivals } = await deliveredTask({ traceparent: CALLER });
    const server = mock as MockServer;
    for (const mutate of ['bad-signature', 'duplicate'] as const) {
      const res = await server.app.request(`/__mock/tasks/${task.id}/redeliver`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ mutate }),
      });
      expect(res.status).toBe(202);
      await server.deliveries.idle();
    }
    expect(arrivals).toHaveLength(3);
    const sent = arrivals.map((a) => parts(a.headers.traceparent));
    expect(sent.map(([trace]) => trace)).toEqual([TRACE_ID, TRACE_ID, TRACE_ID]);
    expect(new Set(sent.map(([, span]) => span)).size).toBe(3);
  });
});
