// A model's serving state (available, degraded, unavailable, retired): the words live in the spec.
import { type Schemas, spec } from '@videotask/spec';

export type ModelState = Schemas['ModelState'];

/** Every state, in the spec's order. */
export const MODEL_STATES = (spec.components.schemas.ModelState as { enum: ModelState[] }).enum;

export const isModelState = (value: unknown): value is ModelState =>
  (MODEL_STATES as unknown[]).includes(value);
