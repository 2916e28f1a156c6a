// The API's error codes, each one's HTTP status and type, and the envelope `{error: {code, message, type, param?}}`:
// the vocabulary the core refuses with and every surface answers in, so it sits at the bottom, in the domain.

/** Every error code the mock answers with, its status and the spec's `ApiErrorType`. */
export const ERROR_CODES = {
  invalid_request: { status: 400, type: 'invalid_request_error' },
  invalid_task_id: { status: 400, type: 'invalid_request_error' },
  unauthorized: { status: 401, type: 'authentication_error' },
  insufficient_quota: { status: 402, type: 'insufficient_quota' },
  model_access_denied: { status: 403, type: 'invalid_request_error' },
  forbidden: { status: 403, type: 'invalid_request_error' },
  not_found: { status: 404, type: 'invalid_request_error' },
  task_not_found: { status: 404, type: 'invalid_request_error' },
  method_not_allowed: { status: 405, type: 'invalid_request_error' },
  conflict: { status: 409, type: 'invalid_request_error' },
  request_too_large: { status: 413, type: 'request_too_large_error' },
  idempotency_conflict: { status: 422, type: 'invalid_request_error' },
  rate_limit_exceeded: { status: 429, type: 'rate_limit_error' },
  internal_error: { status: 500, type: 'api_error' },
  upstream_error: { status: 502, type: 'upstream_error' },
  service_unavailable: { status: 503, type: 'service_unavailable_error' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; type: string; param?: string };
}

export function errorBody(code: ErrorCode, message: string, param?: string): ErrorBody {
  const error: ErrorBody['error'] = { code, message, type: ERROR_CODES[code].type };
  if (param !== undefined) error.param = param;
  return { error };
}

/** The code an injected fault of this status answers with. */
/** What a create that the credits do not cover is told (the fixtures' 402 says the same). */
export function insufficientQuotaMessage(need: number, left: number): string {
  return `This task needs ${need} credits; ${left} remain.`;
}

export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 429:
      return 'rate_limit_exceeded';
    case 502:
      return 'upstream_error';
    case 503:
      return 'service_unavailable';
    default:
      return 'internal_error';
  }
}

export const DEFAULT_MESSAGES: Partial<Record<ErrorCode, string>> = {
  unauthorized: 'Missing or invalid API key. Send Authorization: Bearer <API_KEY>.',
  rate_limit_exceeded: 'Too many requests; retry after the time in Retry-After.',
  internal_error: 'Internal server error.',
  upstream_error: 'The upstream provider did not answer.',
  service_unavailable: 'The service is temporarily unavailable.',
};
