// The admin API refuses what a browser sends on behalf of another site (CSRF), and nothing else.
import { afterEach, describe, expect, test } from 'vitest';
import { errorEnvelope } from '../../test/fuzz/fuzz-support.js';
import { createTask, manualServer } from '../../test/helpers.js';
import type { MockServer } from '../index.js';

let server: MockServer;
afterEach(async () => {
  await server?.close();
});

const ORIGIN = 'http://mock.local';

function request(method: string, path: string, headers: Record<string, string>, body?: string) {
  return server.app.request(`${ORIGIN}${path}`, {
    method,
    headers: { host: 'mock.local', ...headers },
    body,
  });
}

describe('cross-site requests to the admin API', () => {
  test.each([
    // What a page on another site can make a visitor's browser send without a CORS preflight.
    [
      'a form post (urlencoded)',
      {
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'cross-site',
      },
      'a=1',
    ],
    [
      'a form post (text/plain, JSON-looking)',
      { origin: 'https://evil.example', 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site' },
      '{"ms":1}',
    ],
    [
      'a form post (multipart)',
      {
        origin: 'https://evil.example',
        'content-type': 'multipart/form-data; boundary=x',
        'sec-fetch-site': 'cross-site',
      },
      '--x--',
    ],
    [
      'a bodiless fetch(no-cors)',
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      undefined,
    ],
    ['a sibling site', { origin: 'https://other.mock.local', 'sec-fetch-site': 'same-site' }, undefined],
    ['an older browser without Sec-Fetch-Site', { origin: 'https://evil.example' }, undefined],
    ['a sandboxed page (Origin: null)', { origin: 'null' }, undefined],
  ])('%s cannot reset the mock: 403 in the envelope, nothing reset', async (_what, headers, body) => {
    server = manualServer();
    await createTask(server);
    const res = await request('POST', '/__mock/reset', headers as Record<string, string>, body);
    expect(res.status).toBe(403);
    const json = await res.json();
    expect(errorEnvelope(json)).toBe(true);
    expect(json.error.code).toBe('forbidden');
    expect(await server.tasks.list()).toHaveLength(1);
  });

  test('every state-changing admin route is guarded, the cancel and fault injection too', async () => {
    server = manualServer();
    const task = await createTask(server, {}, { 'x-mock-scenario': 'stuck' });
    const evil = {
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
      'content-type': 'text/plain',
    };
    for (const [method, path, body] of [
      ['POST', `/__mock/tasks/${task.id}/cancel`, undefined],
      ['POST', `/__mock/tasks/${task.id}/redeliver`, '{}'],
      ['POST', '/__mock/clock/advance', '{"ms": 1000}'],
      ['POST', '/__mock/faults', '{"status": 503, "count": 100}'],
      ['DELETE', '/__mock/faults', undefined],
      ['POST', '/__mock/credits', '{"apiKey": "sk-test-1", "credits": 0}'],
      ['POST', '/__mock/deliveries/idle', '{}'],
      ['POST', '/__mock', undefined],
    ] as const) {
      expect((await request(method, path, evil, body)).status, `${method} ${path}`).toBe(403);
    }
    expect((await server.tasks.get(task.id))?.cancelled).toBe(false);
    expect(await server.faults.list()).toEqual([]);
    expect(server.clock.now()).toBe((await server.tasks.get(task.id))?.timeline.createdAt);
  });

  test.each([
    ['curl or a script (no Origin, no Sec-Fetch-Site)', {}],
    ['the dashboard itself (same-origin)', { origin: ORIGIN, 'sec-fetch-site': 'same-origin' }],
    ['an older browser on the same origin', { origin: ORIGIN }],
    ['a request the user typed (Sec-Fetch-Site: none)', { 'sec-fetch-site': 'none' }],
    [
      'behind a proxy that passes the public host',
      { origin: 'https://mock.example.com', 'x-forwarded-host': 'mock.example.com' },
    ],
  ])('%s may reset the mock', async (_what, headers) => {
    server = manualServer();
    await createTask(server);
    const res = await request('POST', '/__mock/reset', headers as Record<string, string>);
    expect(res.status).toBe(200);
    expect(await server.tasks.list()).toHaveLength(0);
  });

  test('reads and the public API are not affected', async () => {
    server = manualServer();
    const evil = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
    expect((await request('GET', '/__mock/tasks', evil)).status).toBe(200);
    const created = await request(
      'POST',
      '/v1/videos/generations',
      {
        ...evil,
        authorization: 'Bearer sk-test-1',
        'content-type': 'application/json',
      },
      JSON.stringify({ model: 'sora-2', prompt: 'cross-origin API call with a key' }),
    );
    expect(created.status).toBe(200);
  });

  test.each([
    ['a cross-site GET (not refused: no such route)', 'GET', { 'sec-fetch-site': 'cross-site' }, 405],
    ['a cross-site reset', 'POST', { 'sec-fetch-site': 'cross-site' }, 403],
    ['an Origin that is not a URL', 'POST', { origin: 'not a url' }, 403],
    [
      'the same host and port (PUT: no such route)',
      'PUT',
      { origin: 'http://mock.local:4010', host: 'mock.local:4010' },
      405,
    ],
    ['another port', 'PUT', { origin: 'http://mock.local:4011', host: 'mock.local:4010' }, 403],
  ])('%s', async (_what, method, headers, status) => {
    server = manualServer();
    expect((await request(method, '/__mock/reset', headers as Record<string, string>)).status).toBe(status);
  });
});
