// HTTP error answers become one class per meaning, whichever envelope form the server used.
import { describe, expect, test } from 'vitest';
import { errorFromResponse, parseRetryAfter } from '../src/errors.js';
import {
  APIConnectionError,
  APITimeoutError,
  AuthenticationError,
  BadRequestError,
  IdempotencyConflictError,
  InsufficientQuotaError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestTooLargeError,
  TaskFailedError,
  TaskWaitTimeoutError,
  UnexpectedResponseError,
  VideoTaskError,
  WebhookVerificationError,
} from '../src/index.js';
import { failedTask, pendingTask } from './helpers.js';

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers });
}

describe('errorFromResponse', () => {
  const cases = [
    [400, 'invalid_request', 'invalid_request_error', BadRequestError],
    [401, 'unauthorized', 'authentication_error', AuthenticationError],
    [402, 'insufficient_quota', 'insufficient_quota', InsufficientQuotaError],
    [403, 'model_access_denied', 'invalid_request_error', PermissionDeniedError],
    [404, 'task_not_found', 'invalid_request_error', NotFoundError],
    [413, 'request_too_large', 'request_too_large_error', RequestTooLargeError],
    [422, 'idempotency_conflict', 'invalid_request_error', IdempotencyConflictError],
    [429, 'rate_limit_exceeded', 'rate_limit_error', RateLimitError],
    [500, 'internal_error', 'api_error', InternalServerError],
    [502, 'upstream_error', 'upstream_error', InternalServerError],
    [503, 'service_unavailable', 'service_unavailable_error', InternalServerError],
  ] as const;

  test.each(cases)('%i %s → its class, with every detail', (status, code, type, Class) => {
    const error = errorFromResponse(
      answer(
        status,
        { error: { code, message: 'what went wrong', type, param: 'prompt' } },
        { 'x-request-id': 'req_1' },
      ),
      { error: { code, message: 'what went wrong', type, param: 'prompt' } },
    );
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(VideoTaskError);
    expect(error.name).toBe(Class.name);
    expect(error).toMatchObject({ status, code, type, param: 'prompt', requestId: 'req_1' });
    expect(error.body).toEqual({ error: { code, message: 'what went wrong', type, param: 'prompt' } });
    expect(error.message).toContain('what went wrong');
    expect(error.message).toContain('req_1');
  });

  test('the older envelope: integer code, fallback_suggestion', () => {
    const body = {
      error: {
        code: 400,
        message: 'Invalid prompt',
        type: 'invalid_request_error',
        param: 'prompt',
        fallback_suggestion: 'Shorten the prompt to at most 1000 characters.',
      },
    };
    const error = errorFromResponse(answer(400, body), body);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, code: 400, param: 'prompt' });
    expect(error.message).toContain('Shorten the prompt');
  });

  test('an integer code stands in for a non-error HTTP status (gateway answering 200)', () => {
    const body = { error: { code: 402, message: 'no credits', type: 'insufficient_quota' } };
    const error = errorFromResponse(answer(200, body), body);
    expect(error).toBeInstanceOf(InsufficientQuotaError);
    expect(error.status).toBe(402);
  });

  test('a string code more specific than the status decides the class', () => {
    const body = {
      error: { code: 'idempotency_conflict', message: 'reused key', type: 'invalid_request_error' },
    };
    expect(errorFromResponse(answer(409, body), body)).toBeInstanceOf(IdempotencyConflictError);
  });

  test('Retry-After reaches RateLimitError and InternalServerError', () => {
    const body = { error: { code: 'rate_limit_exceeded', message: 'slow down', type: 'rate_limit_error' } };
    const rate = errorFromResponse(answer(429, body, { 'retry-after': '3' }), body) as RateLimitError;
    expect(rate.retryAfterMs).toBe(3000);
    const down = errorFromResponse(
      answer(503, 'busy', { 'retry-after': '1' }),
      'busy',
    ) as InternalServerError;
    expect(down).toBeInstanceOf(InternalServerError);
    expect(down.retryAfterMs).toBe(1000);
    expect(down.message).toContain('busy');
  });

  test('an unlisted status is a plain VideoTaskError; a non-JSON body is kept as text', () => {
    const error = errorFromResponse(answer(418, 'teapot'), 'teapot');
    expect(error.constructor).toBe(VideoTaskError);
    expect(error).toMatchObject({ status: 418, code: undefined, body: 'teapot' });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  test('delta seconds', () => {
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
  });
  test('HTTP date', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
  });
  test('absent or unreadable', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-1', now)).toBeUndefined();
  });
});

describe('the other classes', () => {
  test('TaskFailedError carries the failure code, message and task', () => {
    const error = new TaskFailedError(failedTask as never);
    expect(error).toBeInstanceOf(VideoTaskError);
    expect(error).toMatchObject({
      code: 'content_policy_violation',
      taskId: failedTask.id,
      task: failedTask,
    });
    expect(error.message).toContain(failedTask.error.message);
    expect(error.message).toContain(failedTask.id);
  });
  test('TaskWaitTimeoutError names the task', () => {
    const error = new TaskWaitTimeoutError(pendingTask.id, 1000, pendingTask as never);
    expect(error.message).toContain(pendingTask.id);
    expect(error).toMatchObject({ taskId: pendingTask.id, timeoutMs: 1000, lastTask: pendingTask });
  });
  test('connection, timeout, unexpected and webhook errors share the base', () => {
    expect(new APITimeoutError()).toBeInstanceOf(APIConnectionError);
    expect(new APIConnectionError()).toBeInstanceOf(VideoTaskError);
    expect(new UnexpectedResponseError('x')).toBeInstanceOf(VideoTaskError);
    const hook = new WebhookVerificationError('invalid_signature', 'nope');
    expect(hook).toBeInstanceOf(VideoTaskError);
    expect(hook.reason).toBe('invalid_signature');
    expect(hook.name).toBe('WebhookVerificationError');
  });
});
