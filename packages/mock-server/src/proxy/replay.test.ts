import { createSpecValidator } from '@videotask/spec/validator';
import { describe, expect, test } from 'vitest';
import { type HarEntry, harEntry } from './har.js';
import { createReplay } from './replay.js';

const errorEnvelope = createSpecValidator().schema('ErrorResponse');
const TASK = '/v1/tasks/task-unified-1757169743-7cvnl5zw';

function entry(method: string, path: string, status: number, body: unknown, requestBody = ''): HarEntry {
  return harEntry({
    started: new Date(),
    timeMs: 1,
    method,
    url: `https://api.example.com${path}`,
    requestHeaders: new Headers({ 'content-type': 'application/json' }),
    requestBody: new TextEncoder().encode(requestBody),
    status,
    responseHeaders: new Headers({ 'content-type': 'application/json', 'content-length': '999' }),
    responseBody: new TextEncoder().encode(JSON.stringify(body)),
    info: { kind: 'api', source: 'upstream' },
  });
}

const states = ['pending', 'processing', 'completed'].map((status) => entry('GET', TASK, 200, { status }));
const get = (path = TASK) => new Request(`http://127.0.0.1:4010${path}`);

describe('replay', () => {
  test('a task read several times replays its states in order, then stays at the last', async () => {
    const replay = createReplay({ entries: states });
    const seen: string[] = [];
    for (let i = 0; i < 5; i++)
      seen.push(((await (await replay(get())).json()) as { status: string }).status);
    expect(seen).toEqual(['pending', 'processing', 'completed', 'completed', 'completed']);
  });

  test('bodies match whatever the order of their fields; another body does not match', async () => {
    const create = entry(
      'POST',
      '/v1/videos/generations',
      200,
      { id: 'recorded' },
      '{"model":"sora-2","prompt":"x"}',
    );
    const fallbackSeen: string[] = [];
    const replay = createReplay({
      entries: [create],
      fallback: async (request) => {
        fallbackSeen.push(await request.text());
        return new Response('simulated', { status: 299 });
      },
    });
    const post = (body: string) =>
      replay(new Request('http://127.0.0.1:4010/v1/videos/generations', { method: 'POST', body }));
    expect(await (await post('{ "prompt": "x", "model": "sora-2" }')).json()).toEqual({ id: 'recorded' });
    const other = await post('{"model":"sora-2","prompt":"y"}');
    expect(other.status).toBe(299);
    expect(fallbackSeen).toEqual(['{"model":"sora-2","prompt":"y"}']); // the fallback still gets the body
  });

  test("recorded headers come back, except the recorded transfer's length", async () => {
    const answer = await createReplay({ entries: states })(get());
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(answer.headers.get('content-length')).not.toBe('999');
  });

  test('no recording: the simulated mock answers by default, and the log says so', async () => {
    const lines: string[] = [];
    const replay = createReplay({
      entries: states,
      fallback: () => new Response('from the mock', { status: 200 }),
      logger: (line) => lines.push(line),
    });
    expect(await (await replay(get('/v1/credits'))).text()).toBe('from the mock');
    await replay(get());
    expect(lines).toEqual([
      'GET /v1/credits: no recording, the simulated mock answers',
      `GET ${TASK} 200 (replayed 1/3)`,
    ]);
  });

  test("strict: no recording answers 404 in the API's envelope", async () => {
    const replay = createReplay({ entries: states, source: 'session.har' });
    const answer = await replay(get('/v1/credits'));
    expect(answer.status).toBe(404);
    const body = await answer.json();
    expect(errorEnvelope(body), JSON.stringify(errorEnvelope.issues)).toBe(true);
    expect(body).toMatchObject({ error: { code: 'not_recorded' } });
    expect(JSON.stringify(body)).toContain('GET /v1/credits');
    expect(JSON.stringify(body)).toContain('session.har');
  });

  test('received callbacks in the recording are not served as answers', async () => {
    const callback = {
      ...entry('GET', TASK, 200, { status: 'callback' }),
      _videotask: { kind: 'callback' as const },
    };
    const replay = createReplay({ entries: [callback] });
    expect((await replay(get())).status).toBe(404);
  });
});
