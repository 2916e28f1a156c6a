// Which models the target serves today: its public health read (free, no key) and GET /v1/models (the
// key's list). A model it does not serve is reported as a skip with the reason, never as a failure.
import { type ModelEntry, modelDefaults, modelEntries, priceUc, UC_PER_CREDIT } from '@videotask/spec';

export interface ServedModels {
  /** Model id → the target's status for it (`available`, `degraded`, …), for the models this key may use. */
  served: Record<string, string>;
  /** Why the models could not be read (then every model counts as served and the tests say so when they fail). */
  unreadable?: string;
}

/** Reads the target's health and model list; never throws (a target without these reads is reported). */
export async function readServedModels(
  baseUrl: string,
  apiKey: string,
  timeoutMs = 10_000,
): Promise<ServedModels> {
  try {
    const signal = AbortSignal.timeout(timeoutMs);
    const [health, list] = await Promise.all([
      fetch(`${baseUrl}/v1/catalog/health`, { signal }),
      fetch(`${baseUrl}/v1/models`, { signal, headers: { authorization: `Bearer ${apiKey}` } }),
    ]);
    if (!health.ok || !list.ok) throw new Error(`health ${health.status}, models ${list.status}`);
    const status = new Map(
      ((await health.json()) as { models: { model_id: string; status: string }[] }).models.map((m) => [
        m.model_id,
        m.status,
      ]),
    );
    const served: Record<string, string> = {};
    for (const { id } of ((await list.json()) as { data: { id: string }[] }).data) {
      served[id] = status.get(id) ?? 'available';
    }
    return { served };
  } catch (error) {
    const served = Object.fromEntries(modelEntries().map((entry) => [entry.id, 'unknown']));
    return { served, unreadable: `could not read the served models: ${(error as Error).message}` };
  }
}

/** Why a test of `model` cannot run on this target, or undefined when the target serves it. */
export function notServedReason(models: ServedModels, model: string, targetName: string): string | undefined {
  const status = models.served[model];
  if (status === undefined)
    return `${model} is not served by ${targetName} today (absent from GET /v1/models)`;
  if (status === 'unavailable' || status === 'retired') return `${model} is ${status} on ${targetName}`;
  return undefined;
}

/** A model's price in credits for a body, defaults filled in, by its profile's formula. */
export function priceCredits(entry: ModelEntry, body: Record<string, unknown>): number {
  return priceUc(entry.profile.price, { ...modelDefaults(entry), ...body }) / UC_PER_CREDIT;
}

/** The served model whose minimal task costs least, and that price; undefined when none is served. */
export function cheapestServed(
  models: ServedModels,
  minimalBody: (entry: ModelEntry) => Record<string, unknown>,
): { entry: ModelEntry; credits: number } | undefined {
  let best: { entry: ModelEntry; credits: number } | undefined;
  for (const entry of modelEntries()) {
    const status = models.served[entry.id];
    if (status === undefined || status === 'unavailable' || status === 'retired') continue;
    const credits = priceCredits(entry, minimalBody(entry));
    if (!best || credits < best.credits) best = { entry, credits };
  }
  return best;
}
