// @videotask/client: a typed client for EvoLink's video task API (every model of the spec), on openapi-fetch.

export { taskFailureCodeValues, taskStatusValues } from '@videotask/spec/types';
export {
  type CallbackHeaders,
  confirmCallback,
  DEFAULT_TOLERANCE_SECONDS,
  type EndedTask,
  type HeadersLike,
  parseCallback,
  type RawBody,
  signCallback,
  type TaskReader,
  type VerifyCallbackOptions,
  verifyCallback,
} from './callbacks.js';
export type { CatalogClient, CatalogClientOptions, CatalogReadOptions } from './catalog.js';
export {
  API_KEY_ENV,
  BASE_URL_ENV,
  type CreateVideoAndWaitOptions,
  type CreateVideoOptions,
  createCatalogClient,
  createVideoTaskClient,
  DEFAULT_BASE_URL,
  DEFAULT_TIMEOUT_MS,
  type RawClient,
  type RequestOptions,
  TASK_BATCH_SIZE,
  type VideoTaskClient,
  type VideoTaskClientOptions,
} from './client.js';
export type { DownloadResultOptions } from './download.js';
export {
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
  type VideoTaskErrorDetails,
  WebhookVerificationError,
  type WebhookVerificationFailure,
} from './errors.js';
export {
  type CallbackReceipt,
  type CallbackReceiverOptions,
  createCallbackReceiver,
  memorySeenWebhookIds,
  type SeenWebhookIds,
} from './receiver.js';
export { type FetchLike, RETRYABLE_STATUSES } from './retry.js';
export type { Clock } from './timing.js';
export type * from './types.js';
export { VERSION } from './version.js';
export type { WaitForTaskOptions } from './wait.js';
