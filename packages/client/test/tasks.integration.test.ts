// The caller's task list and the batch query through the client, against the mock in process.
import { createMockServer, type MockServer } from '@videotask/mock-server';
import { spec } from '@videotask/spec';
import { clientClockOn } from '@videotask/testkit';
import { afterEach, expect, test } from 'vitest';
import { createVideoTaskClient, TASK_BATCH_SIZE, UnexpectedResponseError } from '../src/index.js';

const API_KEY = 'sk-test-tasks';
const OTHER_KEY = 'sk-test-other';
const BASE_URL = 'http://127.0.0.1:4010';
const mocks: MockServer[] = [];
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
});

function setup(fetchOverride?: (request: Request) => Promise<Response | undefined>) {
  const mock = createMockServer({ clock: 'manual', seed: 2, apiKeys: [API_KEY, OTHER_KEY], credits: 10_000 });
  mocks.push(mock);
  const batches: number[] = [];
  const fetch = async (input: Request, init?: RequestInit) => {
    if (new URL(input.url).pathname === '/v1/tasks/batch') {
      batches.push(((await input.clone().json()) as { task_ids: string[] }).task_ids.length);
    }
    return (await fetchOverride?.(input)) ?? mock.fetch(input, init);
  };
  const clock = clientClockOn(mock.clock);
  const client = createVideoTaskClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch, clock });
  return { mock, client, batches };
}

async function createMany(mock: MockServer, count: number, apiKey = API_KEY) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { task } = await mock.tasks.create({ model: 'sora-2', prompt: `task ${i}` }, { apiKey });
    ids.push(task.id);
  }
  return ids;
}

test('the batch size is the spec’s maxItems of task_ids', () => {
  const request = spec.components.schemas.TaskBatchRequest as {
    properties: { task_ids: { maxItems: number } };
  };
  expect(TASK_BATCH_SIZE).toBe(request.properties.task_ids.maxItems);
});

test('listTasks pages newest first; iterateTasks yields every task once, across pages', async () => {
  const { mock, client } = setup();
  const ids = await createMany(mock, 7);
  await createMany(mock, 2, OTHER_KEY);
  const page = await client.listTasks({ page: 2, page_size: 3 });
  expect(page).toMatchObject({ page: 2, page_size: 3, total: 7 });
  expect(page.data.map((t) => t.id)).toEqual(ids.slice().reverse().slice(3, 6));
  const all: string[] = [];
  for await (const task of client.iterateTasks({ page_size: 3 })) all.push(task.id);
  expect(all).toEqual(ids.slice().reverse());
});

test('getTasks batches by 50, keeps the order asked, and leaves out unknown and other keys’ ids', async () => {
  const { mock, client, batches } = setup();
  const ids = await createMany(mock, 120);
  const [foreign] = await createMany(mock, 1, OTHER_KEY);
  const unknown = 'task-unified-1757169743-zzzzzzzz';
  const asked = [unknown, ...ids.slice().reverse(), foreign as string, ids[0] as string];
  const tasks = await client.getTasks(asked);
  expect(tasks.map((t) => t.id)).toEqual(ids.slice().reverse());
  expect(batches).toEqual([50, 50, 22]);
});

test('a page that is not the one asked for is refused', async () => {
  const { client } = setup(async (request) =>
    new URL(request.url).pathname === '/v1/tasks'
      ? Response.json({ data: [], total: 0, page: 1, page_size: 20 })
      : undefined,
  );
  const error = await client.listTasks({ page: 2 }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UnexpectedResponseError);
  expect((error as Error).message).toMatch(/asked for 2/);
});

test('a total that is not a safe integer is refused', async () => {
  const { client } = setup(async (request) =>
    new URL(request.url).pathname === '/v1/tasks'
      ? Response.json({ data: [], total: 2 ** 60, page: 1, page_size: 20 })
      : undefined,
  );
  await expect(client.listTasks()).rejects.toBeInstanceOf(UnexpectedResponseError);
});
