// The transport: openapi-fetch with precomputed auth + user-agent headers, every attempt through the
// retrying fetch under one deadline signal per call, and the task methods on top that turn answers
// into typed results or errors.

import type { paths } from '@videotask/spec/types';
import type { Client } from 'openapi-fetch';
import * as openapiFetch from 'openapi-fetch';
import { type CatalogClient, type CatalogClientOptions, catalogOver } from './catalog.js';
import { type DownloadResultOptions, downloadResult, noteCompleted } from './download.js';
import { readEnv } from './env.js';
import {
  APIConnectionError,
  errorFromResponse,
  ModelNotServedError,
  PermissionDeniedError,
  UnexpectedResponseError,
  VideoTaskError,
} from './errors.js';
import { createRetryingFetch, DEFAULT_RETRY_POLICY, type FetchLike, type RetryingFetch } from './retry.js';
import { type Clock, callSignal, systemClock } from './timing.js';
import type {
  CompletedTask,
  CreditsResponse,
  ListTasksQuery,
  ModelList,
  TaskList,
  TaskState,
  VideoGenerationRequest,
  VideoTask,
} from './types.js';
import { randomUUID } from './uuid.js';
import { VERSION } from './version.js';
import { pollUntilFinished, type WaitForTaskOptions } from './wait.js';

// openapi-fetch's CommonJS build sets `exports.default`; through Node-style interop (our CJS build)
// the default import is then the module object itself, so reach one level further when needed.
const createClient: typeof openapiFetch.default =
  typeof openapiFetch.default === 'function'
    ? openapiFetch.default
    : (openapiFetch.default as unknown as { default: typeof openapiFetch.default }).default;

/** The production server (the first of the spec's `servers`; test/package.test.ts keeps them equal). */
export const DEFAULT_BASE_URL = 'https://api.evolink.ai';
/** Environment variable read when `apiKey` is not given. */
export const API_KEY_ENV = 'EVOLINK_API_KEY';
/** Environment variable read when `baseUrl` is not given. */
export const BASE_URL_ENV = 'EVOLINK_BASE_URL';
const USER_AGENT = `videotask-client/${VERSION}`;

/** Default `timeoutMs`: the longest one call may take, retries included. */
export const DEFAULT_TIMEOUT_MS = 60_000;

export interface VideoTaskClientOptions {
  /** Sent as `Authorization: Bearer <apiKey>`. Default: the `EVOLINK_API_KEY` environment variable. */
  apiKey?: string;
  /** Default: the `EVOLINK_BASE_URL` environment variable, else `https://api.evolink.ai`. */
  baseUrl?: string;
  /** A fetch implementation (default `globalThis.fetch`); it must honour the request's `signal`. */
  fetch?: FetchLike;
  /**
   * The longest one call may take, in ms: its HTTP attempts, the waits between retries and reading
   * the answer. At the deadline the request in flight is aborted and the call rejects with
   * APITimeoutError. 0 disables. Default 60000.
   */
  timeoutMs?: number;
  /** Retries after a 429/502/503/504 answer or a network error. Default 2; 0 disables. */
  maxRetries?: number;
  /** Extra headers for every request. */
  headers?: Record<string, string>;
  /** Replaces the clock used for retry backoff and polling (tests drive time through it). */
  clock?: Partial<Clock>;
}

export interface RequestOptions {
  /** Aborts the request (and any retry wait); the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Extra headers for this request. */
  headers?: Record<string, string>;
}

export interface CreateVideoOptions extends RequestOptions {
  /**
   * Makes the create safe to repeat: the server answers a replay with the original task. The client
   * makes one (a random UUID) when none is given, and keeps it across its own retries.
   */
  idempotencyKey?: string;
}

export interface CreateVideoAndWaitOptions extends CreateVideoOptions, WaitForTaskOptions {
  /** Called with the created task before waiting starts: store `task.id` to resume after a crash. */
  onCreated?: (task: VideoTask) => void | Promise<void>;
}

/** The openapi-fetch client for every path of the spec, with the same auth, retries and timeout. */
export type RawClient = Client<paths>;

export interface VideoTaskClient {
  /** The resolved base URL. */
  readonly baseUrl: string;
  /** The typed openapi-fetch client underneath (answers come back as `{ data, error, response }`). */
  readonly raw: RawClient;
  /** `POST /v1/videos/generations`: creates a task (returned `pending`). */
  createVideo(body: VideoGenerationRequest, options?: CreateVideoOptions): Promise<VideoTask>;
  /** `GET /v1/tasks/{task_id}`: the task in its current state. */
  getTask(id: string, options?: RequestOptions): Promise<TaskState>;
  /** `GET /v1/credits`: the credit balance. */
  getCredits(options?: RequestOptions): Promise<CreditsResponse>;
  /**
   * `GET /v1/tasks`: one page of this key's tasks, newest first (`page` from 1, `page_size` up to 100;
   * filters `status`, `model`, `type`). Throws UnexpectedResponseError when the answer's `page` or
   * `page_size` is not the one asked for, or its `total` is not a safe integer.
   */
  listTasks(query?: ListTasksQuery, options?: RequestOptions): Promise<TaskList>;
  /** Every task of this key that matches `query`, page after page (each task once, newest first). */
  iterateTasks(query?: Omit<ListTasksQuery, 'page'>, options?: RequestOptions): AsyncGenerator<VideoTask>;
  /**
   * `POST /v1/tasks/batch` in batches of 50: the tasks among `ids` that this key can read, in the
   * order asked; unknown ids and other keys' tasks are simply absent.
   */
  getTasks(ids: readonly string[], options?: RequestOptions): Promise<VideoTask[]>;
  /** `GET /v1/models`: the models this key may use today, each with its current status. */
  listModels(options?: RequestOptions): Promise<ModelList>;
  /** The public catalog and health reads (no key needed; cached by max-age, revalidated by ETag). */
  readonly catalog: CatalogClient;
  /** Polls until the task completes; throws TaskFailedError if it fails, TaskWaitTimeoutError on the deadline. */
  waitForTask(id: string, options?: WaitForTaskOptions): Promise<CompletedTask>;
  /**
   * The video at `task.results[index]` (default 0) as a streaming Response: read `response.body`
   * without buffering it. Retries like every call; `timeoutMs` bounds the wait for the headers.
   * Throws ResultExpiredError when the URL has expired (403/404/410) or there is no such result.
   */
  downloadResult(task: TaskState, options?: DownloadResultOptions): Promise<Response>;
  /** createVideo, then `onCreated(task)`, then waitForTask. */
  createVideoAndWait(
    body: VideoGenerationRequest,
    options?: CreateVideoAndWaitOptions,
  ): Promise<CompletedTask>;
}

function isTaskLike(value: unknown): value is TaskState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { id?: unknown; status?: unknown };
  return typeof v.id === 'string' && typeof v.status === 'string';
}

type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';
const METHODS: readonly HttpMethod[] = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'];

type CallInit = { signal?: AbortSignal | null; fetch?: unknown } | undefined;
type Call = (target: unknown, init?: CallInit) => Promise<unknown>;

/**
 * The openapi-fetch client with one budget per call: every attempt goes through `send` with the
 * call's deadline, and (when `timeoutMs` is set) under one AbortSignal that aborts the exchange with
 * APITimeoutError at the deadline or with the caller's reason. The timer is cleared once the call
 * settles, its answer read.
 */
function withCallBudget(inner: RawClient, send: RetryingFetch, timeoutMs: number, clock: Clock): RawClient {
  const limited = timeoutMs > 0 && Number.isFinite(timeoutMs);
  const budgeted =
    (call: Call): Call =>
    (target, init) => {
      const deadline = limited ? clock.now() + timeoutMs : Number.POSITIVE_INFINITY;
      const fetch = (request: Request) => send(request, deadline);
      if (!limited) return call(target, { ...init, fetch });
      const budget = callSignal(timeoutMs, init?.signal ?? undefined);
      const settled = call(target, { ...init, signal: budget.signal, fetch });
      settled.then(budget.end, budget.end);
      return settled;
    };
  const client: Record<string, unknown> = { ...inner };
  for (const method of METHODS) client[method] = budgeted(inner[method] as Call);
  const request = inner.request as (method: unknown, target: unknown, init?: CallInit) => Promise<unknown>;
  client.request = (method: unknown, target: unknown, init?: CallInit) =>
    budgeted((t, i) => request(method, t, i))(target, init);
  return client as unknown as RawClient;
}

/** The body of a 2xx answer, or the typed error for any other. */
function unwrap<T>(result: { data?: T; error?: unknown; response: Response }, nowMs: number): T {
  const { data, error, response } = result;
  if (!response.ok) throw errorFromResponse(response, error, nowMs);
  if (data === undefined) {
    throw new UnexpectedResponseError(`Empty ${response.status} answer from ${response.url || 'the API'}`, {
      status: response.status,
      requestId: response.headers.get('x-request-id') ?? undefined,
    });
  }
  return data;
}

/** The most ids one `POST /v1/tasks/batch` takes (the spec's `maxItems`). */
export const TASK_BATCH_SIZE = 50;

/** A task list page that is the one asked for (what was asked, at least), as the vendor's own clients insist. */
function checkTaskList(list: TaskList, query: ListTasksQuery): TaskList {
  const wrongPage = query.page !== undefined && list?.page !== query.page;
  const wrongSize = query.page_size !== undefined && list?.page_size !== query.page_size;
  const problem = !Array.isArray(list?.data)
    ? 'no `data` array'
    : wrongPage || wrongSize
      ? `page ${list.page} / page_size ${list.page_size}, asked for ${query.page ?? '-'} / ${query.page_size ?? '-'}`
      : !Number.isSafeInteger(list.total) || list.total < 0 || !(list.page_size > 0)
        ? `total ${String(list.total)} or page_size ${String(list.page_size)} is not a usable count`
        : undefined;
  if (problem)
    throw new UnexpectedResponseError(`The task list answer is not the page asked for: ${problem}.`, {
      body: list,
    });
  return list;
}

function checkTask<T>(task: T): T {
  if (!isTaskLike(task)) {
    throw new UnexpectedResponseError('The answer is not a task (no string `id` and `status`).', {
      body: task,
    });
  }
  return task;
}

/** A 403 `model_access_denied` on a create, as the error that names the model and the way out. */
function modelNotServed(error: unknown, model: string): unknown {
  if (!(error instanceof PermissionDeniedError) || error.code !== 'model_access_denied') return error;
  return new ModelNotServedError(
    `The API does not serve ${model} to this key (${error.message}); client.listModels() lists the models it may use.`,
    { ...error, model, cause: error },
  );
}

/**
 * Errors raised while openapi-fetch reads an answer's body: a SyntaxError means the answer was not
 * JSON; a TypeError from the body stream (undici's "terminated", a browser's "network error") means
 * the connection broke mid-answer, a connection error like any other. Other errors pass.
 */
function notJson(error: unknown): never {
  if (error instanceof SyntaxError) {
    throw new UnexpectedResponseError(`The answer is not JSON: ${error.message}`, { cause: error });
  }
  if (
    error instanceof TypeError &&
    (error.cause !== undefined || /terminated|network|body|stream/i.test(error.message))
  ) {
    throw new APIConnectionError(`Connection lost while reading the answer: ${error.message}`, {
      cause: error,
    });
  }
  throw error;
}

class VideoTaskClientImpl implements VideoTaskClient {
  readonly baseUrl: string;
  readonly raw: RawClient;
  readonly #clock: Clock;
  readonly #send: RetryingFetch;
  readonly #timeoutMs: number;
  readonly catalog: CatalogClient;

  constructor(options: VideoTaskClientOptions) {
    const apiKey = options.apiKey ?? readEnv(API_KEY_ENV);
    if (!apiKey) {
      throw new VideoTaskError(
        `Missing API key: pass createVideoTaskClient({ apiKey }) or set the ${API_KEY_ENV} environment variable.`,
      );
    }
    this.baseUrl = options.baseUrl ?? readEnv(BASE_URL_ENV) ?? DEFAULT_BASE_URL;
    this.#clock = { ...systemClock, ...options.clock };

    const baseFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const send = createRetryingFetch(baseFetch, {
      policy: { ...DEFAULT_RETRY_POLICY, maxRetries: options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries },
      clock: this.#clock,
    });
    this.#send = send;
    // Auth and user agent are precomputed default headers: openapi-fetch merges them into the Request
    // it builds anyway, which costs less than a middleware editing every Request's headers. Headers
    // from `options.headers` and from each call take precedence.
    const inner = createClient<paths>({
      baseUrl: this.baseUrl,
      headers: {
        authorization: `Bearer ${apiKey}`,
        'user-agent': USER_AGENT,
        ...options.headers,
      },
    });
    this.raw = withCallBudget(inner, send, this.#timeoutMs, this.#clock);
    this.catalog = catalogOver(send, this.baseUrl, this.#clock, () => this.#deadline(), {
      'user-agent': USER_AGENT,
    });
  }

  #deadline(): number {
    const limited = this.#timeoutMs > 0 && Number.isFinite(this.#timeoutMs);
    return limited ? this.#clock.now() + this.#timeoutMs : Number.POSITIVE_INFINITY;
  }

  // try/await rather than .catch(): one promise less per call. Errors from unwrap pass notJson as is.
  async createVideo(body: VideoGenerationRequest, options: CreateVideoOptions = {}): Promise<VideoTask> {
    try {
      const result = await this.raw.POST('/v1/videos/generations', {
        body,
        params: { header: { 'Idempotency-Key': options.idempotencyKey ?? randomUUID() } },
        signal: options.signal,
        headers: options.headers,
      });
      return checkTask(unwrap(result, this.#clock.now()));
    } catch (error) {
      return notJson(modelNotServed(error, body.model));
    }
  }

  async getTask(id: string, options: RequestOptions = {}): Promise<TaskState> {
    try {
      const result = await this.raw.GET('/v1/tasks/{task_id}', {
        params: { path: { task_id: id } },
        signal: options.signal,
        headers: options.headers,
      });
      const task = checkTask(unwrap(result, this.#clock.now()));
      noteCompleted(task, this.#clock.now());
      return task;
    } catch (error) {
      return notJson(error);
    }
  }

  async getCredits(options: RequestOptions = {}): Promise<CreditsResponse> {
    try {
      const result = await this.raw.GET('/v1/credits', { signal: options.signal, headers: options.headers });
      return unwrap(result, this.#clock.now());
    } catch (error) {
      return notJson(error);
    }
  }

  async listTasks(query: ListTasksQuery = {}, options: RequestOptions = {}): Promise<TaskList> {
    try {
      const result = await this.raw.GET('/v1/tasks', {
        params: { query },
        signal: options.signal,
        headers: options.headers,
      });
      return checkTaskList(unwrap(result, this.#clock.now()), query);
    } catch (error) {
      return notJson(error);
    }
  }

  async *iterateTasks(
    query: Omit<ListTasksQuery, 'page'> = {},
    options: RequestOptions = {},
  ): AsyncGenerator<VideoTask> {
    // Newest first: a task created meanwhile pushes older ones to the next page, so each is yielded once.
    const seen = new Set<string>();
    for (let page = 1; ; page++) {
      const answer = await this.listTasks({ ...query, page }, options);
      for (const task of answer.data) {
        if (seen.has(task.id)) continue;
        seen.add(task.id);
        yield task;
      }
      if (answer.data.length === 0 || page * answer.page_size >= answer.total) return;
    }
  }

  async getTasks(ids: readonly string[], options: RequestOptions = {}): Promise<VideoTask[]> {
    const unique = [...new Set(ids)];
    const found = new Map<string, VideoTask>();
    for (let start = 0; start < unique.length; start += TASK_BATCH_SIZE) {
      const task_ids = unique.slice(start, start + TASK_BATCH_SIZE);
      try {
        const result = await this.raw.POST('/v1/tasks/batch', {
          body: { task_ids },
          signal: options.signal,
          headers: options.headers,
        });
        for (const task of unwrap(result, this.#clock.now()).data) found.set(checkTask(task).id, task);
      } catch (error) {
        notJson(error);
      }
    }
    return unique.flatMap((id) => found.get(id) ?? []);
  }

  async listModels(options: RequestOptions = {}): Promise<ModelList> {
    try {
      const result = await this.raw.GET('/v1/models', { signal: options.signal, headers: options.headers });
      return unwrap(result, this.#clock.now());
    } catch (error) {
      return notJson(error);
    }
  }

  downloadResult(task: TaskState, options: DownloadResultOptions = {}): Promise<Response> {
    return downloadResult(this.#send, task, {
      ...options,
      timeoutMs: this.#timeoutMs,
      clock: this.#clock,
      headers: { 'user-agent': USER_AGENT },
    });
  }

  waitForTask(id: string, options: WaitForTaskOptions = {}): Promise<CompletedTask> {
    return pollUntilFinished((taskId, signal) => this.getTask(taskId, { signal }), id, options, this.#clock);
  }

  async createVideoAndWait(
    body: VideoGenerationRequest,
    options: CreateVideoAndWaitOptions = {},
  ): Promise<CompletedTask> {
    const task = await this.createVideo(body, options);
    await options.onCreated?.(task);
    return pollUntilFinished(
      (id, signal) => this.getTask(id, { signal }),
      task.id,
      options,
      this.#clock,
      task,
    );
  }
}

/**
 * A client for EvoLink's video task API (every video model the spec describes).
 *
 * ```ts
 * const client = createVideoTaskClient(); // EVOLINK_API_KEY from the environment
 * const video = await client.createVideoAndWait({ model: 'sora-2', prompt: 'A cat playing piano' });
 * console.log(video.results[0]);
 * ```
 */
export function createVideoTaskClient(options: VideoTaskClientOptions = {}): VideoTaskClient {
  return new VideoTaskClientImpl(options);
}

/** The public catalog alone: needs no API key. */
export function createCatalogClient(options: CatalogClientOptions = {}): CatalogClient {
  const clock = { ...systemClock, ...options.clock };
  const baseFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const send = createRetryingFetch(baseFetch, {
    policy: { ...DEFAULT_RETRY_POLICY, maxRetries: options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries },
    clock,
  });
  const baseUrl = options.baseUrl ?? readEnv(BASE_URL_ENV) ?? DEFAULT_BASE_URL;
  return catalogOver(send, baseUrl, clock, () => Number.POSITIVE_INFINITY, { 'user-agent': USER_AGENT });
}
