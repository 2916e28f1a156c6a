// Setting a served model's state on MockCore: kept in the store, logged, and back to the start options on null.
import { afterEach, describe, expect, test } from 'vitest';
import { closeCores, testCore } from './test-core.js';

afterEach(closeCores);

const states = async (core: ReturnType<typeof testCore>) =>
  (await core.modelStatuses()).map(({ model, state }) => `${model.id}=${state}`);

describe('model states', () => {
  test('set, logged, and reset to the start options', async () => {
    const lines: string[] = [];
    const core = testCore({
      models: ['sora-2', 'sora-2-preview'],
      retired: ['sora-2-preview'],
      logger: (l) => lines.push(l),
    });
    expect(await states(core)).toEqual(['sora-2=available', 'sora-2-preview=retired']);
    const set = await core.setModelState('sora-2-preview', 'degraded');
    expect(set).toMatchObject({ ok: true, value: { model: { id: 'sora-2-preview' }, state: 'degraded' } });
    expect(await states(core)).toEqual(['sora-2=available', 'sora-2-preview=degraded']);
    expect(await core.setModelState('sora-2-preview', null)).toMatchObject({ value: { state: 'retired' } });
    expect(lines).toEqual(['model sora-2-preview is degraded', 'model sora-2-preview is retired']);
  });

  test('a model not served is not_found on model, naming the served ones', async () => {
    const core = testCore({ models: ['sora-2', 'sora-2-preview'] });
    expect(await core.setModelState('veo-3.1-generate-preview', 'unavailable')).toEqual({
      ok: false,
      code: 'not_found',
      message: 'No model veo-3.1-generate-preview is served here (served: sora-2, sora-2-preview).',
      param: 'model',
    });
    expect(await states(core)).toEqual(['sora-2=available', 'sora-2-preview=available']);
  });
});
