// A callback receiver on a free loopback port: records every arrival and answers as the test scripts it.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the receiver answers one arrival: an HTTP status, or `hang` (hold the request open). */
export type Answer = number | 'hang';

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
  /** The URL senders should use, when it is not the listening address (a public tunnel). */
  publicUrl?: string;
  /** The answer to each arrival, by path and its number on that path (default 200, or the `script` queue). */
  answer?: (path: string, n: number) => Answer;
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
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const method = req.method ?? 'POST';
      const arrival: Arrival = {
        method,
        path,
        url: `${url}${path}`,
        n,
        headers: req.headers,
        rawBody,
        answer,
        clockAt: clock(),
      };
      arrivals.push(arrival);
      if (answer === 'hang') {
        hanging++;
        res.on('close', () => hanging--);
      } else {
        res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer < 300 ? 'ok' : 'try again');
      }
      options.onArrival?.(arrival);
      for (const wake of waiters) wake();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  url = options.publicUrl?.replace(/\/$/, '') ?? `http://127.0.0.1:${port}`;

  return {
    url,
    arrivals,
    get hanging() {
      return hanging;
    },
    script(answers) {
      queue = [...answers];
    },
    waitFor(path, count, timeoutMs = 10_000) {
      const at = () => arrivals.filter((a) => a.path === path);
      if (at().length >= count) return Promise.resolve(at());
      return new Promise((resolve, reject) => {
        const check = () => {
          if (at().length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(at());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`Expected ${count} callback(s) at ${path} within ${timeoutMs} ms, got ${at().length}`),
          );
        }, timeoutMs);
        waiters.add(check);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
