// The caller's own tasks on MockCore: GET /v1/tasks's query and page, POST /v1/tasks/batch's ids.
import { afterEach, describe, expect, test } from 'vitest';
import { parseTaskBatch, parseTaskListQuery } from './caller-tasks.js';
import { refuse } from './result.js';
import { closeCores, created, input, KEY, OTHER_KEY, testCore } from './test-core.js';

afterEach(closeCores);

describe('parseTaskListQuery', () => {
  test('defaults: page 1 of 20, no status, no model', () => {
    expect(parseTaskListQuery({})).toEqual({
      ok: true,
      value: { page: 1, pageSize: 20, status: null, model: null },
    });
  });

  test('the values read from text; type=video filters nothing', () => {
    const query = { page: '2', page_size: '5', status: 'processing', model: 'sora-2', type: 'video' };
    expect(parseTaskListQuery(query)).toEqual({
      ok: true,
      value: { page: 2, pageSize: 5, status: 'processing', model: 'sora-2' },
    });
  });

  test.each([
    [{ page: '0' }, 'page must be at least 1', 'page'],
    [{ page_size: '101' }, 'page_size must be at most 100', 'page_size'],
    [{ status: 'done' }, 'status must be one of: pending, processing, completed, failed', 'status'],
    [{ type: 'image' }, 'type must be one of: video', 'type'],
  ])('%j is refused on its parameter', (query, message, param) => {
    expect(parseTaskListQuery(query)).toEqual(refuse('invalid_request', message, param));
  });
});

describe('parseTaskBatch', () => {
  test('the ids asked for', () => {
    expect(parseTaskBatch({ task_ids: ['task-unified-1-a'] })).toEqual({
      ok: true,
      value: ['task-unified-1-a'],
    });
  });

  test.each([
    [{}, 'task_ids is required', 'task_ids'],
    [{ task_ids: [] }, 'task_ids must have at least 1 item', 'task_ids'],
    [{ task_ids: ['a'] }, 'task_ids[0] must start with task-unified-', 'task_ids'],
    [null, 'body must be of type object', undefined],
  ])('%j is refused', (body, message, param) => {
    expect(parseTaskBatch(body)).toEqual(refuse('invalid_request', message, param));
  });

  test('a body with a code but no ok: false is a body like any other; so is a string', () => {
    expect(parseTaskBatch({ code: 'x', task_ids: [] })).toMatchObject({ ok: false, code: 'invalid_request' });
    expect(parseTaskBatch('x')).toEqual(refuse('invalid_request', 'body must be of type object'));
  });

  test('a body that could not be read is passed on as it came', () => {
    const unreadable = refuse('request_too_large', 'too big');
    expect(parseTaskBatch(unreadable)).toBe(unreadable);
  });
});

describe('callerTasks and tasksBatch', () => {
  async function threeTasks() {
    const core = testCore();
    const a = await created(core);
    await core.moveClock(10 * 60_000);
    const b = await created(core, input({ duration: 15 }));
    const c = await created(core, input({ model: 'sora-2-preview' }));
    const theirs = await created(core, input({}, { apiKey: OTHER_KEY }));
    return { core, a, b, c, theirs };
  }
  const ids = (result: { ok: boolean; value?: { data: { id: string }[] } }) =>
    result.value?.data.map((t) => t.id);

  test("a page of the key's own tasks, newest first, echoing page and page_size", async () => {
    const { core, a, b, c } = await threeTasks();
    const all = await core.callerTasks(KEY, { page: 1, pageSize: 20, status: null, model: null });
    expect(all).toMatchObject({ ok: true, value: { total: 3, page: 1, page_size: 20 } });
    expect(ids(all)).toEqual([c.id, b.id, a.id]);
    const second = await core.callerTasks(KEY, { page: 2, pageSize: 2, status: null, model: null });
    expect(second).toMatchObject({ value: { total: 3, page: 2, page_size: 2 } });
    expect(ids(second)).toEqual([a.id]);
  });

  test('status (processing also matches pending) and model filters', async () => {
    const { core, a, b, c } = await threeTasks();
    const q = { page: 1, pageSize: 20, model: null };
    expect(ids(await core.callerTasks(KEY, { ...q, status: 'completed' }))).toEqual([a.id]);
    expect(ids(await core.callerTasks(KEY, { ...q, status: 'processing' }))).toEqual([c.id, b.id]);
    expect(ids(await core.callerTasks(KEY, { ...q, status: 'pending' }))).toEqual([c.id, b.id]);
    expect(ids(await core.callerTasks(KEY, { ...q, status: 'failed' }))).toEqual([]);
    expect(ids(await core.callerTasks(KEY, { ...q, status: null, model: 'sora-2-preview' }))).toEqual([c.id]);
  });

  test("batch: the key's tasks among the ids, in the order asked; others are absent", async () => {
    const { core, a, c, theirs } = await threeTasks();
    const batch = await core.tasksBatch(KEY, [c.id, theirs.id, 'task-unified-1-nothing', a.id]);
    expect(ids(batch)).toEqual([c.id, a.id]);
    expect(batch.ok && batch.value.data[1]?.status).toBe('completed');
  });
});
