import type { Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { createAdaptorServer, type HttpBindings } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withBufferedBody } from './body.js';

interface Seen {
  method: string;
  /** What the adapter had as `rawBody` when the handler ran (undefined: the body was still arriving). */
  rawBody: string | undefined;
  text: string;
}

let server: Server;
let port: number;
const seen: Seen[] = [];
/** Resolved when the next handler starts (before it reads the body). */
let onHandler: () => void = () => {};

beforeAll(async () => {
  server = createAdaptorServer({
    fetch: withBufferedBody(async (request, env) => {
      const raw = (env.incoming as HttpBindings['incoming'] & { rawBody?: Buffer }).rawBody;
      onHandler();
      const text = await request.text();
      seen.push({ method: request.method, rawBody: raw?.toString('utf8'), text });
      return new Response(text, { headers: { 'content-type': 'text/plain' } });
    }),
  }) as Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends raw HTTP/1.1 in the given writes; `beforeSecond` runs between the first write and the rest. */
function rawExchange(writes: string[], beforeSecond?: Promise<void>): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.write(writes[0] as string);
    void (beforeSecond ?? Promise.resolve()).then(() => {
      for (const more of writes.slice(1)) socket.write(more);
    });
  });
}

function request(method: string, body: string | null, extra = ''): string {
  const length = body === null ? '' : `content-length: ${Buffer.byteLength(body)}\r\n`;
  return `${method} /x HTTP/1.1\r\nhost: t\r\nconnection: close\r\n${length}${extra}\r\n${body ?? ''}`;
}

describe('withBufferedBody', () => {
  test('a body sent with its headers is handed over whole, in rawBody', async () => {
    const body = JSON.stringify({ prompt: 'Ünïcödé 🎬' });
    const answer = await rawExchange([request('POST', body)]);
    expect(answer).toMatch(/^HTTP\/1.1 200/);
    expect(answer.endsWith(body)).toBe(true);
    expect(seen.at(-1)).toEqual({ method: 'POST', rawBody: body, text: body });
  });

  test('an empty body is handed over as an empty rawBody', async () => {
    await rawExchange([request('POST', '')]);
    expect(seen.at(-1)).toEqual({ method: 'POST', rawBody: '', text: '' });
  });

  test('a body still arriving when the handler runs is read as a stream, whole', async () => {
    const body = JSON.stringify({ prompt: 'first half|second half' });
    const cut = body.indexOf('|');
    const handlerStarted = new Promise<void>((resolve) => {
      onHandler = resolve;
    });
    const answer = await rawExchange(
      [request('POST', body).slice(0, -(body.length - cut)), body.slice(cut)],
      handlerStarted,
    );
    onHandler = () => {};
    expect(answer.endsWith(body)).toBe(true);
    expect(seen.at(-1)).toEqual({ method: 'POST', rawBody: undefined, text: body });
  });

  test('a chunked body that arrived whole is handed over decoded', async () => {
    const chunked = `${request('PUT', null, 'transfer-encoding: chunked\r\n')}3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n`;
    await rawExchange([chunked]);
    expect(seen.at(-1)).toEqual({ method: 'PUT', rawBody: 'abcde', text: 'abcde' });
  });

  test('pipelined requests in one write each get their own body', async () => {
    const keepAlive = (body: string) =>
      request('POST', body).replace('connection: close', 'connection: keep-alive');
    const answer = await rawExchange([keepAlive('{"n":1}') + request('POST', '{"n":2}')]);
    expect(answer.match(/HTTP\/1.1 200/g)).toHaveLength(2);
    expect(seen.slice(-2).map((s) => [s.rawBody, s.text])).toEqual([
      ['{"n":1}', '{"n":1}'],
      ['{"n":2}', '{"n":2}'],
    ]);
  });

  test('a GET is handed over without a rawBody', async () => {
    await rawExchange([request('GET', null)]);
    expect(seen.at(-1)).toEqual({ method: 'GET', rawBody: undefined, text: '' });
  });
});
