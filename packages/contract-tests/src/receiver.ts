// A local HTTPS-callback receiver for the suite: records every delivery, answers as each test scripts it.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { harRecording } from './har-record.js';

export interface ReceivedCallback {
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** Answer status the receiver gave. */
  answeredWith: number;
}

export interface CallbackReceiver {
  url: string;
  received: ReceivedCallback[];
  /** Answer status for the next deliveries, in order; 200 after the list runs out. */
  script(statuses: number[]): void;
  /** Resolves once `count` deliveries have arrived at `path` (or rejects after `timeoutMs`). */
  waitFor(path: string, count: number, timeoutMs: number): Promise<ReceivedCallback[]>;
  close(): Promise<void>;
}

export async function startReceiver(
  options: { port?: number; publicUrl?: string } = {},
): Promise<CallbackReceiver> {
  const received: ReceivedCallback[] = [];
  let scripted: number[] = [];
  const waiters = new Set<() => void>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const answeredWith = scripted.shift() ?? 200;
      received.push({
        path: req.url ?? '/',
        headers: req.headers,
        rawBody: Buffer.concat(chunks).toString('utf8'),
        answeredWith,
      });
      res
        .writeHead(answeredWith, { 'content-type': 'text/plain' })
        .end(answeredWith < 300 ? 'ok' : 'try again');
      harRecording()?.callback(
        `${url}${req.url ?? '/'}`,
        req.headers,
        Buffer.concat(chunks).toString('utf8'),
        answeredWith,
      );
      for (const wake of waiters) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = options.publicUrl?.replace(/\/$/, '') ?? `http://127.0.0.1:${port}`;
  return {
    url,
    received,
    script(statuses) {
      scripted = [...statuses];
    },
    waitFor(path, count, timeoutMs) {
      const matching = () => received.filter((r) => r.path === path);
      if (matching().length >= count) return Promise.resolve(matching());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `Expected ${count} callback(s) at ${path} within ${timeoutMs} ms, got ${matching().length}`,
            ),
          );
        }, timeoutMs);
        const check = () => {
          if (matching().length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(matching());
        };
        waiters.add(check);
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
