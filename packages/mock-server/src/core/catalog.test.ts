// The models served and their states: the create gate and what the catalog, the model list and admin show.
import { modelEntry } from '@videotask/spec';
import { describe, expect, test } from 'vitest';
import { resolveOptions } from '../options.js';
import {
  catalogHealth,
  catalogModels,
  DEGRADED_SLOWDOWN,
  modelGate,
  modelList,
  modelStateEntry,
  modelStatuses,
  UNAVAILABLE_RETRY_AFTER,
} from './catalog.js';

const options = resolveOptions({
  models: ['sora-2', 'sora-2-preview', 'seedance-1.5-pro'],
  retired: ['sora-2-preview'],
});
const POINTER = 'GET /v1/models lists the models this key may use';
/** The spec owns each model's profile. */
const profile = (id: string) => {
  const entry = modelEntry(id);
  if (!entry) throw new Error(`no ${id}`);
  return entry.profile;
};

describe('modelStatuses', () => {
  test("served models only, in the spec's order: an override, else retired as started, else available", () => {
    const states = modelStatuses(options, { 'seedance-1.5-pro': 'degraded' });
    expect(states.map(({ model, state }) => [model.id, state])).toEqual([
      ['sora-2', 'available'],
      ['sora-2-preview', 'retired'],
      ['seedance-1.5-pro', 'degraded'],
    ]);
    expect(modelStatuses(options, { 'sora-2-preview': 'available' })[1]?.state).toBe('available');
  });
});

describe('modelGate', () => {
  test('the constants: degraded is twice as slow, an outage says 30 s', () => {
    expect(DEGRADED_SLOWDOWN).toBe(2);
    expect(UNAVAILABLE_RETRY_AFTER).toBe(30);
  });

  test('an available or degraded served model passes', () => {
    expect(modelGate(options, {}, 'sora-2')).toBeUndefined();
    expect(modelGate(options, { 'sora-2': 'degraded' }, 'sora-2')).toBeUndefined();
    expect(modelGate(options, { 'sora-2-preview': 'available' }, 'sora-2-preview')).toBeUndefined();
  });

  test('a model not served: 403 model_access_denied on model', () => {
    expect(modelGate(options, {}, 'veo-3.1-generate-preview')).toEqual({
      ok: false,
      code: 'model_access_denied',
      message: `veo-3.1-generate-preview is not served here; ${POINTER}.`,
      param: 'model',
    });
  });

  test('retired as started or set so: 403 model_access_denied', () => {
    const retired = {
      ok: false,
      code: 'model_access_denied',
      message: `sora-2-preview is retired and no longer served; ${POINTER}.`,
      param: 'model',
    };
    expect(modelGate(options, {}, 'sora-2-preview')).toEqual(retired);
    expect(modelGate(options, { 'sora-2': 'retired' }, 'sora-2')).toMatchObject({
      code: 'model_access_denied',
    });
  });

  test('unavailable: 503 with Retry-After 30', () => {
    expect(modelGate(options, { 'sora-2': 'unavailable' }, 'sora-2')).toEqual({
      ok: false,
      code: 'service_unavailable',
      message: 'sora-2 is unavailable right now; retry later or pick another model from GET /v1/models.',
      param: 'model',
      retryAfter: 30,
    });
  });
});

describe('what the surfaces show', () => {
  const statuses = modelStatuses(options, { 'seedance-1.5-pro': 'unavailable' });

  test('GET /v1/models: the served models that are not retired, with their state', () => {
    expect(modelList(statuses)).toEqual({
      object: 'list',
      data: [
        {
          id: 'sora-2',
          object: 'model',
          owned_by: profile('sora-2').family,
          display_name: profile('sora-2').display_name,
          status: 'available',
        },
        {
          id: 'seedance-1.5-pro',
          object: 'model',
          owned_by: profile('seedance-1.5-pro').family,
          display_name: profile('seedance-1.5-pro').display_name,
          status: 'unavailable',
        },
      ],
    });
  });

  test('the catalog lists every served model; a retired one says so', () => {
    const { models } = catalogModels(statuses);
    expect(models.map((m) => m.model_id)).toEqual(['sora-2', 'sora-2-preview', 'seedance-1.5-pro']);
    const sora = profile('sora-2');
    expect(models[0]).toEqual({
      model_id: 'sora-2',
      display_name: sora.display_name,
      family: sora.family,
      aliases: [],
      capabilities: sora.capabilities,
      protocols: ['video-generations'],
      lifecycle: sora.lifecycle,
      docs: sora.docs,
    });
    expect(models[1]?.lifecycle).toBe('retired');
    expect(catalogHealth(statuses)).toEqual({
      models: [
        { model_id: 'sora-2', status: 'available' },
        { model_id: 'sora-2-preview', status: 'retired' },
        { model_id: 'seedance-1.5-pro', status: 'unavailable' },
      ],
    });
  });

  test('the admin entry: lifecycle from the profile unless retired', () => {
    const [sora, preview] = statuses;
    if (!sora || !preview) throw new Error('missing statuses');
    expect(modelStateEntry(sora)).toEqual({
      model_id: 'sora-2',
      display_name: profile('sora-2').display_name,
      lifecycle: profile('sora-2').lifecycle,
      state: 'available',
    });
    expect(modelStateEntry(preview)).toMatchObject({ lifecycle: 'retired', state: 'retired' });
  });
});
