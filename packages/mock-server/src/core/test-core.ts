// Test support for the core's unit suites: a MockCore over the memory store on a manual clock, and create inputs.
import { type MockServerOptions, resolveOptions } from '../options.js';
import { MockCore } from './commands.js';
import { parseCreate } from './create-input.js';
import type { CreateInput } from './task-commands.js';

/** 2025-01-01T12:00:00Z: where every test core's manual clock starts. */
export const START = Date.UTC(2025, 0, 1, 12);
export const KEY = 'sk-core-1';
export const OTHER_KEY = 'sk-core-2';
export const SORA = { model: 'sora-2', prompt: 'A cat playing piano' };

const opened: MockCore[] = [];

/** A core on a manual clock at START; close them all with closeCores() after each test. */
export function testCore(options: MockServerOptions = {}): MockCore {
  const core = new MockCore(resolveOptions({ clock: 'manual', startTime: START, seed: 'core', ...options }));
  opened.push(core);
  return core;
}

export async function closeCores(): Promise<void> {
  await Promise.all(opened.splice(0).map((core) => core.close()));
}

/** A validated create input (throws on a refusal: a test that wants one calls parseCreate itself). */
export function input(
  body: Record<string, unknown> = {},
  extra: { apiKey?: string; idempotencyKey?: string; scenario?: string; allowLocal?: boolean } = {},
): CreateInput {
  const parsed = parseCreate(
    {
      apiKey: extra.apiKey ?? KEY,
      body: { ...SORA, ...body },
      idempotencyKey: extra.idempotencyKey ?? null,
      scenario: extra.scenario ?? null,
    },
    extra.allowLocal ?? false,
  );
  if (!parsed.ok) throw new Error(`create input refused: ${parsed.code} ${parsed.message}`);
  return parsed.value;
}

/** Creates a task and answers its JSON (throws on a refusal). */
export async function created(core: MockCore, create: CreateInput = input()) {
  const result = await core.create(create);
  if (!result.ok) throw new Error(`create refused: ${result.code} ${result.message}`);
  return result.value.task;
}

export interface SentCallback {
  url: string;
  body: string;
  webhookId: string | null;
  signed: boolean;
  traceparent: string | null;
}

/** A fetch that records each callback and answers `status` (204 by default). */
export function receiver(status = 204) {
  const sent: SentCallback[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    sent.push({
      url: String(url),
      body: String(init?.body),
      webhookId: headers.get('webhook-id'),
      signed: headers.has('webhook-signature'),
      traceparent: headers.get('traceparent'),
    });
    return new Response(null, { status });
  };
  return { sent, fetch: fetch as typeof globalThis.fetch };
}

export const HOOK = 'http://127.0.0.1:9/hook';
