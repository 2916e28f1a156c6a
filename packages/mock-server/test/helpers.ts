// Shared test helpers: a manual-clock server and shorthands for the API calls.
import {
  createMockServer,
  type MockServer,
  type MockServerOptions,
  type VideoTaskJson,
} from '../src/index.js';

export const KEY = 'sk-test-1';
export const OTHER_KEY = 'sk-test-2';
/** 2025-01-01T12:00:00Z: where every manual clock in the tests starts. */
export const START = Date.UTC(2025, 0, 1, 12);
export const BASE_BODY = { model: 'sora-2', prompt: 'A cat playing piano' };

export function manualServer(options: MockServerOptions = {}): MockServer {
  return createMockServer({ clock: 'manual', startTime: START, seed: 'tests', ...options });
}

export function auth(key = KEY, extra: Record<string, string> = {}): Record<string, string> {
  return { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...extra };
}

export function post(
  server: MockServer,
  body: unknown = BASE_BODY,
  headers: Record<string, string> = {},
  key = KEY,
): Promise<Response> {
  return Promise.resolve(
    server.app.request('/v1/videos/generations', {
      method: 'POST',
      headers: auth(key, headers),
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

export async function createTask(
  server: MockServer,
  body: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  key = KEY,
): Promise<VideoTaskJson> {
  const res = await post(server, { ...BASE_BODY, ...body }, headers, key);
  if (res.status !== 200) throw new Error(`create answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as VideoTaskJson;
}

export async function getTask(server: MockServer, id: string, key = KEY): Promise<VideoTaskJson> {
  const res = await server.app.request(`/v1/tasks/${id}`, { headers: auth(key) });
  if (res.status !== 200) throw new Error(`get answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as VideoTaskJson;
}

export async function admin(
  server: MockServer,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return server.app.request(`/__mock${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Long enough for any task to end (a slow 15 s image-to-video task takes under 9 minutes). */
export const UNTIL_ANY_END_MS = 10 * 60 * 1000;
