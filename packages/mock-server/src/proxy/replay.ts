// Serves recorded answers again, matched by method, path and body; a repeated request replays its answers in order.
import { apiPath, bodyBytes, entryKind, type HarEntry } from './har.js';

export interface ReplayOptions {
  /** The recorded entries, oldest first; received callbacks among them are ignored. */
  entries: HarEntry[];
  /** What answers a request with no recording; absent (strict): 404 in the API's envelope. */
  fallback?: (request: Request) => Response | Promise<Response>;
  /** One line per request: replayed, or handed to the fallback. */
  logger?: (line: string) => void;
  /** Named in messages, e.g. the HAR file. */
  source?: string;
}

/** Headers that described the recorded transfer, not the answer. */
const TRANSFER_HEADERS = [
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
];

/** JSON with its keys sorted, so the same body matches whatever order its fields were sent in. */
function canonical(text: string): string {
  if (!text) return '';
  const sort = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sort);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sort((value as Record<string, unknown>)[k])]),
    );
  };
  try {
    return JSON.stringify(sort(JSON.parse(text)));
  } catch {
    return text;
  }
}

/** The key a request is matched by: method, API path with its sorted query, canonical body. */
export function replayKey(method: string, url: string, body: string): string {
  const query = new URLSearchParams(new URL(url).search);
  query.sort();
  const search = query.size ? `?${query}` : '';
  return `${method.toUpperCase()} ${apiPath(url)}${search} ${canonical(body)}`;
}

function recordedResponse(entry: HarEntry): Response {
  const headers = new Headers();
  for (const { name, value } of entry.response.headers) {
    if (!TRANSFER_HEADERS.includes(name.toLowerCase())) headers.append(name, value);
  }
  const status = entry.response.status;
  const empty = status === 204 || status === 304 || status < 200;
  return new Response(empty ? null : bodyBytes(entry.response.content), {
    status,
    statusText: entry.response.statusText,
    headers,
  });
}

/** The API's error envelope for a request with no recording (ErrorResponse in the spec). */
function notRecorded(request: Request, source: string): Response {
  const path = new URL(request.url).pathname;
  return Response.json(
    {
      error: {
        code: 'not_recorded',
        message: `No recorded answer for ${request.method} ${path} with this body in ${source}.`,
        type: 'invalid_request_error',
      },
    },
    { status: 404 },
  );
}

export interface Replay {
  (request: Request): Promise<Response>;
  /** How many recorded answers each request key has (for the start banner). */
  readonly size: number;
}

/**
 * A fetch handler over recorded entries. Each key's answers are served in recorded order and the
 * last one is kept for every later request, so a polled task moves through its states and stays done.
 */
export function createReplay(options: ReplayOptions): Replay {
  const source = options.source ?? 'the recording';
  const byKey = new Map<string, HarEntry[]>();
  for (const entry of options.entries) {
    if (entryKind(entry) !== 'api') continue;
    const request = entry.request;
    const body = new TextDecoder().decode(bodyBytes(request.postData));
    const key = replayKey(request.method, request.url, body);
    byKey.set(key, [...(byKey.get(key) ?? []), entry]);
  }
  const served = new Map<string, number>();
  const replay = (async (request: Request) => {
    const key = replayKey(request.method, request.url, await request.clone().text());
    const answers = byKey.get(key);
    const path = new URL(request.url).pathname;
    if (!answers) {
      options.logger?.(
        `${request.method} ${path}: no recording${options.fallback ? ', the simulated mock answers' : ', 404 (strict replay)'}`,
      );
      return options.fallback ? options.fallback(request) : notRecorded(request, source);
    }
    const index = Math.min(served.get(key) ?? 0, answers.length - 1);
    served.set(key, index + 1);
    const entry = answers[index] as HarEntry;
    options.logger?.(
      `${request.method} ${path} ${entry.response.status} (replayed ${index + 1}/${answers.length})`,
    );
    return recordedResponse(entry);
  }) as Replay;
  Object.defineProperty(replay, 'size', { value: [...byKey.values()].reduce((n, a) => n + a.length, 0) });
  return replay;
}
