// The clock as commands: what it reads now; advance and set (a manual clock fires what falls due on the way,
// in time order, through every replica's jobs when the store is shared); scale, pause and resume (a real
// clock only); reset. No verb takes the clock back before the newest task was created (409).
import type { ClockMode } from '../domain/clock.js';
import { type ClockState, clockAt, MAX_CLOCK_FACTOR, reanchor } from '../domain/clock-state.js';
import type { CoreContext } from './context.js';
import { ok, type Refusal, type Result, refuse } from './result.js';

export interface ClockView {
  mode: ClockMode;
  now: number;
  iso: string;
  /** Simulated ms per wall ms (1 on a manual clock). */
  factor: number;
  paused: boolean;
  timers: number;
}

export function clockView(core: CoreContext): ClockView {
  const now = core.now();
  const { factor, paused } = core.scheduler.state;
  return {
    mode: core.scheduler.mode,
    now,
    iso: new Date(now).toISOString(),
    factor,
    paused,
    timers: core.scheduler.pending,
  };
}

const MANUAL_ONLY = 'The clock is real; start the server with clock "manual" (--clock manual) to move it.';
const REAL_ONLY =
  'A manual clock moves only when told (advance, set); scale, pause and resume need a real clock.';

/** Moves a manual clock (409 on a real one), firing what falls due in time order. */
export async function advanceClock(
  core: CoreContext,
  ms: number,
): Promise<Result<{ mode: 'manual' | 'real'; now: number; iso: string }>> {
  if (core.scheduler.mode !== 'manual') return refuse('conflict', MANUAL_ONLY);
  if (!Number.isInteger(ms) || ms < 0) return refuse('invalid_request', 'ms must be an integer >= 0', 'ms');
  await moveClock(core, ms);
  const { mode, now, iso } = clockView(core);
  return ok({ mode, now, iso });
}

/** Moves the manual clock by `ms` (with a shared store: from the shared time, through every replica's due jobs). */
export function moveClock(core: CoreContext, ms: number): Promise<void> {
  return core.replicas.moveClock(ms);
}

/** `at` as ms since epoch: an integer, or an ISO 8601 date (a Date too, from the controller). */
function instant(at: number | string | Date): number | undefined {
  const ms = at instanceof Date ? at.getTime() : typeof at === 'string' ? Date.parse(at) : at;
  return Number.isSafeInteger(ms) && ms >= 0 ? ms : undefined;
}

/**
 * Sets the clock to `at`. Manual: forward fires what falls due as advance does; real: re-anchors there
 * (what falls due fires at once). Back only down to the newest task's creation (409 otherwise).
 */
export async function setClock(core: CoreContext, at: number | string | Date): Promise<Result<ClockView>> {
  const target = instant(at);
  if (target === undefined)
    return refuse('invalid_request', 'at must be ms since epoch (an integer >= 0) or an ISO 8601 date', 'at');
  const now = core.now();
  if (core.scheduler.mode === 'manual' && target >= now) {
    await moveClock(core, target - now);
    return ok(clockView(core));
  }
  const refusal = await beforeNewestTask(core, target, 'at');
  if (refusal) return refusal;
  // A real clock keeps its factor and pause; a manual one has neither.
  await change(core, (state) => reanchor(state, core.scheduler.wall(), { anchor: target }));
  return ok(clockView(core));
}

/** Speeds a real clock up or slows it down (409 on a manual one): `factor` simulated ms per wall ms. */
export async function scaleClock(core: CoreContext, factor: number): Promise<Result<ClockView>> {
  if (core.scheduler.mode !== 'real') return refuse('conflict', REAL_ONLY);
  if (!Number.isFinite(factor) || factor <= 0 || factor > MAX_CLOCK_FACTOR)
    return refuse('invalid_request', `factor must be a number > 0 and <= ${MAX_CLOCK_FACTOR}`, 'factor');
  await change(core, (state) => reanchor(state, core.scheduler.wall(), { factor }));
  return ok(clockView(core));
}

/** Stops (true) or restarts (false) a real clock (409 on a manual one); already so, the answer is the same. */
export async function pauseClock(core: CoreContext, paused: boolean): Promise<Result<ClockView>> {
  if (core.scheduler.mode !== 'real') return refuse('conflict', REAL_ONLY);
  // Re-anchored even when already so: the time it shows does not change.
  await change(core, (state) => reanchor(state, core.scheduler.wall(), { paused }));
  return ok(clockView(core));
}

/**
 * Real: back to wall time, factor 1, running; manual: back to its start time. 409 when that is before
 * the newest task's creation (the full reset, which drops the tasks, resets the clock too).
 */
export async function resetClock(core: CoreContext): Promise<Result<ClockView>> {
  const refusal = await beforeNewestTask(core, startOf(core));
  if (refusal) return refusal;
  await restartClock(core);
  return ok(clockView(core));
}

/** The clock back at its start, tasks or none (the full reset has just dropped them). */
export async function restartClock(core: CoreContext): Promise<void> {
  await change(core, () => clockAt(startOf(core), core.scheduler.wall()));
}

/** Where the clock starts: a manual one at its start time, a real one at wall time. */
function startOf(core: CoreContext): number {
  return core.scheduler.mode === 'manual' ? core.options.startTime : core.scheduler.wall();
}

function change(core: CoreContext, next: (state: ClockState) => ClockState): Promise<ClockState> {
  return core.replicas.changeClock(next);
}

/** A 409 when `at` is before the newest task's creation (its lifecycle would run backwards). */
async function beforeNewestTask(core: CoreContext, at: number, param?: string): Promise<Refusal | undefined> {
  let newest: { id: string; createdAt: number } | undefined;
  for (const task of await core.store.listTasks(core.now()))
    if (!newest || task.createdAt > newest.createdAt) newest = task;
  if (!newest || at >= newest.createdAt) return undefined;
  const iso = (ms: number) => new Date(ms).toISOString();
  return refuse(
    'conflict',
    `The clock cannot go back to ${iso(at)}: task ${newest.id} was created at ${iso(newest.createdAt)}. ` +
      'Reset the mock (POST /__mock/reset) to drop the tasks first.',
    param,
  );
}
