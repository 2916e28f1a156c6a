// The caller's task list (GET /v1/tasks) and the batch query (POST /v1/tasks/batch): their query,
// body and answers as the validators compiled from the spec see them.
import { describe, expect, test } from 'vitest';
import { example, spec } from '../src/index.js';
import { createSpecValidator } from '../src/validator.js';

const validator = createSpecValidator({ useDefaults: true });
const ids = (n: number) =>
  Array.from({ length: n }, (_, i) => `task-unified-1757169743-${String(i).padStart(8, '0')}`);

describe('listTasks', () => {
  const query = validator.query('listTasks');

  test('fills in page 1 and page_size 20, converting numbers from text', () => {
    const params: Record<string, unknown> = {};
    expect(query(params)).toBe(true);
    expect(params).toEqual({ page: 1, page_size: 20 });
    const given: Record<string, unknown> = {
      page: '3',
      page_size: '100',
      status: 'processing',
      model: 'sora-2',
      type: 'video',
    };
    expect(query(given)).toBe(true);
    expect(given).toMatchObject({ page: 3, page_size: 100 });
  });

  test.each([
    [{ page: '0' }, 'page must be at least 1'],
    [{ page_size: '101' }, 'page_size must be at most 100'],
    [{ page_size: '0' }, 'page_size must be at least 1'],
    [{ status: 'running' }, 'status must be one of: pending, processing, completed, failed'],
    [{ type: 'image' }, 'type must be one of: video'],
  ])('refuses %o: %s', (params, message) => {
    expect(query({ ...params })).toBe(false);
    expect(query.issues[0]?.message).toBe(message);
  });

  test('answers a page with total, page and page_size', () => {
    const ok = validator.response('listTasks', 200);
    expect(ok?.(example('TaskList'))).toBe(true);
    expect(ok?.({ data: [], total: 2 ** 53, page: 1, page_size: 20 })).toBe(false);
    expect(ok?.({ data: [], total: 0, page: 1 })).toBe(false);
    expect(validator.response('listTasks', 400)?.(example('BadPageSizeError'))).toBe(true);
  });
});

describe('getTasksBatch', () => {
  const body = validator.requestBody('getTasksBatch');

  test('takes 1 to 50 task ids', () => {
    expect(body(example('TaskBatchRequest'))).toBe(true);
    expect(body({ task_ids: ids(50) })).toBe(true);
    expect(body({ task_ids: [] })).toBe(false);
    expect(body.issues[0]).toMatchObject({
      property: 'task_ids',
      message: 'task_ids must have at least 1 item',
    });
  });

  test('more than 50 ids is refused, naming task_ids', () => {
    expect(body({ task_ids: ids(51) })).toBe(false);
    expect(body.issues[0]).toMatchObject({
      property: 'task_ids',
      message: 'task_ids must have at most 50 items',
    });
  });

  test('a malformed id is refused with the pattern in words', () => {
    expect(body({ task_ids: ['abc'] })).toBe(false);
    expect(body.issues[0]?.message).toBe('task_ids[0] must start with task-unified-');
  });

  test('answers the found tasks', () => {
    expect(validator.response('getTasksBatch', 200)?.(example('TaskBatch'))).toBe(true);
    expect(validator.response('getTasksBatch', 400)?.(example('TooManyTaskIdsError'))).toBe(true);
  });
});

test('the create answer links to the task query and the batch', () => {
  type Links = Record<string, { operationId: string; parameters?: object }>;
  const create = spec.paths['/v1/videos/generations'] as {
    post: { responses: Record<string, { links: Links }> };
  };
  const links = create.post.responses['200']?.links as Links;
  expect(links.getTask).toMatchObject({
    operationId: 'getTaskDetail',
    parameters: { task_id: '$response.body#/id' },
  });
  expect(links.getTasksBatch?.operationId).toBe('getTasksBatch');
});
