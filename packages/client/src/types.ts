// Every public type is a name for a shape generated from the spec (@videotask/spec/types); nothing here re-types it.
import type { components, operations, paths } from '@videotask/spec/types';

export type { components, operations, paths };

type Schemas = components['schemas'];

/** The body of `POST /v1/videos/generations`: one shape per model, narrowed by its `model` literal. */
export type VideoGenerationRequest = Schemas['VideoGenerationRequest'];
/** A model id the spec describes (`sora-2`, `seedance-1.5-pro`, …). */
export type VideoModel = VideoGenerationRequest['model'];
/** The create body of one model, e.g. `ModelRequest<'MiniMax-Hailuo-2.3'>`. */
export type ModelRequest<M extends VideoModel> = Extract<VideoGenerationRequest, { model: M }>;
/** A task in any state; narrow it on `status`. */
export type VideoTask = Schemas['VideoTask'];
export type PendingTask = Schemas['PendingTask'];
export type ProcessingTask = Schemas['ProcessingTask'];
/** A finished task with `results` (the video URLs, valid for 24 hours). */
export type CompletedTask = Schemas['CompletedTask'];
/** A finished task with `error` (why it failed; a cancelled task fails with `request_cancelled`). */
export type FailedTask = Schemas['FailedTask'];
/** What a callback delivers: a completed or a failed task. */
export type FinishedTask = Schemas['FinishedTask'];
/**
 * A task the live API reports as `cancelled`: a status the spec does not list (a cancel is documented
 * as `failed` / `request_cancelled`), so the shape is the failed task's, with `error` optional.
 */
export type CancelledTask = Omit<FailedTask, 'status' | 'error'> & { status: 'cancelled'; error?: TaskError };
/** A task as `getTask` may return it: any state the spec lists, or `cancelled`. */
export type TaskState = VideoTask | CancelledTask;
export type TaskStatus = Schemas['TaskStatus'];
export type TaskFailureCode = Schemas['TaskFailureCode'];
export type TaskError = Schemas['TaskError'];
export type TaskInfo = Schemas['TaskInfo'];
export type TaskUsage = Schemas['TaskUsage'];
/** The query of `GET /v1/tasks`: `page`, `page_size`, `status`, `model`, `type`. */
export type ListTasksQuery = NonNullable<operations['listTasks']['parameters']['query']>;
/** One page of the caller's tasks: `{ data, total, page, page_size }`. */
export type TaskList = Schemas['TaskList'];
/** The answer of `GET /v1/models`: the models this key may use. */
export type ModelList = Schemas['ModelList'];
/** The answer of `GET /v1/catalog/models`: every model the API describes. */
export type CatalogModels = Schemas['CatalogModels'];
/** The answer of `GET /v1/catalog/health`: each model's state. */
export type CatalogHealth = Schemas['CatalogHealth'];
export type ModelState = Schemas['ModelState'];
/** The answer of `GET /v1/credits`. */
export type CreditsResponse = Schemas['CreditsResponse'];
/** The `error` object of an HTTP error answer; `code` is a string, or the HTTP status in the older form. */
export type ApiErrorBody = Schemas['ApiError'];
export type ApiErrorType = Schemas['ApiErrorType'];
/** The envelope of every HTTP error answer: `{ error: ApiErrorBody }`. */
export type ErrorResponse = Schemas['ErrorResponse'];
