// Record and replay (Web APIs only): a recording proxy to the real API, replay of its HAR, and the router between them and the mock.
export * from './har.js';
export {
  createRecordingProxy,
  DEFAULT_PROXY_TIMEOUT_MS,
  describeUpstreamFailure,
  type HarSink,
  type RecordingProxyOptions,
  upstreamErrorResponse,
} from './record.js';
export { isSecretName, REDACTED, redactEntry } from './redact.js';
export { createReplay, type Replay, type ReplayOptions, replayKey } from './replay.js';

/** Anything with a fetch method: the mock's Hono app, or a wrapper around it. */
export interface FetchTarget<Env = unknown> {
  fetch(request: Request, env?: Env): Response | Promise<Response>;
}

/** Sends `/v1/*` to `api` (the proxy or the replay) and every other path (docs, admin, files) to `rest`. */
export function routeApi<Env>(
  api: (request: Request) => Promise<Response>,
  rest: FetchTarget<Env>,
): FetchTarget<Env> {
  return {
    fetch: (request, env) =>
      new URL(request.url).pathname.startsWith('/v1/') ? api(request) : rest.fetch(request, env),
  };
}
