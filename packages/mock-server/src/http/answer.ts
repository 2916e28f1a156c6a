// The HTTP side of the core: Responses with an x-request-id each, and the ONE mapping from the core's
// refusals to the API's error envelope (status, Retry-After, the injected-fault marker).
import type { MockCore } from '../core/commands.js';
import type { Refusal, Result } from '../core/result.js';
import { createRandom } from '../domain/random.js';
import { createResponder, type Responder } from './respond.js';

/** What every route adapter gets: the core, and ways to answer. */
export interface Http extends Responder {
  core: MockCore;
  /** A refusal in the envelope. */
  refused(refusal: Refusal): Response;
  /** A result: its value as JSON (or through `onOk`), or its refusal. */
  answer<T>(result: Result<T>, onOk?: (value: T) => Response): Response;
}

/** Marks an answer that is an injected fault (`injected`) or a chaos profile's (`chaos:<profile>`), so a test can tell it from the mock's own 5xx. */
export const INJECTED_FAULT_HEADER = 'x-mock-fault';

export function createHttp(core: MockCore): Http {
  // Seeded: a seeded mock answers with the same request ids run after run.
  const prefix = `req_${createRandom(`${core.options.seed}:requests`).base36(6)}_`;
  let count = 0;
  const responder = createResponder(() => prefix + (++count).toString(36));
  const refused = (refusal: Refusal): Response => {
    let headers: Record<string, string> | undefined;
    if (refusal.retryAfter !== undefined || refusal.injected || refusal.chaos) {
      headers = {};
      if (refusal.retryAfter !== undefined) headers['retry-after'] = String(refusal.retryAfter);
      if (refusal.injected) headers[INJECTED_FAULT_HEADER] = 'injected';
      if (refusal.chaos) headers[INJECTED_FAULT_HEADER] = `chaos:${refusal.chaos}`;
    }
    return responder.fail(refusal.code, refusal.message || undefined, refusal.param, headers);
  };
  return {
    ...responder,
    core,
    refused,
    answer: (result, onOk) => {
      if (!result.ok) return refused(result);
      return onOk ? onOk(result.value) : responder.json(result.value);
    },
  };
}
