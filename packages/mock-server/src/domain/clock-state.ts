// The clock's state as pure data: where simulated time stood at an anchor, how fast it runs, paused or not.

/** The most a real clock may be sped up (mock-admin.yaml's ClockScaleRequest says the same). */
export const MAX_CLOCK_FACTOR = 1000;

/**
 * A clock's state. Real mode: `now = paused ? anchor : anchor + (wall - real) * factor`. Manual mode:
 * `anchor` is its time (factor 1, never paused). `epoch` counts the changes made by a verb (set, scale,
 * pause, resume, reset), so a replica sees that the others changed it.
 */
export interface ClockState {
  /** Simulated ms since epoch at the anchor. */
  readonly anchor: number;
  /** Wall ms since epoch at the anchor. */
  readonly real: number;
  /** Simulated ms per wall ms. */
  readonly factor: number;
  readonly paused: boolean;
  readonly epoch: number;
}

/** A clock that stands at `at`, running at wall speed (the start state). */
export function clockAt(at: number, wall: number, epoch = 0): ClockState {
  return { anchor: Math.floor(at), real: wall, factor: 1, paused: false, epoch };
}

/** Simulated time by `state` at wall time `wall` (whole ms). */
export function clockNow(state: ClockState, wall: number): number {
  if (state.paused) return state.anchor;
  return state.anchor + Math.floor((wall - state.real) * state.factor);
}

/** The state changed by `change`, re-anchored at `wall` (so the time so far is kept), one epoch on. */
export function reanchor(
  state: ClockState,
  wall: number,
  change: Partial<Pick<ClockState, 'anchor' | 'factor' | 'paused'>>,
): ClockState {
  return {
    anchor: clockNow(state, wall),
    real: wall,
    factor: state.factor,
    paused: state.paused,
    ...change,
    epoch: state.epoch + 1,
  };
}

/** The wall ms until simulated time reaches `at` (Infinity while paused; 0 when due). */
export function wallDelay(state: ClockState, wall: number, at: number): number {
  if (state.paused) return Number.POSITIVE_INFINITY;
  return Math.max(0, Math.ceil((at - clockNow(state, wall)) / state.factor));
}
