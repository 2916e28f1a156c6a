// The models this mock serves and the state of each: the gate a create passes, and what GET /v1/models,
// the public catalog and its health read show — one rule for every surface.
import { type AdminSchemas, type ModelEntry, modelEntries, type Schemas } from '@videotask/spec';
import type { ModelState } from '../domain/model-state.js';
import type { ResolvedOptions } from '../options.js';
import { type Refusal, refuse } from './result.js';

/** How much slower a degraded model processes (its timings are multiplied by this). */
export const DEGRADED_SLOWDOWN = 2;
/** Seconds a client is told to wait before asking an unavailable model again. */
export const UNAVAILABLE_RETRY_AFTER = 30;

export interface ModelStatus {
  model: ModelEntry;
  state: ModelState;
}

type Overrides = Readonly<Record<string, ModelState>>;

/** Each served model with its state: a run-time override, else retired when started so, else available. */
export function modelStatuses(options: ResolvedOptions, overrides: Overrides): ModelStatus[] {
  return modelEntries()
    .filter((model) => options.models.includes(model.id))
    .map((model) => ({
      model,
      state: overrides[model.id] ?? (options.retired.has(model.id) ? 'retired' : 'available'),
    }));
}

const POINTER = 'GET /v1/models lists the models this key may use';

/** What a create for a retired model is told (the fixtures' 403 says the same). */
export function retiredModelMessage(id: string): string {
  return `${id} is retired and no longer served; ${POINTER}.`;
}

/**
 * Whether a create for `id` may go ahead (undefined) or the refusal. Retired or not served: 403
 * `model_access_denied`, the code the vendor's own client names for a model it cannot use; it is
 * permanent, so not a retryable 503. Unavailable: 503 with Retry-After, as an outage is.
 */
export function modelGate(options: ResolvedOptions, overrides: Overrides, id: string): Refusal | undefined {
  if (!(options.models as string[]).includes(id)) {
    return refuse('model_access_denied', `${id} is not served here; ${POINTER}.`, 'model');
  }
  const state = overrides[id] ?? (options.retired.has(id) ? 'retired' : 'available');
  if (state === 'retired') {
    return refuse('model_access_denied', retiredModelMessage(id), 'model');
  }
  if (state === 'unavailable') {
    const message = `${id} is unavailable right now; retry later or pick another model from GET /v1/models.`;
    return { ...refuse('service_unavailable', message, 'model'), retryAfter: UNAVAILABLE_RETRY_AFTER };
  }
  return undefined;
}

/** GET /v1/models: the served models that are not retired. */
export function modelList(statuses: ModelStatus[]): Schemas['ModelList'] {
  return {
    object: 'list',
    data: statuses
      .filter(({ state }) => state !== 'retired')
      .map(({ model, state }) => ({
        id: model.id,
        object: 'model',
        owned_by: model.profile.family,
        display_name: model.profile.display_name,
        status: state,
      })),
  };
}

/** GET /v1/catalog/models: every served model as the profile describes it; a retired one says so. */
export function catalogModels(statuses: ModelStatus[]): Schemas['CatalogModels'] {
  return {
    models: statuses.map(({ model, state }) => ({
      model_id: model.id,
      display_name: model.profile.display_name,
      family: model.profile.family,
      aliases: [],
      capabilities: model.profile.capabilities,
      protocols: ['video-generations'],
      lifecycle: state === 'retired' ? 'retired' : model.profile.lifecycle,
      docs: model.profile.docs,
    })),
  };
}

/** GET /v1/catalog/health: each served model's state. */
export function catalogHealth(statuses: ModelStatus[]): Schemas['CatalogHealth'] {
  return { models: statuses.map(({ model, state }) => ({ model_id: model.id, status: state })) };
}

/** A served model as the admin API, the controller and the dashboard show it. */
export function modelStateEntry({ model, state }: ModelStatus): AdminSchemas['ModelStateEntry'] {
  return {
    model_id: model.id,
    display_name: model.profile.display_name,
    lifecycle: state === 'retired' ? 'retired' : model.profile.lifecycle,
    state,
  };
}
