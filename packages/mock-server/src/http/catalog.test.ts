// The models served and their states, through every surface: creates, /v1/models, the catalog, admin, controller.
import { modelEntries } from '@videotask/spec';
import { createSpecValidator } from '@videotask/spec/validator';
import { afterEach, describe, expect, test } from 'vitest';
import { auth, createTask, getTask, manualServer, post } from '../../test/helpers.js';
import { createMockServer, MockRefusedError, type MockServer } from '../index.js';

const spec = createSpecValidator();
let server: MockServer;
afterEach(async () => {
  await server?.close();
});

const body = (model: string) => ({ model, prompt: 'A lighthouse in a storm' });
const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; message: string; param?: string; type: string } }).error;

async function setState(model: string, state: string | null) {
  return server.app.request('/__mock/models', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model, state }),
  });
}

describe('GET /v1/catalog/models and /v1/catalog/health', () => {
  test('need no key, list every model of the spec, and match the spec', async () => {
    server = manualServer();
    const catalog = await server.app.request('/v1/catalog/models');
    expect(catalog.status).toBe(200);
    const models = await catalog.json();
    expect(spec.response('getCatalogModels', 200)?.(models)).toBe(true);
    expect(models.models.map((m: { model_id: string }) => m.model_id)).toEqual(
      modelEntries().map((e) => e.id),
    );
    const health = await server.app.request('/v1/catalog/health');
    const body = await health.json();
    expect(spec.response('getCatalogHealth', 200)?.(body)).toBe(true);
    expect(new Set(body.models.map((m: { status: string }) => m.status))).toEqual(new Set(['available']));
  });

  test('answer with an ETag and Cache-Control; If-None-Match gives 304 until a state changes', async () => {
    server = manualServer();
    const first = await server.app.request('/v1/catalog/health');
    const tag = first.headers.get('etag');
    expect(tag).toBeTruthy();
    expect(first.headers.get('cache-control')).toBe('public, max-age=30');
    const again = await server.app.request('/v1/catalog/health', {
      headers: { 'if-none-match': tag as string },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await server.app.request('/v1/catalog/models')).headers.get('cache-control')).toBe(
      'public, max-age=300',
    );
    await server.models.set('sora-2', 'degraded');
    const changed = await server.app.request('/v1/catalog/health', {
      headers: { 'if-none-match': tag as string },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(tag);
  });
});

describe('start options: --models serves a subset, --retired retires', () => {
  test('a model not served is absent everywhere and its create answers 403 model_access_denied', async () => {
    server = manualServer({ models: ['seedance-1.5-pro', 'sora-2'], retired: ['sora-2'] });
    const list = await (await server.app.request('/v1/models', { headers: auth() })).json();
    expect(spec.response('listModels', 200)?.(list)).toBe(true);
    expect(list.data.map((m: { id: string }) => m.id)).toEqual(['seedance-1.5-pro']);
    const health = await (await server.app.request('/v1/catalog/health')).json();
    expect(health.models).toEqual([
      { model_id: 'sora-2', status: 'retired' },
      { model_id: 'seedance-1.5-pro', status: 'available' },
    ]);
    const catalog = await (await server.app.request('/v1/catalog/models')).json();
    expect(catalog.models.find((m: { model_id: string }) => m.model_id === 'sora-2').lifecycle).toBe(
      'retired',
    );

    const notServed = await post(server, body('veo-3.1-generate-preview'));
    expect(notServed.status).toBe(403);
    expect(await errorOf(notServed)).toMatchObject({
      code: 'model_access_denied',
      type: 'invalid_request_error',
      param: 'model',
      message: expect.stringContaining('GET /v1/models'),
    });
    const retired = await post(server, body('sora-2'));
    expect(retired.status).toBe(403);
    expect((await errorOf(retired)).message).toMatch(/^sora-2 is retired/);
    expect((await post(server, body('seedance-1.5-pro'))).status).toBe(200);
  });

  test('a refused create costs nothing', async () => {
    server = manualServer({ retired: ['sora-2'] });
    const before = await (await server.app.request('/v1/credits', { headers: auth() })).json();
    expect((await post(server, body('sora-2'))).status).toBe(403);
    const after = await (await server.app.request('/v1/credits', { headers: auth() })).json();
    expect(after).toEqual(before);
  });

  test('unknown ids and a retired model that is not served are refused at start, naming the models', () => {
    expect(() => createMockServer({ models: ['sora-3'] })).toThrow(
      /unknown model "sora-3".*seedance-1.5-pro/,
    );
    expect(() => createMockServer({ models: ['sora-2'], retired: ['wan2.6-text-to-video'] })).toThrow(
      /not among the served/,
    );
  });
});

describe('states at run time (admin API and controller over one core)', () => {
  test('unavailable: 503 with Retry-After naming the model; available again: accepted', async () => {
    server = manualServer({ credits: 1000 });
    const set = await setState('veo-3.1-generate-preview', 'unavailable');
    expect(set.status).toBe(200);
    const result = await set.json();
    expect(result.model).toEqual({
      model_id: 'veo-3.1-generate-preview',
      display_name: 'Veo 3.1 (preview)',
      lifecycle: 'preview',
      state: 'unavailable',
    });
    const refused = await post(server, body('veo-3.1-generate-preview'));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(await errorOf(refused)).toMatchObject({ code: 'service_unavailable', param: 'model' });
    const listed = await (await server.app.request('/v1/models', { headers: auth() })).json();
    expect(listed.data.find((m: { id: string }) => m.id === 'veo-3.1-generate-preview').status).toBe(
      'unavailable',
    );
    await setState('veo-3.1-generate-preview', null);
    expect((await post(server, body('veo-3.1-generate-preview'))).status).toBe(200);
  });

  test('degraded: accepted, and the task takes twice as long', async () => {
    server = manualServer({ seed: 'pace' });
    const normal = await createTask(server, body('seedance-1.5-pro'));
    await server.models.set('seedance-1.5-pro', 'degraded');
    const slow = await createTask(server, body('seedance-1.5-pro'));
    const endOf = async (id: string) => {
      for (let s = 0; s < 3600; s += 5) {
        if ((await getTask(server, id)).status === 'completed') return s;
        await server.clock.advance(5_000);
      }
      throw new Error(`task ${id} never completed`);
    };
    // Created at the same instant: when the normal one ends the slow one is still running.
    const normalEnd = await endOf(normal.id);
    expect((await getTask(server, slow.id)).status).not.toBe('completed');
    const slowEnd = normalEnd + (await endOf(slow.id));
    expect(slowEnd).toBeGreaterThan(normalEnd * 1.3);
  });

  test('retired at run time; a reset goes back to the start options', async () => {
    server = manualServer();
    await server.models.set('sora-2', 'retired');
    expect((await post(server, body('sora-2'))).status).toBe(403);
    const listed = await (await server.app.request('/v1/models', { headers: auth() })).json();
    expect(listed.data.some((m: { id: string }) => m.id === 'sora-2')).toBe(false);
    await server.reset();
    expect((await post(server, body('sora-2'))).status).toBe(200);
  });

  test('the admin API and the controller refuse a model not served, and a state the spec does not list', async () => {
    server = manualServer({ models: ['sora-2'] });
    const unknown = await setState('seedance-1.5-pro', 'retired');
    expect(unknown.status).toBe(404);
    expect(await errorOf(unknown)).toMatchObject({ code: 'not_found', param: 'model' });
    const bad = await setState('sora-2', 'sleeping');
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).param).toBe('state');
    await expect(server.models.set('seedance-1.5-pro', 'retired')).rejects.toBeInstanceOf(MockRefusedError);
    expect(await server.models.list()).toEqual([
      { model_id: 'sora-2', display_name: 'Sora 2', lifecycle: 'deprecated', state: 'available' },
    ]);
    const admin = await (await server.app.request('/__mock/models')).json();
    expect(admin.data).toEqual(await server.models.list());
  });
});

test('GET /v1/models needs a key', async () => {
  server = manualServer();
  expect((await server.app.request('/v1/models')).status).toBe(401);
});
