import { describe, expect, test } from 'vitest';
import { createComposer, tamper } from './compose.js';
import { createSigner } from './signature.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const AT = 1_700_000_000_999; // ms: the timestamp is the whole second before it
const BODY = '{"id":"task-1","status":"completed","results":["https://cdn.example/v.mp4"]}';
const sign = createSigner(SECRET);

describe('a composed delivery', () => {
  test('signed: the Standard Webhooks headers, the timestamp in whole seconds, the body as is', async () => {
    const request = await createComposer(SECRET, true).compose('msg_1', AT, BODY, null);
    expect(request).toEqual({
      headers: {
        'content-type': 'application/json',
        'user-agent': 'videotask-mock',
        'webhook-id': 'msg_1',
        'webhook-timestamp': '1700000000',
        'webhook-signature': await sign('msg_1', 1_700_000_000, BODY),
      },
      body: BODY,
    });
  });

  test('traceparent: sent as given, signed or not and whatever the mutation; no header without one', async () => {
    const trace = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    for (const signed of [true, false]) {
      for (const mutate of [null, 'bad-signature', 'tampered-body'] as const) {
        const composer = createComposer(SECRET, signed);
        expect((await composer.compose('msg_1', AT, BODY, mutate, trace)).headers.traceparent).toBe(trace);
        expect((await composer.compose('msg_1', AT, BODY, mutate)).headers).not.toHaveProperty('traceparent');
      }
    }
  });

  test('stale-timestamp: 600 s back, and signed over that timestamp with the real secret', async () => {
    const { headers, body } = await createComposer(SECRET, true).compose(
      'msg_1',
      AT,
      BODY,
      'stale-timestamp',
    );
    expect(headers['webhook-timestamp']).toBe('1699999400');
    expect(headers['webhook-signature']).toBe(await sign('msg_1', 1_699_999_400, BODY));
    expect(body).toBe(BODY);
  });

  test('bad-signature: the right timestamp and body, a MAC of another key (the same one each time)', async () => {
    const composer = createComposer(SECRET, true);
    const first = await composer.compose('msg_1', AT, BODY, 'bad-signature');
    const second = await composer.compose('msg_1', AT, BODY, 'bad-signature');
    expect(first.headers['webhook-timestamp']).toBe('1700000000');
    expect(first.body).toBe(BODY);
    expect(first.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(first.headers['webhook-signature']).not.toBe(await sign('msg_1', 1_700_000_000, BODY));
    expect(second.headers['webhook-signature']).toBe(first.headers['webhook-signature']);
  });

  test('tampered-body: signed over the original body, the altered one sent', async () => {
    const { headers, body } = await createComposer(SECRET, true).compose('msg_1', AT, BODY, 'tampered-body');
    expect(headers['webhook-signature']).toBe(await sign('msg_1', 1_700_000_000, BODY));
    expect(body).toBe(tamper(BODY));
    expect(body).not.toBe(BODY);
  });

  test('unsigned: no timestamp or signature whatever the mutation; a tampered body is still altered', async () => {
    const composer = createComposer(SECRET, false);
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'videotask-mock',
      'webhook-id': 'msg_1',
    };
    expect(await composer.compose('msg_1', AT, BODY, 'stale-timestamp')).toEqual({ headers, body: BODY });
    expect(await composer.compose('msg_1', AT, BODY, 'bad-signature')).toEqual({ headers, body: BODY });
    expect(await composer.compose('msg_1', AT, BODY, 'tampered-body')).toEqual({
      headers,
      body: tamper(BODY),
    });
  });
});

describe('tamper', () => {
  test('a body with results gets the attacker URL, even when it also has an error', () => {
    expect(JSON.parse(tamper('{"results":["a"],"error":{"message":"x"},"progress":5}'))).toEqual({
      results: ['https://attacker.example/video.mp4'],
      error: { message: 'x' },
      progress: 5,
    });
  });

  test('a body with an error and no results gets its message changed, nothing else', () => {
    expect(JSON.parse(tamper('{"error":{"code":"c","message":"x"},"progress":5}'))).toEqual({
      error: { code: 'c', message: 'tampered' },
      progress: 5,
    });
  });
});
