import { spec as specDocument } from '@videotask/spec';
import { createSpecValidator } from '@videotask/spec/validator';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  auth,
  BASE_BODY,
  createTask,
  getTask,
  KEY,
  manualServer,
  OTHER_KEY,
  post,
  START,
  UNTIL_ANY_END_MS,
} from '../../test/helpers.js';
import { createMockServer, type MockServer } from '../index.js';

const spec = createSpecValidator();
const errorEnvelope = spec.schema('ErrorResponse');
const videoTask = spec.schema('VideoTask');

let server: MockServer;
afterEach(async () => {
  await server?.close();
});

async function expectError(res: Response, status: number, code: string, param?: string) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as {
    error: { code: string; param?: string; message: string; type: string };
  };
  expect(errorEnvelope(body), JSON.stringify(errorEnvelope.issues)).toBe(true);
  expect(body.error.code).toBe(code);
  expect(body.error.param).toBe(param);
  expect(res.headers.get('x-request-id')).toBeTruthy();
  return body.error;
}

describe('auth', () => {
  test.each([
    ['no header', undefined],
    ['an empty token', 'Bearer '],
    ['another scheme', 'Basic abc'],
    ['no space', 'Bearerabc'],
    ['two tokens', 'Bearer a b'],
  ])('%s answers 401 unauthorized', async (_name, header) => {
    server = manualServer();
    const headers: Record<string, string> = header === undefined ? {} : { authorization: header };
    const res = await server.app.request('/v1/credits', { headers });
    const error = await expectError(res, 401, 'unauthorized');
    expect(error.type).toBe('authentication_error');
  });

  test('any non-empty token works without apiKeys; the scheme is case-insensitive', async () => {
    server = manualServer();
    expect(
      (await server.app.request('/v1/credits', { headers: { authorization: 'bearer whatever' } })).status,
    ).toBe(200);
  });

  test('with apiKeys only those keys work', async () => {
    server = manualServer({ apiKeys: ['k1', 'k2'] });
    expect((await server.app.request('/v1/credits', { headers: auth('k2') })).status).toBe(200);
    await expectError(await server.app.request('/v1/credits', { headers: auth('k3') }), 401, 'unauthorized');
  });

  test('another key reading a task gets 404, as if it did not exist', async () => {
    server = manualServer();
    const task = await createTask(server);
    const res = await server.app.request(`/v1/tasks/${task.id}`, { headers: auth(OTHER_KEY) });
    await expectError(res, 404, 'task_not_found', 'task_id');
  });
});

describe('create', () => {
  test('answers the pending task with defaults applied and a spec-shaped id', async () => {
    server = manualServer();
    const res = await post(server);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const task = await res.json();
    expect(videoTask(task), JSON.stringify(videoTask.issues)).toBe(true);
    expect(task).toEqual({
      created: START / 1000,
      id: expect.stringMatching(new RegExp(`^task-unified-${START / 1000}-[0-9a-z]{8}$`)),
      model: 'sora-2',
      object: 'video.generation.task',
      progress: 0,
      status: 'pending',
      task_info: { can_cancel: true, estimated_time: expect.any(Number), video_duration: 10 },
      type: 'video',
      // remove_watermark defaults to true: the 10 s price without watermark.
      usage: { billing_rule: 'per_call', credits_reserved: 3.737, user_group: 'default' },
      billing: {
        charge_status: 'reserved',
        refund_status: 'not_required',
        reserved_credits: 3.737,
        charged_credits: 0,
        refunded_credits: 0,
      },
    });
  });

  test('billing, credits_used, duration and result_data follow the charge to the end', async () => {
    server = manualServer();
    const done = await createTask(server, BASE_BODY);
    const failed = await createTask(server, BASE_BODY, {
      'x-mock-scenario': 'fail:content_policy_violation',
    });
    await server.clock.advance(60 * 60 * 1000);
    const completed = await getTask(server, done.id);
    expect(videoTask(completed), JSON.stringify(videoTask.issues)).toBe(true);
    expect(completed).toMatchObject({
      status: 'completed',
      usage: { credits_reserved: 3.737, credits_used: 3.737 },
      billing: {
        charge_status: 'charged',
        refund_status: 'not_required',
        charged_credits: 3.737,
        refunded_credits: 0,
      },
      result_data: [{ video_url: (completed as { results: string[] }).results[0] }],
    });
    // The sora-2 profile: 10 s of video at 4.5 to 6 s a second, after a short wait in the queue.
    expect((completed as { duration: number }).duration).toBeGreaterThan(45);
    expect((completed as { duration: number }).duration).toBeLessThan(120);
    const refunded = await getTask(server, failed.id);
    expect(videoTask(refunded), JSON.stringify(videoTask.issues)).toBe(true);
    expect(refunded).toMatchObject({
      status: 'failed',
      usage: { credits_reserved: 0, credits_used: 0 },
      billing: {
        charge_status: 'released',
        refund_status: 'completed',
        charged_credits: 0,
        refunded_credits: 3.737,
      },
    });
    const { duration, billing } = refunded as { duration: number; billing: { refunded_at: number } };
    expect(billing.refunded_at).toBe(Math.floor((START + duration * 1000) / 1000));
  });

  test.each([
    ['model missing', { prompt: 'x' }, 'model'],
    ['another model', { ...BASE_BODY, model: 'veo-3' }, 'model'],
    ['an empty prompt', { ...BASE_BODY, prompt: '' }, 'prompt'],
    ['a prompt of 1001 characters', { ...BASE_BODY, prompt: 'x'.repeat(1001) }, 'prompt'],
    ['aspect ratio 1:1', { ...BASE_BODY, aspect_ratio: '1:1' }, 'aspect_ratio'],
    ['duration 5', { ...BASE_BODY, duration: 5 }, 'duration'],
    ['duration "10"', { ...BASE_BODY, duration: '10' }, 'duration'],
    ['watermark "yes"', { ...BASE_BODY, remove_watermark: 'yes' }, 'remove_watermark'],
    [
      'two images',
      { ...BASE_BODY, image_urls: ['https://a.example/1.png', 'https://a.example/2.png'] },
      'image_urls',
    ],
    ['a gif image', { ...BASE_BODY, image_urls: ['https://a.example/1.gif'] }, 'image_urls'],
    [
      'an image whose host, not path, ends in .png',
      { ...BASE_BODY, image_urls: ['https://a.png'] },
      'image_urls',
    ],
    ['an http callback', { ...BASE_BODY, callback_url: 'http://hooks.example.com/x' }, 'callback_url'],
    ['a loopback callback', { ...BASE_BODY, callback_url: 'https://127.0.0.1/x' }, 'callback_url'],
    ['a hex loopback callback', { ...BASE_BODY, callback_url: 'https://0x7f000001/x' }, 'callback_url'],
    ['a metadata callback', { ...BASE_BODY, callback_url: 'https://169.254.169.254/latest' }, 'callback_url'],
    [
      'a callback with credentials',
      { ...BASE_BODY, callback_url: 'https://u:p@hooks.example.com/' },
      'callback_url',
    ],
    [
      'a callback of 2049 characters',
      { ...BASE_BODY, callback_url: `https://h.example.com/${'a'.repeat(2027)}` },
      'callback_url',
    ],
    ['a body that is an array', [BASE_BODY], undefined],
  ])('%s answers 400 naming the field', async (_name, body, param) => {
    server = manualServer();
    const error = await expectError(await post(server, body), 400, 'invalid_request', param);
    expect(error.type).toBe('invalid_request_error');
    if (param) expect(error.message).toContain(param);
  });

  test('the message says the rule in words', async () => {
    server = manualServer();
    const error = await expectError(
      await post(server, { ...BASE_BODY, prompt: 'x'.repeat(1001) }),
      400,
      'invalid_request',
      'prompt',
    );
    expect(error.message).toBe('sora-2: prompt must be at most 1000 characters');
  });

  test('unknown extra fields are tolerated; a 1000-character prompt and a 2048-character callback are accepted', async () => {
    server = manualServer();
    const body = {
      ...BASE_BODY,
      prompt: 'é'.repeat(1000),
      seed: 7,
      extra: { nested: true },
      callback_url: `https://h.example.com/${'a'.repeat(2026)}`,
    };
    expect((await post(server, body)).status).toBe(200);
  });

  test('malformed JSON answers 400', async () => {
    server = manualServer();
    const error = await expectError(await post(server, '{"model": "sora-2",'), 400, 'invalid_request');
    expect(error.message).toMatch(/JSON/);
    await expectError(await post(server, ''), 400, 'invalid_request');
  });

  test('a body over 1 MiB answers 413, with or without Content-Length', async () => {
    server = manualServer();
    const big = JSON.stringify({ ...BASE_BODY, pad: 'x'.repeat(1024 * 1024) });
    const declared = await server.app.request('/v1/videos/generations', {
      method: 'POST',
      headers: auth(KEY, { 'content-length': String(big.length) }),
      body: big,
    });
    await expectError(declared, 413, 'request_too_large');
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
        for (let i = 0; i < 17; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const streamed = await server.app.request('/v1/videos/generations', {
      method: 'POST',
      headers: auth(KEY),
      body: chunked,
      duplex: 'half',
    } as RequestInit);
    await expectError(streamed, 413, 'request_too_large');
  });

  test('a body of exactly 1 MiB is read (and judged on its content)', async () => {
    server = manualServer();
    const head = JSON.stringify({ ...BASE_BODY, pad: '' });
    const body = JSON.stringify({ ...BASE_BODY, pad: 'x'.repeat(1024 * 1024 - head.length) });
    expect(body.length).toBe(1024 * 1024);
    expect((await post(server, body)).status).toBe(200);
  });

  test('ids are seeded: the same seed and requests give the same ids', async () => {
    const ids = async () => {
      const s = manualServer({ seed: 42 });
      const out = [(await createTask(s)).id, (await createTask(s)).id];
      await s.close();
      return out;
    };
    const first = await ids();
    expect(await ids()).toEqual(first);
    expect(first[0]).not.toBe(first[1]);
    server = manualServer({ seed: 43 });
    expect((await createTask(server)).id).not.toBe(first[0]);
  });
});

describe('Idempotency-Key', () => {
  test('a replay returns the same task with idempotency-replayed: true and is billed once', async () => {
    server = manualServer();
    const first = await post(server, BASE_BODY, { 'idempotency-key': 'k-1' });
    const a = await first.json();
    expect(first.headers.get('idempotency-replayed')).toBeNull();
    // The same request with the defaults written out is the same request.
    const replay = await post(server, { ...BASE_BODY, duration: 10 }, { 'idempotency-key': 'k-1' });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    expect((await replay.json()).id).toBe(a.id);
    const credits = await (await server.app.request('/v1/credits', { headers: auth() })).json();
    expect(credits.data.token.remaining_credits).toBe(96.263);
  });

  test('the replay shows the task as it is now', async () => {
    server = manualServer();
    await post(server, BASE_BODY, { 'idempotency-key': 'k-1' });
    await server.clock.advance(UNTIL_ANY_END_MS);
    const replay = await (await post(server, BASE_BODY, { 'idempotency-key': 'k-1' })).json();
    expect(replay.status).toBe('completed');
  });

  test('the same key with another body answers 422 idempotency_conflict', async () => {
    server = manualServer();
    await post(server, BASE_BODY, { 'idempotency-key': 'k-1' });
    await expectError(
      await post(server, { ...BASE_BODY, duration: 15 }, { 'idempotency-key': 'k-1' }),
      422,
      'idempotency_conflict',
    );
  });

  test('keys are per API key', async () => {
    server = manualServer();
    const a = await (await post(server, BASE_BODY, { 'idempotency-key': 'k-1' })).json();
    const b = await post(server, BASE_BODY, { 'idempotency-key': 'k-1' }, OTHER_KEY);
    expect(b.headers.get('idempotency-replayed')).toBeNull();
    expect((await b.json()).id).not.toBe(a.id);
  });

  test('a key over 255 characters answers 400 naming the header', async () => {
    server = manualServer();
    const error = await expectError(
      await post(server, BASE_BODY, { 'idempotency-key': 'k'.repeat(256) }),
      400,
      'invalid_request',
      'Idempotency-Key',
    );
    expect(error.message).toBe('Idempotency-Key must be at most 255 characters');
  });
});

describe('query', () => {
  test('an id not starting with task-unified- answers 400 invalid_task_id', async () => {
    server = manualServer();
    const error = await expectError(
      await server.app.request('/v1/tasks/abc', { headers: auth() }),
      400,
      'invalid_task_id',
      'task_id',
    );
    expect(error.message).toBe('task_id must start with task-unified-');
  });

  test('an unknown id answers 404 task_not_found', async () => {
    server = manualServer();
    await expectError(
      await server.app.request('/v1/tasks/task-unified-1-abcdefgh', { headers: auth() }),
      404,
      'task_not_found',
      'task_id',
    );
  });

  test('HEAD answers like GET without a body', async () => {
    server = manualServer();
    const task = await createTask(server);
    const res = await server.app.request(`/v1/tasks/${task.id}`, { method: 'HEAD', headers: auth() });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });
});

describe('routes', () => {
  test('an unknown route answers 404 not_found in the envelope', async () => {
    server = manualServer();
    const error = await expectError(
      await server.app.request('/v2/whatever', { headers: auth() }),
      404,
      'not_found',
    );
    expect(error.message).toContain('/v2/whatever');
  });

  test.each([
    ['GET', '/v1/videos/generations', 'POST'],
    ['DELETE', '/v1/tasks/task-unified-1-abcdefgh', 'GET, HEAD'],
    ['POST', '/v1/credits', 'GET, HEAD'],
    ['PUT', '/__mock/reset', 'POST'],
  ])('%s %s answers 405 method_not_allowed with Allow', async (method, path, allow) => {
    server = manualServer();
    const res = await server.app.request(path, { method, headers: auth() });
    expect(res.headers.get('allow')).toBe(allow);
    await expectError(res, 405, 'method_not_allowed');
  });

  test('every answer carries a distinct x-request-id', async () => {
    server = manualServer();
    const task = await createTask(server);
    await server.clock.advance(UNTIL_ANY_END_MS);
    const answers = await Promise.all([
      server.app.request('/v1/credits', { headers: auth() }),
      server.app.request('/nowhere'),
      server.app.request(`/files/${task.id}.mp4`),
      server.app.request('/openapi.json'),
      server.app.request('/__mock/tasks'),
    ]);
    const ids = answers.map((r) => r.headers.get('x-request-id'));
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('an exception in a handler answers 500 internal_error in the envelope', async () => {
    server = manualServer();
    server.app.get('/v1/boom', () => {
      throw new Error('boom');
    });
    await expectError(await server.app.request('/v1/boom', { headers: auth() }), 500, 'internal_error');
  });

  test('fetch works like app.fetch, with a URL, a path or a Request', async () => {
    server = manualServer();
    const a = await server.fetch('http://mock.test/v1/credits', { headers: auth() });
    const b = await server.fetch(new Request('http://mock.test/v1/credits', { headers: auth() }));
    const c = await server.fetch('/v1/credits', { headers: auth() });
    const d = await server.fetch(new URL('http://mock.test/v1/credits'), { headers: auth() });
    expect([a.status, b.status, c.status, d.status]).toEqual([200, 200, 200, 200]);
  });
});

describe('credits', () => {
  test('a create reserves the price; completion consumes it; failure returns it', async () => {
    server = manualServer({ credits: 20 });
    const balance = async () =>
      (await (await server.app.request('/v1/credits', { headers: auth() })).json()).data;
    expect(await balance()).toEqual({
      token: { remaining_credits: 20, unlimited_credits: false, used_credits: 0 },
      user: { remaining_credits: 20, used_credits: 0 },
    });
    await createTask(server, { duration: 15 }); // 5.175
    await createTask(
      server,
      { duration: 10, remove_watermark: false },
      { 'x-mock-scenario': 'fail:service_error' },
    ); // 2.3
    expect((await balance()).token).toEqual({
      remaining_credits: 12.525,
      unlimited_credits: false,
      used_credits: 0,
    });
    await server.clock.advance(UNTIL_ANY_END_MS);
    expect((await balance()).token).toEqual({
      remaining_credits: 14.825,
      unlimited_credits: false,
      used_credits: 5.175,
    });
  });

  test('the credits response validates against the spec', async () => {
    server = manualServer();
    const body = await (await server.app.request('/v1/credits', { headers: auth() })).json();
    const validate = spec.response('getCredits', 200);
    expect(validate?.(body)).toBe(true);
  });

  test.each([
    [10, false, 2.3],
    [10, true, 3.737],
    [15, false, 3.737],
    [15, true, 5.175],
  ])('duration %d, remove_watermark %s reserves %d', async (duration, remove_watermark, price) => {
    server = manualServer();
    const task = await createTask(server, { duration, remove_watermark });
    expect(task.usage?.credits_reserved).toBe(price);
  });

  test('too few credits answers 402 insufficient_quota and creates nothing', async () => {
    server = manualServer({ credits: 5 });
    await createTask(server); // 3.737 → 1.263 left
    const error = await expectError(await post(server), 402, 'insufficient_quota');
    expect(error.message).toBe('This task needs 3.737 credits; 1.263 remain.');
    expect(await server.tasks.list()).toHaveLength(1);
    // A cheaper one still fits? 2.3 > 1.263: no.
    await expectError(
      await post(server, { ...BASE_BODY, remove_watermark: false }),
      402,
      'insufficient_quota',
    );
  });

  test('credits are per key', async () => {
    server = manualServer({ credits: 4 });
    await createTask(server);
    expect((await post(server, BASE_BODY, {}, OTHER_KEY)).status).toBe(200);
  });

  test('a failed task gives its credits back, so the key can create again', async () => {
    server = manualServer({ credits: 4 });
    await createTask(server, {}, { 'x-mock-scenario': 'moderation' });
    expect((await post(server)).status).toBe(402);
    await server.clock.advance(UNTIL_ANY_END_MS);
    expect((await post(server)).status).toBe(200);
  });
});

describe('lifecycle', () => {
  test('pending → processing with rising progress → completed with a served result', async () => {
    server = manualServer();
    const task = await createTask(server);
    const seen: { status: string; progress: number }[] = [];
    for (let i = 0; i < 80; i++) {
      const now = await getTask(server, task.id);
      expect(videoTask(now), JSON.stringify(videoTask.issues)).toBe(true);
      seen.push({ status: now.status, progress: now.progress });
      if (now.status === 'completed') break;
      await server.clock.advance(1000);
    }
    const statuses = [...new Set(seen.map((s) => s.status))];
    expect(statuses).toEqual(['pending', 'processing', 'completed']);
    const progress = seen.map((s) => s.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // Rising in several steps.
    expect(new Set(progress.filter((p) => p > 0 && p < 100)).size).toBeGreaterThan(10);
    const done = await getTask(server, task.id);
    expect(done.progress).toBe(100);
    expect(done.task_info).toEqual({ can_cancel: false });
    expect(done.results).toEqual([`http://127.0.0.1:4010/files/${task.id}.mp4`]);
    // Realistic timing: pending a couple of seconds, processing tens of seconds.
    const pendingSeconds = seen.filter((s) => s.status === 'pending').length;
    expect(pendingSeconds).toBeGreaterThanOrEqual(2);
    expect(pendingSeconds).toBeLessThanOrEqual(4);
    expect(seen.length).toBeGreaterThan(40);
  });

  test('15 s videos take longer than 10 s videos; speed divides the timings', async () => {
    const endOf = async (body: Record<string, unknown>, speed = 1) => {
      const s = manualServer({ speed });
      const t = await createTask(s, body);
      const admin = await s.tasks.get(t.id);
      await s.close();
      return (admin?.timeline.endAt ?? 0) - START;
    };
    const ten = await endOf({ duration: 10 });
    const fifteen = await endOf({ duration: 15 });
    expect(fifteen).toBeGreaterThan(ten);
    expect(ten).toBeGreaterThan(45_000);
    // Pending and processing are each divided (and rounded to the millisecond).
    expect(Math.abs((await endOf({ duration: 10 }, 10)) - ten / 10)).toBeLessThanOrEqual(1);
  });

  test.each([
    ['success', 'completed', undefined],
    ['moderation', 'failed', 'content_policy_violation'],
    ['fail:generation_timeout', 'failed', 'generation_timeout'],
    ['fail:request_cancelled', 'failed', 'request_cancelled'],
  ])('scenario %s ends %s', async (scenario, status, code) => {
    server = manualServer({ failureRate: 1 });
    const task = await createTask(server, {}, { 'x-mock-scenario': scenario });
    await server.clock.advance(UNTIL_ANY_END_MS);
    const end = await getTask(server, task.id);
    expect(end.status).toBe(status);
    expect(end.error?.code).toBe(code);
    expect(videoTask(end), JSON.stringify(videoTask.issues)).toBe(true);
  });

  test('every documented failure code can be asked for', async () => {
    server = manualServer({ credits: 1000 });
    const codes = (specDocument.components.schemas.TaskFailureCode as { enum: string[] }).enum;
    expect(codes).toHaveLength(13);
    const ids = [];
    for (const code of codes)
      ids.push([code, (await createTask(server, {}, { 'x-mock-scenario': `fail:${code}` })).id]);
    await server.clock.advance(UNTIL_ANY_END_MS);
    for (const [code, id] of ids) {
      const end = await getTask(server, id as string);
      expect(end).toMatchObject({
        status: 'failed',
        error: { code, type: 'task_error' },
        usage: { credits_reserved: 0 },
      });
      expect(end.error?.message).toBeTruthy();
      expect(end.progress).toBeGreaterThan(0);
      expect(end.progress).toBeLessThan(100);
    }
  });

  test('stuck stays processing with frozen progress until cancelled; slow takes five times as long', async () => {
    server = manualServer();
    const stuck = await createTask(server, {}, { 'x-mock-scenario': 'stuck' });
    const slow = await createTask(server, {}, { 'x-mock-scenario': 'slow' });
    const normal = await createTask(server);
    await server.clock.advance(UNTIL_ANY_END_MS / 5);
    expect((await getTask(server, normal.id)).status).toBe('completed');
    expect((await getTask(server, slow.id)).status).toBe('processing');
    const frozen = (await getTask(server, stuck.id)).progress;
    await server.clock.advance(24 * 60 * 60 * 1000);
    expect(await getTask(server, stuck.id)).toMatchObject({ status: 'processing', progress: frozen });
    expect(await server.tasks.cancel(stuck.id)).toBe(true);
    expect(await getTask(server, stuck.id)).toMatchObject({
      status: 'failed',
      progress: frozen,
      error: { code: 'request_cancelled' },
    });
  });

  test('an unknown scenario answers 400 naming the header', async () => {
    server = manualServer();
    const error = await expectError(
      await post(server, BASE_BODY, { 'x-mock-scenario': 'fail:oops' }),
      400,
      'invalid_request',
      'x-mock-scenario',
    );
    expect(error.message).toContain('oops');
  });

  test('the seeded failure rate fails about that share of tasks, the same ones for the same seed', async () => {
    const outcomes = async (seed: string) => {
      const s = manualServer({ seed, failureRate: 0.3, credits: 1000 });
      const ids = [];
      for (let i = 0; i < 100; i++) ids.push((await createTask(s)).id);
      await s.clock.advance(UNTIL_ANY_END_MS);
      const statuses = [];
      for (const id of ids) statuses.push((await getTask(s, id)).status);
      await s.close();
      return statuses;
    };
    const a = await outcomes('rate');
    const failed = a.filter((s) => s === 'failed').length;
    expect(failed).toBeGreaterThan(15);
    expect(failed).toBeLessThan(45);
    expect(await outcomes('rate')).toEqual(a);
  });

  test('a finished task is forgotten 24 h after it ends (404); a running one is not', async () => {
    server = manualServer();
    const done = await createTask(server);
    const stuck = await createTask(server, {}, { 'x-mock-scenario': 'stuck' });
    await server.clock.advance(UNTIL_ANY_END_MS);
    const endAt = (await server.tasks.get(done.id))?.timeline.endAt as number;
    await server.clock.advance(endAt + 24 * 3600 * 1000 - server.clock.now() - 1);
    expect((await getTask(server, done.id)).status).toBe('completed');
    await server.clock.advance(1);
    await expectError(
      await server.app.request(`/v1/tasks/${done.id}`, { headers: auth() }),
      404,
      'task_not_found',
      'task_id',
    );
    expect((await getTask(server, stuck.id)).status).toBe('processing');
  });

  test('maxTasks evicts the oldest task; an evicted running task gives its credits back', async () => {
    server = manualServer({ maxTasks: 2, credits: 20 });
    const a = await createTask(server);
    const b = await createTask(server);
    const c = await createTask(server);
    expect((await server.tasks.list()).map((t) => t.task.id)).toEqual([b.id, c.id]);
    expect((await server.app.request(`/v1/tasks/${a.id}`, { headers: auth() })).status).toBe(404);
    // Three reserved, one returned.
    expect((await server.credits.get(KEY)).data.token.remaining_credits).toBe(12.526);
    await server.clock.advance(UNTIL_ANY_END_MS);
    expect((await server.credits.get(KEY)).data.token).toMatchObject({
      remaining_credits: 12.526,
      used_credits: 7.474,
    });
  });

  test('a real clock reads the wall clock and refuses advance', async () => {
    // A faked wall clock: the reading is compared exactly, not within a margin a busy machine can miss.
    vi.useFakeTimers({ now: START, toFake: ['Date'] });
    try {
      server = createMockServer();
      expect(server.clock.mode).toBe('real');
      expect(server.clock.now()).toBe(START);
      vi.setSystemTime(START + 90_000);
      expect(server.clock.now()).toBe(START + 90_000);
      await expect(server.clock.advance(1000)).rejects.toThrow(/manual/);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('every state validates against the spec', () => {
  test('pending, processing, completed, failed, cancelled, stuck — as created, read, and replayed', async () => {
    server = manualServer({ credits: 1000 });
    const bodies = [
      {},
      { duration: 15, remove_watermark: false, aspect_ratio: '9:16' },
      { image_urls: ['https://a.example/x.webp'] },
      { callback_url: 'https://hooks.example.com/cb' },
    ];
    const scenarios = [
      'success',
      'moderation',
      'fail:unknown_error',
      'stuck',
      'slow',
      'slow,fail:service_error',
    ];
    // Each create carries its own Idempotency-Key, so that sending it again replays the task.
    const creates: Array<{ id: string; body: Record<string, unknown>; headers: Record<string, string> }> = [];
    for (const body of bodies) {
      for (const scenario of scenarios) {
        const headers = { 'x-mock-scenario': scenario, 'idempotency-key': `state-${creates.length}` };
        const created = await createTask(server, body, headers);
        expect(videoTask(created), JSON.stringify(videoTask.issues)).toBe(true);
        creates.push({ id: created.id, body, headers });
      }
    }
    const cancelled = creates[3] as (typeof creates)[number];
    const statuses = new Set<string>();
    let replays = 0;
    for (let step = 0; step < 60; step++) {
      if (step === 30) await server.tasks.cancel(cancelled.id);
      for (const { id, body, headers } of creates) {
        const task = await getTask(server, id);
        expect(videoTask(task), `${id}: ${JSON.stringify(videoTask.issues)}`).toBe(true);
        statuses.add(task.status);
        if (step % 5 !== 0) continue;
        const replay = await post(server, { ...BASE_BODY, ...body }, headers);
        expect(replay.status).toBe(200);
        expect(replay.headers.get('idempotency-replayed')).toBe('true');
        const replayed = await replay.json();
        expect(videoTask(replayed), `replay of ${id}: ${JSON.stringify(videoTask.issues)}`).toBe(true);
        // The replay is the same task as it reads now, whatever its state.
        expect(replayed).toEqual(task);
        replays++;
      }
      await server.clock.advance(10_000);
    }
    expect(replays).toBe(creates.length * 12);
    expect([...statuses].sort()).toEqual(['completed', 'failed', 'pending', 'processing']);
    // A cancel reads as failed with request_cancelled (the spec has no `cancelled` status).
    expect((await getTask(server, cancelled.id)).error?.code).toBe('request_cancelled');
    // No replay made a task of its own.
    expect((await server.tasks.list()).length).toBe(creates.length);
  });
});
