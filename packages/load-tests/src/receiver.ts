// A callback receiver (node:http on a free loopback port) whose answer to each arrival is scripted
// by a function of the path and the arrival's number: a status, or `hang` (never answer).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Answer = number | 'hang';

export interface Arrival {
  path: string;
  /** 1 for the first arrival on this path. */
  n: number;
  headers: IncomingHttpHeaders;
  rawBody: string;
  answer: Answer;
  /** The mock's clock when it arrived (for verifying the signature's timestamp). */
  clockAt: number;
}

export interface Receiver {
  url: string;
  arrivals: Arrival[];
  /** Requests held open right now (answer `hang`, not yet abandoned by the sender). */
  readonly hanging: number;
  close(): Promise<void>;
}

export async function startReceiver(
  script: (path: string, n: number) => Answer,
  clock: () => number = Date.now,
): Promise<Receiver> {
  const arrivals: Arrival[] = [];
  const perPath = new Map<string, number>();
  let hanging = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      const n = (perPath.get(path) ?? 0) + 1;
      perPath.set(path, n);
      const answer = script(path, n);
      arrivals.push({
        path,
        n,
        headers: req.headers,
        rawBody: Buffer.concat(chunks).toString('utf8'),
        answer,
        clockAt: clock(),
      });
      if (answer === 'hang') {
        hanging++;
        res.on('close', () => hanging--);
        return;
      }
      res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer < 300 ? 'ok' : 'try again');
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    arrivals,
    get hanging() {
      return hanging;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
