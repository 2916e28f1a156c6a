// Small fakes for unit tests: the spec's task fixtures, a scripted fetch and a clock that never sleeps on the wall clock.
import * as fixtures from '@videotask/testkit';
import { type Clock, createVideoTaskClient, type VideoTaskClientOptions } from '../src/index.js';

export { TASK_ID } from '@videotask/testkit';

/** A valid task of each state, from the spec's examples (shared by a file's tests: do not change them). */
export const pendingTask = fixtures.pendingTask();
export const processingTask = fixtures.processingTask();
export const completedTask = fixtures.completedTask();
export const failedTask = fixtures.failedTask();

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function apiError(
  status: number,
  code: string | number,
  message = 'error',
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return json({ error: { code, message, type: 'invalid_request_error', ...extra } }, status, headers);
}

export interface SeenRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

/**
 * A fetch that answers from a script: each call takes the next entry (a Response, an Error to throw,
 * or a function of the request). Records every request it sees, bodies included.
 */
export function scriptedFetch(
  script: Array<Response | Error | ((request: Request) => Response | Promise<Response>)>,
) {
  const seen: SeenRequest[] = [];
  const fetch = async (input: Request, init?: RequestInit): Promise<Response> => {
    const request = init ? new Request(input, init) : input;
    seen.push({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: request.body ? await request.text() : '',
    });
    const next = script.shift();
    if (next === undefined)
      throw new Error(`scriptedFetch: no answer left for ${request.method} ${request.url}`);
    if (next instanceof Error) throw next;
    return typeof next === 'function' ? next(request) : next;
  };
  return { fetch, seen };
}

/** A clock whose sleep only records the delay and moves `now` forward. */
export function fakeClock(start = 1_700_000_000_000, random = () => 0.5) {
  const sleeps: number[] = [];
  let now = start;
  const clock: Clock = {
    now: () => now,
    random,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
      now += ms;
    },
  };
  return { clock, sleeps, advance: (ms: number) => (now += ms) };
}

export function testClient(
  script: Parameters<typeof scriptedFetch>[0],
  options: Partial<VideoTaskClientOptions> = {},
) {
  const { fetch, seen } = scriptedFetch(script);
  const time = fakeClock();
  const client = createVideoTaskClient({
    apiKey: 'sk-test',
    baseUrl: 'http://127.0.0.1:4010',
    fetch,
    ...options,
    clock: { ...time.clock, ...options.clock },
  });
  return { client, seen, ...time };
}
