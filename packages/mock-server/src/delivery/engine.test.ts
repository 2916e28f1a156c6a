import { createHmac } from 'node:crypto';
import { createSpecValidator } from '@videotask/spec/validator';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { admin, createTask, getTask, manualServer, UNTIL_ANY_END_MS } from '../../test/helpers.js';
import { createMockServer, type MockServer, type MockServerOptions } from '../index.js';
import { MemoryStore } from '../store/memory.js';
import { tamper } from './engine.js';

const finishedTask = createSpecValidator().webhookBody('taskFinished');

interface Sent {
  url: string;
  headers: Record<string, string>;
  body: string;
  redirect: RequestRedirect | undefined;
}

type Answer = number | 'hang' | 'error';

/** A fetch that records each call and answers from a script (the last answer repeats). */
function scriptedFetch(...answers: Answer[]) {
  const sent: Sent[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    sent.push({ url: String(input), headers, body: String(init?.body), redirect: init?.redirect });
    const answer = answers[Math.min(sent.length - 1, answers.length - 1)] ?? 200;
    if (answer === 'error') throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
    if (answer === 'hang') {
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    return new Response(answer === 204 ? null : 'ok', {
      status: answer,
      headers: answer === 302 ? { location: 'http://127.0.0.1/' } : {},
    });
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

const HOOK = 'https://hooks.example.com/video';

let server: MockServer;
afterEach(async () => {
  await server?.close();
});

function serverWith(fetch: typeof globalThis.fetch, options: MockServerOptions = {}) {
  server = manualServer({ fetch, webhookSecret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', ...options });
  return server;
}

function verify(secret: string, sent: Sent): boolean {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const mac = createHmac('sha256', key)
    .update(`${sent.headers['webhook-id']}.${sent.headers['webhook-timestamp']}.${sent.body}`)
    .digest('base64');
  return sent.headers['webhook-signature'] === `v1,${mac}`;
}

describe('callbacks', () => {
  test('when a task ends, POSTs exactly what GET returns, signed, after credits settle', async () => {
    const { fetch, sent } = scriptedFetch(200);
    serverWith(fetch);
    const task = await createTask(server, { callback_url: HOOK });
    await server.clock.advance(30_000);
    expect(sent).toEqual([]);
    await server.clock.advance(UNTIL_ANY_END_MS);
    expect(sent).toHaveLength(1);
    const [call] = sent as [Sent];
    expect(call.url).toBe(HOOK);
    expect(call.redirect).toBe('manual');
    expect(call.headers['content-type']).toBe('application/json');
    expect(call.body).toBe(JSON.stringify(await getTask(server, task.id)));
    expect(finishedTask(JSON.parse(call.body)), JSON.stringify(finishedTask.issues)).toBe(true);
    expect(call.headers['webhook-id']).toMatch(/^msg_[0-9a-z]{24}$/);
    const endAt = (await server.tasks.get(task.id))?.timeline.endAt as number;
    expect(call.headers['webhook-timestamp']).toBe(String(Math.floor(endAt / 1000)));
    expect(verify(server.webhookSecret, call)).toBe(true);
    expect((await server.tasks.get(task.id))?.settled).toBe(true);
    expect(await server.deliveries.list()).toEqual([
      expect.objectContaining({
        taskId: task.id,
        webhookId: call.headers['webhook-id'],
        attempt: 1,
        outcome: 'delivered',
        status: 200,
        error: null,
        at: endAt,
        endedAt: endAt,
        nextRetryAt: null,
        mutate: null,
        durationMs: expect.any(Number),
        request: { headers: call.headers, body: call.body },
      }),
    ]);
  });

  test('a failed task sends its callback with the error, credits already returned', async () => {
    const { fetch, sent } = scriptedFetch(204);
    serverWith(fetch, { credits: 10 });
    await createTask(server, { callback_url: HOOK }, { 'x-mock-scenario': 'moderation' });
    await server.clock.advance(UNTIL_ANY_END_MS);
    const body = JSON.parse(sent[0]?.body ?? '{}');
    expect(body).toMatchObject({
      status: 'failed',
      error: { code: 'content_policy_violation' },
      usage: { credits_reserved: 0 },
    });
    expect((await server.credits.get('sk-test-1')).data.token.remaining_credits).toBe(10);
  });

  test('retries 1 s, 2 s and 4 s after each failure, with the same webhook-id, then gives up', async () => {
    const { fetch, sent } = scriptedFetch(500);
    serverWith(fetch);
    const task = await createTask(server, { callback_url: HOOK });
    await server.clock.advance(UNTIL_ANY_END_MS);
    const attempts = await server.deliveries.list({ taskId: task.id });
    expect(attempts.map((a) => [a.attempt, a.outcome, a.status])).toEqual([
      [1, 'failed', 500],
      [2, 'failed', 500],
      [3, 'failed', 500],
      [4, 'failed', 500],
    ]);
    const first = attempts[0]?.at as number;
    expect(attempts.map((a) => a.at - first)).toEqual([0, 1000, 3000, 7000]);
    expect(attempts.map((a) => a.nextRetryAt && a.nextRetryAt - first)).toEqual([1000, 3000, 7000, null]);
    expect(new Set(sent.map((s) => s.headers['webhook-id'])).size).toBe(1);
    // Each attempt is signed at its own time.
    expect(sent.map((s) => Number(s.headers['webhook-timestamp']) - Math.floor(first / 1000))).toEqual([
      0, 1, 3, 7,
    ]);
    expect(sent.every((s) => verify(server.webhookSecret, s))).toBe(true);
    expect(attempts[0]?.error).toBe('answered 500');
  });

  test('a retry that succeeds ends the delivery', async () => {
    const { fetch, sent } = scriptedFetch('error', 503, 200, 200);
    serverWith(fetch);
    await createTask(server, { callback_url: HOOK });
    await server.clock.advance(UNTIL_ANY_END_MS);
    expect(sent).toHaveLength(3);
    expect((await server.deliveries.list()).map((a) => a.outcome)).toEqual(['failed', 'failed', 'delivered']);
    expect((await server.deliveries.list())[0]?.error).toMatch(/fetch failed.*ECONNREFUSED/);
  });

  test('a redirect is a failed attempt (never followed)', async () => {
    const { fetch } = scriptedFetch(302, 200);
    serverWith(fetch);
    await createTask(server, { callback_url: HOOK });
    await server.clock.advance(UNTIL_ANY_END_MS);
    expect((await server.deliveries.list()).map((a) => [a.outcome, a.status, a.error])).toEqual([
      ['failed', 302, 'redirect (302) not followed'],
      ['delivered', 200, null],
    ]);
  });

  test('a receiver that hangs times out after 10 s on the mock clock, then the retries follow', async () => {
    const { fetch, sent } = scriptedFetch('hang');
    serverWith(fetch, { deliveryGraceMs: 5 });
    const task = await createTask(server, { callback_url: HOOK });
    const endAt = ((await server.tasks.get(task.id))?.timeline.endAt as number) - server.clock.now();
    await server.clock.advance(endAt);
    expect((await server.deliveries.list()).map((a) => a.outcome)).toEqual(['in_flight']);
    await server.clock.advance(9_999);
    expect((await server.deliveries.list()).map((a) => a.outcome)).toEqual(['in_flight']);
    await server.clock.advance(1);
    expect((await server.deliveries.list()).map((a) => [a.outcome, a.error])).toEqual([
      ['timeout', 'no answer within 10000 ms'],
    ]);
    // Every attempt hangs: 4 attempts, each 10 s, with 1/2/4 s between.
    await server.clock.advance(60_000);
    const attempts = await server.deliveries.list();
    const first = attempts[0]?.at as number;
    expect(attempts.map((a) => [a.outcome, a.at - first, (a.endedAt as number) - first])).toEqual([
      ['timeout', 0, 10_000],
      ['timeout', 11_000, 21_000],
      ['timeout', 23_000, 33_000],
      ['timeout', 37_000, 47_000],
    ]);
    expect(sent).toHaveLength(4);
    // The API kept answering all along.
    expect((await getTask(server, task.id)).status).toBe('completed');
  });

  test('a hanging receiver does not block advance (it waits at most the grace)', async () => {
    const { fetch } = scriptedFetch('hang');
    serverWith(fetch, { deliveryGraceMs: 20 });
    await createTask(server, { callback_url: HOOK });
    await server.clock.advance(UNTIL_ANY_END_MS);
    // Got through 10 minutes of mock time; all four attempts have ended.
    expect((await server.deliveries.list()).map((a) => a.outcome)).toEqual([
      'timeout',
      'timeout',
      'timeout',
      'timeout',
    ]);
  });

  test('close() abandons attempts in flight', async () => {
    const { fetch } = scriptedFetch('hang');
    serverWith(fetch, { deliveryGraceMs: 1 });
    const task = await createTask(server, { callback_url: HOOK });
    await server.clock.advance(
      ((await server.tasks.get(task.id))?.timeline.endAt as number) - server.clock.now(),
    );
    await server.close();
    await server.deliveries.idle();
    expect((await server.deliveries.list()).map((a) => a.outcome)).toEqual(['abandoned']);
  });

  test('a cancelled task sends its callback at once', async () => {
    const { fetch, sent } = scriptedFetch(200);
    serverWith(fetch);
    const task = await createTask(server, { callback_url: HOOK });
    await server.clock.advance(5000);
    await admin(server, 'POST', `/tasks/${task.id}/cancel`);
    await server.deliveries.idle();
    expect(JSON.parse(sent[0]?.body ?? '{}')).toMatchObject({
      status: 'failed',
      error: { code: 'request_cancelled' },
    });
    // Its original end passes without a second callback.
    await server.clock.advance(UNTIL_ANY_END_MS);
    expect(sent).toHaveLength(1);
  });

  test('a stuck task sends no callback', async () => {
    const { fetch, sent } = scriptedFetch(200);
    serverWith(fetch);
    await createTask(server, { callback_url: HOOK }, { 'x-mock-scenario': 'stuck' });
    await server.clock.advance(UNTIL_ANY_END_MS);
    expect(sent).toEqual([]);
  });
});

describe('callbacks on the real clock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test('the scheduler sends the callback when the task ends, and retries on time', async () => {
    vi.useFakeTimers({ now: Date.UTC(2025, 0, 1), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { fetch, sent } = scriptedFetch(500, 200);
    server = createMockServer({ fetch, speed: 100, seed: 'real' });
    const task = await createTask(server, { callback_url: HOOK });
    const endAt = (await server.tasks.get(task.id))?.timeline.endAt as number;
    await vi.advanceTimersByTimeAsync(endAt - Date.now() - 1);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await server.deliveries.idle();
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    await server.deliveries.idle();
    expect((await server.deliveries.list()).map((a) => [a.outcome, a.at - endAt])).toEqual([
      ['failed', 0],
      ['delivered', 1000],
    ]);
  });
});

describe('delivery-time host check (DNS rebinding)', () => {
  test('a name that resolves to a private address is refused and recorded, not sent, not retried', async () => {
    const { fetch, sent } = scriptedFetch(200);
    const asked: string[] = [];
    serverWith(fetch, {
      resolveHost: async (host) => {
        asked.push(host);
        return ['93.184.215.14', '10.0.0.7'];
      },
    });
    const task = await createTask(server, { callback_url: 'https://rebind.example.com/hook' });
    await server.clock.advance(UNTIL_ANY_END_MS);
    expect(asked).toEqual(['rebind.example.com']);
    expect(sent).toEqual([]);
    expect((await server.deliveries.list({ taskId: task.id })).map((a) => [a.outcome, a.error])).toEqual([
      [
        'refused',
        'refused: rebind.example.com resolves to 10.0.0.7, a loopback, private or link-local address',
      ],
    ]);
  });

  test('a name that resolves to public addresses is sent', async () => {
    const { fetch, sent } = scriptedFetch(200);
    serverWith(fetch, { resolveHost: async () => ['93.184.215.14'] });
    await createTask(server, { callback_url: HOOK });
    await server.clock.advance(UNTIL_ANY_END_MS);
    expect(sent).toHaveLength(1);
  });

  test('a name that does not resolve is refused', async () => {
    const { fetch, sent } = scriptedFetch(200);
    serverWith(fetch, {
      resolveHost: async () => {
        throw new Error('ENOTFOUND');
      },
    });
    await createTask(server, { callback_url: HOOK });
    await server.clock.advance(UNTIL_ANY_END_MS);
    expect(sent).toEqual([]);
    expect((await server.deliveries.list())[0]?.error).toBe(
      'refused: hooks.example.com did not resolve (ENOTFOUND)',
    );
  });

  test('allowLocalCallbacks sends to http://127.0.0.1 without a DNS check', async () => {
    const { fetch, sent } = scriptedFetch(200);
    serverWith(fetch, {
      allowLocalCallbacks: true,
      resolveHost: async () => {
        throw new Error('must not be asked');
      },
    });
    await createTask(server, { callback_url: 'http://127.0.0.1:9/hook' });
    await server.clock.advance(UNTIL_ANY_END_MS);
    expect(sent.map((s) => s.url)).toEqual(['http://127.0.0.1:9/hook']);
  });
});

describe('redeliver', () => {
  async function finished(answers: Answer[] = [200]) {
    const scripted = scriptedFetch(...answers);
    serverWith(scripted.fetch);
    const task = await createTask(server, { callback_url: HOOK });
    await server.clock.advance(UNTIL_ANY_END_MS);
    return { task, ...scripted };
  }

  const redeliver = async (id: string, body: unknown) => {
    const res = await admin(server, 'POST', `/tasks/${id}/redeliver`, body);
    await server.deliveries.idle();
    return res;
  };

  test('none: a fresh, correctly signed delivery of the current body', async () => {
    const { task, sent } = await finished();
    const res = await redeliver(task.id, { mutate: 'none' });
    expect(res.status).toBe(202);
    const reply = await res.json();
    expect(reply).toMatchObject({ taskId: task.id, mutate: 'none', url: HOOK });
    const [original, again] = sent as [Sent, Sent];
    expect(again.headers['webhook-id']).toBe(reply.webhookId);
    expect(again.headers['webhook-id']).not.toBe(original.headers['webhook-id']);
    expect(again.body).toBe(JSON.stringify(await getTask(server, task.id)));
    expect(verify(server.webhookSecret, again)).toBe(true);
    expect((await server.deliveries.list({ taskId: task.id })).map((a) => a.mutate)).toEqual([null, 'none']);
  });

  test('duplicate: the original webhook-id and body again', async () => {
    const { task, sent } = await finished();
    await redeliver(task.id, { mutate: 'duplicate' });
    const [original, again] = sent as [Sent, Sent];
    expect(again.headers['webhook-id']).toBe(original.headers['webhook-id']);
    expect(again.body).toBe(original.body);
    expect(verify(server.webhookSecret, again)).toBe(true);
  });

  test('duplicate of a task without a callback_url (to a given url): sent twice with one webhook-id', async () => {
    const { fetch, sent } = scriptedFetch(200);
    serverWith(fetch);
    const task = await createTask(server);
    await server.clock.advance(UNTIL_ANY_END_MS);
    expect((await redeliver(task.id, { mutate: 'duplicate' })).status).toBe(400);
    expect((await redeliver(task.id, { mutate: 'duplicate', url: HOOK })).status).toBe(202);
    expect(sent).toHaveLength(2);
    expect(sent[0]?.headers['webhook-id']).toBe(sent[1]?.headers['webhook-id']);
  });

  test('stale-timestamp: signed correctly, 10 minutes in the past', async () => {
    const { task, sent } = await finished();
    await redeliver(task.id, { mutate: 'stale-timestamp' });
    const again = sent[1] as Sent;
    expect(Number(again.headers['webhook-timestamp'])).toBe(Math.floor(server.clock.now() / 1000) - 600);
    expect(verify(server.webhookSecret, again)).toBe(true);
  });

  test('bad-signature: the signature does not verify with the server secret', async () => {
    const { task, sent } = await finished();
    await redeliver(task.id, { mutate: 'bad-signature' });
    const again = sent[1] as Sent;
    expect(again.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
    expect(verify(server.webhookSecret, again)).toBe(false);
  });

  test('tampered-body: signed over the original, the sent body altered', async () => {
    const { task, sent } = await finished();
    await redeliver(task.id, { mutate: 'tampered-body' });
    const again = sent[1] as Sent;
    expect(verify(server.webhookSecret, again)).toBe(false);
    const original = JSON.stringify(await getTask(server, task.id));
    expect(verify(server.webhookSecret, { ...again, body: original })).toBe(true);
    expect(JSON.parse(again.body).results).toEqual(['https://attacker.example/video.mp4']);
  });

  test('a redelivery the receiver refuses is retried like any delivery', async () => {
    const { task } = await finished([200, 401]);
    await redeliver(task.id, { mutate: 'bad-signature' });
    await server.clock.advance(10_000);
    expect(
      (await server.deliveries.list({ taskId: task.id })).map((a) => [a.mutate, a.attempt, a.status]),
    ).toEqual([
      [null, 1, 200],
      ['bad-signature', 1, 401],
      ['bad-signature', 2, 401],
      ['bad-signature', 3, 401],
      ['bad-signature', 4, 401],
    ]);
  });

  test('refused: a running task (409), an unknown mutation (400), a private url (400)', async () => {
    const { fetch } = scriptedFetch(200);
    serverWith(fetch);
    const running = await createTask(server, { callback_url: HOOK });
    expect((await redeliver(running.id, {})).status).toBe(409);
    await server.clock.advance(UNTIL_ANY_END_MS);
    expect((await (await redeliver(running.id, { mutate: 'twice' })).json()).error.param).toBe('mutate');
    expect((await (await redeliver(running.id, { url: 'https://10.0.0.1/' })).json()).error.param).toBe(
      'url',
    );
    expect((await redeliver('task-unified-1-aaaaaaaa', {})).status).toBe(404);
  });

  test.each([
    ['an http:// url', 'http://hooks.example.com/video', 'be an https:// URL'],
    ['a url that is not one', 'https://', 'must be a valid URL'],
    ['a url over 2048 characters', `${HOOK}?${'a'.repeat(2048)}`, 'must be at most 2048 characters'],
  ])('refused by the admin schema: %s (400, param url)', async (_name, url, message) => {
    const { task, sent } = await finished();
    const error = (await (await redeliver(task.id, { url })).json()).error;
    expect(error).toMatchObject({ code: 'invalid_request', param: 'url' });
    expect(error.message).toContain(message);
    expect(sent).toHaveLength(1);
  });

  test('allowLocalCallbacks widens the redeliver url to http:// as it widens callback_url', async () => {
    const { fetch, sent } = scriptedFetch(200);
    serverWith(fetch, { allowLocalCallbacks: true });
    const task = await createTask(server, { callback_url: 'http://127.0.0.1:9/hook' });
    await server.clock.advance(UNTIL_ANY_END_MS);
    const answer = await redeliver(task.id, { url: 'http://127.0.0.1:9/again' });
    expect(answer.status).toBe(202);
    expect(sent.map((s) => s.url)).toEqual(['http://127.0.0.1:9/hook', 'http://127.0.0.1:9/again']);
    expect((await (await redeliver(task.id, { url: 'ftp://127.0.0.1/x' })).json()).error.param).toBe('url');
  });

  test('the controller redelivers too', async () => {
    const { task, sent } = await finished();
    const { webhookId } = await server.tasks.redeliver(task.id, 'stale-timestamp');
    expect(sent[1]?.headers['webhook-id']).toBe(webhookId);
  });
});

describe('the delivery log and retry jobs', () => {
  const endOf = async (id: string) =>
    ((await server.tasks.get(id))?.timeline.endAt as number) - server.clock.now();

  test('each attempt logs one line: task, attempt, mutation, outcome and status or error', async () => {
    const { fetch } = scriptedFetch(500, 200, 'error');
    const lines: string[] = [];
    serverWith(fetch, { logger: (line) => lines.push(line) });
    const task = await createTask(server, { callback_url: HOOK });
    await server.clock.advance(await endOf(task.id));
    await server.clock.advance(1000);
    await server.tasks.redeliver(task.id, 'duplicate');
    await server.deliveries.idle();
    expect(lines.filter((line) => line.startsWith('callback '))).toEqual([
      `callback ${task.id} attempt 1 → failed 500`,
      `callback ${task.id} attempt 2 → delivered 200`,
      `callback ${task.id} attempt 1 (duplicate) → failed fetch failed: connect ECONNREFUSED`,
    ]);
  });

  test('an attempt is listed as in flight from the moment it starts, with nothing of its end yet', async () => {
    const { fetch } = scriptedFetch('hang');
    serverWith(fetch, { deliveryGraceMs: 1 });
    const task = await createTask(server, { callback_url: HOOK });
    await server.clock.advance(await endOf(task.id));
    const [entry] = await server.deliveries.list();
    expect(entry).toMatchObject({
      taskId: task.id,
      url: HOOK,
      attempt: 1,
      mutate: null,
      signed: true,
      at: server.clock.now(),
      endedAt: null,
      durationMs: null,
      outcome: 'in_flight',
      status: null,
      error: null,
      nextRetryAt: null,
    });
    expect(entry?.request.body).toBe(JSON.stringify(await getTask(server, task.id)));
  });

  test('two failed deliveries with one webhook-id each get their own retry', async () => {
    // A duplicate redelivery reuses the webhook-id and starts at attempt 1 again: its retry job must
    // not take the place of the original's retry for the same attempt number.
    const { fetch } = scriptedFetch(500, 500, 200);
    serverWith(fetch);
    const task = await createTask(server, { callback_url: HOOK });
    await server.clock.advance(await endOf(task.id));
    await server.tasks.redeliver(task.id, 'duplicate');
    await server.deliveries.idle();
    await server.clock.advance(1000);
    const attempts = await server.deliveries.list({ taskId: task.id });
    expect(attempts.map((a) => [a.mutate, a.attempt, a.outcome])).toEqual([
      [null, 1, 'failed'],
      ['duplicate', 1, 'failed'],
      [null, 2, 'delivered'],
      ['duplicate', 2, 'delivered'],
    ]);
    expect(new Set(attempts.map((a) => a.webhookId)).size).toBe(1);
  });
});

describe('an attempt cut short', () => {
  const memory = () =>
    new MemoryStore({ maxTasks: 100, startingUc: 100_000_000, attemptRetentionMs: 86_400_000 });
  const endOf = async (id: string) =>
    ((await server.tasks.get(id))?.timeline.endAt as number) - server.clock.now();
  /** A promise and its resolve, for answers the test hands out when it chooses. */
  function deferred<T>() {
    let resolve!: (value: T) => void;
    const promise = new Promise<T>((r) => {
      resolve = r;
    });
    return { promise, resolve };
  }
  const until = async (check: () => Promise<boolean>) => {
    while (!(await check())) await new Promise((r) => setImmediate(r));
  };

  test('closed during the host check: listed in flight with its body meanwhile, then abandoned and its job kept', async () => {
    const dns = deferred<string[]>();
    const store = memory();
    const { fetch, sent } = scriptedFetch(200);
    serverWith(fetch, { store, resolveHost: () => dns.promise });
    const task = await createTask(server, { callback_url: HOOK });
    void server.clock.advance(await endOf(task.id));
    await until(async () => (await server.deliveries.list()).length > 0);
    const [flying] = await server.deliveries.list();
    expect(flying?.request).toEqual({ headers: {}, body: JSON.stringify(await getTask(server, task.id)) });
    await server.close();
    // The host turns out private only after the close: the close wins.
    dns.resolve(['10.0.0.7']);
    await server.deliveries.idle();
    expect((await server.deliveries.list()).map((a) => [a.outcome, a.error])).toEqual([
      ['abandoned', 'server reset or closed'],
    ]);
    expect(sent).toEqual([]);
    // Another replica sends it once the lease runs out.
    const later = await store.claimDueCallbacks(server.clock.now() + 3_600_000, 'other', 1000);
    expect(later.map((job) => job.id)).toEqual([`task:${task.id}`]);
  });

  test('an answer that comes after the close is recorded but schedules no retry', async () => {
    const answer = deferred<Response>();
    const store = memory();
    // A receiver that ignores the abort and answers 500 later.
    const fetch = (async () => answer.promise) as typeof globalThis.fetch;
    serverWith(fetch, { store, deliveryGraceMs: 1 });
    const task = await createTask(server, { callback_url: HOOK });
    await server.clock.advance(await endOf(task.id));
    await server.close();
    answer.resolve(new Response('no', { status: 500 }));
    await server.deliveries.idle();
    expect((await server.deliveries.list()).map((a) => [a.outcome, a.status, a.nextRetryAt])).toEqual([
      ['failed', 500, null],
    ]);
    expect(await store.nextCallbackAt()).toBeNull();
  });

  test('an advance waits for a quick answer, so the attempt is recorded when it returns', async () => {
    // The answer comes on the next turn of the event loop, not within the same microtasks.
    const fetch = (async () =>
      new Promise<Response>((resolve) =>
        setImmediate(() => resolve(new Response('ok'))),
      )) as typeof globalThis.fetch;
    serverWith(fetch, { deliveryGraceMs: 60_000 });
    const task = await createTask(server, { callback_url: HOOK });
    const wallBefore = performance.now();
    await server.clock.advance(await endOf(task.id));
    const wall = performance.now() - wallBefore;
    const [attempt] = await server.deliveries.list();
    expect(attempt?.outcome).toBe('delivered');
    expect(attempt?.durationMs).toBeGreaterThanOrEqual(0);
    expect(attempt?.durationMs).toBeLessThanOrEqual(Math.ceil(wall));
  });

  test('a store that breaks during an attempt, with no logger, leaves the server working', async () => {
    const store = memory();
    store.appendAttempt = async () => {
      throw new Error('disk full');
    };
    const { fetch, sent } = scriptedFetch(200);
    serverWith(fetch, { store });
    const task = await createTask(server, { callback_url: HOOK });
    await server.clock.advance(await endOf(task.id));
    await server.deliveries.idle();
    expect(sent).toEqual([]);
    expect((await getTask(server, task.id)).status).toBe('completed');
  });

  test('a store that breaks during an attempt is logged, and the attempt ends with no outcome', async () => {
    const lines: string[] = [];
    const store = memory();
    store.appendAttempt = async () => {
      throw new Error('disk full');
    };
    serverWith(scriptedFetch(200).fetch, { store, logger: (line) => lines.push(line) });
    const task = await createTask(server, { callback_url: HOOK });
    await server.clock.advance(await endOf(task.id));
    await server.deliveries.idle();
    expect(lines.filter((line) => line.includes('internal error'))).toEqual([
      expect.stringMatching(/^callback msg_[0-9a-z]+: internal error Error: disk full$/),
    ]);
  });
});

describe('GET /__mock/deliveries', () => {
  test('lists every attempt, filtered by ?task_id=', async () => {
    const { fetch } = scriptedFetch(200);
    serverWith(fetch);
    const a = await createTask(server, { callback_url: HOOK });
    const b = await createTask(server, { callback_url: 'https://other.example.com/x' });
    await server.clock.advance(UNTIL_ANY_END_MS);
    const all = (await (await admin(server, 'GET', '/deliveries')).json()).data;
    expect(all).toHaveLength(2);
    const onlyB = (await (await admin(server, 'GET', `/deliveries?task_id=${b.id}`)).json()).data;
    expect(onlyB).toHaveLength(1);
    expect(onlyB[0]).toMatchObject({
      taskId: b.id,
      url: 'https://other.example.com/x',
      outcome: 'delivered',
    });
    expect(all.map((d: { taskId: string }) => d.taskId).sort()).toEqual([a.id, b.id].sort());
  });

  test('POST /__mock/deliveries/idle waits for attempts in flight, up to a timeout', async () => {
    const { fetch } = scriptedFetch('hang');
    serverWith(fetch, { deliveryGraceMs: 1 });
    const task = await createTask(server, { callback_url: HOOK });
    expect(await (await admin(server, 'POST', '/deliveries/idle', {})).json()).toEqual({
      idle: true,
      inFlight: 0,
    });
    await server.clock.advance(
      ((await server.tasks.get(task.id))?.timeline.endAt as number) - server.clock.now(),
    );
    expect(await (await admin(server, 'POST', '/deliveries/idle', { timeoutMs: 10 })).json()).toEqual({
      idle: false,
      inFlight: 1,
    });
  });
});

describe('tamper', () => {
  test('changes the video URL, the error message, or the progress', () => {
    expect(JSON.parse(tamper('{"results":["a"]}'))).toEqual({
      results: ['https://attacker.example/video.mp4'],
    });
    expect(JSON.parse(tamper('{"error":{"message":"x"}}'))).toEqual({ error: { message: 'tampered' } });
    expect(JSON.parse(tamper('{"progress":3}'))).toEqual({ progress: 100 });
  });
});
