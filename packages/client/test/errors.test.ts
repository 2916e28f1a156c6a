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
  ModelNotServedError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestTooLargeError,
  ResultExpiredError,
  TaskCancelledError,
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

describe('the message and fields of an error answer', () => {
  const from = (status: number, body: unknown, headers: Record<string, string> = {}, statusText = '') =>
    errorFromResponse(
      new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, statusText, headers }),
      body,
    );

  test('status, string code, message, then param, suggestion and request id, each only when present', () => {
    const full = from(
      404,
      {
        error: {
          code: 'task_not_found',
          message: 'No such task',
          param: 'id',
          fallback_suggestion: 'Check it.',
        },
      },
      { 'x-request-id': 'req_9' },
    );
    expect(full.message).toBe('404 task_not_found: No such task (param: id) Check it. [request id: req_9]');
    expect(from(404, { error: { code: 'task_not_found', message: 'No such task' } }).message).toBe(
      '404 task_not_found: No such task',
    );
    expect(from(400, { error: { code: 400, message: 'Invalid prompt' } }).message).toBe(
      '400: Invalid prompt',
    );
  });

  test('without an envelope message: the text body, else the status text, else "HTTP error"', () => {
    expect(from(502, 'upstream down', {}, 'Bad Gateway').message).toBe('502: upstream down');
    expect(from(502, '', {}, 'Bad Gateway').message).toBe('502: Bad Gateway');
    expect(from(502, { detail: 'x' }, {}, 'Bad Gateway').message).toBe('502: Bad Gateway');
    expect(from(418, { error: { code: 'teapot' } }).message).toBe('418 teapot: HTTP error');
  });

  test('fields of the wrong type are left out, not passed on', () => {
    const error = from(
      400,
      { error: { code: { nested: true }, message: 7, type: 1, param: ['prompt'] } },
      {},
      'Bad',
    );
    expect(error).toMatchObject({ status: 400, code: undefined, type: undefined, param: undefined });
    expect(error.message).toBe('400: Bad');
    expect(from(400, { error: { code: true } }).code).toBeUndefined();
    expect(from(400, { error: ['invalid_request'] }).code).toBeUndefined();
  });

  test('a body that is null or not an object has no envelope', () => {
    expect(from(500, null, {}, 'Internal Server Error')).toMatchObject({ status: 500, code: undefined });
    expect(from(500, null, {}, 'Internal Server Error').message).toBe('500: Internal Server Error');
  });

  test('an integer code replaces the status only when the status is not an error and the code is 400–599', () => {
    const status = (http: number, code: number) => from(http, { error: { code, message: 'm' } }).status;
    expect(status(200, 400)).toBe(400);
    expect(status(200, 599)).toBe(599);
    expect(status(399, 404)).toBe(404);
    expect(status(200, 399)).toBe(200);
    expect(status(200, 600)).toBe(200);
    expect(status(400, 402)).toBe(400);
    expect(status(503, 429)).toBe(503);
    expect(from(200, { error: { code: '402', message: 'm' } }).status).toBe(200);
    expect(from(200, { error: { code: 599, message: 'm' } })).toBeInstanceOf(InternalServerError);
  });

  test('422 is an IdempotencyConflictError whatever its code says', () => {
    expect(from(422, { error: { code: 'unprocessable', message: 'm' } })).toBeInstanceOf(
      IdempotencyConflictError,
    );
    expect(from(422, 'no envelope')).toBeInstanceOf(IdempotencyConflictError);
  });
});

describe('parseRetryAfter formats', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  test('fractions of a second of any precision; nothing around the number', () => {
    expect(parseRetryAfter('1.25', now)).toBe(1250);
    expect(parseRetryAfter('0.001', now)).toBe(1);
    for (const value of ['1.', '.5', '1,5', '2s', '3 4']) expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});

describe('every class', () => {
  test('has its own name and, for connection errors, a default message', () => {
    const instances: Array<[VideoTaskError, string]> = [
      [new VideoTaskError('x'), 'VideoTaskError'],
      [new ModelNotServedError('x', { model: 'sora-2' }), 'ModelNotServedError'],
      [new APIConnectionError(), 'APIConnectionError'],
      [new APITimeoutError(), 'APITimeoutError'],
      [new UnexpectedResponseError('x'), 'UnexpectedResponseError'],
      [new TaskFailedError(failedTask as never), 'TaskFailedError'],
      [
        new TaskCancelledError({ ...failedTask, status: 'cancelled', error: undefined } as never),
        'TaskCancelledError',
      ],
      [new ResultExpiredError(failedTask as never, { index: 0, now: 0 }), 'ResultExpiredError'],
      [new TaskWaitTimeoutError('t', 1, undefined), 'TaskWaitTimeoutError'],
    ];
    for (const [error, name] of instances) expect(error.name).toBe(name);
    expect(new APIConnectionError().message).toBe('Connection error.');
    expect(new APITimeoutError().message).toBe('Request timed out.');
    expect(new ModelNotServedError('x', { model: 'sora-2' }).model).toBe('sora-2');
  });

  test('carries a cause only when one was given', () => {
    const cause = new TypeError('fetch failed');
    expect(new APIConnectionError('x', { cause }).cause).toBe(cause);
    expect('cause' in new APIConnectionError('x')).toBe(false);
  });
});

describe('task errors', () => {
  test("TaskFailedError: the message names how the task ended; the type is the task's, else task_error", () => {
    const failed = new TaskFailedError(failedTask as never);
    expect(failed.message).toBe(
      `Task ${failedTask.id} failed: content_policy_violation: ${failedTask.error.message}`,
    );
    const upstream = {
      ...failedTask,
      error: { code: 'upstream_error', message: 'down', type: 'upstream_error' },
    };
    expect(new TaskFailedError(upstream as never).type).toBe('upstream_error');
    const cancelled = new TaskCancelledError({
      ...failedTask,
      status: 'cancelled',
      error: undefined,
    } as never);
    expect(cancelled.message).toBe(
      `Task ${failedTask.id} was cancelled: request_cancelled: The task was cancelled.`,
    );
    expect(cancelled).toMatchObject({ code: 'request_cancelled', type: 'task_error' });
  });

  test('TaskWaitTimeoutError: the last state seen, when there was one, in the message and the body', () => {
    const seen = new TaskWaitTimeoutError('task-1', 1000, pendingTask as never);
    expect(seen.message).toBe(
      `Task task-1 did not finish within 1000 ms (last seen pending, ${pendingTask.progress}%)`,
    );
    expect(seen.body).toBe(pendingTask);
    const never = new TaskWaitTimeoutError('task-1', 1000, undefined);
    expect(never.message).toBe('Task task-1 did not finish within 1000 ms');
    expect(never.body).toBeUndefined();
  });

  test('ResultExpiredError: a task that is not completed has no result, even one that carries results', () => {
    const error = new ResultExpiredError({ ...failedTask, results: ['https://x.test/a.mp4'] } as never, {
      index: 0,
      now: 0,
    });
    expect(error.message).toBe(`Task ${failedTask.id} has no result: it is failed, not completed.`);
    expect(error.url).toBeUndefined();
  });
});
