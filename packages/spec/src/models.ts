// The video models the spec describes: each one's create-body schema and its `x-model-profile`, and
// the price its formula gives for a body.
import type { components } from './generated/openapi.generated.js';
import { type OpenApiDocument, spec } from './index.js';

/** A create body, whichever model it is for. */
type CreateRequest = components['schemas']['VideoGenerationRequest'];
/** The id of a model the spec describes (`sora-2`, `seedance-1.5-pro`, …). */
export type ModelId = CreateRequest['model'];
/** The create body of one model, narrowed by its `model` literal. */
export type ModelRequest<Id extends ModelId> = Extract<CreateRequest, { model: Id }>;

export type ModelLifecycle = 'active' | 'preview' | 'deprecated' | 'retired';
export type ModelCapability = 'text-to-video' | 'image-to-video' | 'first-last-frame' | 'audio';

/** A multiplier (or, as `table_uc`, a base price) looked up by the values of some body fields. */
export interface PriceLookup {
  /** Body fields whose values, as text joined by `,`, pick the entry (`"on,1080p"`). */
  by: string[];
  values: Record<string, number>;
}

/** A price rule in UC (1 credit = 10,000 UC), as the vendor's public price rules write it. */
export interface PriceFormula {
  billing_rule: 'per_call' | 'per_second';
  /** UC per unit of `quantity` (the product of the named body fields, e.g. `duration` × `n`). */
  rate_uc?: number;
  quantity?: string[];
  /** The base price looked up instead of `rate_uc` × `quantity`. */
  table_uc?: PriceLookup;
  factors?: PriceLookup[];
  minimum_uc?: number;
  /** True when the vendor publishes no price and the figure is this project's assumption. */
  estimated?: boolean;
  source: string;
}

export interface ModelProfile {
  family: string;
  display_name: string;
  lifecycle: ModelLifecycle;
  capabilities: ModelCapability[];
  docs: string;
  price: PriceFormula;
  /** How long the mock's clock takes to process: seconds per second of video (min, max), plus images. */
  processing: { seconds_per_video_second: [number, number]; image_extra_seconds: number };
}

/** One model: its id, the name and schema of its create body, its profile. */
export interface ModelEntry {
  id: ModelId;
  schemaName: string;
  schema: Record<string, unknown>;
  profile: ModelProfile;
}

/** 1 credit = 10,000 UC, the unit of the vendor's price rules. */
export const UC_PER_CREDIT = 10_000;

const SCHEMAS_PREFIX = '#/components/schemas/';

/** The models of a document, in the order of the create body's discriminator mapping. */
export function modelEntries(doc: OpenApiDocument = spec): ModelEntry[] {
  const request = doc.components.schemas.VideoGenerationRequest as {
    discriminator: { mapping: Record<string, string> };
  };
  return Object.entries(request.discriminator.mapping).map(([id, ref]) => {
    const schemaName = ref.slice(SCHEMAS_PREFIX.length);
    const schema = doc.components.schemas[schemaName] as Record<string, unknown>;
    const profile = schema['x-model-profile'] as ModelProfile | undefined;
    if (!profile) throw new Error(`${schemaName} (model ${id}) has no x-model-profile`);
    return { id: id as ModelId, schemaName, schema, profile };
  });
}

let byId: Map<string, ModelEntry> | undefined;

/** The spec's entry for a model id, or undefined when the spec does not describe it. */
export function modelEntry(id: unknown): ModelEntry | undefined {
  byId ??= new Map(modelEntries().map((entry) => [entry.id, entry]));
  // A value that is not a model id (any type) is simply not a key.
  return byId.get(id as string);
}

/** The schema's `default` of each top-level property that has one. */
export function modelDefaults(entry: ModelEntry): Record<string, unknown> {
  const properties = (entry.schema.properties ?? {}) as Record<string, { default?: unknown }>;
  const out: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    if (property.default !== undefined) out[name] = property.default;
  }
  return out;
}

const lookupKey = (by: string[], body: Record<string, unknown>) => by.map((f) => String(body[f])).join(',');

function lookup(table: PriceLookup, body: Record<string, unknown>, what: string): number {
  const value = table.values[lookupKey(table.by, body)];
  if (value === undefined)
    throw new Error(`No ${what} for ${table.by.join(', ')} = ${lookupKey(table.by, body)}`);
  return value;
}

/**
 * The price in UC of a validated body (defaults filled in): the base (`table_uc`, else `rate_uc` ×
 * the quantity fields) times each factor, rounded half up, at least `minimum_uc`.
 */
export function priceUc(formula: PriceFormula, body: Record<string, unknown>): number {
  let base: number;
  if (formula.table_uc) base = lookup(formula.table_uc, body, 'price');
  else {
    base = formula.rate_uc ?? 0;
    for (const field of formula.quantity ?? []) base *= Number(body[field] ?? 1);
  }
  for (const factor of formula.factors ?? []) base *= lookup(factor, body, 'price factor');
  // toFixed(6) first: 17784 × 5 × 0.46 is 40903.2000…01 in binary, and half up must see 40903.2.
  const rounded = Math.round(Number(base.toFixed(6)));
  return Math.max(rounded, formula.minimum_uc ?? 0);
}
