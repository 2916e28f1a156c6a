// Fixtures taken from the spec's named examples: a valid task of each state, a credits answer, error bodies.
import { type Examples, example } from '@videotask/spec';

/** The id every task fixture carries (the spec examples' task). */
export const TASK_ID: string = example('PendingTask').id;

/** A valid task of each state, as openapi.yaml's examples show it: a fresh copy on every call. */
export const pendingTask = (): Examples['PendingTask'] => example('PendingTask');
export const processingTask = (): Examples['ProcessingTask'] => example('ProcessingTask');
export const completedTask = (): Examples['CompletedTask'] => example('CompletedTask');
/** Failed with content_policy_violation. */
export const failedTask = (): Examples['FailedTask'] => example('FailedTask');
/** Failed with request_cancelled: how the spec describes a cancelled task. */
export const cancelledTask = (): Examples['CancelledTask'] => example('CancelledTask');

/** GET /v1/credits as the spec's example answers it. */
export const creditsResponse = (): Examples['Credits'] => example('Credits');

/** The names of the spec's error examples, e.g. `TaskNotFoundError`. */
export type ErrorExampleName = Extract<keyof Examples, `${string}Error`>;

/** An error envelope exactly as the spec's named example shows it. */
export const errorBody = (name: ErrorExampleName): Examples[ErrorExampleName] => example(name);
