// Callbacks against a real local HTTP receiver (the testkit's, on a free port) with the manual clock.
import { createHmac } from 'node:crypto';
import {
  type Arrival,
  type CallbackReceiver,
  type ReceiverOptions,
  startCallbackReceiver,
} from '@videotask/testkit';
import { afterEach, describe, expect, test } from 'vitest';
import { createMockAdminClient } from '../src/admin-client/index.js';
import type { MockServer } from '../src/index.js';
import { auth, createTask, getTask, manualServer } from './helpers.js';

let receiver: CallbackReceiver | undefined;
let mock: MockServer | undefined;

afterEach(async () => {
  await mock?.close();
  await receiver?.close();
  receiver = undefined;
  mock = undefined;
});

async function startReceiver(options: ReceiverOptions) {
  receiver = await startCallbackReceiver(options);
  return { url: receiver.url, received: receiver.arrivals };
}

function verifies(secret: string, r: Arrival): boolean {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key)
    .update(`${r.headers['webhook-id']}.${r.headers['webhook-timestamp']}.${r.rawBody}`)
    .digest('base64');
  return String(r.headers['webhook-signature']).split(' ').includes(`v1,${expected}`);
}

/** Creates a task with a callback and moves the clock exactly to its end (its first attempt starts there). */
async function taskAtItsEnd(server: MockServer, callbackUrl: string) {
  const task = await createTask(server, { callback_url: callbackUrl });
  const endAt = (await server.tasks.get(task.id))?.timeline.endAt as number;
  await server.clock.advance(endAt - server.clock.now());
  await server.deliveries.idle();
  return { task, endAt };
}

describe('callbacks to a real receiver', () => {
  test('the signature verifies and the body equals the GET answer', async () => {
    const { url, received } = await startReceiver({ answer: () => 200 });
    mock = manualServer({ allowLocalCallbacks: true });
    const { task, endAt } = await taskAtItsEnd(mock, `${url}/hooks/video?source=mock`);
    expect(received).toHaveLength(1);
    const [r] = received as [Arrival];
    expect(r.path).toBe('/hooks/video?source=mock');
    expect(r.headers['content-type']).toBe('application/json');
    expect(verifies(mock.webhookSecret, r)).toBe(true);
    expect(Number(r.headers['webhook-timestamp'])).toBe(Math.floor(endAt / 1000));
    expect(r.rawBody).toBe(JSON.stringify(await getTask(mock, task.id)));
    expect((await mock.deliveries.list())[0]).toMatchObject({
      outcome: 'delivered',
      status: 200,
      attempt: 1,
    });
  });

  test('a receiver answering 500 forever gets 4 attempts, 1, 2 and 4 s apart; the API keeps answering', async () => {
    const { url, received } = await startReceiver({ answer: () => 500 });
    mock = manualServer({ allowLocalCallbacks: true });
    const { task, endAt } = await taskAtItsEnd(mock, `${url}/hook`);
    for (const gap of [1000, 2000, 4000]) {
      await mock.clock.advance(gap);
      await mock.deliveries.idle();
      expect((await mock.app.request('/v1/credits', { headers: auth() })).status).toBe(200);
    }
    await mock.clock.advance(60_000);
    await mock.deliveries.idle();
    expect(received).toHaveLength(4);
    const attempts = await mock.deliveries.list({ taskId: task.id });
    expect(attempts.map((a) => [a.attempt, a.outcome, a.status, a.at - endAt])).toEqual([
      [1, 'failed', 500, 0],
      [2, 'failed', 500, 1000],
      [3, 'failed', 500, 3000],
      [4, 'failed', 500, 7000],
    ]);
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(received.every((r) => verifies(mock?.webhookSecret ?? '', r))).toBe(true);
  });

  test('a receiver that never answers is survived: each attempt times out after 10 s of mock time', async () => {
    const { url, received } = await startReceiver({ answer: () => 'hang' });
    mock = manualServer({ allowLocalCallbacks: true, deliveryGraceMs: 50 });
    const task = await createTask(mock, { callback_url: `${url}/hang` });
    const endAt = (await mock.tasks.get(task.id))?.timeline.endAt as number;
    // advance returns although the receiver holds the attempt open (it waits 50 ms at most).
    await mock.clock.advance(endAt - mock.clock.now());
    await receiver?.waitFor('/hang', 1);
    expect(received).toHaveLength(1);
    expect((await mock.deliveries.list()).map((a) => a.outcome)).toEqual(['in_flight']);
    expect((await getTask(mock, task.id)).status).toBe('completed');
    await mock.clock.advance(10_000);
    await mock.deliveries.idle();
    expect(
      (await mock.deliveries.list()).map((a) => [a.outcome, a.error, (a.endedAt as number) - endAt]),
    ).toEqual([['timeout', 'no answer within 10000 ms', 10_000]]);
    await mock.clock.advance(60_000);
    await mock.deliveries.idle();
    expect((await mock.deliveries.list()).map((a) => [a.attempt, a.outcome, a.at - endAt])).toEqual([
      [1, 'timeout', 0],
      [2, 'timeout', 11_000],
      [3, 'timeout', 23_000],
      [4, 'timeout', 37_000],
    ]);
    expect((await mock.app.request('/v1/credits', { headers: auth() })).status).toBe(200);
  });

  test('a redirect is not followed: the attempt fails and the target is never called', async () => {
    const { url, received } = await startReceiver({
      answer: (path) => (path === '/hook' ? 307 : 200),
      answerHeaders: () => ({ location: '/internal-admin' }),
    });
    mock = manualServer({ allowLocalCallbacks: true });
    await taskAtItsEnd(mock, `${url}/hook`);
    expect(received.map((r) => r.path)).toEqual(['/hook']);
    expect((await mock.deliveries.list())[0]).toMatchObject({ outcome: 'failed', status: 307 });
  });

  test('a receiver that resets the connection is a failed attempt, retried', async () => {
    const { url } = await startReceiver({ answer: () => 'reset' });
    mock = manualServer({ allowLocalCallbacks: true });
    await taskAtItsEnd(mock, `${url}/hook`);
    await mock.clock.advance(1000);
    await mock.deliveries.idle();
    const attempts = await mock.deliveries.list();
    expect(attempts.map((a) => [a.attempt, a.outcome, a.status])).toEqual([
      [1, 'failed', null],
      [2, 'failed', null],
    ]);
    expect(attempts[0]?.error).toMatch(/fetch failed|socket|closed/i);
  });

  test('redeliver with bad-signature reaches the receiver, which can tell', async () => {
    const { url, received } = await startReceiver({ answer: () => 204 });
    mock = manualServer({ allowLocalCallbacks: true });
    const { task } = await taskAtItsEnd(mock, `${url}/hook`);
    const admin = createMockAdminClient({ baseUrl: 'http://mock.local', fetch: mock.fetch });
    expect(await admin.redeliver(task.id, 'bad-signature')).toMatchObject({ mutate: 'bad-signature' });
    await mock.deliveries.idle();
    expect(received.map((r) => verifies(mock?.webhookSecret ?? '', r))).toEqual([true, false]);
  });
});
