// --admin-token over real HTTP: every admin and dashboard route (the assets excepted) answers 401
// without the exact token — whatever it is near — acts on nothing, and leaves the public API alone.
// The admin routes come from the admin API's own OpenAPI document (packages/spec/mock-admin.yaml),
// not from the code's route table, and every route the router really serves must be in it.
import { adminSpec } from '@videotask/spec';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DASHBOARD_ROUTES } from '../src/dashboard/index.js';
import { type RunningMockServer, serveMockServer } from '../src/node/index.js';
import { errorEnvelope } from './fuzz/fuzz-support.js';
import { START } from './helpers.js';

const TOKEN = 'adm-7f3c9e21-token';
let running: RunningMockServer;
let taskId = '';

beforeAll(async () => {
  running = await serveMockServer({ port: 0, clock: 'manual', startTime: START, adminToken: TOKEN });
  const res = await fetch(`${running.url}/v1/videos/generations`, {
    method: 'POST',
    headers: {
      authorization: 'Bearer sk-user',
      'content-type': 'application/json',
      'x-mock-scenario': 'stuck',
    },
    body: JSON.stringify({ model: 'sora-2', prompt: 'guarded' }),
  });
  taskId = ((await res.json()) as { id: string }).id;
});
afterAll(() => running.close());

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
/** Every operation mock-admin.yaml documents, as `METHOD /path/:param`. */
const DOCUMENTED = Object.entries(adminSpec.paths).flatMap(([path, item]) =>
  HTTP_METHODS.filter((method) => method in item).map(
    (method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
  ),
);
/** The MCP transport: under the admin API's auth, but a protocol endpoint, not an operation (it would be a tool of itself). */
const PROTOCOL = ['POST /__mock/mcp'];
const DASHBOARD = DASHBOARD_ROUTES.filter(([, path]) => !path.includes('/assets/')).map(
  ([method, path]) => `${method} ${path}`,
);
/** What the router really serves under /__mock (Hono's own table; `ALL` entries are middleware and 405s). */
function served(): string[] {
  return running.mock.app.routes
    .filter((route) => route.method !== 'ALL' && route.path.startsWith('/__mock'))
    .map((route) => `${route.method} ${route.path}`);
}

const ROUTES = [...DOCUMENTED, ...PROTOCOL, ...DASHBOARD].map((route) => {
  const [method = '', path = ''] = route.split(' ');
  return [method, path.replace(/:[a-z]+/g, () => taskId)] as const;
});

const WRONG: [string, Record<string, string>][] = [
  ['no token', {}],
  ['another token', { authorization: 'Bearer adm-other' }],
  ['the token with its last character changed', { authorization: `Bearer ${TOKEN.slice(0, -1)}X` }],
  ['a prefix of the token', { 'x-admin-token': TOKEN.slice(0, -1) }],
  ['the token with a character more', { 'x-admin-token': `${TOKEN}n` }],
  ['the token as an API key scheme', { authorization: `Token ${TOKEN}` }],
];

describe('--admin-token guards /__mock/ and the dashboard', () => {
  test(`every route is listed (${ROUTES.length})`, () => {
    // Every admin route the router serves is documented (so the checks below, which walk the
    // document, reach it); every dashboard route it serves is in the dashboard's list.
    const isDashboard = (route: string) => route.split(' ')[1]?.startsWith('/__mock/ui');
    const undocumented = served().filter(
      (route) => !isDashboard(route) && ![...DOCUMENTED, ...PROTOCOL].includes(route),
    );
    expect(undocumented, 'served under /__mock but not in mock-admin.yaml').toEqual([]);
    const unlisted = served()
      .filter((route) => isDashboard(route) && !route.includes('/assets/'))
      .filter((route) => !DASHBOARD.includes(route.replace(/\/$/, '')));
    expect(unlisted, 'dashboard routes served but not in DASHBOARD_ROUTES').toEqual([]);
    expect(DOCUMENTED.length).toBeGreaterThanOrEqual(15);
  });

  test.each(WRONG)('with %s, every route answers 401 and nothing changes', async (_what, headers) => {
    const before = running.mock.clock.now();
    for (const [method, path] of ROUTES) {
      const res = await fetch(`${running.url}${path}${path === '/__mock/ui' ? '?token=wrong' : ''}`, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        body:
          method === 'POST'
            ? JSON.stringify({ ms: 60_000, status: 503, apiKey: 'sk-user', credits: 0 })
            : undefined,
      });
      expect(res.status, `${method} ${path}`).toBe(401);
      if (path !== '/__mock/ui') {
        const body = await res.json();
        expect(errorEnvelope(body), `${method} ${path}`).toBe(true);
        expect(body.error.code).toBe('unauthorized');
      } else {
        // The dashboard page answers a browser with its login form (HTML), never the data.
        expect(await res.text()).not.toContain(taskId);
      }
    }
    expect((await running.mock.tasks.get(taskId))?.cancelled).toBe(false);
    expect(await running.mock.faults.list()).toEqual([]);
    expect(running.mock.clock.now()).toBe(before);
    expect((await running.mock.credits.get('sk-user')).data.token.remaining_credits).toBeGreaterThan(0);
  });

  test('with the token (Bearer or x-admin-token) the routes answer; the public API never needs it', async () => {
    const ways: Record<string, string>[] = [{ authorization: `Bearer ${TOKEN}` }, { 'x-admin-token': TOKEN }];
    for (const headers of ways) {
      for (const path of ['/__mock', '/__mock/tasks', `/__mock/tasks/${taskId}`, '/__mock/ui/tasks']) {
        const res = await fetch(`${running.url}${path}`, { headers });
        expect(res.status, path).toBe(200);
        await res.arrayBuffer();
      }
    }
    const api = await fetch(`${running.url}/v1/tasks/${taskId}`, {
      headers: { authorization: 'Bearer sk-user' },
    });
    expect(api.status).toBe(200);
    await api.arrayBuffer();
  });
});
