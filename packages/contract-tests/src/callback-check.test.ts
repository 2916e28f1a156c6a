// checkDelivery against a stand-in API (node:http, in this test) whose callbacks arrive unsigned, as
// the live API sends them: confirmed by reading the task back and by the body; the signature is
// checked only when signature headers come with the delivery.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createVideoTaskClient, signCallback } from '@videotask/client';
import {
  type CallbackReceiver,
  completedTask,
  processingTask,
  startCallbackReceiver,
} from '@videotask/testkit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkDelivery } from './callback-check.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const completed = completedTask();
const processing = { ...processingTask(), id: 'task-unified-1757169743-processi' };

/** The stand-in API: GET /v1/tasks/{id} answers from `tasks` (404 in the envelope otherwise). */
const tasks = new Map<string, unknown>([
  [completed.id, completed],
  [processing.id, processing],
]);
let api: Server;
let receiver: CallbackReceiver;
let client: ReturnType<typeof createVideoTaskClient>;

beforeAll(async () => {
  api = createServer((req, res) => {
    const id = req.url?.replace('/v1/tasks/', '') ?? '';
    const task = tasks.get(id);
    res.writeHead(task ? 200 : 404, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        task ?? { error: { code: 'task_not_found', message: 'no such task', type: 'invalid_request_error' } },
      ),
    );
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  client = createVideoTaskClient({
    apiKey: 'sk-standin',
    baseUrl: `http://127.0.0.1:${(api.address() as AddressInfo).port}`,
    maxRetries: 0,
  });
  receiver = await startCallbackReceiver();
});
afterAll(async () => {
  await receiver.close();
  await new Promise((resolve) => api.close(resolve));
});

/** Delivers `body` to the receiver the way a sender does, and returns what the receiver got. */
async function deliver(body: unknown, headers: Record<string, string> = {}) {
  const path = `/cb/${crypto.randomUUID()}`;
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  await fetch(`${receiver.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: raw,
  });
  const [delivery] = await receiver.waitFor(path, 1, 5_000);
  if (!delivery) throw new Error('no delivery');
  return delivery;
}

describe('an unsigned delivery (as the live API sends it)', () => {
  test('holds when its body is a finished task the API confirms', async () => {
    const check = await checkDelivery(await deliver(completed), { client });
    expect(check).toEqual({ confirmed: completed, signed: false, problems: [] });
  });

  test('needs no secret', async () => {
    const check = await checkDelivery(await deliver(completed), { client, secret: undefined });
    expect(check.problems).toEqual([]);
  });

  test("with only a webhook-id (the mock's unsigned mode) it is unsigned: no secret needed", async () => {
    const check = await checkDelivery(await deliver(completed, { 'webhook-id': 'msg_unsigned' }), { client });
    expect(check).toMatchObject({ signed: false, problems: [] });
    expect(check.confirmed).toEqual(completed);
  });

  test('is refused when the API reports the task differently (a forged result URL)', async () => {
    const forged = { ...completed, results: ['https://attacker.example/video.mp4'] };
    const check = await checkDelivery(await deliver(forged), { client });
    expect(check.problems).toEqual(['confirmation: the API reports the task differently from the delivery']);
  });

  test('is refused when the API says the task has not ended', async () => {
    const claim = { ...completed, id: processing.id };
    const check = await checkDelivery(await deliver(claim), { client });
    expect(check.problems.join('\n')).toMatch(
      /confirmation: WebhookVerificationError: .* API reports processing/,
    );
  });

  test('is refused when the task it names does not exist', async () => {
    const claim = { ...completed, id: 'task-unified-1757169743-unknownx' };
    const check = await checkDelivery(await deliver(claim), { client });
    expect(check.problems.join('\n')).toMatch(/confirmation: NotFoundError/);
  });

  test('is refused when its body breaks the spec or is not JSON', async () => {
    const { results: _, ...noResults } = completed;
    const broken = await checkDelivery(await deliver(noResults), { client });
    expect(broken.problems.some((p) => p.startsWith('body: '))).toBe(true);
    const text = await checkDelivery(await deliver('not json'), { client });
    expect(text.problems).toContain('body: not JSON');
  });
});

describe('a delivery with signature headers', () => {
  const raw = JSON.stringify(completed);

  test('holds when the signature verifies with the secret', async () => {
    const headers = await signCallback(raw, SECRET);
    const check = await checkDelivery(await deliver(raw, headers), { client, secret: SECRET });
    expect(check).toMatchObject({ signed: true, problems: [] });
  });

  test('is refused when the signature does not verify', async () => {
    const headers = await signCallback(raw, 'whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    const check = await checkDelivery(await deliver(raw, headers), { client, secret: SECRET });
    expect(check.problems).toEqual([
      'signature: WebhookVerificationError: No webhook-signature matches the secret.',
    ]);
  });

  test('is refused when only some signature headers came', async () => {
    const { 'webhook-signature': _, ...partial } = await signCallback(raw, SECRET);
    const check = await checkDelivery(await deliver(raw, partial), { client, secret: SECRET });
    expect(check.problems.join('\n')).toMatch(/signature: .*Missing webhook-id/);
  });

  test('is refused when the suite has no secret to verify it with', async () => {
    const headers = await signCallback(raw, SECRET);
    const check = await checkDelivery(await deliver(raw, headers), { client });
    expect(check.problems).toEqual([
      'the delivery is signed but the suite has no secret to verify it (set CONTRACT_WEBHOOK_SECRET)',
    ]);
  });
});
