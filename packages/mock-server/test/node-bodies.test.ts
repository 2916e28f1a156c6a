// Bodies through the Node entry: whole across chunks, bounded at 1 MiB declared or streamed, and the server goes on.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_BODY_BYTES } from '../src/http/respond.js';
import { type RunningMockServer, serveMockServer } from '../src/node/index.js';

let running: RunningMockServer;
beforeAll(async () => {
  running = await serveMockServer({ port: 0, clock: 'manual', credits: 1000 });
});
afterAll(() => running.close());

/** POSTs `chunks` one write each (chunked transfer unless `contentLength` is given). */
function post(
  chunks: (string | Buffer)[],
  contentLength?: number,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${running.url}/v1/videos/generations`,
      {
        method: 'POST',
        // A fresh connection per request: a client that declares a length it never sends poisons its own.
        agent: false,
        headers: {
          authorization: 'Bearer k',
          'content-type': 'application/json',
          ...(contentLength === undefined ? {} : { 'content-length': contentLength }),
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    // With a declared length, leave the request open as a client still sending would.
    if (contentLength === undefined) req.end();
  });
}

describe('bodies through the Node entry', () => {
  test('a body sent in many chunks, split inside a multi-byte character, arrives whole', async () => {
    const json = Buffer.from(JSON.stringify({ model: 'sora-2', prompt: 'Ünïcödé 🎬 prompt' }));
    const split = json.indexOf(Buffer.from('🎬')) + 2;
    const { status, body } = await post([json.subarray(0, split), json.subarray(split)]);
    expect(status).toBe(200);
    expect(JSON.parse(body)).toMatchObject({ status: 'pending' });
  });

  test('a declared Content-Length over 1 MiB answers 413 before the body is read', async () => {
    // Only the first bytes are sent: the answer must not wait for the other megabyte.
    const { status, body } = await post(['{}'], MAX_BODY_BYTES + 1);
    expect(status).toBe(413);
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'request_too_large' } });
  });

  test('a chunked body that grows past 1 MiB answers 413', async () => {
    const piece = `{"prompt":"${'x'.repeat(64 * 1024)}`;
    const chunks = Array.from({ length: 20 }, (_, i) => (i === 0 ? piece : 'x'.repeat(64 * 1024)));
    const { status, body } = await post(chunks);
    expect(status).toBe(413);
    expect(JSON.parse(body)).toMatchObject({
      error: { code: 'request_too_large', type: 'request_too_large_error' },
    });
  });

  test('malformed JSON answers 400, and the next request on the server is served', async () => {
    expect((await post(['{"model": "sora-2",'])).status).toBe(400);
    expect((await post([JSON.stringify({ model: 'sora-2', prompt: 'next' })])).status).toBe(200);
  });

  test('admin bodies take the same path', async () => {
    const res = await fetch(`${running.url}/__mock/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ms: 1000 }),
    });
    expect(res.status).toBe(200);
  });
});
