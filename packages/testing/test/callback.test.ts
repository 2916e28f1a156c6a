// fakeCallback: byte for byte what the mock delivers, accepted by the client's verifier, refused when altered.
import { verifyCallback, WebhookVerificationError } from '@videotask/client';
import { createMockServer, generateWebhookSecret } from '@videotask/mock-server';
import { describe, expect, test } from 'vitest';
import { FixtureError, fakeCallback, fakeTask } from '../src/index.js';

const secret = generateWebhookSecret();

describe('fakeCallback', () => {
  test('equals a real delivery of the mock: same headers, same raw body, for the same id and time', async () => {
    const sent: Request[] = [];
    const mock = createMockServer({
      clock: 'manual',
      seed: 'callback',
      webhookSecret: secret,
      allowLocalCallbacks: true,
      fetch: async (input, init) => {
        sent.push(new Request(input, init));
        return new Response(null, { status: 204 });
      },
    });
    const created = await mock.fetch('/v1/videos/generations', {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'sora-2',
        prompt: 'A tram at dusk',
        callback_url: 'http://127.0.0.1:9/hook',
      }),
    });
    const { id } = await created.json();
    await mock.clock.advance(120_000);
    await mock.deliveries.idle();
    await mock.close();
    const [delivery] = sent;
    if (!delivery) throw new Error('the mock sent no callback');
    const body = await delivery.text();
    const headers = Object.fromEntries(delivery.headers);

    const fake = await fakeCallback({
      secret,
      task: JSON.parse(body),
      id: headers['webhook-id'],
      timestamp: Number(headers['webhook-timestamp']),
      traceparent: headers.traceparent,
    });
    expect(fake.body).toBe(body);
    expect(fake.headers).toEqual(headers);
    expect(fake.task.id).toBe(id);
  });

  test('the client verifies it; a changed byte or another secret is refused', async () => {
    const { headers, body, task } = await fakeCallback({ secret, seed: 1 });
    expect(task.status).toBe('completed');
    await expect(verifyCallback(body, headers, secret)).resolves.toEqual(task);
    await expect(verifyCallback(body.replace(task.model, `${task.model}x`), headers, secret)).rejects.toThrow(
      WebhookVerificationError,
    );
    await expect(verifyCallback(body, headers, generateWebhookSecret())).rejects.toThrow(
      /No webhook-signature/,
    );
    const stale = await fakeCallback({ secret, seed: 1, timestamp: Math.floor(Date.now() / 1000) - 600 });
    await expect(verifyCallback(stale.body, stale.headers, secret)).rejects.toThrow(/old/);
  });

  test('a failed task, as a Request; the same inputs give the same delivery; an unfinished task is refused', async () => {
    const task = fakeTask({ status: 'failed', error: { code: 'service_error' } }, { seed: 4 });
    const fake = await fakeCallback({ secret, task, id: 'msg_1', timestamp: 1_800_000_000 });
    const request = fake.request('https://app.example.com/hooks/video');
    expect(request.method).toBe('POST');
    expect(await request.text()).toBe(fake.body);
    expect(await fakeCallback({ secret, task, id: 'msg_1', timestamp: 1_800_000_000 })).toMatchObject({
      headers: fake.headers,
      body: fake.body,
    });
    expect(fake.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const other = await fakeCallback({ secret, task, id: 'msg_2', timestamp: 1_800_000_000 });
    expect(other.headers.traceparent).not.toBe(fake.headers.traceparent);
    await expect(fakeCallback({ secret, task: fakeTask({ status: 'pending' }) as never })).rejects.toThrow(
      FixtureError,
    );
  });
});
