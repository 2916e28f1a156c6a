// Callbacks: the finished task arrives at callback_url, confirmed by reading it back, signed when the
// target signs (the mock), retried on schedule.
import { type TaskState, verifyCallback } from '@videotask/client';
import { type Arrival, type CallbackReceiver, startCallbackReceiver } from '@videotask/testkit';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { checkDelivery, SIGNATURE_HEADERS } from '../src/callback-check.js';
import { recordArrival } from '../src/har-record.js';
import {
  admin,
  client,
  mockNow,
  onMock,
  recorder,
  smokeBody,
  smokeSkipReason,
  target,
} from '../src/harness.js';

const canReceive = target.available && target.billable && target.callback !== undefined;
/** How long a delivery may take to arrive after the task ends (a bound for a hang, not a speed check). */
const arrivalMs = onMock ? 30_000 : 60_000;

describe.skipIf(!canReceive || smokeSkipReason !== undefined)(
  `callbacks (${target.name})${smokeSkipReason ? ` (skipped: ${smokeSkipReason})` : ''}`,
  () => {
    let receiver: CallbackReceiver;
    beforeAll(async () => {
      const where = target.callback;
      receiver = await startCallbackReceiver({
        ...(where && 'publicUrl' in where ? { port: where.port, publicUrl: where.publicUrl } : {}),
        ...(where && 'host' in where && where.host ? { host: where.host } : {}),
        onArrival: recordArrival,
      });
    });
    afterAll(() => receiver.close());

    async function createWithCallback(path: string) {
      const created = await client().createVideo(
        smokeBody({ prompt: 'A lighthouse at night', callback_url: `${receiver.url}${path}` }),
      );
      const finished = await client().waitForTask(created.id, {
        pollIntervalMs: onMock ? 5_000 : 10_000,
        timeoutMs: target.waitTimeoutMs,
      });
      return finished;
    }

    /** One delivery the checks below share (on the live API each task is billed). */
    let first: Promise<{ finished: TaskState; delivery: Arrival }> | undefined;
    function firstDelivery() {
      first ??= (async () => {
        const path = `/done/${crypto.randomUUID()}`;
        const finished = await createWithCallback(path);
        const [delivery] = await receiver.waitFor(path, 1, arrivalMs);
        if (!delivery) throw new Error('no delivery');
        return { finished, delivery };
      })();
      return first;
    }
    /** The target's now, for judging a signature's timestamp (the mock signs by its manual clock). */
    const signedNow = async () => (onMock ? await mockNow() : Date.now());

    // What the suite demands of a delivery on every target: the live API does not sign, so a delivery
    // is trusted by its body and by reading back the task it names (src/callback-check.ts).
    test("the receiver gets the finished task: the spec's body, confirmed by fetching the task it names", async () => {
      const { finished, delivery } = await firstDelivery();
      const now = await signedNow();
      const check = await checkDelivery(delivery, {
        client: client(),
        secret: target.webhookSecret,
        now: () => now,
      });
      expect(check.problems).toEqual([]);
      expect(check.confirmed).toEqual(finished);
      expect(JSON.parse(delivery.rawBody)).toEqual(finished);
    });

    test.runIf(onMock)('the mock sends the body byte for byte as GET answers it', async () => {
      const { finished, delivery } = await firstDelivery();
      const answer = await recorder.fetch(`${target.baseUrl}/v1/tasks/${finished.id}`, {
        headers: { authorization: `Bearer ${target.apiKey}` },
      });
      expect(delivery.rawBody).toBe(await answer.text());
    });

    // Checked only when the delivery is signed (the mock's extension; the live API sends no signature).
    test('a signed delivery verifies with the client helper and with the standardwebhooks package', async (ctx) => {
      const { delivery } = await firstDelivery();
      if (!SIGNATURE_HEADERS.some((name) => delivery.headers[name] !== undefined)) {
        ctx.skip('the delivery carries no signature headers (as the live API sends them): nothing to verify');
      }
      const secret = target.webhookSecret;
      if (!secret) throw new Error('The delivery is signed: set CONTRACT_WEBHOOK_SECRET to verify it.');
      const headers = delivery.headers as Record<string, string>;
      const now = await signedNow();
      const task = await verifyCallback(delivery.rawBody, headers, secret, { now: () => now });
      expect(task.status).toBe('completed');
      const tampered = delivery.rawBody.replace('"completed"', '"failed"');
      await expect(verifyCallback(tampered, headers, secret, { now: () => now })).rejects.toThrow(
        /signature/i,
      );
      vi.useFakeTimers({ toFake: ['Date'], now });
      try {
        expect(new Webhook(secret).verify(delivery.rawBody, headers)).toEqual(JSON.parse(delivery.rawBody));
        // A single changed byte breaks it too.
        expect(() => new Webhook(secret).verify(tampered, headers)).toThrow();
      } finally {
        vi.useRealTimers();
      }
    });

    test.runIf(onMock)(
      'a receiver that fails twice gets retries 1 s and 2 s later, with one webhook-id',
      async () => {
        const path = `/flaky/${crypto.randomUUID()}`;
        receiver.script([500, 503]);
        const finished = await createWithCallback(path);
        // Each advance waits until the mock has recorded the failed answer and scheduled its retry.
        await receiver.waitFor(path, 1, arrivalMs);
        expect(await admin.deliveriesIdle(60_000)).toBe(true);
        await admin.advanceClock(1_000);
        await receiver.waitFor(path, 2, arrivalMs);
        expect(await admin.deliveriesIdle(60_000)).toBe(true);
        await admin.advanceClock(2_000);
        const deliveries = await receiver.waitFor(path, 3, arrivalMs);

        expect(deliveries.map((d) => d.answer)).toEqual([500, 503, 200]);
        expect(new Set(deliveries.map((d) => d.headers['webhook-id'])).size).toBe(1);
        const attempts = await admin.deliveries(finished.id);
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
  },
);
