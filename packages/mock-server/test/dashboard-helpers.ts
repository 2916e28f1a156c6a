// Test helpers for the dashboard: a manual-clock mock with its core at hand, and an SSE reader.
import type { Hono } from 'hono';
import { MockCore } from '../src/core/commands.js';
import { type MockServerOptions, resolveOptions } from '../src/options.js';
import { composeApp } from '../src/server.js';

export const START = Date.UTC(2025, 0, 1, 12);

export interface DashboardServer {
  app: Hono;
  core: MockCore;
  close(): void;
}

/**
 * The mock's app (composeApp mounts the dashboard when the admin API is on), with its core at hand
 * for the clock, the deliveries and the watcher.
 */
export function dashboardServer(options: MockServerOptions = {}): DashboardServer {
  const core = new MockCore(
    resolveOptions({ clock: 'manual', startTime: START, seed: 'dashboard', ...options }),
  );
  return { app: composeApp(core), core, close: () => core.close() };
}

export interface SseEvent {
  event: string;
  id: string | undefined;
  data: string;
}

// Taken at load: a test that fakes the timers (to hold the dashboard's watcher still) keeps a real deadline.
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;

/** Reads server-sent events from a streaming response, one at a time. */
export function sseReader(response: Response) {
  const body = response.body;
  if (!body) throw new Error('The response has no body');
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  /** A read that outlived a deadline: the next call takes its chunk instead of losing it. */
  let pending: Promise<ReadableStreamReadResult<string>> | undefined;
  return {
    /** The next event (comments skipped); rejects after `timeoutMs` of real time. */
    async next(timeoutMs = 10_000): Promise<SseEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n').filter((l) => !l.startsWith(':'));
          if (!lines.length) continue;
          const field = (name: string) =>
            lines.filter((l) => l.startsWith(`${name}:`)).map((l) => l.slice(name.length + 1).trimStart());
          return {
            event: field('event')[0] ?? 'message',
            id: field('id')[0],
            data: field('data').join('\n'),
          };
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('No server-sent event in time');
        let timer: ReturnType<typeof setTimeout> | undefined;
        pending ??= reader.read();
        const chunk = await Promise.race([
          pending,
          new Promise<never>((_, reject) => {
            timer = realSetTimeout(() => reject(new Error('No server-sent event in time')), left);
          }),
        ]).finally(() => realClearTimeout(timer));
        pending = undefined;
        if (chunk.done) throw new Error('The event stream ended');
        buffer += chunk.value;
      }
    },
    cancel: () => reader.cancel(),
  };
}
