// A create request's body after validation against the spec (the model's schema, defaults filled
// in), and the facts of a task read from it through the model's profile.
import { type ModelEntry, modelEntry, type Schemas } from '@videotask/spec';
import type { Pace } from './lifecycle.js';
import { priceUc } from './prices.js';

/** Every model's body carries a duration once the validator has filled in its default. */
export type CreateBody = Schemas['VideoGenerationRequest'] & { duration: number };

/** What a task keeps of its request: the model, the video asked for and its price. */
export interface RequestFacts {
  model: string;
  duration: number;
  /** The asked-for aspect ratio, or '' when the model's body has none and none was sent. */
  aspectRatio: string;
  /** False only where the model takes `remove_watermark` and it was false. */
  removeWatermark: boolean;
  image: boolean;
  priceUc: number;
  pace: Pace;
}

/** The spec's entry for a validated body's model (the validator has already refused any other). */
export function modelOf(body: CreateBody): ModelEntry {
  const entry = modelEntry(body.model);
  if (!entry) throw new Error(`The spec describes no model ${body.model}`);
  return entry;
}

export function requestFacts(body: CreateBody): RequestFacts {
  const entry = modelOf(body);
  const fields = body as CreateBody & {
    aspect_ratio?: string;
    remove_watermark?: boolean;
    image_urls?: string[];
  };
  return {
    model: body.model,
    duration: body.duration,
    aspectRatio: fields.aspect_ratio ?? '',
    removeWatermark: fields.remove_watermark ?? true,
    image: Boolean(fields.image_urls?.length),
    priceUc: priceUc(entry, body),
    pace: entry.profile.processing,
  };
}
