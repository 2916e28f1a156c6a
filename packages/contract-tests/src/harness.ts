// What every contract test file uses: the target, a spec-checking client, and the mock's admin API.
import {
  type Clock,
  createVideoTaskClient,
  type VideoTaskClient,
  type VideoTaskClientOptions,
} from '@videotask/client';
import type { AdminSchemas } from '@videotask/spec';
import { afterAll, afterEach, expect, inject } from 'vitest';
import { startContractRecording } from './har-record.js';
import { ContractRecorder } from './recorder.js';
import type { Target } from './target.js';

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

/** The mock's admin API (manual clock, faults, cancel, deliveries). Only on the mock target. */
export const admin = {
  /** One admin call, whatever its answer: for the tests that expect a refusal. */
  async send<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: T }> {
    if (!target.adminUrl) throw new Error('The admin API exists only on the mock target');
    const response = await targetFetch(`${target.adminUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as T };
  },
  /** One admin call that must succeed; its JSON answer. */
  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const { status, json } = await admin.send<T>(method, path, body);
    if (status < 200 || status > 299)
      throw new Error(`admin ${method} ${path} → ${status} ${JSON.stringify(json)}`);
    return json;
  },
  advance: (ms: number) => admin.call<AdminSchemas['ClockAdvanced']>('POST', '/clock/advance', { ms }),
  now: async () => (await admin.call<AdminSchemas['ClockState']>('GET', '/clock')).now,
  cancel: (id: string) => admin.call<AdminSchemas['AdminTask']>('POST', `/tasks/${id}/cancel`),
  fault: (fault: AdminSchemas['FaultSpec']) =>
    admin.call<AdminSchemas['FaultAdded']>('POST', '/faults', fault),
  /** Waits until no callback attempt is in flight (its answer recorded, any retry scheduled). */
  idle: () => admin.call<AdminSchemas['IdleResult']>('POST', '/deliveries/idle', { timeoutMs: 60_000 }),
  deliveries: (taskId: string) =>
    admin.call<AdminSchemas['DeliveryList']>('GET', `/deliveries?task_id=${encodeURIComponent(taskId)}`),
};

/**
 * The clock the client waits on. On the mock, a wait moves the mock's manual clock instead of
 * sleeping, so a whole lifecycle takes milliseconds; on the live API it is real time.
 */
export function targetClock(): Partial<Clock> | undefined {
  if (!onMock) return undefined;
  let now = Date.now();
  return {
    now: () => now,
    sleep: async (ms) => {
      await admin.advance(Math.max(0, Math.round(ms)));
      now += ms;
    },
  };
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
  return Math.floor((onMock ? await admin.now() : Date.now()) / 1000);
}
