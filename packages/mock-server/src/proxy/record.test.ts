import { createSpecValidator } from '@videotask/spec/validator';
import { describe, expect, test } from 'vitest';
import { bodyBytes, type HarEntry } from './har.js';
import { createRecordingProxy } from './record.js';

const errorEnvelope = createSpecValidator().schema('ErrorResponse');
const KEY = 'sk-live-0123456789abcdef';
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const RESULT = 'https://files.example.com/v/task-unified-1757169743-7cvnl5zw.mp4?sig=abc123';

function recorder() {
  const entries: HarEntry[] = [];
  return { entries, sink: { add: (e: HarEntry) => entries.push(e) } };
}

/** An upstream that echoes what it received and leaks the key back, as some error pages do. */
async function echoUpstream(request: Request): Promise<Response> {
  return Response.json(
    {
      seen: {
        url: request.url,
        authorization: request.headers.get('authorization'),
        body: await request.text(),
      },
      message: `key ${KEY} is not allowed for this model`,
      results: [RESULT],
    },
    { status: 403, headers: { 'x-request-id': 'req-1', 'x-api-key': KEY } },
  );
}

describe('the recording proxy', () => {
  test("forwards the caller's own headers, path, query and body, and answers unchanged", async () => {
    const { entries, sink } = recorder();
    const handle = createRecordingProxy({
      upstream: 'https://api.example.com/base/',
      sink,
      fetch: echoUpstream,
    });
    const body = JSON.stringify({ model: 'sora-2', prompt: 'x', webhook_secret: SECRET });
    const answer = await handle(
      new Request('http://127.0.0.1:4010/v1/videos/generations?x=1', {
        method: 'POST',
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
        body,
      }),
    );
    expect(answer.status).toBe(403);
    expect(answer.headers.get('x-request-id')).toBe('req-1');
    const json = (await answer.json()) as { seen: Record<string, string>; message: string };
    expect(json.seen).toEqual({
      url: 'https://api.example.com/base/v1/videos/generations?x=1',
      authorization: `Bearer ${KEY}`,
      body,
    });
    expect(json.message).toContain(KEY); // the caller gets the answer as it was
    expect(entries).toHaveLength(1);
  });

  test('no secret reaches the recording; result URLs are kept as they are', async () => {
    const { entries, sink } = recorder();
    const handle = createRecordingProxy({ upstream: 'https://api.example.com', sink, fetch: echoUpstream });
    await handle(
      new Request(`http://127.0.0.1:4010/v1/tasks/task-unified-1-abcdefgh?api_key=${KEY}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${KEY}`,
          'x-webhook-secret': SECRET,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ webhook_secret: SECRET, note: `my key is ${KEY}` }),
      }),
    );
    const recorded = JSON.stringify(entries);
    expect(recorded).not.toContain(KEY);
    expect(recorded).not.toContain(SECRET);
    expect(recorded).not.toContain('0123456789abcdef');
    expect(recorded).toContain(JSON.stringify(RESULT).slice(1, -1));
    const [entry] = entries as [HarEntry];
    expect(entry.request.headers).toContainEqual({ name: 'authorization', value: 'Bearer [redacted]' });
    expect(entry.response.headers).toContainEqual({ name: 'x-api-key', value: '[redacted]' });
    expect(entry._videotask).toEqual({ kind: 'api', source: 'upstream' });
  });

  test('a dead upstream answers 502 upstream_error in the envelope, recorded as such', async () => {
    const { entries, sink } = recorder();
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
    });
    const handle = createRecordingProxy({
      upstream: 'http://127.0.0.1:9',
      sink,
      fetch: () => Promise.reject(refused),
    });
    const answer = await handle(new Request('http://127.0.0.1:4010/v1/credits'));
    expect(answer.status).toBe(502);
    const body = await answer.json();
    expect(errorEnvelope(body), JSON.stringify(errorEnvelope.issues)).toBe(true);
    expect(body).toMatchObject({ error: { code: 'upstream_error', type: 'upstream_error' } });
    expect((body as { error: { message: string } }).error.message).toContain('ECONNREFUSED');
    const [entry] = entries as [HarEntry];
    expect(entry.response.status).toBe(502);
    expect(entry._videotask).toMatchObject({
      kind: 'api',
      source: 'proxy',
      error: expect.stringContaining('ECONNREFUSED'),
    });
    expect(JSON.parse(new TextDecoder().decode(bodyBytes(entry.response.content)))).toEqual(body);
  });

  test('an upstream slower than the timeout answers 502 naming the timeout', async () => {
    const { entries, sink } = recorder();
    const never = (request: Request) =>
      new Promise<Response>((_, reject) =>
        request.signal.addEventListener('abort', () => reject(request.signal.reason)),
      );
    const handle = createRecordingProxy({
      upstream: 'https://api.example.com',
      sink,
      fetch: never,
      timeoutMs: 50,
    });
    const answer = await handle(new Request('http://127.0.0.1:4010/v1/credits'));
    expect(answer.status).toBe(502);
    expect(await answer.text()).toContain('no answer within 50 ms');
    expect(entries[0]?._videotask?.error).toBe('no answer within 50 ms');
  });

  test('a TLS failure is named in the 502', async () => {
    const tls = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
    });
    const handle = createRecordingProxy({
      upstream: 'https://api.example.com',
      fetch: () => Promise.reject(tls),
    });
    const answer = await handle(new Request('http://127.0.0.1:4010/v1/credits'));
    expect(answer.status).toBe(502);
    expect(await answer.text()).toContain('DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate');
  });

  test('a base URL that is not a URL is refused at once', () => {
    expect(() => createRecordingProxy({ upstream: 'api.example.com' })).toThrow();
  });
});
