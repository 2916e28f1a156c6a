// One rule, every surface: the public API, the admin API, the dashboard (where it applies) and the
// in-process controller are adapters over the command core, so each gives the same answer.
import { afterEach, describe, expect, test } from 'vitest';
import {
  admin,
  auth,
  BASE_BODY,
  createTask,
  KEY,
  manualServer,
  post,
  START,
  UNTIL_ANY_END_MS,
} from '../../test/helpers.js';
import { createMockServer, MockRefusedError, type MockServer } from '../index.js';

let server: MockServer;
afterEach(async () => {
  await server?.close();
});

/** The controller's refusal as `{code, param}` (what the envelope carries), or 'no refusal'. */
async function refusalOf(action: Promise<unknown>): Promise<unknown> {
  try {
    await action;
    return 'no refusal';
  } catch (error) {
    if (!(error instanceof MockRefusedError)) throw error;
    return { code: error.code, param: error.param };
  }
}

/** The envelope of an HTTP answer as `{status, code, param}`. */
async function envelope(res: Response) {
  const { error } = (await res.json()) as { error: { code: string; param?: string } };
  return { status: res.status, code: error.code, param: error.param };
}

describe('the same rule through every surface', () => {
  test('the clock set back before the newest task: 409 from the admin API and the controller; a real clock scales through either', async () => {
    server = manualServer();
    await server.clock.set(START + 60_000);
    await createTask(server);
    const res = await admin(server, 'POST', '/clock/set', { at: START });
    expect(await envelope(res)).toEqual({ status: 409, code: 'conflict', param: 'at' });
    expect(await refusalOf(server.clock.set(START))).toEqual({ code: 'conflict', param: 'at' });
    expect(await refusalOf(server.clock.reset())).toEqual({ code: 'conflict', param: undefined });
    expect(await refusalOf(server.clock.pause())).toEqual({ code: 'conflict', param: undefined });
    expect(server.clock.view()).toMatchObject({ now: START + 60_000 });
    await server.close();
    server = createMockServer();
    expect(await server.clock.scale(4)).toMatchObject({ factor: 4 });
    expect(await server.clock.pause()).toMatchObject({ factor: 4, paused: true });
    expect(await server.clock.resume()).toMatchObject({ paused: false });
    expect(await (await admin(server, 'GET', '/clock')).json()).toMatchObject({ factor: 4, paused: false });
    expect(await server.clock.reset()).toMatchObject({ factor: 1 });
    expect(await refusalOf(server.clock.scale(1001))).toEqual({ code: 'invalid_request', param: 'factor' });
  });

  test('redeliver of a pending task is refused (409 conflict) by the admin API and the controller', async () => {
    server = manualServer();
    const task = await createTask(server, { callback_url: 'https://hooks.example.com/a' });
    const viaAdmin = await envelope(await admin(server, 'POST', `/tasks/${task.id}/redeliver`, {}));
    expect(viaAdmin).toEqual({ status: 409, code: 'conflict', param: 'id' });
    // The dashboard's redeliver button posts to the same admin route (it has no route of its own).
    expect(await refusalOf(server.tasks.redeliver(task.id))).toEqual({ code: 'conflict', param: 'id' });
    expect(await server.deliveries.list()).toEqual([]);
  });

  test('an Idempotency-Key reused with another body: idempotency_conflict from the API and the controller', async () => {
    server = manualServer();
    const first = await post(server, BASE_BODY, { 'idempotency-key': 'k-1' });
    expect(first.status).toBe(200);
    const viaApi = await envelope(
      await post(server, { ...BASE_BODY, duration: 15 }, { 'idempotency-key': 'k-1' }),
    );
    expect(viaApi).toMatchObject({ status: 422, code: 'idempotency_conflict' });
    const viaController = server.tasks.create(
      { ...BASE_BODY, duration: 15 },
      { apiKey: KEY, idempotencyKey: 'k-1' },
    );
    expect(await refusalOf(viaController)).toEqual({ code: 'idempotency_conflict', param: undefined });
    // The same body replays the first task through both.
    const replay = await server.tasks.create(BASE_BODY, { apiKey: KEY, idempotencyKey: 'k-1' });
    expect(replay).toEqual({
      task: expect.objectContaining({ id: ((await first.json()) as { id: string }).id }),
      replayed: true,
    });
  });

  test('too few credits: 402 insufficient_quota from the API and the controller, credits set through either', async () => {
    server = manualServer();
    expect((await admin(server, 'POST', '/credits', { apiKey: KEY, credits: 1 })).status).toBe(200);
    expect(await envelope(await post(server))).toMatchObject({ status: 402, code: 'insufficient_quota' });
    expect(await refusalOf(server.tasks.create(BASE_BODY, { apiKey: KEY }))).toEqual({
      code: 'insufficient_quota',
      param: undefined,
    });
    await server.credits.set(KEY, 3.737);
    expect((await post(server)).status).toBe(200);
    expect(await refusalOf(server.tasks.create(BASE_BODY, { apiKey: KEY }))).toMatchObject({
      code: 'insufficient_quota',
    });
    expect((await server.credits.get(KEY)).data.user.remaining_credits).toBe(0);
  });

  test('listing with a status filter: the admin API, the dashboard and the controller list the same tasks', async () => {
    server = manualServer();
    const done = await createTask(server, {}, { 'x-mock-scenario': 'success' });
    await server.clock.advance(UNTIL_ANY_END_MS);
    const failed = await createTask(server, {}, { 'x-mock-scenario': 'fail:service_error' });
    await createTask(server, {}, { 'x-mock-scenario': 'stuck' });
    await server.clock.advance(UNTIL_ANY_END_MS);
    const newer = await createTask(server, {}, { 'x-mock-scenario': 'success' });
    await server.clock.advance(UNTIL_ANY_END_MS);
    const expected = [newer.id, done.id];

    const viaAdmin = (await (await admin(server, 'GET', '/tasks?status=completed')).json()) as {
      data: { task: { id: string } }[];
      total: number;
    };
    expect(viaAdmin.data.map((t) => t.task.id)).toEqual(expected);
    expect(viaAdmin.total).toBe(2);
    const viaDashboard = (await (await server.app.request('/__mock/ui/tasks?status=completed')).json()) as {
      data: { id: string }[];
      total: number;
    };
    expect(viaDashboard.data.map((t) => t.id)).toEqual(expected);
    expect(viaDashboard.total).toBe(2);
    const viaController = await server.tasks.query({ status: 'completed' });
    expect(viaController.items.map((t) => t.task.id)).toEqual(expected);
    // Another filter, the same way everywhere.
    const failedIds = (await server.tasks.query({ status: 'failed' })).items.map((t) => t.task.id);
    expect(failedIds).toEqual([failed.id]);
    const failedViaAdmin = (await (await admin(server, 'GET', '/tasks?status=failed')).json()) as {
      data: { task: { id: string } }[];
    };
    expect(failedViaAdmin.data.map((t) => t.task.id)).toEqual(failedIds);
    expect((await server.app.request('/v1/credits', { headers: auth() })).status).toBe(200);
  });
});
