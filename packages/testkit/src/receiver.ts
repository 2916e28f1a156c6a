// A callback receiver on a free loopback port: records every arrival and answers as the test scripts it.
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the receiver answers one arrival: an HTTP status, `hang` (hold the request open) or `reset`
 * (destroy the connection without answering).
 */
export type Answer = number | 'hang' | 'reset';

export interface Arrival {
  method: string;
  /** Path and query as requested. */
  path: string;
  /** The URL as the sender addressed it: the receiver's `url` and the path. */
  url: string;
  /** 1 for the first arrival on this path. */
  n: number;
  headers: IncomingHttpHeaders;
  rawBody: string;
  answer: Answer;
  /** The `clock` option's time when it arrived (the mock's clock, for checking signature timestamps). */
  clockAt: number;
}

export interface ReceiverOptions {
  /** Port to listen on (default: a free one). */
  port?: number;
  /** Address to listen on (default 127.0.0.1): another interface a container reaches this machine at. */
  host?: string;
  /** The URL senders should use, when it is not the listening address (a public tunnel). */
  publicUrl?: string;
  /** The answer to each arrival, by path and its number on that path (default 200, or the `script` queue). */
  answer?: (path: string, n: number) => Answer;
  /** Extra headers on a status answer, by path and number (a redirect's `location`, say). */
  answerHeaders?: (path: string, n: number) => Record<string, string>;
  /** Stamps each arrival's `clockAt` (default Date.now). */
  clock?: () => number;
  /** Called with each arrival once it is recorded (to log it elsewhere, e.g. a HAR recording). */
  onArrival?: (arrival: Arrival) => void;
}

export interface CallbackReceiver {
  /** Base URL (no trailing slash): append a path per test. */
  url: string;
  arrivals: Arrival[];
  /** Requests held open right now (answer `hang`, not yet abandoned by the sender). */
  readonly hanging: number;
  /** Answers for the next arrivals, in order, before `answer` (or 200) applies again. */
  script(answers: Answer[]): void;
  /** Resolves with the arrivals at `path` once there are `count` of them; rejects after `timeoutMs`. */
  waitFor(path: string, count: number, timeoutMs?: number): Promise<Arrival[]>;
  close(): Promise<void>;
}

/** Whether an arrival was answered with a 2xx: the sender counts it as delivered. */
export const answeredOk = (arrival: Arrival): boolean =>
  typeof arrival.answer === 'number' && arrival.answer >= 200 && arrival.answer < 300;

function respond(res: ServerResponse, answer: number | 'reset', headers: Record<string, string>) {
  if (answer === 'reset') res.socket?.destroy();
  else
    res
      .writeHead(answer, { 'content-type': 'text/plain', ...headers })
      .end(answer < 300 ? 'ok' : 'try again');
}

/** Resolves once `matching()` has `count` entries, checked whenever a waiter is woken. */
function waitUntil<T>(
  waiters: Set<() => void>,
  matching: () => T[],
  count: number,
  timeoutMs: number,
  what: string,
): Promise<T[]> {
  if (matching().length >= count) return Promise.resolve(matching());
  return new Promise((resolve, reject) => {
    const check = () => {
      if (matching().length < count) return;
      clearTimeout(timer);
      waiters.delete(check);
      resolve(matching());
    };
    const timer = setTimeout(() => {
      waiters.delete(check);
      reject(new Error(`Expected ${count} ${what} within ${timeoutMs} ms, got ${matching().length}`));
    }, timeoutMs);
    waiters.add(check);
  });
}

/** Listens on the options' host and port; the URL senders use (the public one, if given). */
async function listenOn(server: Server, options: ReceiverOptions): Promise<string> {
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return (
    options.publicUrl?.replace(/\/$/, '') ?? `http://${urlHost}:${(server.address() as AddressInfo).port}`
  );
}

export async function startCallbackReceiver(options: ReceiverOptions = {}): Promise<CallbackReceiver> {
  const arrivals: Arrival[] = [];
  const perPath = new Map<string, number>();
  const waiters = new Set<() => void>();
  const clock = options.clock ?? Date.now;
  let queue: Answer[] = [];
  let hanging = 0;
  let url = '';

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      const n = (perPath.get(path) ?? 0) + 1;
      perPath.set(path, n);
      const answer = queue.shift() ?? options.answer?.(path, n) ?? 200;
      const arrival: Arrival = {
        method: req.method ?? 'POST',
        path,
        url: `${url}${path}`,
        n,
        headers: req.headers,
        rawBody: Buffer.concat(chunks).toString('utf8'),
        answer,
        clockAt: clock(),
      };
      arrivals.push(arrival);
      if (answer === 'hang') {
        hanging++;
        res.on('close', () => hanging--);
      } else respond(res, answer, options.answerHeaders?.(path, n) ?? {});
      options.onArrival?.(arrival);
      for (const wake of waiters) wake();
    });
  });
  server.keepAliveTimeout = 60_000;
  url = await listenOn(server, options);

  return {
    url,
    arrivals,
    get hanging() {
      return hanging;
    },
    script(answers) {
      queue = [...answers];
    },
    waitFor: (path, count, timeoutMs = 10_000) =>
      waitUntil(
        waiters,
        () => arrivals.filter((a) => a.path === path),
        count,
        timeoutMs,
        `callback(s) at ${path}`,
      ),
    close: () => closeServer(server),
  };
}

/** Stops listening and drops every connection, held ones too. */
function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
