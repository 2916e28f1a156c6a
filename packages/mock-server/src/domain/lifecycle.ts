// A task's timeline and its state at any instant: derived from the clock when read, never from timers.
import { type ModelProfile, spec } from '@videotask/spec';
import { mix, type Random } from './random.js';
import type { Outcome } from './scenarios.js';

/** Progress rises in this many steps while processing. */
export const PROGRESS_STEPS = 20;
/** Results and finished tasks live this long after the task ends. */
export const RETENTION_MS = 24 * 60 * 60 * 1000;

export type TaskStatus = 'pending' | 'processing' | 'completed' | 'failed';

/** Every status, in lifecycle order, as the spec's `TaskStatus` enum lists them (a test keeps the type in step). */
export const TASK_STATUSES: readonly TaskStatus[] = (
  spec.components.schemas.TaskStatus as { enum: TaskStatus[] }
).enum;

/** The timing facts of one task (ms since epoch, by the server's clock). */
export interface Timeline {
  createdAt: number;
  /** When it leaves `pending`. */
  processingAt: number;
  /** How long processing takes for a task that completes. */
  processingMs: number;
  /** When it ends (completes or fails); Infinity for a stuck task. */
  endAt: number;
  outcome: Outcome;
  /** Progress stops rising here (a stuck task); Infinity otherwise. */
  freezeAt: number;
  /** The task's own jitter seed. */
  seed: number;
}

/** How fast a model processes, from its profile: seconds per second of video, and more for images. */
export type Pace = ModelProfile['processing'];

export interface PlanInput {
  now: number;
  duration: number;
  image: boolean;
  pace: Pace;
  /** Divides every timing. */
  speed: number;
  slow: boolean;
  outcome: Outcome;
  /** Multiplies processing alone (the `slow-provider` chaos profile; default 1). */
  processingFactor?: number;
}

/**
 * Realistic timings: 2–3.5 s pending; processing takes the model's pace times the video's length
 * (sora-2: 4.5–6 s a second, so 45–60 s for 10 s), plus its image extra for image-to-video; `slow`
 * multiplies by 5, `speed` divides. A failure happens 15–60 % into processing.
 */
export function planTimeline(input: PlanInput, random: Random): Timeline {
  const factor = (input.slow ? 5 : 1) / input.speed;
  const pendingMs = Math.max(1, Math.round((2000 + random.next() * 1500) * factor));
  const [fastest, slowest] = input.pace.seconds_per_video_second;
  const base = input.duration * (fastest + random.next() * (slowest - fastest)) * 1000;
  const imageMs = input.image ? input.pace.image_extra_seconds * 1000 : 0;
  const processingFactor = input.processingFactor ?? 1;
  const processingMs = Math.max(PROGRESS_STEPS, Math.round((base + imageMs) * factor * processingFactor));
  const failAt = 0.15 + random.next() * 0.45;
  const processingAt = input.now + pendingMs;
  let endAt = processingAt + processingMs;
  if (input.outcome === 'failed') endAt = processingAt + Math.max(1, Math.round(processingMs * failAt));
  if (input.outcome === 'stuck') endAt = Number.POSITIVE_INFINITY;
  return {
    createdAt: input.now,
    processingAt,
    processingMs,
    endAt,
    outcome: input.outcome,
    freezeAt:
      input.outcome === 'stuck' ? processingAt + Math.round(processingMs * 0.5) : Number.POSITIVE_INFINITY,
    seed: random.seed32(),
  };
}

/**
 * Progress at instant `t`: 0 while pending, then `1 + step·95/STEPS + jitter(0..3)` per step, which
 * rises strictly from step to step and stays below 100 until a completed task reads 100.
 */
export function progressAt(timeline: Timeline, t: number): number {
  if (t < timeline.processingAt) return 0;
  const at = Math.min(t, timeline.freezeAt);
  const fraction = (at - timeline.processingAt) / timeline.processingMs;
  const step = Math.min(PROGRESS_STEPS - 1, Math.floor(fraction * PROGRESS_STEPS));
  return 1 + Math.floor((step * 95) / PROGRESS_STEPS) + Math.floor(mix(timeline.seed, step) * 4);
}

export interface TaskState {
  status: TaskStatus;
  progress: number;
}

export function stateAt(timeline: Timeline, now: number): TaskState {
  if (now >= timeline.endAt) {
    if (timeline.outcome === 'completed') return { status: 'completed', progress: 100 };
    return { status: 'failed', progress: progressAt(timeline, timeline.endAt) };
  }
  if (now < timeline.processingAt) return { status: 'pending', progress: 0 };
  return { status: 'processing', progress: progressAt(timeline, now) };
}

/** Ends a running task at `now` as failed (an admin cancel); its progress stays where it was. */
export function endNow(timeline: Timeline, now: number): void {
  timeline.endAt = now;
  timeline.outcome = 'failed';
}
