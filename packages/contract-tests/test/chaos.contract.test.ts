// Chaos profiles (mock): under flaky-gateway the client's retries and waitForTask end with the one task
// created, charged once; under duplicate-callback a receiver built from the client's helpers handles
// each event once.
import { createCallbackReceiver, type EndedTask } from '@videotask/client';
import { gatewayDecision } from '@videotask/mock-server';
import { type CallbackReceiver, startCallbackReceiver } from '@videotask/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
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

/** A seed whose first gateway draws are a 502 (after the create), a pass, then 429s and a 503. */
const FLAKY_SEED = 'contract-flaky-58';

describe.skipIf(!onMock || smokeSkipReason !== undefined)('chaos: flaky-gateway (mock)', () => {
  afterEach(() => admin.clearChaos());

  test('createVideo and waitForTask retry through 429/502/503 and end with the one task, charged once', async () => {
    // What the seed draws, from the mock's own table: the suite relies on the first two.
    const draws = [1, 2, 3, 4, 5, 6].map((n) =>
      gatewayDecision({ profile: 'flaky-gateway', seed: FLAKY_SEED }, n),
    );
    expect(draws.map((d) => d?.status ?? 200)).toEqual([502, 200, 429, 429, 200, 503]);
    const tasksBefore = (await admin.tasks({ apiKey: target.apiKey, limit: 1000 })).length;
    await admin.setChaos('flaky-gateway', FLAKY_SEED);
    recorder.exchanges.length = 0;

    const patient = client({ maxRetries: 5 });
    const created = await patient.createVideo(smokeBody({ prompt: 'Through a flaky gateway' }));
    const finished = await patient.waitForTask(created.id, { pollIntervalMs: 5_000 });

    expect(finished).toMatchObject({ id: created.id, status: 'completed' });
    const creates = recorder.exchanges.filter((e) => e.operationId === 'createVideoGeneration');
    // The 502 came after the task was stored; the retry with the same Idempotency-Key replayed it.
    expect(creates.map((e) => e.status)).toEqual([502, 200]);
    const reads = recorder.exchanges.filter((e) => e.operationId === 'getTaskDetail').map((e) => e.status);
    expect(reads.slice(0, 4)).toEqual([429, 429, 200, 503]);
    expect(reads.at(-1)).toBe(200);
    expect((await admin.chaos()).draws).toBe(recorder.exchanges.length);

    await admin.clearChaos();
    // One task was made (and charged) for the two creates sent.
    expect((await admin.tasks({ apiKey: target.apiKey, limit: 1000 })).length).toBe(tasksBefore + 1);
  });
});

describe.skipIf(!onMock || smokeSkipReason !== undefined || target.callback === undefined)(
  'chaos: duplicate-callback (mock)',
  () => {
    let receiver: CallbackReceiver;
    beforeAll(async () => {
      const where = target.callback;
      receiver = await startCallbackReceiver(
        where && 'host' in where && where.host ? { host: where.host } : {},
      );
    });
    afterAll(() => receiver.close());
    afterEach(() => admin.clearChaos());

    test('each callback arrives twice with one webhook-id; a receiver from the client helpers handles it once', async () => {
      await admin.setChaos('duplicate-callback');
      const path = `/dup/${crypto.randomUUID()}`;
      const created = await client().createVideo(
        smokeBody({ prompt: 'Twice told', callback_url: `${receiver.url}${path}` }),
      );
      await client().waitForTask(created.id, { pollIntervalMs: 5_000 });
      expect(await admin.deliveriesIdle(60_000)).toBe(true);
      // The duplicate is due 1 s after the first delivery started: past it, whatever the polls did.
      await admin.advanceClock(1_000);
      const arrivals = await receiver.waitFor(path, 2, 30_000);
      expect(arrivals).toHaveLength(2);
      expect(arrivals[1]?.headers['webhook-id']).toBe(arrivals[0]?.headers['webhook-id']);
      expect(arrivals[1]?.rawBody).toBe(arrivals[0]?.rawBody);

      const handled: EndedTask[] = [];
      const now = await mockNow();
      const receive = createCallbackReceiver({
        secret: target.webhookSecret as string,
        verify: { now: () => now },
        onTask: (task) => void handled.push(task),
      });
      const receipts = [];
      for (const arrival of arrivals) receipts.push(await receive(arrival.rawBody, arrival.headers));
      expect(receipts.map((r) => r.duplicate)).toEqual([false, true]);
      expect(handled.map((t) => [t.id, t.status])).toEqual([[created.id, 'completed']]);
      const attempts = await admin.deliveries(created.id);
      expect(attempts.map((a) => [a.mutate, a.chaos ?? null, a.outcome])).toEqual([
        [null, null, 'delivered'],
        ['duplicate', 'duplicate-callback', 'delivered'],
      ]);
    });
  },
);
