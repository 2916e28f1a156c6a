// GET /v1/tasks (the caller's tasks, paged and filtered) and POST /v1/tasks/batch through the HTTP app.
import { createSpecValidator } from '@videotask/spec/validator';
import { afterEach, describe, expect, test } from 'vitest';
import {
  auth,
  createTask,
  getTask,
  KEY,
  manualServer,
  OTHER_KEY,
  UNTIL_ANY_END_MS,
} from '../../test/helpers.js';
import type { MockServer } from '../index.js';

const spec = createSpecValidator();
const listAnswer = spec.response('listTasks', 200);
const batchAnswer = spec.response('getTasksBatch', 200);
const errorEnvelope = spec.schema('ErrorResponse');

interface TaskList {
  data: { id: string; status: string; model: string }[];
  total: number;
  page: number;
  page_size: number;
}

let server: MockServer;
afterEach(async () => {
  await server?.close();
});

async function list(query = '', key = KEY): Promise<TaskList> {
  const res = await server.app.request(`/v1/tasks${query}`, { headers: auth(key) });
  expect(res.status, await res.clone().text()).toBe(200);
  const body = (await res.json()) as TaskList;
  expect(listAnswer?.(body), JSON.stringify(listAnswer?.issues)).toBe(true);
  return body;
}

function batch(body: unknown, key = KEY): Promise<Response> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return Promise.resolve(
    server.app.request('/v1/tasks/batch', { method: 'POST', headers: auth(key), body: text }),
  );
}

async function expectInvalid(res: Response, param: string | undefined, message?: RegExp) {
  expect(res.status).toBe(400);
  const body = (await res.json()) as { error: { code: string; param?: string; message: string } };
  expect(errorEnvelope(body)).toBe(true);
  expect(body.error.code).toBe('invalid_request');
  expect(body.error.param).toBe(param);
  if (message) expect(body.error.message).toMatch(message);
}

const ids = (n: number) =>
  Array.from({ length: n }, (_, i) => `task-unified-1735732800-${String(i).padStart(8, '0')}`);

describe('GET /v1/tasks', () => {
  test('pages the caller’s tasks newest first; page and page_size echo the request', async () => {
    server = manualServer();
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await createTask(server)).id);
    const newestFirst = [...made].reverse();
    expect(await list()).toMatchObject({ total: 5, page: 1, page_size: 20 });
    expect((await list()).data.map((t) => t.id)).toEqual(newestFirst);
    const second = await list('?page=2&page_size=2');
    expect(second).toMatchObject({ total: 5, page: 2, page_size: 2 });
    expect(second.data.map((t) => t.id)).toEqual(newestFirst.slice(2, 4));
    expect((await list('?page=3&page_size=2')).data.map((t) => t.id)).toEqual(newestFirst.slice(4));
    expect(await list('?page=9&page_size=2')).toEqual({ data: [], total: 5, page: 9, page_size: 2 });
  });

  test('another key’s tasks are never listed', async () => {
    server = manualServer();
    await createTask(server);
    const theirs = await createTask(server, {}, {}, OTHER_KEY);
    expect((await list()).data.map((t) => t.id)).not.toContain(theirs.id);
    expect(await list('', OTHER_KEY)).toMatchObject({ total: 1, data: [{ id: theirs.id }] });
    expect(await list('', 'sk-nobody')).toEqual({ data: [], total: 0, page: 1, page_size: 20 });
  });

  test('status filters by the status now; processing also returns pending tasks', async () => {
    server = manualServer();
    const first = await createTask(server);
    await server.clock.advance(UNTIL_ANY_END_MS);
    const second = await createTask(server);
    expect((await list('?status=pending')).data.map((t) => t.id)).toEqual([second.id]);
    expect((await list('?status=processing')).data.map((t) => t.id)).toEqual([second.id]);
    const { status } = await getTask(server, first.id);
    expect(['completed', 'failed']).toContain(status);
    expect((await list(`?status=${status}`)).data.map((t) => t.id)).toEqual([first.id]);
    const all = (await list()).total;
    const byStatus = await Promise.all(
      ['processing', 'completed', 'failed'].map((s) => list(`?status=${s}`)),
    );
    expect(byStatus.reduce((n, page) => n + page.total, 0)).toBe(all);
  });

  test('model filters case-sensitively; type=video keeps every task', async () => {
    server = manualServer();
    const sora = await createTask(server);
    const preview = await createTask(server, { model: 'sora-2-preview', duration: 4 });
    expect((await list('?model=sora-2-preview')).data.map((t) => t.id)).toEqual([preview.id]);
    expect((await list('?model=sora-2&type=video')).data.map((t) => t.id)).toEqual([sora.id]);
    expect((await list('?model=SORA-2')).total).toBe(0);
    expect((await list('?type=video')).total).toBe(2);
  });

  test.each([
    ['?page=0', 'page', /page must be at least 1/],
    ['?page=abc', 'page', /page must be of type integer/],
    ['?page_size=101', 'page_size', /page_size must be at most 100/],
    ['?page_size=0', 'page_size', /page_size must be at least 1/],
    ['?status=running', 'status', /status must be one of/],
    ['?type=image', 'type', /type must be one of: video/],
    ['?model=', 'model', /model must not be empty/],
  ])('%s answers 400 naming %s', async (query, param, message) => {
    server = manualServer();
    const res = await server.app.request(`/v1/tasks${query}`, { headers: auth() });
    await expectInvalid(res, param, message);
  });

  test('without a key answers 401', async () => {
    server = manualServer();
    expect((await server.app.request('/v1/tasks')).status).toBe(401);
  });
});

describe('POST /v1/tasks/batch', () => {
  test('answers the caller’s tasks among the ids, each once, in the order asked', async () => {
    server = manualServer();
    const a = await createTask(server);
    const b = await createTask(server);
    const theirs = await createTask(server, {}, {}, OTHER_KEY);
    const unknown = ids(1)[0] as string;
    const res = await batch({ task_ids: [b.id, unknown, theirs.id, a.id, b.id] });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { id: string }[] };
    expect(batchAnswer?.(body), JSON.stringify(batchAnswer?.issues)).toBe(true);
    expect(body.data.map((t) => t.id)).toEqual([b.id, a.id]);
  });

  test('50 ids are fine; 51 answer 400 naming task_ids', async () => {
    server = manualServer();
    const fifty = await batch({ task_ids: ids(50) });
    expect(fifty.status).toBe(200);
    expect(await fifty.json()).toEqual({ data: [] });
    await expectInvalid(await batch({ task_ids: ids(51) }), 'task_ids', /at most 50/);
  });

  test.each([
    ['no ids', { task_ids: [] }, 'task_ids'],
    ['a malformed id', { task_ids: ['abc'] }, 'task_ids'],
    ['no task_ids', {}, 'task_ids'],
    ['a body that is not JSON', '{', undefined],
  ])('%s answers 400', async (_name, body, param) => {
    server = manualServer();
    await expectInvalid(await batch(body), param);
  });

  test('without a key answers 401; GET on the batch path is not the batch', async () => {
    server = manualServer();
    const res = await server.app.request('/v1/tasks/batch', { method: 'POST', body: '{"task_ids":[]}' });
    expect(res.status).toBe(401);
    expect((await server.app.request('/v1/tasks/batch', { method: 'DELETE', headers: auth() })).status).toBe(
      405,
    );
  });
});
