// The error an admin answer other than 2xx throws: the API's message, code and status.
import type { components } from '@videotask/spec/admin-types';

type ApiError = components['schemas']['ApiError'];

export class MockAdminError extends Error {
  override readonly name = 'MockAdminError';
  /** The HTTP status of the answer. */
  readonly status: number;
  /** The API's error code (`conflict`, `task_not_found`, …); undefined when the body was not the envelope. */
  readonly code: ApiError['code'] | undefined;
  readonly type: ApiError['type'] | undefined;
  /** The field or parameter at fault, when the API names one. */
  readonly param: string | undefined;

  constructor(status: number, error: Partial<ApiError> | undefined, what: string) {
    super(`${what}: ${error?.message ?? `the mock answered HTTP ${status}`}`);
    this.status = status;
    this.code = error?.code;
    this.type = error?.type;
    this.param = error?.param;
  }
}

/** The `error` object of an answer's body, when it is the API's envelope. */
export function envelopeError(body: unknown): Partial<ApiError> | undefined {
  const error = (body as { error?: unknown } | null | undefined)?.error;
  return error && typeof error === 'object' && typeof (error as ApiError).message === 'string'
    ? (error as ApiError)
    : undefined;
}
