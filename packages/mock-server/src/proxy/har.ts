// HAR 1.2 (the format browsers' devtools export) for recorded exchanges: building entries and reading files.

export interface HarHeader {
  name: string;
  value: string;
}

export interface HarContent {
  size: number;
  mimeType: string;
  text?: string;
  encoding?: 'base64';
}

export interface HarRequest {
  method: string;
  url: string;
  httpVersion: string;
  cookies: unknown[];
  headers: HarHeader[];
  queryString: HarHeader[];
  postData?: { mimeType: string; text: string; encoding?: 'base64' };
  headersSize: number;
  bodySize: number;
}

export interface HarResponse {
  status: number;
  statusText: string;
  httpVersion: string;
  cookies: unknown[];
  headers: HarHeader[];
  content: HarContent;
  redirectURL: string;
  headersSize: number;
  bodySize: number;
}

/**
 * This project's extension of an entry (HAR allows custom fields starting with `_`):
 * `callback` marks a callback the recorder received; `proxy` marks an answer the proxy made itself
 * because the upstream failed (its `error` says how).
 */
export interface VideotaskEntryInfo {
  kind: 'api' | 'callback';
  source?: 'upstream' | 'proxy';
  error?: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: HarRequest;
  response: HarResponse;
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  _videotask?: VideotaskEntryInfo;
}

export interface HarLog {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    entries: HarEntry[];
  };
}

/** A body as HAR keeps it: UTF-8 text as is, anything else base64. */
export function harBody(bytes: Uint8Array): { text: string; encoding?: 'base64' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return { text: btoa(binary), encoding: 'base64' };
  }
}

/** The bytes of a HAR body (request postData or response content). */
export function bodyBytes(body: { text?: string; encoding?: string } | undefined): Uint8Array<ArrayBuffer> {
  if (!body?.text) return new Uint8Array();
  if (body.encoding === 'base64') return Uint8Array.from(atob(body.text), (c) => c.charCodeAt(0));
  return new TextEncoder().encode(body.text);
}

function headerList(headers: Headers): HarHeader[] {
  return [...headers].map(([name, value]) => ({ name, value }));
}

export interface ExchangeRecord {
  started: Date;
  timeMs: number;
  method: string;
  url: string;
  requestHeaders: Headers;
  requestBody: Uint8Array;
  status: number;
  statusText?: string;
  responseHeaders: Headers;
  responseBody: Uint8Array;
  info: VideotaskEntryInfo;
}

/** One exchange as a HAR entry (secrets are not removed here: see redact.ts). */
export function harEntry(record: ExchangeRecord): HarEntry {
  const url = new URL(record.url);
  const requestType = record.requestHeaders.get('content-type') ?? '';
  const responseBody = harBody(record.responseBody);
  return {
    startedDateTime: record.started.toISOString(),
    time: record.timeMs,
    request: {
      method: record.method,
      url: url.href,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headerList(record.requestHeaders),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      ...(record.requestBody.length
        ? { postData: { mimeType: requestType, ...harBody(record.requestBody) } }
        : {}),
      headersSize: -1,
      bodySize: record.requestBody.length,
    },
    response: {
      status: record.status,
      statusText: record.statusText ?? '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headerList(record.responseHeaders),
      content: {
        size: record.responseBody.length,
        mimeType: record.responseHeaders.get('content-type') ?? '',
        ...responseBody,
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: record.responseBody.length,
    },
    cache: {},
    timings: { send: 0, wait: record.timeMs, receive: 0 },
    _videotask: record.info,
  };
}

export function harLog(entries: HarEntry[], creator: { name: string; version: string }): HarLog {
  return { log: { version: '1.2', creator, entries } };
}

export class HarFormatError extends Error {}

/** Reads a HAR document's entries, refusing anything that is not HAR (with a message saying why). */
export function parseHar(text: string, source = 'input'): HarEntry[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new HarFormatError(`${source} is not JSON: ${(error as Error).message}`);
  }
  const entries = (doc as { log?: { entries?: unknown } } | null)?.log?.entries;
  if (!Array.isArray(entries)) throw new HarFormatError(`${source} is not a HAR file (no log.entries array)`);
  entries.forEach((entry, i) => {
    const e = entry as Partial<HarEntry> | null;
    if (typeof e?.request?.method !== 'string' || typeof e.request.url !== 'string')
      throw new HarFormatError(`${source}: entry ${i} has no request method and url`);
    if (typeof e.response?.status !== 'number')
      throw new HarFormatError(`${source}: entry ${i} has no response status`);
  });
  return entries as HarEntry[];
}

/** What an entry is: an API exchange (the default for HAR from other tools) or a received callback. */
export function entryKind(entry: HarEntry): 'api' | 'callback' {
  return entry._videotask?.kind ?? 'api';
}

/** The API path of a recorded URL: from its `/v1/` segment on, whatever base path the server had. */
export function apiPath(url: string): string {
  const { pathname } = new URL(url);
  const at = pathname.indexOf('/v1/');
  return at >= 0 ? pathname.slice(at) : pathname;
}

export function headerValue(headers: HarHeader[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}
