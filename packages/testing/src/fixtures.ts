// The mock's seeded fixtures, typed with the spec's generated types (the client's): one implementation, spec-typed.
import type {
  ApiErrorBody,
  ErrorResponse,
  ModelRequest,
  TaskFailureCode,
  TaskStatus,
  VideoModel,
  VideoTask,
} from '@videotask/client';
import * as fixtures from '@videotask/mock-server/fixtures';

export type FixtureSeed = fixtures.FixtureSeed;
export type FakeTaskOptions = fixtures.FakeTaskOptions;
export type FakeCreateRequestOptions = fixtures.FakeCreateRequestOptions;
export { FIXTURE_NOW, FixtureError } from '@videotask/mock-server/fixtures';

/** The task of one status. */
export type TaskOfStatus<S extends TaskStatus> = Extract<VideoTask, { status: S }>;

/** Top-level fields replace the drawn ones; `task_info`, `usage` and `error` merge into them. */
export interface FakeTaskOverrides<S extends TaskStatus = TaskStatus> {
  status?: S;
  id?: string;
  created?: number;
  progress?: number;
  model?: string;
  object?: VideoTask['object'];
  type?: VideoTask['type'];
  results?: string[];
  task_info?: Partial<NonNullable<VideoTask['task_info']>>;
  usage?: Partial<NonNullable<VideoTask['usage']>>;
  error?: { code?: TaskFailureCode; message?: string };
}

/**
 * A realistic task as GET /v1/tasks/{task_id} returns it, in `overrides.status` (or a random status).
 * Checked against the spec; an override that makes it invalid throws FixtureError.
 */
export function fakeTask<S extends TaskStatus = TaskStatus>(
  overrides?: FakeTaskOverrides<S>,
  options?: FakeTaskOptions,
): TaskOfStatus<S> {
  return fixtures.fakeTask(overrides as fixtures.FakeTaskOverrides, options) as unknown as TaskOfStatus<S>;
}

/**
 * A realistic create body for `options.model` (or for the overridden `model`; default: a model drawn
 * from the spec), typed as that model's body; an `undefined` override removes a field.
 */
export function fakeCreateRequest<M extends VideoModel = VideoModel>(
  overrides?: Partial<ModelRequest<M>> & { model?: M },
  options?: FakeCreateRequestOptions & { model?: M },
): ModelRequest<M> {
  return fixtures.fakeCreateRequest(overrides as Partial<fixtures.FakeCreateRequest>, options) as never;
}

/** An error body as the API sends it with HTTP `status`; `code` must be one it sends with that status. */
export function fakeError(
  status: number,
  code?: Extract<ApiErrorBody['code'], string>,
  options?: { seed?: FixtureSeed },
): ErrorResponse {
  return fixtures.fakeError(status, code as fixtures.ErrorCode | undefined, options) as ErrorResponse;
}
