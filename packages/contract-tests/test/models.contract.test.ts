// Models: the public catalog and health (no key, ETag / 304), and GET /v1/models (the key's list).
import { modelEntries } from '@videotask/spec';
import { describe, expect, test } from 'vitest';
import { client, onMock, recorder, target } from '../src/harness.js';

const get = (path: string, headers: Record<string, string> = {}) =>
  recorder.fetch(`${target.baseUrl}${path}`, { headers });

describe.skipIf(!target.available)(`models (${target.name})`, () => {
  test.each(['/v1/catalog/models', '/v1/catalog/health'])(
    '%s needs no key, says how long to cache, and answers 304 to its own ETag',
    async (path) => {
      const first = await get(path);
      expect(first.status).toBe(200);
      expect(first.headers.get('cache-control')).toMatch(/max-age=\d+/);
      const tag = first.headers.get('etag');
      expect(tag).toBeTruthy();
      await first.body?.cancel();
      const again = await get(path, { 'if-none-match': tag as string });
      expect(again.status).toBe(304);
    },
  );

  test('GET /v1/models needs the key, and lists only models the catalog knows and calls served', async () => {
    expect((await get('/v1/models')).status).toBe(401);
    const list = await client().listModels();
    const health = await client().catalog.health();
    const status = new Map(health.models.map((m) => [m.model_id, m.status]));
    for (const model of list.data) {
      expect(status.has(model.id), `${model.id} is in the catalog's health`).toBe(true);
      expect(status.get(model.id)).not.toBe('retired');
    }
  });

  test.skipIf(!onMock)('the mock serves every model of the spec', async () => {
    const ids = (await client().listModels()).data.map((m) => m.id);
    expect(ids).toEqual(modelEntries().map((entry) => entry.id));
  });
});
