// Shared pieces of the property-based tests: run counts sized for a 2-core machine, the seed, and
// validators compiled from the spec (independent of the ones the mock itself uses).
import { spec } from '@videotask/spec';
import { createSpecValidator, deref } from '@videotask/spec/validator';
import type fc from 'fast-check';

/**
 * Runs per property: `FC_RUNS` overrides (e.g. FC_RUNS=5000 for a long local session). A failure
 * prints fast-check's seed and path; `FC_SEED=<seed>` (and `FC_PATH=<path>`) replays it exactly.
 */
export function fcParameters(defaultRuns: number): fc.Parameters<unknown> {
  const parameters: fc.Parameters<unknown> = {
    numRuns: Number(process.env.FC_RUNS ?? defaultRuns),
  };
  if (process.env.FC_SEED) parameters.seed = Number(process.env.FC_SEED);
  if (process.env.FC_PATH) parameters.path = process.env.FC_PATH;
  return parameters;
}

/** Validators without defaults (they never change the value they check). */
export const specValidator = createSpecValidator({ allErrors: true });
export const errorEnvelope = specValidator.schema('ErrorResponse');
export const videoTask = specValidator.schema('VideoTask');
export const createBodySchema = specValidator.requestBody('createVideoGeneration').schema;

/** The schema of a parameter of an operation, from the spec. */
export function parameterSchema(operationId: string, name: string): unknown {
  const { operation } = specValidator.operation(operationId);
  for (const ref of (operation.parameters as unknown[] | undefined) ?? []) {
    const param = deref<{ name: string; schema: unknown }>(spec, ref);
    if (param.name === name) return param.schema;
  }
  throw new Error(`No parameter ${name} on ${operationId}`);
}
