// Forwards /v1/* requests to the real API with the caller's own headers and records each exchange as HAR.
import { proxy } from 'hono/proxy';
import { type HarEntry, harEntry, type VideotaskEntryInfo } from './har.js';
import { redactEntry } from './redact.js';

/** Where recorded entries go (the Node entry writes them to a HAR file). Entries arrive redacted. */
export interface HarSink {
  add(entry: HarEntry): void;
}

export interface RecordingProxyOptions {
  /** The upstream's base URL, e.g. `https://api.evolink.ai` (a base path is kept). */
  upstream: string;
  /** Receives every exchange, secrets removed; absent: forward without recording. */
  sink?: HarSink;
  /** Longest wait for the upstream's whole answer, ms (default 60 s). */
  timeoutMs?: number;
  /** Reaches the upstream with the forwarded request (default globalThis.fetch). */
  fetch?: (request: Request) => Promise<Response>;
  /** One line per forwarded request. */
  logger?: (line: string) => void;
}

export const DEFAULT_PROXY_TIMEOUT_MS = 60_000;

/** Request headers that describe this hop, not the caller's request. */
const HOP_HEADERS = ['host', 'content-length', 'connection', 'keep-alive', 'transfer-encoding'];

/** Says in a few words why the upstream gave no answer: timeout, refused, DNS, TLS. */
export function describeUpstreamFailure(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  if (e?.name === 'AbortError') return 'the request was aborted';
  const code = e?.cause?.code;
  const detail = e?.cause?.message ?? e?.message ?? String(error);
  return code && !detail.includes(code) ? `${code}: ${detail}` : detail;
}

/** The API's error envelope for a failed upstream (ErrorResponse in the spec; code and type `upstream_error`). */
export function upstreamErrorResponse(message: string): Response {
  return Response.json(
    { error: { code: 'upstream_error', message, type: 'upstream_error' } },
    { status: 502 },
  );
}

function upstreamUrl(base: string, request: Request): string {
  const target = new URL(base);
  const incoming = new URL(request.url);
  target.pathname = `${target.pathname.replace(/\/+$/, '')}${incoming.pathname}`;
  target.search = incoming.search;
  return target.href;
}

async function forward(
  url: string,
  request: Request,
  body: Uint8Array<ArrayBuffer>,
  options: RecordingProxyOptions,
  signal: AbortSignal,
): Promise<{ response: Response; bytes: Uint8Array<ArrayBuffer> }> {
  const headers = new Headers(request.headers);
  for (const name of HOP_HEADERS) headers.delete(name);
  // hono/proxy drops hop-by-hop headers and a content-encoding the runtime has already decoded.
  const response = await proxy(url, {
    method: request.method,
    headers,
    body: body.length ? body : undefined,
    signal,
    customFetch: options.fetch ?? ((input: Request) => globalThis.fetch(input)),
  });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/**
 * A fetch handler that forwards each request to the upstream and answers with the upstream's answer
 * (status, headers and body unchanged). When the upstream fails (down, timeout, TLS), it answers
 * 502 `upstream_error` in the API's envelope. Either way the exchange goes to the sink, redacted.
 */
export function createRecordingProxy(
  options: RecordingProxyOptions,
): (request: Request) => Promise<Response> {
  new URL(options.upstream); // refuse a bad base URL at start, not at the first request
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROXY_TIMEOUT_MS;
  return async (request) => {
    const started = new Date();
    const t0 = performance.now();
    const url = upstreamUrl(options.upstream, request);
    const body = new Uint8Array(await request.arrayBuffer());
    const signal = AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)]);
    let response: Response;
    let bytes: Uint8Array<ArrayBuffer>;
    let info: VideotaskEntryInfo = { kind: 'api', source: 'upstream' };
    try {
      ({ response, bytes } = await forward(url, request, body, options, signal));
    } catch (error) {
      const reason = describeUpstreamFailure(error, timeoutMs);
      info = { kind: 'api', source: 'proxy', error: reason };
      response = upstreamErrorResponse(`The upstream ${new URL(url).origin} did not answer: ${reason}.`);
      bytes = new Uint8Array(await response.clone().arrayBuffer());
    }
    const timeMs = performance.now() - t0;
    options.sink?.add(
      redactEntry(
        harEntry({
          started,
          timeMs,
          method: request.method,
          url,
          requestHeaders: request.headers,
          requestBody: body,
          status: response.status,
          statusText: response.statusText,
          responseHeaders: response.headers,
          responseBody: bytes,
          info,
        }),
      ),
    );
    options.logger?.(
      `${request.method} ${new URL(request.url).pathname} ${response.status} ${timeMs.toFixed(1)} ms (${info.error ? `proxy: ${info.error}` : `proxied to ${new URL(url).origin}`})`,
    );
    return new Response(bytes, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
