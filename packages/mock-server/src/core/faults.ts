// Injected faults: checking a fault before it is kept, and taking the next one that applies to a public
// request (after its delay) as a refusal the adapters answer like any other. The list is in the store.
import { codeForStatus } from '../domain/errors.js';
import { FAULT_STATUSES, type Fault, type FaultSpec } from '../store/faults.js';
import type { CoreContext } from './context.js';
import { ok, type Refusal, type Result, refuse } from './result.js';

/** The next injected fault for `path` (after its delay), as a refusal; undefined when none applies. */
export async function injectedFault(core: CoreContext, path: string): Promise<Refusal | undefined> {
  if (!core.store.mayHaveFaults) return undefined;
  const fault = await core.store.takeFault(path);
  if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  if (!fault?.status) return undefined;
  core.options.logger?.(`${path}: injected fault ${fault.status}`);
  const refusal: Refusal = { ...refuse(codeForStatus(fault.status), ''), injected: true };
  if (fault.status !== 500) refusal.retryAfter = fault.retryAfter ?? 1;
  return refusal;
}

export async function addFault(core: CoreContext, spec: FaultSpec): Promise<Result<Fault>> {
  const problem = faultProblem(spec);
  if (problem) return problem;
  return ok(await core.store.addFault(spec));
}

/** What is wrong with a fault, beyond its fields' types. */
function faultProblem(spec: FaultSpec): Refusal | undefined {
  if (spec.status !== undefined && !FAULT_STATUSES.includes(spec.status)) {
    return refuse('invalid_request', `status must be one of: ${FAULT_STATUSES.join(', ')}`, 'status');
  }
  for (const field of ['count', 'delayMs', 'retryAfter'] as const) {
    const value = spec[field];
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
      return refuse('invalid_request', `${field} must be an integer >= 0`, field);
    }
  }
  if (spec.count === 0) return refuse('invalid_request', 'count must be at least 1', 'count');
  if ((spec.delayMs ?? 0) > 120_000)
    return refuse('invalid_request', 'delayMs must be at most 120000', 'delayMs');
  if (spec.path !== undefined && (typeof spec.path !== 'string' || !spec.path.startsWith('/'))) {
    return refuse('invalid_request', 'path must be a path prefix starting with /', 'path');
  }
  if (spec.status === undefined && !spec.delayMs) {
    return refuse('invalid_request', 'A fault needs a status, a delayMs, or both.', 'status');
  }
  return undefined;
}
