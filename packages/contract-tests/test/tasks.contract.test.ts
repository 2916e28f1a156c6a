// The caller's task list (GET /v1/tasks) and the batch query (POST /v1/tasks/batch): the reply echoes
// the page asked for, total is a safe integer, another key's tasks never show, and 51 ids are refused.
// Both calls are free reads, so they run on the live target too; every answer is checked against the spec.
import type { Schemas } from '@videotask/spec';
import { describe, expect, test } from 'vitest';
import { client, onMock, recorder, target } from '../src/harness.js';
import { MOCK_API_KEYS } from '../src/mock-flags.js';

type TaskList = Schemas['TaskList'];
type TaskBatch = Schemas['TaskBatch'];

const headers = (apiKey = target.apiKey) => ({
  authorization: `Bearer ${apiKey}`,
  'content-type': 'application/json',
});

async function listTasks(query: string, apiKey?: string): Promise<TaskList> {
  const response = await recorder.fetch(`${target.baseUrl}/v1/tasks${query}`, { headers: headers(apiKey) });
  expect(response.status).toBe(200);
  return (await response.json()) as TaskList;
}

function batch(taskIds: string[], apiKey?: string): Promise<Response> {
  return recorder.fetch(`${target.baseUrl}/v1/tasks/batch`, {
    method: 'POST',
    headers: headers(apiKey),
    body: JSON.stringify({ task_ids: taskIds }),
  });
}

/** Well-formed ids no task has (a base36 tail of zeros and a fixed past second). */
const unknownIds = (n: number) =>
  Array.from({ length: n }, (_, i) => `task-unified-1700000000-${i.toString(36).padStart(8, '0')}`);

describe.skipIf(!target.available)(`task list and batch (${target.name})`, () => {
  test.each([
    ['', 1, 20],
    ['?page=1&page_size=5', 1, 5],
    ['?page=3&page_size=2', 3, 2],
  ])(
    'GET /v1/tasks%s echoes page %i and page_size %i; total is a safe integer',
    async (query, page, size) => {
      const list = await listTasks(query);
      expect(list.page).toBe(page);
      expect(list.page_size).toBe(size);
      expect(Number.isSafeInteger(list.total)).toBe(true);
      expect(list.total).toBeGreaterThanOrEqual(0);
      expect(list.data.length).toBeLessThanOrEqual(size);
    },
  );

  test('status=processing lists pending and processing tasks only', async () => {
    const list = await listTasks('?status=processing&page_size=100');
    for (const task of list.data) expect(['pending', 'processing']).toContain(task.status);
  });

  test('a batch of unknown ids answers no tasks; 51 ids answer 400', async () => {
    const none = await batch(unknownIds(3));
    expect(none.status).toBe(200);
    expect(((await none.json()) as TaskBatch).data).toEqual([]);
    const tooMany = await batch(unknownIds(51));
    expect(tooMany.status).toBe(400);
    const { error } = (await tooMany.json()) as Schemas['ErrorResponse'];
    expect(error.type).toBe('invalid_request_error');
    if (onMock) expect(error.param).toBe('task_ids');
  });

  test.skipIf(!onMock)('another key’s tasks are absent from the list and the batch (mock only)', async () => {
    const mine = await client().createVideo({ model: 'sora-2', prompt: 'A lighthouse at dusk' });
    const other = MOCK_API_KEYS[1];
    const theirs = await client({ apiKey: other }).createVideo({ model: 'sora-2', prompt: 'A red kite' });

    const myList = await listTasks('?page_size=100');
    expect(myList.data.map((t) => t.id)).toContain(mine.id);
    expect(myList.data.map((t) => t.id)).not.toContain(theirs.id);
    const theirList = await listTasks('?page_size=100', other);
    expect(theirList.data.map((t) => t.id)).not.toContain(mine.id);

    const found = await batch([theirs.id, mine.id, ...unknownIds(2)]);
    expect(found.status).toBe(200);
    expect(((await found.json()) as TaskBatch).data.map((t) => t.id)).toEqual([mine.id]);
  });
});
