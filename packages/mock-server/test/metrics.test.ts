// --metrics on a real port: after a create, a task's end and a callback with a retry, GET /metrics holds
// the samples (a sora-2 task without watermark costs 3.737), and Prometheus's own promtool accepts the output.
import { spawnSync } from 'node:child_process';
import { type CallbackReceiver, startCallbackReceiver } from '@videotask/testkit';
import { afterEach, describe, expect, test } from 'vitest';
import { type RunningMockServer, serveMockServer } from '../src/node/index.js';
import { BASE_BODY, START, UNTIL_ANY_END_MS } from './helpers.js';

let running: RunningMockServer | undefined;
let receiver: CallbackReceiver | undefined;
afterEach(async () => {
  await running?.close();
  await receiver?.close();
  running = receiver = undefined;
});

const headers = { authorization: 'Bearer sk-metrics', 'content-type': 'application/json' };

async function create(base: string, body: Record<string, unknown>, extra: Record<string, string> = {}) {
  const res = await fetch(`${base}/v1/videos/generations`, {
    method: 'POST',
    headers: { ...headers, ...extra },
    body: JSON.stringify({ ...BASE_BODY, ...body }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { id: string };
}

/** The value of the one sample named exactly `series` (name and labels as exposed). */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('--metrics', () => {
  test('counts requests, tasks, credits and callback attempts; promtool accepts the output', async () => {
    receiver = await startCallbackReceiver();
    receiver.script([500]);
    running = await serveMockServer({
      port: 0,
      clock: 'manual',
      startTime: START,
      seed: 'metrics',
      allowLocalCallbacks: true,
      metrics: true,
    });
    const { url, mock } = running;
    const done = await create(url, { callback_url: `${receiver.url}/hook` });
    await create(url, {}, { 'x-mock-scenario': 'fail:service_error' });
    await create(url, {}, { 'x-mock-scenario': 'stuck' });
    await mock.clock.advance(UNTIL_ANY_END_MS);
    await mock.deliveries.idle();
    await mock.clock.advance(1000); // the retry
    await mock.deliveries.idle();
    expect((await fetch(`${url}/v1/tasks/${done.id}`, { headers })).status).toBe(200);
    expect((await fetch(`${url}/v1/tasks/task-unified-1-nope0000`, { headers })).status).toBe(404);

    const res = await fetch(`${url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const check = spawnSync(process.env.PROMTOOL ?? 'promtool', ['check', 'metrics'], {
      input: text,
      encoding: 'utf8',
    });
    expect(check.stderr + check.stdout).toBe('');
    expect(check.status).toBe(0);

    const create200 = '{route="/v1/videos/generations",method="POST",status="200"}';
    expect(sample(text, `videotask_mock_http_requests_total${create200}`)).toBe(3);
    // The route label is the pattern, never the id asked for (bounded cardinality).
    const read = '{route="/v1/tasks/:task_id",method="GET"';
    expect(sample(text, `videotask_mock_http_requests_total${read},status="200"}`)).toBe(1);
    expect(sample(text, `videotask_mock_http_requests_total${read},status="404"}`)).toBe(1);
    expect(sample(text, `videotask_mock_http_request_duration_seconds_count${read}}`)).toBe(2);
    expect(
      sample(
        text,
        `videotask_mock_http_request_duration_seconds_bucket{le="+Inf",route="/v1/tasks/:task_id",method="GET"}`,
      ),
    ).toBe(2);
    expect(text).not.toContain(done.id);

    expect(sample(text, 'videotask_mock_tasks_created_total{model="sora-2"}')).toBe(3);
    expect(sample(text, 'videotask_mock_credits_reserved_total')).toBeCloseTo(3 * 3.737, 6);
    expect(sample(text, 'videotask_mock_callback_deliveries_total{outcome="failed",attempt="1"}')).toBe(1);
    expect(sample(text, 'videotask_mock_callback_deliveries_total{outcome="delivered",attempt="2"}')).toBe(1);

    expect(sample(text, 'videotask_mock_tasks{status="completed",model="sora-2"}')).toBe(1);
    expect(sample(text, 'videotask_mock_tasks{status="failed",model="sora-2"}')).toBe(1);
    expect(sample(text, 'videotask_mock_tasks{status="processing",model="sora-2"}')).toBe(1);
    expect(sample(text, 'videotask_mock_task_credits{state="consumed"}')).toBeCloseTo(3.737, 6);
    expect(sample(text, 'videotask_mock_task_credits{state="returned"}')).toBeCloseTo(3.737, 6);
    expect(sample(text, 'videotask_mock_task_credits{state="reserved"}')).toBeCloseTo(3.737, 6);
  });

  test('without --metrics there is no /metrics and no observer', async () => {
    running = await serveMockServer({ port: 0, clock: 'manual' });
    expect(running.mock.options.observer).toBeUndefined();
    expect((await fetch(`${running.url}/metrics`)).status).toBe(404);
  });
});
