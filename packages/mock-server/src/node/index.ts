// The Node entry: serves the mock on a port, with node:dns for the callback host check and swagger-ui files for /docs.
import { lookup } from 'node:dns/promises';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAdaptorServer, type Http2Bindings, type HttpBindings } from '@hono/node-server';
import {
  createMockServer,
  type DocsAssetProvider,
  type MockServer,
  type MockServerOptions,
} from '../index.js';
import { withBufferedBody } from './body.js';
import { limitedCreateServer, type ServerLimits } from './limits.js';
import type { MockMetrics } from './metrics.js';
import { type StoreChoice, withStore } from './store.js';

export interface ServeOptions extends MockServerOptions, StoreChoice {
  /** Port to listen on; 0 picks a free one (default 4010). */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Timeouts and size limits against slow and oversized clients (see node-limits.ts for the defaults). */
  limits?: ServerLimits;
  /** Serve GET /metrics (Prometheus text format) on this port; without it no observer runs at all. */
  metrics?: boolean;
  /** Puts something in front of the mock's app (the CLI's --proxy/--replay); its close runs on close. */
  wrapApp?: (app: FetchApp) => FetchApp & { close?(): Promise<void> };
}

export interface RunningMockServer {
  mock: MockServer;
  /** `http://host:port`, as listened on. */
  url: string;
  host: string;
  port: number;
  server: Server;
  /** Stops the mock's timers and the HTTP server (open connections are closed). */
  close(): Promise<void>;
}

export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = '127.0.0.1';

/** Every address a host name resolves to (A and AAAA), for the delivery-time callback check. */
export async function resolveHostWithDns(hostname: string): Promise<string[]> {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => a.address);
}

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
};

/**
 * The swagger-ui files: dist/swagger-ui in the published package (copied at build time, so consumers
 * never install swagger-ui-dist and its analytics postinstall), else swagger-ui-dist (a devDependency)
 * when running from src in this repository.
 */
function swaggerUiDir(): string {
  const copied = fileURLToPath(new URL('./swagger-ui/', import.meta.url));
  if (existsSync(copied)) return copied;
  const require = createRequire(import.meta.url);
  return (require('swagger-ui-dist') as { getAbsoluteFSPath(): string }).getAbsoluteFSPath();
}

/** Serves the swagger-ui files (no CDN), read once and kept in memory. */
export function swaggerUiAssets(): DocsAssetProvider {
  const dir = swaggerUiDir();
  const cache = new Map<string, Promise<Uint8Array | undefined>>();
  return async (name) => {
    if (!/^[\w.-]+$/.test(name)) return undefined;
    let body = cache.get(name);
    if (!body) {
      body = readFile(join(dir, name)).then(
        (buffer) => new Uint8Array(buffer),
        () => undefined,
      );
      cache.set(name, body);
    }
    const bytes = await body;
    const ext = name.slice(name.lastIndexOf('.'));
    return bytes && { body: bytes, contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream' };
  };
}

/** What answers requests behind the Node entry: the mock's Hono app, or any app with its `fetch`. */
export interface FetchApp {
  fetch(request: Request, env: HttpBindings | Http2Bindings): Response | Promise<Response>;
}

/**
 * The fetch handler for @hono/node-server, shared by serveMockServer and the benchmark's server.
 * Request bodies that arrived with their headers are handed over whole (see node-body.ts).
 */
export function nodeFetchHandler(app: () => FetchApp | undefined) {
  return withBufferedBody(
    (request, env) => app()?.fetch(request, env) ?? new Response('starting', { status: 503 }),
  );
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Resolves once the server listens; on an error (e.g. the port is taken) runs `onError`, then rejects. */
function listen(server: Server, port: number, host: string, onError: () => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const failed = (error: Error) => {
      onError();
      reject(error);
    };
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}

/** The mock with the Node entry's DNS and docs assets, and with `metrics`, its observer and GET /metrics. */
function createServedMock(options: MockServerOptions, metrics: MockMetrics | undefined): MockServer {
  const mock = createMockServer({
    resolveHost: resolveHostWithDns,
    docsAssets: swaggerUiAssets(),
    ...options,
    ...(metrics ? { observer: metrics.observer } : {}),
  });
  if (metrics) {
    metrics.attach(() => mock.tasks.tally());
    // Before the first request: Hono builds its router then.
    metrics.mount(mock.app);
  }
  return mock;
}

/**
 * Listens, then creates the mock: its result URLs default to the address it listens on (so `--port 0`
 * works); a wildcard host (0.0.0.0, ::) is written as 127.0.0.1 there.
 */
export async function serveMockServer(options: ServeOptions = {}): Promise<RunningMockServer> {
  const {
    port = DEFAULT_PORT,
    host = DEFAULT_HOST,
    limits,
    wrapApp,
    storeUrl,
    storePrefix,
    metrics: withMetrics = false,
    ...given
  } = options;
  // prom-client is loaded only when asked for.
  const metrics: MockMetrics | undefined = withMetrics
    ? (await import('./metrics.js')).createMetrics()
    : undefined;
  // Before listening: a store that cannot be opened is a start error, not a server answering 503.
  const mockOptions = await withStore({ storeUrl, storePrefix }, given);
  let mock: MockServer | undefined;
  let wrapped: (FetchApp & { close?(): Promise<void> }) | undefined;
  const server = createAdaptorServer({
    fetch: nodeFetchHandler(() => wrapped ?? mock?.app),
    createServer: limitedCreateServer(limits),
  }) as Server;
  await listen(server, port, host, () => void mockOptions.store?.close());
  const address = server.address() as AddressInfo;
  const url = `http://${urlHost(host)}:${address.port}`;
  const reachable = host === '0.0.0.0' || host === '::' ? `http://127.0.0.1:${address.port}` : url;
  try {
    mock = createServedMock({ publicUrl: reachable, ...mockOptions }, metrics);
  } catch (error) {
    server.close();
    await mockOptions.store?.close();
    throw error;
  }
  if (wrapApp) wrapped = wrapApp(mock.app);
  const running = mock;
  let closing: Promise<void> | undefined;
  return {
    mock: running,
    url,
    host,
    port: address.port,
    server,
    close() {
      closing ??= (async () => {
        await running.close();
        await wrapped?.close?.();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}
