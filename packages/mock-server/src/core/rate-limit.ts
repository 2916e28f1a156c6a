// The per-key rate limit a public request passes first (when the mock is started with one).
import type { CoreContext } from './context.js';
import { ok, type Result, refuse } from './result.js';

/** The key, or a 429 refusal saying how many seconds to wait. */
export async function admit(core: CoreContext, apiKey: string): Promise<Result<string>> {
  const { rateLimit } = core.options;
  if (rateLimit === null) return ok(apiKey);
  const wait = await core.store.takeRateToken(apiKey, rateLimit, core.now());
  if (!wait) return ok(apiKey);
  const message = `Too many requests; retry after ${wait} second${wait === 1 ? '' : 's'}.`;
  return { ...refuse('rate_limit_exceeded', message), retryAfter: wait };
}
