// The served models' states as commands: every served model with its state, and setting one at run
// time (kept in the store). The rules that read the states are in catalog.ts.
import type { ModelState } from '../domain/model-state.js';
import { type ModelStatus, modelStatuses } from './catalog.js';
import type { CoreContext } from './context.js';
import { ok, type Result, refuse } from './result.js';

export async function servedModelStatuses(core: CoreContext): Promise<ModelStatus[]> {
  return modelStatuses(core.options, await core.store.modelStates());
}

/** Sets a served model's state (null: back to the start options). */
export async function setModelState(
  core: CoreContext,
  model: string,
  state: ModelState | null,
): Promise<Result<ModelStatus>> {
  if (!(core.options.models as string[]).includes(model)) {
    return refuse(
      'not_found',
      `No model ${model} is served here (served: ${core.options.models.join(', ')}).`,
      'model',
    );
  }
  await core.store.setModelState(model, state);
  const status = (await servedModelStatuses(core)).find((s) => s.model.id === model) as ModelStatus;
  core.options.logger?.(`model ${model} is ${status.state}`);
  return ok(status);
}
