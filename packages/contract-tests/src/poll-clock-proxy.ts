// A loopback proxy in front of a mock on a manual clock, for a runner that polls in real time (redocly
// respect): each answered poll of a task moves the mock's clock on, so a lifecycle takes one retry.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** `GET /v1/tasks/{task_id}`: the poll that moves the clock (the list and batch reads do not). */
const POLL = /^\/v1\/tasks\/(?!batch$)[^/]+$/;

export interface PollClockProxyOptions {
  /** The mock's base URL. */
  upstream: string;
  /** How requests reach it (a spec-checking fetch, replica turns). */
  fetch: typeof fetch;
  /** Moves the mock's manual clock. */
  advance: (ms: number) => Promise<unknown>;
  /** How far each answered poll moves it. */
  stepMs: number;
  /** Rewrites a JSON answer before it is passed on (to prove a runner notices an answer off the spec). */
  mutate?: (method: string, path: string, body: unknown) => unknown;
}

export interface PollClockProxy {
  url: string;
  /** Polls answered so far. */
  readonly polls: number;
  close(): Promise<void>;
}

// Hop-by-hop and length headers: the proxy's server writes its own.
const DROPPED = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
]);

async function readBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

function requestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name === 'host' || DROPPED.has(name) || value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** The answer's bytes, rewritten by `mutate` when it is JSON. */
async function answerBody(
  options: PollClockProxyOptions,
  req: IncomingMessage,
  path: string,
  answer: Response,
) {
  const bytes = Buffer.from(await answer.arrayBuffer());
  const json = /^application\/json\b/.test(answer.headers.get('content-type') ?? '');
  if (!options.mutate || !json) return bytes;
  return Buffer.from(JSON.stringify(options.mutate(req.method ?? 'GET', path, JSON.parse(String(bytes)))));
}

export async function startPollClockProxy(options: PollClockProxyOptions): Promise<PollClockProxy> {
  let polls = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://proxy.local').pathname;
    const body = ['GET', 'HEAD'].includes(method) ? undefined : await readBody(req);
    const answer = await options.fetch(`${options.upstream}${req.url}`, {
      method,
      headers: requestHeaders(req),
      body,
    });
    const bytes = await answerBody(options, req, path, answer);
    // After the answer is read, before it is passed on: the next poll sees the moved clock.
    if (method === 'GET' && POLL.test(path) && answer.status === 200) {
      polls++;
      await options.advance(options.stepMs);
    }
    const headers: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!DROPPED.has(name)) headers[name] = value;
    });
    res.writeHead(answer.status, headers).end(bytes);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`proxy: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get polls() {
      return polls;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
