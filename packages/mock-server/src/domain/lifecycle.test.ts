import { modelEntry } from '@videotask/spec';
import { describe, expect, test } from 'vitest';
import {
  endNow,
  PROGRESS_STEPS,
  planTimeline,
  progressAt,
  RETENTION_MS,
  stateAt,
  TASK_STATUSES,
  type TaskStatus,
  type Timeline,
} from './lifecycle.js';
import { createRandom } from './random.js';

const paceOf = (id: string) => {
  const entry = modelEntry(id);
  if (!entry) throw new Error(`the spec has no ${id}`);
  return entry.profile.processing;
};
const SORA_2_PACE = paceOf('sora-2');

type PlanInput = Parameters<typeof planTimeline>[0];
/** A 10 s sora-2 text video that completes, planned at t = 1,000,000 ms; `overrides` change one thing. */
const input = (overrides: Partial<PlanInput>): PlanInput => ({
  now: 1_000_000,
  duration: 10,
  image: false,
  pace: SORA_2_PACE,
  speed: 1,
  slow: false,
  outcome: 'completed',
  ...overrides,
});
const plan = (overrides: Partial<PlanInput> = {}, seed = 's') =>
  planTimeline(input(overrides), createRandom(seed));

describe('planTimeline', () => {
  test.each([
    ['10 s video', { duration: 10 }, 47_000, 63_500],
    ['15 s video', { duration: 15 }, 69_500, 93_500],
    // Each model's pace from its profile: seedance-1.5-pro takes 6–10 s a second of video.
    ['5 s seedance-1.5-pro video', { duration: 5, pace: paceOf('seedance-1.5-pro') }, 32_000, 53_500],
    ['8 s veo-3.1 video', { duration: 8, pace: paceOf('veo-3.1-generate-preview') }, 98_000, 163_500],
    ['10 s image-to-video', { duration: 10, image: true }, 52_000, 68_500],
    ['slow 10 s video', { slow: true }, 235_000, 317_500],
    ['10 s video at speed 10', { speed: 10 }, 4_700, 6_350],
  ])('a %s ends within its realistic window', (_name, input, min, max) => {
    for (const seed of ['a', 'b', 'c', 'd', 'e']) {
      const t = plan(input, seed);
      const total = t.endAt - t.createdAt;
      expect(total).toBeGreaterThanOrEqual(min);
      expect(total).toBeLessThanOrEqual(max);
      expect(t.processingAt).toBeGreaterThan(t.createdAt);
    }
  });

  test('pending lasts 2 to 3.5 s at speed 1', () => {
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const t = plan({}, seed);
      expect(t.processingAt - t.createdAt).toBeGreaterThanOrEqual(2000);
      expect(t.processingAt - t.createdAt).toBeLessThanOrEqual(3500);
    }
  });

  test('a failure ends 15–60 % into processing; a stuck task never ends', () => {
    for (const seed of ['a', 'b', 'c', 'd']) {
      const t = plan({ outcome: 'failed' }, seed);
      const into = (t.endAt - t.processingAt) / t.processingMs;
      expect(into).toBeGreaterThanOrEqual(0.15);
      expect(into).toBeLessThanOrEqual(0.6);
    }
    expect(plan({ outcome: 'stuck' }).endAt).toBe(Number.POSITIVE_INFINITY);
  });

  test('the same seed plans the same timeline', () => {
    expect(plan({}, 'x')).toEqual(plan({}, 'x'));
    expect(plan({}, 'x')).not.toEqual(plan({}, 'y'));
  });
});

describe('stateAt', () => {
  const walk = (t: Timeline, until: number, step = 250) => {
    const states = [];
    for (let now = t.createdAt; now <= until; now += step) states.push(stateAt(t, now));
    return states;
  };

  test('progress never falls, rises in steps, and is 100 only when completed', () => {
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      const t = plan({}, seed);
      const states = walk(t, t.endAt + 5000);
      const progress = states.map((s) => s.progress);
      for (let i = 1; i < progress.length; i++)
        expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1] as number);
      for (const s of states) {
        if (s.status === 'pending') expect(s.progress).toBe(0);
        if (s.status === 'processing') {
          expect(s.progress).toBeGreaterThan(0);
          expect(s.progress).toBeLessThan(100);
        }
        if (s.status === 'completed') expect(s.progress).toBe(100);
      }
      const distinct = new Set(states.filter((s) => s.status === 'processing').map((s) => s.progress));
      expect(distinct.size).toBe(PROGRESS_STEPS);
    }
  });

  test('the status order is pending → processing → completed, switching at the planned times', () => {
    const t = plan();
    expect(stateAt(t, t.processingAt - 1).status).toBe('pending');
    expect(stateAt(t, t.processingAt).status).toBe('processing');
    expect(stateAt(t, t.endAt - 1).status).toBe('processing');
    expect(stateAt(t, t.endAt)).toEqual({ status: 'completed', progress: 100 });
  });

  test('a failed task keeps the progress it had when it failed', () => {
    const t = plan({ outcome: 'failed' });
    const before = stateAt(t, t.endAt - 1).progress;
    const after = stateAt(t, t.endAt + 60_000);
    expect(after.status).toBe('failed');
    expect(after.progress).toBeGreaterThanOrEqual(before);
    expect(after.progress).toBe(progressAt(t, t.endAt));
    expect(after.progress).toBeLessThan(100);
  });

  test('a stuck task freezes halfway, and a cancel keeps the frozen progress', () => {
    const t = plan({ outcome: 'stuck' });
    const frozen = stateAt(t, t.freezeAt).progress;
    expect(stateAt(t, t.freezeAt + 86_400_000)).toEqual({ status: 'processing', progress: frozen });
    endNow(t, t.freezeAt + 86_400_000);
    expect(stateAt(t, t.freezeAt + 86_400_001)).toEqual({ status: 'failed', progress: frozen });
  });

  test('a task cancelled while pending reads failed with progress 0', () => {
    const t = plan();
    endNow(t, t.createdAt + 100);
    expect(stateAt(t, t.createdAt + 100)).toEqual({ status: 'failed', progress: 0 });
  });
});

test('the TaskStatus type and the spec enum list the same statuses, in lifecycle order', () => {
  // A Record over the union stops compiling when the type gains or loses a member; the spec side is runtime.
  const order: Record<TaskStatus, number> = { pending: 0, processing: 1, completed: 2, failed: 3 };
  expect([...TASK_STATUSES]).toEqual(Object.keys(order));
});

/** A Random whose every draw is `value`, and whose seed32 is 42: the timing rule's exact edges. */
const constant = (value: number) => ({
  next: () => value,
  int: () => 0,
  base36: (n: number) => '0'.repeat(n),
  seed32: () => 42,
});
const exact = (overrides: Partial<PlanInput> = {}, draw = 0) =>
  planTimeline(input(overrides), constant(draw));

describe('planTimeline, draw by draw', () => {
  test('the constants: 20 progress steps, kept 24 h', () => {
    expect(PROGRESS_STEPS).toBe(20);
    expect(RETENTION_MS).toBe(86_400_000);
  });

  test('lowest draws: 2 s pending, 4.5 s a video second (sora-2), never frozen', () => {
    expect(exact()).toEqual({
      createdAt: 1_000_000,
      processingAt: 1_002_000,
      processingMs: 45_000,
      endAt: 1_047_000,
      outcome: 'completed',
      freezeAt: Number.POSITIVE_INFINITY,
      seed: 42,
    });
  });

  test('middle draws: 2.75 s pending, 5.25 s a second; a failure 37.5 % in', () => {
    expect(exact({}, 0.5)).toMatchObject({ processingAt: 1_002_750, processingMs: 52_500, endAt: 1_055_250 });
    expect(exact({ outcome: 'failed' }, 0.5)).toMatchObject({ endAt: 1_002_750 + 19_688, outcome: 'failed' });
    expect(exact({ outcome: 'failed' })).toMatchObject({ endAt: 1_002_000 + 6750 });
  });

  test('an image adds its extra (5 s for sora-2); slow multiplies by 5; speed divides', () => {
    expect(exact({ image: true }).processingMs).toBe(50_000);
    expect(exact({ slow: true })).toMatchObject({ processingAt: 1_010_000, processingMs: 225_000 });
    expect(exact({ speed: 4 })).toMatchObject({ processingAt: 1_000_500, processingMs: 11_250 });
    expect(exact({ duration: 15 }).processingMs).toBe(67_500);
  });

  test('a stuck task never ends and freezes halfway through processing', () => {
    expect(exact({ outcome: 'stuck' })).toMatchObject({
      endAt: Number.POSITIVE_INFINITY,
      freezeAt: 1_002_000 + 22_500,
      outcome: 'stuck',
    });
  });

  test('at any speed pending lasts at least 1 ms and processing at least one ms per step', () => {
    expect(exact({ speed: 1e12 })).toMatchObject({
      processingAt: 1_000_001,
      processingMs: 20,
      endAt: 1_000_021,
    });
  });
});

describe('progressAt, step by step', () => {
  /** Processing from 0 for 2000 ms: 100 ms a step. */
  const t: Timeline = {
    createdAt: -1000,
    processingAt: 0,
    processingMs: 2000,
    endAt: Number.POSITIVE_INFINITY,
    outcome: 'stuck',
    freezeAt: Number.POSITIVE_INFINITY,
    seed: 42,
  };
  const within = (value: number, low: number) => {
    // 1 + step·95/20, plus a jitter of 0 to 3.
    expect(value).toBeGreaterThanOrEqual(low);
    expect(value).toBeLessThanOrEqual(low + 3);
  };

  test('0 before processing; step 0 from its first instant; each step 95/20 higher', () => {
    expect(progressAt(t, -1)).toBe(0);
    within(progressAt(t, 0), 1);
    within(progressAt(t, 99), 1);
    within(progressAt(t, 100), 5);
    within(progressAt(t, 1000), 48);
    within(progressAt(t, 1999), 91);
    // Past the planned end (a stuck task goes on) it stays on the last step.
    within(progressAt(t, 50_000), 91);
    expect(progressAt(t, 50_000)).toBe(progressAt(t, 1999));
  });

  test('from freezeAt on, progress stays where it was then', () => {
    const frozen = { ...t, freezeAt: 1000 };
    expect(progressAt(frozen, 1900)).toBe(progressAt(frozen, 1000));
    expect(progressAt(frozen, 999)).toBe(progressAt(t, 999));
  });

  test('the jitter follows the seed', () => {
    const seeds = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => progressAt({ ...t, seed }, 1000)));
    expect(seeds.size).toBeGreaterThan(1);
  });

  test('a failed task at its end reads failed with that progress; endNow fails a task at once', () => {
    const failed = { ...t, endAt: 1000, outcome: 'failed' as const };
    expect(stateAt(failed, 999).status).toBe('processing');
    expect(stateAt(failed, 1000)).toEqual({ status: 'failed', progress: progressAt(t, 1000) });
    const running = { ...t, outcome: 'completed' as const, endAt: 2000 };
    endNow(running, 500);
    expect(running).toMatchObject({ endAt: 500, outcome: 'failed' });
  });
});
