// @videotask/testing/msw: MSW request handlers that hand every request under a base URL to the in-process mock.

import { createMockServer, type MockServer, type MockServerOptions } from '@videotask/mock-server';
import { PRODUCTION_BASE_URL } from '@videotask/spec';
import { http, type RequestHandler } from 'msw';

export interface VideoTaskHandlersOptions extends Omit<MockServerOptions, 'publicUrl'> {
  /** The API's base URL your app calls (default the production one, so its real configuration works). */
  baseUrl?: string;
}

export interface VideoTaskHandlers {
  /** Pass them to setupServer (msw/node) or setupWorker (msw/browser), or to server.use(). */
  handlers: RequestHandler[];
  /** The mock's controller: clock, tasks, faults, credits, deliveries, seed, reset. */
  mock: MockServer;
  /** The base URL the handlers answer under (no trailing slash). */
  baseUrl: string;
}

/**
 * Handlers backed by the stateful mock: create, poll, the admin API (`/__mock/…`) and the result
 * videos (`results` point under `baseUrl`, so they resolve through the same handlers). The clock is
 * manual unless you pass `clock: 'real'`.
 */
export function createVideoTaskHandlers(options: VideoTaskHandlersOptions = {}): VideoTaskHandlers {
  const { baseUrl: base = PRODUCTION_BASE_URL, ...mockOptions } = options;
  const baseUrl = base.replace(/\/+$/, '');
  const prefix = new URL(baseUrl).pathname.replace(/\/+$/, '');
  const mock = createMockServer({ clock: 'manual', ...mockOptions, publicUrl: baseUrl });
  const handler = http.all(`${baseUrl}/*`, async ({ request }) => {
    if (!prefix) return mock.app.fetch(request);
    // A base URL with a path (a proxy): the mock serves the same routes at its root.
    const url = new URL(request.url);
    url.pathname = url.pathname.slice(prefix.length) || '/';
    const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();
    return mock.app.fetch(new Request(url, { method: request.method, headers: request.headers, body }));
  });
  return { handlers: [handler], mock, baseUrl };
}
