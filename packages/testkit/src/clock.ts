// Manual-clock helpers: where test clocks start, how far is "long enough", and a client clock whose waits move the mock's time.

/** 2025-01-01T12:00:00Z: where every manual clock in the tests starts. */
export const START = Date.UTC(2025, 0, 1, 12);

/** Long enough for any task to end (a slow 15 s image-to-video task takes under 9 minutes). */
export const UNTIL_ANY_END_MS = 10 * 60 * 1000;

/** What the helpers need of a manual clock: the in-process mock's `clock`, or one over the admin API. */
export interface ManualClock {
  now(): number;
  advance(ms: number): Promise<unknown>;
}

/** The shape of the client's `clock` option (kept structural so the kit does not depend on the client). */
export interface WaitingClock {
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
}

/**
 * A clock for the client whose sleeps (retry backoff, polling) advance the mock's manual clock, so a
 * whole lifecycle runs in milliseconds. Every sleep is recorded in `sleeps`; jitter is fixed at 0.5.
 */
export function clientClockOn(clock: ManualClock): WaitingClock & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => clock.now(),
    random: () => 0.5,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
      await clock.advance(Math.max(0, Math.round(ms)));
    },
  };
}

/** Moves a manual clock to the instant `at` (nothing when it is there already). */
export async function advanceTo(clock: ManualClock, at: number): Promise<void> {
  const ms = at - clock.now();
  if (ms > 0) await clock.advance(ms);
}

/**
 * Advances in `stepMs` steps until `done()` holds; throws after `maxMs` of clock time, so a test
 * waiting for a state that never comes fails with a message instead of hanging.
 */
export async function advanceUntil(
  clock: ManualClock,
  done: () => boolean | Promise<boolean>,
  { stepMs = 1000, maxMs = UNTIL_ANY_END_MS } = {},
): Promise<void> {
  const deadline = clock.now() + maxMs;
  while (!(await done())) {
    if (clock.now() >= deadline)
      throw new Error(`The awaited state did not come within ${maxMs} ms of clock time`);
    await clock.advance(stepMs);
  }
}
