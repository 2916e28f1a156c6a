// The public model catalog (no key needed): GET /v1/catalog/models and /v1/catalog/health, kept in a
// small cache that honours Cache-Control's max-age and revalidates with If-None-Match (304).
import { errorFromResponse, UnexpectedResponseError } from './errors.js';
import type { FetchLike, RetryingFetch } from './retry.js';
import type { Clock } from './timing.js';
import type { CatalogHealth, CatalogModels } from './types.js';

export interface CatalogClientOptions {
  /** Default: `EVOLINK_BASE_URL`, else the production server. */
  baseUrl?: string;
  fetch?: FetchLike;
  maxRetries?: number;
  clock?: Partial<Clock>;
}

export interface CatalogReadOptions {
  signal?: AbortSignal;
  /** Ask the server even when the cached copy is still fresh (it may still answer 304). */
  revalidate?: boolean;
}

export interface CatalogClient {
  /** Every model the API describes: id, name, family, capabilities, lifecycle. */
  models(options?: CatalogReadOptions): Promise<CatalogModels>;
  /** Whether each model is being served right now (`available`, `degraded`, `unavailable`, `retired`). */
  health(options?: CatalogReadOptions): Promise<CatalogHealth>;
}

interface Cached {
  etag: string | null;
  body: unknown;
  freshUntil: number;
}

/** Seconds of `max-age` in a Cache-Control header; 0 when absent or `no-store`/`no-cache`. */
export function maxAgeSeconds(header: string | null): number {
  if (!header || /(^|,)\s*no-(store|cache)\b/i.test(header)) return 0;
  const match = /(?:^|,)\s*max-age=(\d+)/i.exec(header);
  return match ? Number(match[1]) : 0;
}

/** The catalog over a retrying fetch; `deadline` bounds each read's retries, `headers` go on every request. */
export function catalogOver(
  send: RetryingFetch,
  baseUrl: string,
  clock: Clock,
  deadline: () => number,
  headers: Record<string, string> = {},
): CatalogClient {
  const cache = new Map<string, Cached>();
  async function read<T>(path: string, options: CatalogReadOptions = {}): Promise<T> {
    const cached = cache.get(path);
    if (cached && !options.revalidate && clock.now() < cached.freshUntil) return cached.body as T;
    const request = new Request(new URL(path, baseUrl), {
      headers: { ...headers, ...(cached?.etag ? { 'if-none-match': cached.etag } : {}) },
      signal: options.signal ?? null,
    });
    const response = await send(request, deadline());
    const freshUntil = clock.now() + maxAgeSeconds(response.headers.get('cache-control')) * 1000;
    if (response.status === 304 && cached) {
      await response.body?.cancel();
      cached.freshUntil = freshUntil;
      return cached.body as T;
    }
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      if (response.ok)
        throw new UnexpectedResponseError(`The answer of ${path} is not JSON.`, { status: response.status });
    }
    if (!response.ok) throw errorFromResponse(response, body, clock.now());
    cache.set(path, { etag: response.headers.get('etag'), body, freshUntil });
    return body as T;
  }
  return {
    models: (options?: CatalogReadOptions) => read<CatalogModels>('/v1/catalog/models', options),
    health: (options?: CatalogReadOptions) => read<CatalogHealth>('/v1/catalog/health', options),
  };
}
