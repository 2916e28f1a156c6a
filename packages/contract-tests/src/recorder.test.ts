import { pendingTask } from '@videotask/testkit';
import { expect, test } from 'vitest';
import { ContractRecorder, checkAgainstSpec, operationFor } from './recorder.js';

const task = pendingTask();

test('requests map to the spec operations', () => {
  expect(operationFor('POST', '/v1/videos/generations')).toBe('createVideoGeneration');
  expect(operationFor('GET', '/v1/tasks/task-unified-1-abcdefgh')).toBe('getTaskDetail');
  expect(operationFor('GET', '/v1/credits')).toBe('getCredits');
  expect(operationFor('GET', '/v1/tasks/a/b')).toBeUndefined();
  expect(operationFor('GET', '/__mock/tasks')).toBeUndefined();
});

test('a conforming answer has no problems; broken ones are named', () => {
  expect(checkAgainstSpec('getTaskDetail', 200, 'application/json', task)).toEqual([]);
  expect(checkAgainstSpec('getTaskDetail', 200, 'text/html', task).join()).toMatch(/content-type/);
  expect(
    checkAgainstSpec('getTaskDetail', 200, 'application/json', { ...task, progress: 120 }).join(),
  ).toMatch(/progress/);
  expect(checkAgainstSpec('getTaskDetail', 404, 'application/json', { message: 'nope' }).join()).toMatch(
    /error/,
  );
  expect(checkAgainstSpec('getCredits', 404, 'application/json', {}).join()).not.toBe('');
});

test('the recorder checks every answer it passes through', async () => {
  const recorder = new ContractRecorder(async () => Response.json({ ...task, status: 'dancing' }));
  const response = await recorder.fetch('http://mock.test/v1/tasks/task-unified-1757169743-7cvnl5zw');
  expect(await response.json()).toMatchObject({ status: 'dancing' });
  expect(recorder.takeProblems().join('\n')).toMatch(
    /GET \/v1\/tasks\/task-unified-1757169743-7cvnl5zw → 200 body/,
  );
  expect(recorder.takeProblems()).toEqual([]);
});
