// One error class per meaning, all sharing VideoTaskError. HTTP answers are mapped by status (and by
// `error.code` where the code is more specific than the status); see `errorFromResponse`.
import type { CancelledTask, FailedTask, TaskFailureCode, TaskState, VideoTask } from './types.js';

export interface VideoTaskErrorDetails {
  /** HTTP status of the answer, when there was one. */
  status?: number | undefined;
  /** `error.code`: a string (current envelope) or the HTTP status as an integer (older envelope). */
  code?: string | number | undefined;
  /** `error.type`, e.g. `invalid_request_error`. */
  type?: string | undefined;
  /** `error.param`: the request field at fault (400 answers about the body). */
  param?: string | undefined;
  /** The `x-request-id` response header: quote it when reporting a problem. */
  requestId?: string | undefined;
  /** The parsed answer body (or its text when it was not JSON). */
  body?: unknown;
  /** The answer's headers. */
  headers?: Headers | undefined;
  cause?: unknown;
}

/** The base of every error this package throws. */
export class VideoTaskError extends Error {
  override name = 'VideoTaskError';
  readonly status: number | undefined;
  readonly code: string | number | undefined;
  readonly type: string | undefined;
  readonly param: string | undefined;
  readonly requestId: string | undefined;
  readonly body: unknown;
  readonly headers: Headers | undefined;

  constructor(message: string, details: VideoTaskErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.code = details.code;
    this.type = details.type;
    this.param = details.param;
    this.requestId = details.requestId;
    this.body = details.body;
    this.headers = details.headers;
  }
}

/** 400: a body field breaks a rule (`param` names it), the JSON is malformed, or the task id is malformed. */
export class BadRequestError extends VideoTaskError {
  override name = 'BadRequestError';
}
/** 401: the API key is missing, malformed or unknown. */
export class AuthenticationError extends VideoTaskError {
  override name = 'AuthenticationError';
}
/** 402: not enough credits for this task. Never retried: top up first. */
export class InsufficientQuotaError extends VideoTaskError {
  override name = 'InsufficientQuotaError';
}
/** 403: this API key may not use the model. */
export class PermissionDeniedError extends VideoTaskError {
  override name = 'PermissionDeniedError';
}
/**
 * 403 `model_access_denied` on a create: the API does not serve `model` to this key (retired, or not
 * enabled). `client.listModels()` lists the models it may use; `client.catalog.health()` says which are up.
 */
export class ModelNotServedError extends PermissionDeniedError {
  override name = 'ModelNotServedError';
  readonly model: string;
  constructor(message: string, details: VideoTaskErrorDetails & { model: string }) {
    super(message, details);
    this.model = details.model;
  }
}
/** 404: no task with this id belongs to this API key. */
export class NotFoundError extends VideoTaskError {
  override name = 'NotFoundError';
}
/** 413: the request body is too large. */
export class RequestTooLargeError extends VideoTaskError {
  override name = 'RequestTooLargeError';
}
/** 422 / `idempotency_conflict`: the Idempotency-Key was used before with a different body. */
export class IdempotencyConflictError extends VideoTaskError {
  override name = 'IdempotencyConflictError';
}

/** An error whose answer may say when to try again. */
interface RetryAfterDetails extends VideoTaskErrorDetails {
  retryAfterMs?: number | undefined;
}

/** 429: too many requests, still so after the client's retries. */
export class RateLimitError extends VideoTaskError {
  override name = 'RateLimitError';
  /** From `Retry-After` (seconds or HTTP date), when the answer carried it. */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, details: RetryAfterDetails = {}) {
    super(message, details);
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** 5xx: the server or its upstream provider failed (502/503/504 only after the client's retries). */
export class InternalServerError extends VideoTaskError {
  override name = 'InternalServerError';
  /** From `Retry-After`, when the answer carried it (503 may). */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, details: RetryAfterDetails = {}) {
    super(message, details);
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** No HTTP answer: DNS, refused or reset connection, … (after the client's retries). */
export class APIConnectionError extends VideoTaskError {
  override name = 'APIConnectionError';
  constructor(message = 'Connection error.', details: VideoTaskErrorDetails = {}) {
    super(message, details);
  }
}

/** No HTTP answer within `timeoutMs` (after the client's retries). */
export class APITimeoutError extends APIConnectionError {
  override name = 'APITimeoutError';
  constructor(message = 'Request timed out.', details: VideoTaskErrorDetails = {}) {
    super(message, details);
  }
}

/** An answer this client cannot read: not JSON, not a task, or a task status it does not know. */
export class UnexpectedResponseError extends VideoTaskError {
  override name = 'UnexpectedResponseError';
}

/** The task ended as `failed`; `code` and `message` say why (`request_cancelled` for a cancelled task). */
export class TaskFailedError extends VideoTaskError {
  override name = 'TaskFailedError';
  declare readonly code: TaskFailureCode;
  readonly taskId: string;
  /** The task as the API sent it, extra fields included. */
  readonly task: FailedTask | CancelledTask;
  constructor(task: FailedTask | CancelledTask) {
    const code = task.status === 'cancelled' ? 'request_cancelled' : task.error.code;
    const why = task.error?.message ?? 'The task was cancelled.';
    super(`Task ${task.id} ${task.status === 'cancelled' ? 'was cancelled' : 'failed'}: ${code}: ${why}`, {
      code,
      type: task.error?.type ?? 'task_error',
      body: task,
    });
    this.taskId = task.id;
    this.task = task;
  }
}

/**
 * The task ended as `cancelled`: a status the live API sends though the spec does not list it (the
 * spec's cancel reads `failed` with `request_cancelled`). Its `code` is `request_cancelled`.
 */
export class TaskCancelledError extends TaskFailedError {
  override name = 'TaskCancelledError';
  declare readonly task: CancelledTask;
  constructor(task: CancelledTask) {
    super(task);
  }
}

/**
 * `downloadResult`: the task's result URL no longer answers (403/404/410: result URLs expire
 * 24 hours after the task completes), or the task has no result at that index.
 */
export class ResultExpiredError extends VideoTaskError {
  override name = 'ResultExpiredError';
  readonly taskId: string;
  readonly index: number;
  /** The URL tried; undefined when the task has no result at `index`. */
  readonly url: string | undefined;
  /** When the task was created (`created`). */
  readonly createdAt: Date;
  /**
   * When this client first saw the task completed (the API does not report a completion time);
   * undefined when this task object did not come from this client or a callback parsed here.
   */
  readonly completedAt: Date | undefined;
  constructor(
    task: TaskState,
    details: { index: number; now: number; completedAt?: number | undefined; answer?: Response | undefined },
  ) {
    const { index, now, answer } = details;
    const results = task.status === 'completed' ? task.results : undefined;
    const url = results?.[index];
    const createdAt = new Date(task.created * 1000);
    const completedAt = details.completedAt === undefined ? undefined : new Date(details.completedAt);
    const ago = (at: Date) => `${((now - at.getTime()) / 3_600_000).toFixed(1)} h ago`;
    const when = completedAt
      ? `it completed by ${completedAt.toISOString()} (${ago(completedAt)}, when this client saw it completed)`
      : `it was created at ${createdAt.toISOString()} (${ago(createdAt)}); the API does not say when it completed`;
    const message = answer
      ? `The result ${index} of task ${task.id} is gone (HTTP ${answer.status}): result URLs expire 24 hours after the task completes, and ${when}.`
      : results
        ? `Task ${task.id} has no result ${index} (it has ${results.length}); ${when}.`
        : `Task ${task.id} has no result: it is ${task.status}, not completed.`;
    super(message, { status: answer?.status, headers: answer?.headers, body: task });
    this.taskId = task.id;
    this.index = index;
    this.url = url;
    this.createdAt = createdAt;
    this.completedAt = completedAt;
  }
}

/** `waitForTask` ran out of time; the task may still finish: wait again or rely on the callback. */
export class TaskWaitTimeoutError extends VideoTaskError {
  override name = 'TaskWaitTimeoutError';
  readonly taskId: string;
  readonly timeoutMs: number;
  /** The task as last read. */
  readonly lastTask: VideoTask | undefined;
  constructor(taskId: string, timeoutMs: number, lastTask: VideoTask | undefined) {
    super(
      `Task ${taskId} did not finish within ${timeoutMs} ms` +
        (lastTask ? ` (last seen ${lastTask.status}, ${lastTask.progress}%)` : ''),
      { body: lastTask },
    );
    this.taskId = taskId;
    this.timeoutMs = timeoutMs;
    this.lastTask = lastTask;
  }
}

export type WebhookVerificationFailure =
  | 'missing_headers'
  | 'invalid_timestamp'
  | 'timestamp_too_old'
  | 'timestamp_too_new'
  | 'invalid_signature'
  | 'invalid_secret'
  | 'invalid_payload'
  | 'not_finished';

/** A callback delivery that must not be trusted: bad signature or timestamp, or not a finished task. */
export class WebhookVerificationError extends VideoTaskError {
  override name = 'WebhookVerificationError';
  readonly reason: WebhookVerificationFailure;
  constructor(reason: WebhookVerificationFailure, message: string) {
    super(message);
    this.reason = reason;
  }
}

/** Milliseconds until `Retry-After` (delta seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // An HTTP date names its weekday and month; anything else (like "-1") is unreadable.
  const date = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

type ErrorClass = new (message: string, details: RetryAfterDetails) => VideoTaskError;

const BY_CODE: Record<string, ErrorClass> = {
  idempotency_conflict: IdempotencyConflictError,
  insufficient_quota: InsufficientQuotaError,
};

function classForStatus(status: number): ErrorClass {
  switch (status) {
    case 400:
      return BadRequestError;
    case 401:
      return AuthenticationError;
    case 402:
      return InsufficientQuotaError;
    case 403:
      return PermissionDeniedError;
    case 404:
      return NotFoundError;
    case 413:
      return RequestTooLargeError;
    case 422:
      return IdempotencyConflictError;
    case 429:
      return RateLimitError;
    default:
      return status >= 500 ? InternalServerError : VideoTaskError;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The error for an HTTP error answer. `body` is the parsed JSON (or text) of the answer. The class
 * follows the HTTP status; an integer `error.code` (the older envelope) stands in for the status when
 * the HTTP status itself is not an error (a gateway answering 200 with an error envelope).
 */
export function errorFromResponse(response: Response, body: unknown, nowMs = Date.now()): VideoTaskError {
  const envelope = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const rawCode = envelope?.code;
  const code = typeof rawCode === 'string' || typeof rawCode === 'number' ? rawCode : undefined;
  const status =
    response.status < 400 && typeof code === 'number' && code >= 400 && code < 600 ? code : response.status;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const type = str(envelope?.type);
  const param = str(envelope?.param);
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const text = str(envelope?.message) ?? (typeof body === 'string' && body ? body : response.statusText);
  const suggestion = str(envelope?.fallback_suggestion);

  let message = `${status}${typeof code === 'string' ? ` ${code}` : ''}: ${text || 'HTTP error'}`;
  if (param) message += ` (param: ${param})`;
  if (suggestion) message += ` ${suggestion}`;
  if (requestId) message += ` [request id: ${requestId}]`;

  const Class = (typeof code === 'string' ? BY_CODE[code] : undefined) ?? classForStatus(status);
  return new Class(message, {
    status,
    code,
    type,
    param,
    requestId,
    body,
    headers: response.headers,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), nowMs),
  });
}
