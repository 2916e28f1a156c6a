// The clock as commands: what it reads now, and moving a manual clock (409 on a real one), which fires
// what falls due on the way in time order — through every replica's jobs when the store is shared.
import type { CoreContext } from './context.js';
import { ok, type Result, refuse } from './result.js';

export function clockView(core: CoreContext) {
  const now = core.now();
  return {
    mode: core.scheduler.mode,
    now,
    iso: new Date(now).toISOString(),
    timers: core.scheduler.pending,
  };
}

/** Moves a manual clock (409 on a real one), firing what falls due in time order. */
export async function advanceClock(
  core: CoreContext,
  ms: number,
): Promise<Result<{ mode: 'manual' | 'real'; now: number; iso: string }>> {
  if (core.scheduler.mode !== 'manual') {
    return refuse(
      'conflict',
      'The clock is real; start the server with clock "manual" (--clock manual) to move it.',
    );
  }
  if (!Number.isInteger(ms) || ms < 0) return refuse('invalid_request', 'ms must be an integer >= 0', 'ms');
  await moveClock(core, ms);
  const { mode, now, iso } = clockView(core);
  return ok({ mode, now, iso });
}

/** Moves the manual clock by `ms` (with a shared store: from the shared time, through every replica's due jobs). */
export function moveClock(core: CoreContext, ms: number): Promise<void> {
  return core.replicas.moveClock(ms);
}
