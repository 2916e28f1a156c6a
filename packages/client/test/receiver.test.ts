// The idempotent callback receiver: each webhook-id handled once, a failed handling retried, forged or
// unsigned deliveries as the options say, and the bounded memory of ids.
import { describe, expect, test } from 'vitest';
import {
  createCallbackReceiver,
  type EndedTask,
  memorySeenWebhookIds,
  signCallback,
  WebhookVerificationError,
} from '../src/index.js';
import { completedTask, failedTask } from './helpers.js';

const SECRET = 'whsec_dGVzdC1zZWNyZXQtZm9yLXRoZS12aWRlb3Rhc2stY2xpZW50';

async function delivery(task: object, id?: string) {
  const body = JSON.stringify(task);
  return { body, headers: await signCallback(body, SECRET, id ? { id } : {}) };
}

describe('createCallbackReceiver', () => {
  test('a delivery sent twice with one webhook-id is handled once; another id is another event', async () => {
    const handled: [string, string][] = [];
    const receive = createCallbackReceiver({
      secret: SECRET,
      onTask: (task, { webhookId }) => {
        handled.push([task.id, webhookId]);
      },
    });
    const first = await delivery(completedTask, 'msg_one');
    expect(await receive(first.body, first.headers)).toMatchObject({
      duplicate: false,
      webhookId: 'msg_one',
    });
    expect(await receive(first.body, first.headers)).toMatchObject({ duplicate: true, webhookId: 'msg_one' });
    const other = await delivery(failedTask, 'msg_two');
    expect((await receive(other.body, other.headers)).duplicate).toBe(false);
    expect(handled.map(([, id]) => id)).toEqual(['msg_one', 'msg_two']);
  });

  test('duplicates arriving together: one is handled, the others are duplicates', async () => {
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const receive = createCallbackReceiver({
      secret: SECRET,
      onTask: async () => {
        calls++;
        await gate;
      },
    });
    const d = await delivery(completedTask, 'msg_race');
    const all = [receive(d.body, d.headers), receive(d.body, d.headers), receive(d.body, d.headers)];
    release();
    expect((await Promise.all(all)).map((r) => r.duplicate)).toEqual([false, true, true]);
    expect(calls).toBe(1);
  });

  test("a handler's failure rejects and forgets the id, so the sender's retry is handled", async () => {
    let fail = true;
    const handled: EndedTask[] = [];
    const receive = createCallbackReceiver({
      secret: SECRET,
      onTask: (task) => {
        if (fail) throw new Error('database down');
        handled.push(task);
      },
    });
    const d = await delivery(completedTask, 'msg_retry');
    await expect(receive(d.body, d.headers)).rejects.toThrow('database down');
    fail = false;
    expect((await receive(d.body, d.headers)).duplicate).toBe(false);
    expect(handled).toHaveLength(1);
  });

  test('a forged delivery is refused before it counts as seen; the genuine one is then handled', async () => {
    const receive = createCallbackReceiver({ secret: SECRET, onTask: () => {} });
    const d = await delivery(completedTask, 'msg_forged');
    const forged = { ...d.headers, 'webhook-signature': 'v1,AAAA' };
    await expect(receive(d.body, forged)).rejects.toBeInstanceOf(WebhookVerificationError);
    expect((await receive(d.body, d.headers)).duplicate).toBe(false);
  });

  test('without a secret (the live API): parsed unsigned, keyed by webhook-id or else by task id and status', async () => {
    const ids: string[] = [];
    const receive = createCallbackReceiver({ onTask: (_task, { webhookId }) => void ids.push(webhookId) });
    const task = completedTask;
    const body = JSON.stringify(task);
    expect((await receive(body, {})).duplicate).toBe(false);
    expect((await receive(body, { 'Webhook-Id': 'msg_x' })).duplicate).toBe(false);
    expect((await receive(body, {})).duplicate).toBe(true);
    // The same id from a Fetch Headers or a Node record in another case is the same delivery.
    expect((await receive(body, new Headers({ 'webhook-id': 'msg_x' }))).duplicate).toBe(true);
    expect((await receive(body, { 'webhook-id': 'msg_x', 'x-other': 'msg_y' })).duplicate).toBe(true);
    expect((await receive(body, { 'x-other': 'msg_z', 'WEBHOOK-ID': 'msg_y' })).duplicate).toBe(false);
    expect(ids).toEqual([`task:${task.id}:completed`, 'msg_x', 'msg_y']);
  });
});

describe('memorySeenWebhookIds', () => {
  test('remembers the last `max` ids and forgets the oldest beyond', () => {
    const seen = memorySeenWebhookIds(2);
    expect([seen.add('a'), seen.add('b'), seen.add('a')]).toEqual([true, true, false]);
    expect(seen.add('c')).toBe(true);
    expect(seen.add('a')).toBe(true);
    expect(seen.add('c')).toBe(false);
  });
});
