// Models through the client, against the mock in process: listModels, the cached catalog, and the
// typed error for a model the API does not serve.
import { createMockServer, type MockServer, type MockServerOptions } from '@videotask/mock-server';
import { clientClockOn } from '@videotask/testkit';
import { afterEach, expect, test } from 'vitest';
import {
  createCatalogClient,
  createVideoTaskClient,
  InternalServerError,
  ModelNotServedError,
  PermissionDeniedError,
} from '../src/index.js';

const API_KEY = 'sk-test-models';
const BASE_URL = 'http://127.0.0.1:4010';
const mocks: MockServer[] = [];
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
});

function setup(options: MockServerOptions = {}) {
  const mock = createMockServer({ clock: 'manual', seed: 1, apiKeys: [API_KEY], credits: 1000, ...options });
  mocks.push(mock);
  const paths: string[] = [];
  const fetch = (input: Request, init?: RequestInit) => {
    paths.push(
      `${new URL(input.url).pathname} ${input.headers.get('if-none-match') ? 'revalidate' : 'fresh'}`,
    );
    return mock.fetch(input, init);
  };
  const clock = clientClockOn(mock.clock);
  const client = createVideoTaskClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch, clock });
  return { mock, client, paths, fetch, clock };
}

test('listModels: the served models that are not retired', async () => {
  const { client } = setup({ models: ['sora-2', 'seedance-1.5-pro'], retired: ['sora-2'] });
  const list = await client.listModels();
  expect(list.data.map((m) => [m.id, m.status])).toEqual([['seedance-1.5-pro', 'available']]);
});

test('a create for a retired model raises ModelNotServedError naming the model and listModels()', async () => {
  const { client } = setup({ retired: ['sora-2'] });
  const error = await client.createVideo({ model: 'sora-2', prompt: 'A cat' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ModelNotServedError);
  expect(error).toBeInstanceOf(PermissionDeniedError);
  expect(error).toMatchObject({ model: 'sora-2', status: 403, code: 'model_access_denied', param: 'model' });
  expect((error as Error).message).toMatch(/sora-2.*listModels\(\)/);
});

test('an unavailable model is a 503 after the retries, not a ModelNotServedError', async () => {
  const { client, mock } = setup();
  await mock.models.set('seedance-1.5-pro', 'unavailable');
  const error = await client
    .createVideo({ model: 'seedance-1.5-pro', prompt: 'A cat' })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InternalServerError);
  expect(error).toMatchObject({ status: 503, param: 'model' });
});

test('the catalog is cached for max-age, then revalidated with If-None-Match (304 keeps the copy)', async () => {
  const { client, paths, mock } = setup();
  const first = await client.catalog.health();
  expect(first.models.length).toBeGreaterThan(5);
  expect(await client.catalog.health()).toBe(first); // fresh: no request
  expect(paths).toEqual(['/v1/catalog/health fresh']);
  await mock.clock.advance(31_000);
  expect(await client.catalog.health()).toBe(first); // stale: revalidated, 304
  expect(paths).toEqual(['/v1/catalog/health fresh', '/v1/catalog/health revalidate']);
  await mock.models.set('sora-2', 'retired');
  const changed = await client.catalog.health({ revalidate: true });
  expect(changed.models.find((m) => m.model_id === 'sora-2')?.status).toBe('retired');
  const models = await client.catalog.models();
  expect(models.models.find((m) => m.model_id === 'sora-2')?.lifecycle).toBe('retired');
});

test('createCatalogClient needs no key, and the mock does not ask for one', async () => {
  const { fetch, clock } = setup();
  const catalog = createCatalogClient({ baseUrl: BASE_URL, fetch, clock });
  const models = await catalog.models();
  expect(models.models.some((m) => m.model_id === 'MiniMax-Hailuo-02')).toBe(true);
});
