// CONTRACT_RECORD=<dir>: writes the run's exchanges and the callbacks it received as HAR (secrets redacted), for replay and drift.
import type { IncomingHttpHeaders } from 'node:http';
import {
  createHarFileSink,
  type HarEntry,
  type HarFileSink,
  harEntry,
  redactEntry,
} from '@videotask/mock-server/har';
import type { Arrival } from '@videotask/testkit';

/** An answer the client got, as a HAR entry. */
async function answerEntry(request: Request, requestBody: Uint8Array, response: Response, started: Date) {
  return harEntry({
    started,
    timeMs: Date.now() - started.getTime(),
    method: request.method,
    url: request.url,
    requestHeaders: request.headers,
    requestBody,
    status: response.status,
    statusText: response.statusText,
    responseHeaders: response.headers,
    responseBody: new Uint8Array(await response.clone().arrayBuffer()),
    info: { kind: 'api', source: 'upstream' },
  });
}

/** A callback the receiver got (and the status it answered), as a HAR entry. */
function callbackEntry(url: string, headers: IncomingHttpHeaders, rawBody: string, answeredWith: number) {
  const requestHeaders = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) requestHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return harEntry({
    started: new Date(),
    timeMs: 0,
    method: 'POST',
    url,
    requestHeaders,
    requestBody: new TextEncoder().encode(rawBody),
    status: answeredWith,
    responseHeaders: new Headers({ 'content-type': 'text/plain' }),
    responseBody: new TextEncoder().encode(answeredWith < 300 ? 'ok' : 'try again'),
    info: { kind: 'callback' },
  });
}

/** One HAR file per test file (each runs in its own module graph), named after the target. */
export function startRecording(dir: string) {
  const target = (process.env.CONTRACT_TARGET ?? 'mock').toLowerCase();
  let sink: Promise<HarFileSink> | undefined;
  const add = (entry: HarEntry) => {
    sink ??= createHarFileSink(dir, {
      prefix: `contract-${target}`,
      creator: { name: '@videotask/contract-tests', version: '0' },
    });
    void sink.then((s) => s.add(redactEntry(entry)));
  };
  return {
    /** A fetch that records every answer it gets (any route, spec'd or not) and returns it untouched. */
    fetchThrough(base: typeof fetch): typeof fetch {
      return async (input, init) => {
        const request = new Request(input, init);
        const started = new Date();
        const requestBody = new Uint8Array(await request.clone().arrayBuffer());
        const response = await base(request);
        add(await answerEntry(request, requestBody, response, started));
        return response;
      };
    },
    /** A callback the suite's receiver got, with the status it answered. */
    callback(url: string, headers: IncomingHttpHeaders, rawBody: string, answeredWith: number): void {
      add(callbackEntry(url, headers, rawBody, answeredWith));
    },
    /** Resolves once everything recorded so far is on disk. */
    flush: async () => (await sink)?.flush(),
  };
}

let active: ReturnType<typeof startRecording> | undefined;

/**
 * Starts this test file's recording when CONTRACT_RECORD names a directory. The harness calls it, so
 * only contract test files record: unit tests that post made-up callbacks to a receiver do not.
 */
export function startContractRecording() {
  const dir = process.env.CONTRACT_RECORD;
  active ??= dir ? startRecording(dir) : undefined;
  return active;
}

/** The recording of this test file, if the harness started one. */
export const harRecording = () => active;

/** Adds a callback the suite's receiver got to this file's recording, if any: the receiver's `onArrival`. */
export function recordArrival(arrival: Arrival): void {
  // HAR's status 0: no answer (held open or reset).
  const status = typeof arrival.answer === 'number' ? arrival.answer : 0;
  harRecording()?.callback(arrival.url, arrival.headers, arrival.rawBody, status);
}
