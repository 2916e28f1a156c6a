import type { VideoTask } from '@videotask/client';
import { describe, expect, test } from 'vitest';
import { checkTaskRead, checkTransition } from './lifecycle.js';

const now = 1_757_169_800;
const base = {
  id: 'task-unified-1757169743-7cvnl5zw',
  object: 'video.generation.task',
  model: 'sora-2',
  type: 'video',
  created: 1_757_169_743,
} as const;
const pending = { ...base, status: 'pending', progress: 0, task_info: { can_cancel: true } } as VideoTask;
const processing = {
  ...base,
  status: 'processing',
  progress: 40,
  task_info: { can_cancel: true },
} as VideoTask;
const completed = {
  ...base,
  status: 'completed',
  progress: 100,
  results: ['https://x.example/v.mp4'],
  task_info: { can_cancel: false },
} as VideoTask;
const failed = {
  ...base,
  status: 'failed',
  progress: 40,
  error: { code: 'service_error', message: 'x', type: 'task_error' },
  task_info: { can_cancel: false },
} as VideoTask;

describe('checkTransition', () => {
  test.each([
    [pending, processing],
    [pending, completed],
    [processing, processing],
    [processing, failed],
    [completed, completed],
  ])('%# a legal step passes', (a, b) => {
    expect(checkTransition(a, b)).toEqual([]);
  });

  test.each([
    [processing, pending, /illegal transition processing → pending/],
    [completed, processing, /illegal transition completed → processing/],
    [failed, completed, /illegal transition failed → completed/],
    [processing, { ...processing, progress: 39 }, /progress fell from 40 to 39/],
    [pending, { ...pending, id: 'task-unified-1757169743-aaaaaaaa' }, /id changed/],
    [pending, { ...pending, created: 1 }, /created changed/],
  ])('%# an illegal step is reported', (a, b, message) => {
    expect(checkTransition(a as VideoTask, b as VideoTask).join('\n')).toMatch(message);
  });
});

describe('checkTaskRead', () => {
  test('states that keep every rule pass', () => {
    for (const task of [pending, processing, completed, failed]) expect(checkTaskRead(task, now)).toEqual([]);
  });

  test.each([
    [{ ...completed, results: undefined }, /results must be present exactly when completed/],
    [
      { ...processing, results: ['https://x.example/v.mp4'] },
      /results must be present exactly when completed/,
    ],
    [{ ...failed, error: undefined }, /error must be present exactly when failed/],
    [{ ...completed, task_info: { can_cancel: true } }, /can_cancel must be false/],
    [{ ...pending, created: now - 3_600 }, /not close to now/],
  ])('%# a broken read is reported', (task, message) => {
    expect(checkTaskRead(task as VideoTask, now).join('\n')).toMatch(message);
  });
});
