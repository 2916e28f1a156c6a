// Callbacks: the finished task arrives at callback_url, signed (mock), equal to the GET answer, retried on schedule.
import { confirmCallback, verifyCallback } from '@videotask/client';
import { createSpecValidator } from '@videotask/spec/validator';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { admin, client, onMock, recorder, target } from '../src/harness.js';
import { type CallbackReceiver, startReceiver } from '../src/receiver.js';

const callbackBody = createSpecValidator().webhookBody('taskFinished');
const canReceive = target.available && target.billable && target.callback !== undefined;
/** How long a delivery may take to arrive after the task ends (a bound for a hang, not a speed check). */
const arrivalMs = onMock ? 30_000 : 60_000;

describe.skipIf(!canReceive)(`callbacks (${target.name})`, () => {
  let receiver: CallbackReceiver;
  beforeAll(async () => {
    const where = target.callback;
    receiver = await startReceiver(
      where && 'publicUrl' in where ? { port: where.port, publicUrl: where.publicUrl } : {},
    );
  });
  afterAll(() => receiver.close());

  async function createWithCallback(path: string) {
    const created = await client().createVideo({
      model: 'sora-2',
      prompt: 'A lighthouse at night',
      callback_url: `${receiver.url}${path}`,
    });
    const finished = await client().waitForTask(created.id, {
      pollIntervalMs: onMock ? 5_000 : 10_000,
      timeoutMs: target.waitTimeoutMs,
    });
    return finished;
  }

  test('the receiver gets the finished task, equal to what GET answers', async () => {
    const path = `/done/${crypto.randomUUID()}`;
    const finished = await createWithCallback(path);
    const [delivery] = await receiver.waitFor(path, 1, arrivalMs);
    if (!delivery) throw new Error('no delivery');
    expect(delivery.headers['content-type']).toMatch(/^application\/json/);

    const body = JSON.parse(delivery.rawBody) as unknown;
    expect(callbackBody(body), JSON.stringify(callbackBody.issues)).toBe(true);
    const answer = await recorder.fetch(`${target.baseUrl}/v1/tasks/${finished.id}`, {
      headers: { authorization: `Bearer ${target.apiKey}` },
    });
    expect(delivery.rawBody).toBe(await answer.text());
    expect(body).toEqual(finished);
  });

  test.runIf(onMock)(
    'the signature verifies with the client helper and with the standardwebhooks package',
    async () => {
      const path = `/signed/${crypto.randomUUID()}`;
      await createWithCallback(path);
      const [delivery] = await receiver.waitFor(path, 1, arrivalMs);
      if (!delivery) throw new Error('no delivery');
      const headers = delivery.headers as Record<string, string>;
      const secret = target.webhookSecret as string;

      // The mock signs by its own manual clock, which this suite moves ahead of real time: both
      // verifiers judge the timestamp as of the mock's now.
      const mockNow = await admin.now();
      const task = await verifyCallback(delivery.rawBody, headers, secret, { now: () => mockNow });
      expect(task.status).toBe('completed');
      const tampered = delivery.rawBody.replace('"completed"', '"failed"');
      await expect(verifyCallback(tampered, headers, secret, { now: () => mockNow })).rejects.toThrow(
        /signature/i,
      );
      vi.useFakeTimers({ toFake: ['Date'], now: mockNow });
      try {
        expect(new Webhook(secret).verify(delivery.rawBody, headers)).toEqual(JSON.parse(delivery.rawBody));
        // A single changed byte breaks it too.
        expect(() => new Webhook(secret).verify(tampered, headers)).toThrow();
      } finally {
        vi.useRealTimers();
      }
    },
  );

  // The live API does not sign: a receiver confirms a delivery by reading the task it names.
  test('a delivery is confirmed by fetching the task it names', async () => {
    const path = `/confirm/${crypto.randomUUID()}`;
    const finished = await createWithCallback(path);
    const [delivery] = await receiver.waitFor(path, 1, arrivalMs);
    if (!delivery) throw new Error('no delivery');
    expect(await confirmCallback(client(), delivery.rawBody)).toEqual(finished);
  });

  test.runIf(onMock)(
    'a receiver that fails twice gets retries 1 s and 2 s later, with one webhook-id',
    async () => {
      const path = `/flaky/${crypto.randomUUID()}`;
      receiver.script([500, 503]);
      const finished = await createWithCallback(path);
      // Each advance waits until the mock has recorded the failed answer and scheduled its retry.
      await receiver.waitFor(path, 1, arrivalMs);
      await admin.idle();
      await admin.advance(1_000);
      await receiver.waitFor(path, 2, arrivalMs);
      await admin.idle();
      await admin.advance(2_000);
      const deliveries = await receiver.waitFor(path, 3, arrivalMs);

      expect(deliveries.map((d) => d.answeredWith)).toEqual([500, 503, 200]);
      expect(new Set(deliveries.map((d) => d.headers['webhook-id'])).size).toBe(1);
      const attempts = (await admin.deliveries(finished.id)).data;
      expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
      expect(attempts.map((a) => a.outcome)).toEqual(['failed', 'failed', 'delivered']);
      const [first, second, third] = attempts as [
        (typeof attempts)[0],
        (typeof attempts)[0],
        (typeof attempts)[0],
      ];
      expect(second.at - first.at).toBe(1_000);
      expect(third.at - second.at).toBe(2_000);
      expect(recorder.exchanges.every((e) => e.problems.length === 0)).toBe(true);
    },
  );
});
