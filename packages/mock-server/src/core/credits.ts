// Credit balances: a key's balance (GET /v1/credits) and setting it (the admin API, the controller).
import { MAX_CREDITS, toUc } from '../domain/prices.js';
import { type CreditsJson, creditsJson } from '../store/billing.js';
import type { CoreContext } from './context.js';
import { ok, type Result, refuse } from './result.js';

export async function credits(core: CoreContext, apiKey: string): Promise<CreditsJson> {
  return creditsJson(await core.store.account(apiKey, core.now()));
}

/** Sets a key's balance, 0 to MAX_CREDITS. */
export async function setCredits(
  core: CoreContext,
  apiKey: string,
  credits: number,
): Promise<Result<CreditsJson>> {
  if (!apiKey) return refuse('invalid_request', 'apiKey must be a non-empty string', 'apiKey');
  if (!Number.isFinite(credits) || credits < 0 || credits > MAX_CREDITS)
    return refuse('invalid_request', `credits must be a number from 0 to ${MAX_CREDITS}`, 'credits');
  return ok(creditsJson(await core.store.setRemaining(apiKey, toUc(credits), core.now())));
}
