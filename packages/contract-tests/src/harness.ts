// What every contract test file uses: the target, a spec-checking client, and the mock's admin API.
import {
  createVideoTaskClient,
  type VideoGenerationRequest,
  type VideoTaskClient,
  type VideoTaskClientOptions,
} from '@videotask/client';
import { createMockAdminClient, type MockAdminClient } from '@videotask/mock-server/admin-client';
import { type ModelEntry, modelEntries } from '@videotask/spec';
import { clientClockOn, type ManualClock } from '@videotask/testkit';
import { afterAll, afterEach, expect, inject } from 'vitest';
import { startContractRecording } from './har-record.js';
import { ContractRecorder } from './recorder.js';
import { cheapestServed } from './served.js';
import type { Target } from './target.js';
import { minimalBody } from './violations.js';

export const target: Target = inject('target');
/** The mock, alone or as replicas: the admin API and the manual clock are there. */
export const onMock = target.name !== 'live';

/**
 * Replicas: each request meant for `baseUrl` goes to the next replica in turn, so every step of a
 * test (create, poll, advance the clock, read the deliveries) may land on another replica.
 */
function alternating(replicas: readonly string[], base: string): typeof fetch {
  let turn = 0;
  return async (input, init) => {
    const request = new Request(input, init);
    if (!request.url.startsWith(`${base}/`)) return fetch(request);
    const to = replicas[turn++ % replicas.length] + request.url.slice(base.length);
    const body = ['GET', 'HEAD'].includes(request.method) ? undefined : await request.arrayBuffer();
    return fetch(to, { method: request.method, headers: request.headers, body, signal: request.signal });
  };
}

/** What the suite's requests go through: plain fetch, or the turns between replicas. */
const targetFetch: typeof fetch = target.replicaUrls
  ? alternating(target.replicaUrls, target.baseUrl)
  : (input, init) => fetch(input, init);

/** Every answer of every test is checked against the spec; a test fails if one breaks it. */
const recording = startContractRecording();
export const recorder = new ContractRecorder(recording ? recording.fetchThrough(targetFetch) : targetFetch);
afterEach(() => {
  expect(recorder.takeProblems(), 'answers that break the spec').toEqual([]);
});
afterAll(() => recording?.flush());

/**
 * The mock's admin API (manual clock, faults, cancel, deliveries): the typed client other repositories
 * use. Only on the mock target; on the live API every call throws.
 */
export const admin: MockAdminClient = createMockAdminClient({
  baseUrl: target.baseUrl,
  // On replicas the admin calls take turns too: the clock moved on one, the deliveries read on the other.
  fetch: onMock
    ? (request) => targetFetch(request)
    : () => Promise.reject(new Error('The admin API exists only on the mock target')),
});

/** The mock's time now (its manual clock). */
export const mockNow = async (): Promise<number> => (await admin.clock()).now;

/** The mock's manual clock through the admin API: `now()` is its time as its last answer gave it. */
function mockClockFrom(start: number): ManualClock {
  let now = start;
  return {
    now: () => now,
    advance: async (ms) => {
      now = (await admin.advanceClock(ms)).now;
    },
  };
}
export const mockClock: ManualClock = mockClockFrom(onMock ? await mockNow() : 0);

/**
 * The clock the client waits on. On the mock, a wait moves the mock's manual clock instead of
 * sleeping, so a whole lifecycle takes milliseconds; on the live API it is real time.
 */
export function targetClock(): ReturnType<typeof clientClockOn> | undefined {
  return onMock ? clientClockOn(mockClock) : undefined;
}

/** The published client, pointed at the target, every answer checked against the spec. */
export function client(options: Partial<VideoTaskClientOptions> = {}): VideoTaskClient {
  return createVideoTaskClient({
    apiKey: target.apiKey,
    baseUrl: target.baseUrl,
    fetch: recorder.fetch,
    maxRetries: 0,
    ...(onMock ? { clock: targetClock() } : {}),
    ...options,
  });
}

/** Unix seconds now, by the target's clock (the mock's manual clock, or this machine's). */
export async function targetNowSeconds(): Promise<number> {
  return Math.floor((onMock ? await mockNow() : Date.now()) / 1000);
}

/**
 * The smoke model: the served model whose minimal task costs least (see served.ts). Paid tests create
 * this model's tasks, so a live run bills the least it can and never meets a model that is gone.
 */
export const smoke = cheapestServed(target.models, minimalBody);

/** A minimal valid body of the smoke model, with `extra` fields (a prompt, a callback_url) over it. */
export function smokeBody(extra: Record<string, unknown> = {}): VideoGenerationRequest {
  return {
    ...minimalBody(smoke?.entry ?? (modelEntries()[0] as ModelEntry)),
    ...extra,
  } as VideoGenerationRequest;
}

/** Why the paid tests cannot run here: no served model, or the cheapest costs over CONTRACT_MAX_CREDITS. */
export const smokeSkipReason: string | undefined = !smoke
  ? `no model is served by ${target.name} today`
  : smoke.credits > target.maxCredits
    ? `the cheapest served model, ${smoke.entry.id}, costs ${smoke.credits} credits, over CONTRACT_MAX_CREDITS=${target.maxCredits}`
    : undefined;
