// Slow and oversized clients against the real Node server, over raw sockets (node:net) on port 0.
// The timeouts are set small here (hundreds of ms) so the slow-client tests take a couple of seconds.
// What must happen *before* a timeout (others served meanwhile, a connection kept between requests)
// is checked on a second server whose timeouts are a minute, so a busy machine cannot beat them.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_BODY_BYTES } from '../src/http/respond.js';
import { type RunningMockServer, serveMockServer } from '../src/node/index.js';
import { DEFAULT_LIMITS, resolveLimits } from '../src/node/limits.js';
import { errorEnvelope } from './fuzz/fuzz-support.js';
import { START } from './helpers.js';

const LIMITS = {
  headersTimeoutMs: 800,
  requestTimeoutMs: 1500,
  keepAliveTimeoutMs: 500,
  maxHeaderBytes: 8 * 1024,
  timeoutCheckIntervalMs: 100,
};

const PATIENT_LIMITS = { headersTimeoutMs: 60_000, requestTimeoutMs: 60_000, keepAliveTimeoutMs: 60_000 };

let running: RunningMockServer;
let patient: RunningMockServer;
beforeAll(async () => {
  const options = { port: 0, clock: 'manual', startTime: START, seed: 'limits' } as const;
  running = await serveMockServer({ ...options, limits: LIMITS });
  patient = await serveMockServer({ ...options, limits: PATIENT_LIMITS });
});
afterAll(async () => {
  await running.close();
  await patient.close();
});

interface Exchange {
  socket: Socket;
  /** Everything the server sent so far. */
  text: () => string;
  /** Resolves when the server closes the connection, with what it sent. */
  closed: Promise<string>;
  /** Whether the socket is still open. */
  open: () => boolean;
}

function open(server: RunningMockServer = running): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let received = '';
    let isOpen = true;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    // Writes after the server closed fail with EPIPE/ECONNRESET: expected in these tests.
    socket.on('error', () => {});
    const closed = new Promise<string>((done) =>
      socket.on('close', () => {
        isOpen = false;
        done(received);
      }),
    );
    socket.once('connect', () => resolve({ socket, text: () => received, closed, open: () => isOpen }));
    socket.once('error', reject);
  });
}

/** The status code and the parsed JSON body of a raw HTTP/1.1 answer. */
function parse(raw: string): { status: number; headers: string; body: unknown } {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
  return { status, headers: head.toLowerCase(), body: body ? JSON.parse(body) : undefined };
}

const CREATE_HEAD =
  'POST /v1/videos/generations HTTP/1.1\r\nHost: mock\r\nAuthorization: Bearer sk-limits\r\nContent-Type: application/json\r\n';

async function credits(server: RunningMockServer = running): Promise<number> {
  const res = await fetch(`${server.url}/v1/credits`, { headers: { authorization: 'Bearer sk-limits' } });
  await res.arrayBuffer();
  return res.status;
}

/** Resolves once the server has sent `n` answers with this status on the connection (event-driven). */
function answers(c: Exchange, n: number, status = 200): Promise<void> {
  const count = () => c.text().split(`HTTP/1.1 ${status}`).length - 1;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (count() >= n) {
        c.socket.off('data', check);
        resolve();
      } else if (!c.open()) reject(new Error(`closed after ${count()} answers: ${c.text()}`));
    };
    c.socket.on('data', check);
    c.socket.once('close', check);
    check();
  });
}

describe('limits on the Node server', () => {
  test('defaults are set and validated', () => {
    expect(resolveLimits()).toEqual(DEFAULT_LIMITS);
    expect(running.server.headersTimeout).toBe(LIMITS.headersTimeoutMs);
    expect(running.server.requestTimeout).toBe(LIMITS.requestTimeoutMs);
    expect(running.server.keepAliveTimeout).toBe(LIMITS.keepAliveTimeoutMs);
    expect(resolveLimits({ requestTimeoutMs: 500 }).headersTimeoutMs).toBe(500);
    expect(() => resolveLimits({ requestTimeoutMs: 0 })).toThrow(RangeError);
  });

  test('headers over the limit: 431 in the envelope, connection closed', async () => {
    const c = await open();
    c.socket.write(`GET /v1/credits HTTP/1.1\r\nHost: mock\r\nX-Big: ${'a'.repeat(10_000)}\r\n\r\n`);
    const { status, body, headers } = parse(await c.closed);
    expect(status).toBe(431);
    expect(headers).toContain('connection: close');
    expect(errorEnvelope(body)).toBe(true);
    expect(body).toMatchObject({ error: { code: 'headers_too_large', type: 'request_too_large_error' } });
  });

  test('a declared body over 1 MiB: 413 at once, before any of it is sent; connection closed', async () => {
    const c = await open();
    c.socket.write(`${CREATE_HEAD}Content-Length: ${MAX_BODY_BYTES + 1}\r\n\r\n`);
    // Not a byte of the body was written: the answer cannot have waited for it.
    const { status, body, headers } = parse(await c.closed);
    expect(status).toBe(413);
    expect(headers).toContain('connection: close');
    expect(headers).toMatch(/x-request-id: \S+/);
    expect(body).toMatchObject({ error: { code: 'request_too_large', type: 'request_too_large_error' } });
    expect(errorEnvelope(body)).toBe(true);
  });

  test('a streamed (chunked) body is cut at 1 MiB: 413, and the server stops reading', async () => {
    const c = await open();
    c.socket.write(`${CREATE_HEAD}Transfer-Encoding: chunked\r\n\r\n`);
    const chunk = 'x'.repeat(64 * 1024);
    let written = 0;
    // Keep sending as fast as the socket takes it, up to 64 MiB, until the server closes.
    while (c.open() && written < 64 * 1024 * 1024) {
      const ok = c.socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      written += chunk.length;
      if (!ok) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const { status, body } = parse(await c.closed);
    expect(status).toBe(413);
    expect(body).toMatchObject({ error: { code: 'request_too_large' } });
    // Closed shortly after the limit (socket buffers hold a few MiB at most), not drained to the end.
    expect(written).toBeLessThan(32 * 1024 * 1024);
  });

  test('a body sent one byte a second does not hold the server; the request timeout cuts it off', async () => {
    const body = JSON.stringify({ model: 'sora-2', prompt: 'slow' });
    // Meanwhile the server answers everyone else (a minute's timeout: the slow body is still coming).
    const held = await open(patient);
    held.socket.write(`${CREATE_HEAD}Content-Length: ${body.length}\r\n\r\n${body.slice(0, 3)}`);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push(await credits(patient));
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(held.open()).toBe(true);
    expect(held.text()).toBe('');
    held.socket.destroy();

    const slow = await open();
    slow.socket.write(`${CREATE_HEAD}Content-Length: ${body.length}\r\n\r\n`);
    let sent = 0;
    const drip = setInterval(() => {
      if (slow.open()) slow.socket.write(body[sent++] ?? ' ');
    }, 1000);
    try {
      expect(await credits()).toBe(200);
      const { status, body: answer } = parse(await slow.closed);
      expect(status).toBe(408);
      expect(answer).toMatchObject({ error: { code: 'request_timeout' } });
      // Cut before the body was complete: no task was created.
      expect(sent).toBeLessThan(body.length);
      expect((await running.mock.tasks.list()).filter((t) => t.apiKey === 'sk-limits')).toHaveLength(0);
    } finally {
      clearInterval(drip);
    }
  });

  test('headers sent one line at a time are cut off by the headers timeout', async () => {
    const c = await open();
    c.socket.write('GET /v1/credits HTTP/1.1\r\n');
    const drip = setInterval(() => c.open() && c.socket.write('X-Slow: 1\r\n'), 300);
    try {
      expect(await credits()).toBe(200);
      const { status } = parse(await c.closed);
      expect(status).toBe(408);
    } finally {
      clearInterval(drip);
    }
  });

  test('fifty idle or slow connections at once do not stop the server answering', async () => {
    const idle = await Promise.all(Array.from({ length: 50 }, () => open()));
    for (const [i, c] of idle.entries()) if (i % 2) c.socket.write('GET /v1/cre');
    expect(await credits()).toBe(200);
    const ends = await Promise.all(idle.map((c) => c.closed));
    // Every one of them was closed by the server's own timeouts.
    expect(ends.every((text) => text === '' || text.startsWith('HTTP/1.1 408'))).toBe(true);
  });

  // RFC 9112 §9.6: a server that closes the connection after an answer says `Connection: close` in it.
  const AUTHORIZED_GET = 'GET /v1/credits HTTP/1.1\r\nHost: mock\r\nAuthorization: Bearer sk-limits\r\n\r\n';
  test.each([
    ['a 401 on GET /v1/credits, its body sent later', 'GET /v1/credits', 401, 'later'],
    ['a 405 on DELETE /v1/credits, its body sent later', 'DELETE /v1/credits', 405, 'later'],
    ['a 401 on GET /v1/credits, its body sent at once', 'GET /v1/credits', 401, 'at once'],
    ['a 405 on DELETE /v1/credits, its body sent at once', 'DELETE /v1/credits', 405, 'at once'],
  ])(
    '%s: the answer says whether the connection stays, and it does as it says',
    async (_name, route, status, when) => {
      const c = await open(patient);
      const head = `${route} HTTP/1.1\r\nHost: mock\r\nContent-Length: 10\r\n${status === 405 ? 'Authorization: Bearer sk-limits\r\n' : ''}\r\n`;
      c.socket.write(when === 'at once' ? `${head}0123456789` : head);
      await answers(c, 1, status);
      const { headers } = parse(c.text());
      if (when === 'later') {
        // The server cannot have the body yet: it must not promise to keep the connection.
        expect(headers).toContain('connection: close');
        c.socket.write('0123456789');
      }
      c.socket.write(AUTHORIZED_GET);
      if (headers.includes('connection: close')) {
        expect(await c.closed).not.toContain('HTTP/1.1 200');
      } else {
        expect(headers).toContain('connection: keep-alive');
        await answers(c, 1, 200);
        c.socket.destroy();
      }
    },
  );

  test('an ordinary keep-alive connection is kept for several requests', async () => {
    // On the patient server: however slow this machine is between two requests, the connection waits.
    const c = await open(patient);
    const GET = 'GET /v1/credits HTTP/1.1\r\nHost: mock\r\nAuthorization: Bearer sk-limits\r\n\r\n';
    for (let n = 1; n <= 3; n++) {
      c.socket.write(GET);
      await answers(c, n);
    }
    expect(c.open()).toBe(true);
    // A POST whose body was read in full keeps the connection too.
    const body = JSON.stringify({ model: 'sora-2', prompt: 'keep-alive' });
    c.socket.write(`${CREATE_HEAD}Content-Length: ${body.length}\r\n\r\n${body}`);
    await answers(c, 4);
    expect(c.open()).toBe(true);
    c.socket.destroy();
    // Then, idle, it is closed by the keep-alive timeout (on the server with the short one).
    const idle = await open();
    idle.socket.write(GET);
    await answers(idle, 1);
    const sent = await idle.closed;
    expect(sent.split('HTTP/1.1 ').length - 1).toBe(1);
  });
});
