// The `observer` option: each request, created task and callback attempt told once, at the place it
// happens; and the tally the metrics gauges read (live tasks by status and model, their credits).
import { describe, expect, test } from 'vitest';
import type { MockObserver } from '../src/domain/observer.js';
import { admin, createTask, getTask, manualServer, UNTIL_ANY_END_MS } from './helpers.js';

function recorder() {
  const events: unknown[][] = [];
  const observer: MockObserver = {
    request: (route, method, status) => events.push(['request', route, method, status]),
    taskCreated: (model, credits) => events.push(['created', model, credits]),
    delivery: (outcome, attempt) => events.push(['delivery', outcome, attempt]),
  };
  return { events, observer };
}

describe('the observer option', () => {
  test('told of each request by route pattern, each create once (not its replay), each attempt', async () => {
    const { events, observer } = recorder();
    const calls: string[] = [];
    const fetch = async (input: RequestInfo | URL) => {
      calls.push(String(input));
      return new Response(null, { status: calls.length === 1 ? 500 : 204 });
    };
    const mock = manualServer({ observer, fetch, allowLocalCallbacks: true });
    const key = { 'idempotency-key': 'k1' };
    const task = await createTask(mock, { callback_url: 'http://127.0.0.1:9/hook' }, key);
    await createTask(mock, { callback_url: 'http://127.0.0.1:9/hook' }, key);
    await getTask(mock, task.id);
    await mock.clock.advance(UNTIL_ANY_END_MS);
    await mock.deliveries.idle();
    await mock.clock.advance(1000);
    await mock.deliveries.idle();
    await admin(mock, 'GET', '/__mock/nothing-here');
    expect(events).toEqual([
      ['created', 'sora-2', 3.737],
      ['request', '/v1/videos/generations', 'POST', 200],
      ['request', '/v1/videos/generations', 'POST', 200],
      ['request', '/v1/tasks/:task_id', 'GET', 200],
      ['delivery', 'failed', 1],
      ['delivery', 'delivered', 2],
      ['request', '/__mock/*', 'GET', 404],
    ]);
    await mock.close();
  });

  test('the tally counts live tasks by status and model, and their credits by billing state', async () => {
    const mock = manualServer();
    await createTask(mock, {}, { 'x-mock-scenario': 'success' });
    await createTask(mock, {}, { 'x-mock-scenario': 'fail:service_error' });
    expect(await mock.tasks.tally()).toEqual({
      tasks: [{ status: 'pending', model: 'sora-2', count: 2 }],
      credits: { reserved: 7.474, consumed: 0, returned: 0 },
    });
    await mock.clock.advance(UNTIL_ANY_END_MS);
    await createTask(mock, { remove_watermark: false }, { 'x-mock-scenario': 'stuck' });
    const tally = await mock.tasks.tally();
    expect(tally.tasks).toEqual(
      expect.arrayContaining([
        { status: 'completed', model: 'sora-2', count: 1 },
        { status: 'failed', model: 'sora-2', count: 1 },
        { status: 'pending', model: 'sora-2', count: 1 },
      ]),
    );
    expect(tally.tasks).toHaveLength(3);
    expect(tally.credits).toEqual({ reserved: 2.3, consumed: 3.737, returned: 3.737 });
    await mock.close();
  });
});
