// --admin-token over real HTTP: every admin and dashboard route (the assets excepted) answers 401
// without the exact token — whatever it is near — acts on nothing, and leaves the public API alone.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DASHBOARD_ROUTES } from '../src/dashboard/index.js';
import { ADMIN_ROUTES } from '../src/http/admin.js';
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

const ROUTES = [...ADMIN_ROUTES, ...DASHBOARD_ROUTES]
  .filter(([, path]) => !path.includes('/assets/'))
  .map(([method, path]) => [method, path.replace(/:[a-z]+/g, () => taskId)] as const);

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
    expect(ROUTES.length).toBeGreaterThanOrEqual(ADMIN_ROUTES.length + 4);
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
