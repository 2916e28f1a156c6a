import { afterEach, describe, expect, test } from 'vitest';
import {
  type Answer,
  type Arrival,
  answeredOk,
  type CallbackReceiver,
  startCallbackReceiver,
} from './receiver.js';

let receiver: CallbackReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

const post = (url: string, body = '{"a":1}') =>
  fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'webhook-id': 'msg_1' },
  });

describe('callback receiver', () => {
  test('records path, headers, raw body and the arrival number per path; answers 200 by default', async () => {
    receiver = await startCallbackReceiver({ clock: () => 7 });
    expect((await post(`${receiver.url}/a?x=1`)).status).toBe(200);
    expect((await post(`${receiver.url}/a?x=1`, '{"b":2}')).status).toBe(200);
    expect((await post(`${receiver.url}/b`)).status).toBe(200);
    expect(receiver.arrivals.map((a) => [a.path, a.n, a.rawBody, a.clockAt])).toEqual([
      ['/a?x=1', 1, '{"a":1}', 7],
      ['/a?x=1', 2, '{"b":2}', 7],
      ['/b', 1, '{"a":1}', 7],
    ]);
    expect(receiver.arrivals[0]?.headers['webhook-id']).toBe('msg_1');
  });

  // 127.0.0.2 is a loopback address on Linux only (macOS has just 127.0.0.1 unless aliased).
  test.runIf(process.platform === 'linux')(
    'listens on the host it is given, and its URL names that host (not 127.0.0.1)',
    async () => {
      receiver = await startCallbackReceiver({ host: '127.0.0.2' });
      expect(receiver.url).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
      expect((await post(`${receiver.url}/h`)).status).toBe(200);
      const port = new URL(receiver.url).port;
      await expect(post(`http://127.0.0.1:${port}/h`)).rejects.toThrow();
      expect(receiver.arrivals.map((a) => a.path)).toEqual(['/h']);
    },
  );

  test('answers a scripted queue first, then the answer function', async () => {
    receiver = await startCallbackReceiver({ answer: (_path, n) => (n === 3 ? 204 : 500) });
    receiver.script([503]);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(`${receiver.url}/p`)).status);
    expect(statuses).toEqual([503, 500, 204]);
    expect(receiver.arrivals.map((a) => a.answer)).toEqual([503, 500, 204]);
  });

  test('waitFor resolves when the count is reached, and rejects with the count seen after its timeout', async () => {
    receiver = await startCallbackReceiver();
    const waiting = receiver.waitFor('/hook', 2);
    await post(`${receiver.url}/hook`);
    await post(`${receiver.url}/other`);
    await post(`${receiver.url}/hook`);
    expect((await waiting).map((a) => a.n)).toEqual([1, 2]);
    await expect(receiver.waitFor('/hook', 3, 50)).rejects.toThrow(
      'Expected 3 callback(s) at /hook within 50 ms, got 2',
    );
  });

  test('a hanging answer holds the request open until the sender gives up', async () => {
    receiver = await startCallbackReceiver({ answer: () => 'hang' });
    const controller = new AbortController();
    const sent = fetch(`${receiver.url}/slow`, {
      method: 'POST',
      body: '{}',
      signal: controller.signal,
    }).catch((error: unknown) => error);
    await receiver.waitFor('/slow', 1);
    expect(receiver.hanging).toBe(1);
    controller.abort();
    expect(await sent).toBeInstanceOf(Error);
    await expect.poll(() => receiver?.hanging, { timeout: 10_000 }).toBe(0);
  });

  test("publicUrl replaces the listening address in url, and in each arrival's url", async () => {
    const direct = await startCallbackReceiver();
    const port = new URL(direct.url).port;
    await direct.close();
    receiver = await startCallbackReceiver({ port: Number(port), publicUrl: 'https://hooks.example.com/' });
    expect(receiver.url).toBe('https://hooks.example.com');
    await post(`http://127.0.0.1:${port}/tunnelled?x=1`);
    expect(receiver.arrivals[0]?.url).toBe('https://hooks.example.com/tunnelled?x=1');
  });

  test('records the method and full url; onArrival sees each arrival once recorded, with its answer', async () => {
    const seen: string[] = [];
    receiver = await startCallbackReceiver({
      answer: () => 202,
      onArrival: (a) => seen.push(`${a.method} ${a.url} ${a.answer} ${a.rawBody}`),
    });
    await fetch(`${receiver.url}/put/1`, { method: 'PUT', body: 'x' });
    await post(`${receiver.url}/hook`);
    expect(seen).toEqual([`PUT ${receiver.url}/put/1 202 x`, `POST ${receiver.url}/hook 202 {"a":1}`]);
    expect(receiver.arrivals.map((a) => a.method)).toEqual(['PUT', 'POST']);
  });

  test('reset destroys the connection unanswered; answerHeaders go out with a status answer', async () => {
    receiver = await startCallbackReceiver({
      answer: (path) => (path === '/reset' ? 'reset' : 307),
      answerHeaders: (path, n) => ({ location: `/elsewhere${path}/${n}` }),
    });
    await expect(post(`${receiver.url}/reset`)).rejects.toThrow();
    const redirected = await fetch(`${receiver.url}/moved`, { method: 'POST', redirect: 'manual' });
    expect(redirected.status).toBe(307);
    expect(redirected.headers.get('location')).toBe('/elsewhere/moved/1');
    expect(receiver.arrivals.map((a) => [a.path, a.answer])).toEqual([
      ['/reset', 'reset'],
      ['/moved', 307],
    ]);
  });

  test('answeredOk: a 2xx status, nothing else', () => {
    const arrival = (answer: Answer): Arrival => ({
      method: 'POST',
      path: '/',
      url: '/',
      n: 1,
      headers: {},
      rawBody: '',
      answer,
      clockAt: 0,
    });
    const answers: Answer[] = [199, 200, 204, 299, 300, 500, 'hang', 'reset'];
    expect(answers.map((a) => answeredOk(arrival(a)))).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});
