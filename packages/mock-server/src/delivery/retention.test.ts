// The record of callback attempts is forgotten 24 h after each attempt started, as tasks are 24 h
// after they end: a mock left running for weeks does not keep every attempt it ever made.
import { afterEach, describe, expect, test } from 'vitest';
import { createTask, manualServer } from '../../test/helpers.js';
import type { MockServer } from '../index.js';

const DAY = 24 * 60 * 60 * 1000;
let server: MockServer;
afterEach(async () => {
  await server?.close();
});

describe('delivery records expire', () => {
  test('an attempt is listed for 24 h after it started, then forgotten with its task', async () => {
    server = manualServer({ fetch: async () => new Response(null, { status: 204 }) });
    const task = await createTask(
      server,
      { callback_url: 'https://hooks.example.com/a' },
      { 'x-mock-scenario': 'success' },
    );
    const endAt = (await server.tasks.get(task.id))?.timeline.endAt as number;
    await server.clock.advance(endAt - server.clock.now());
    await server.deliveries.idle();
    expect((await server.deliveries.list({ taskId: task.id })).map((a) => a.outcome)).toEqual(['delivered']);

    await server.clock.advance(DAY - 1);
    expect(await server.deliveries.list()).toHaveLength(1);
    expect(await server.tasks.get(task.id)).toBeDefined();
    await server.clock.advance(1);
    expect(await server.deliveries.list()).toEqual([]);
    expect(await server.tasks.get(task.id)).toBeUndefined();
  });

  test('records go in start order, each after its own 24 h; retries and later tasks stay until theirs', async () => {
    let calls = 0;
    server = manualServer({
      fetch: async () => new Response(null, { status: ++calls === 1 ? 500 : 204 }),
    });
    const first = await createTask(
      server,
      { callback_url: 'https://hooks.example.com/1' },
      { 'x-mock-scenario': 'success' },
    );
    const firstEnd = (await server.tasks.get(first.id))?.timeline.endAt as number;
    await server.clock.advance(firstEnd - server.clock.now() + 1000);
    await server.deliveries.idle();
    // Attempt 1 failed at firstEnd, attempt 2 delivered at firstEnd + 1 s.
    expect((await server.deliveries.list()).map((a) => [a.attempt, a.outcome])).toEqual([
      [1, 'failed'],
      [2, 'delivered'],
    ]);
    await server.clock.advance(60 * 60 * 1000);
    const second = await createTask(
      server,
      { callback_url: 'https://hooks.example.com/2' },
      { 'x-mock-scenario': 'success' },
    );
    const secondEnd = (await server.tasks.get(second.id))?.timeline.endAt as number;
    await server.clock.advance(secondEnd - server.clock.now());
    await server.deliveries.idle();
    expect(await server.deliveries.list()).toHaveLength(3);

    await server.clock.advance(firstEnd + DAY - server.clock.now());
    expect((await server.deliveries.list()).map((a) => [a.taskId, a.attempt])).toEqual([
      [first.id, 2],
      [second.id, 1],
    ]);
    await server.clock.advance(1000);
    expect((await server.deliveries.list()).map((a) => a.taskId)).toEqual([second.id]);
    await server.clock.advance(secondEnd + DAY - server.clock.now());
    expect(await server.deliveries.list()).toEqual([]);
    // One prune timer at most, none once the record is empty.
    expect(server.clock.now()).toBeGreaterThan(secondEnd);
  });

  test('a reset forgets the records and their timer; recording starts again afterwards', async () => {
    server = manualServer({ fetch: async () => new Response(null, { status: 204 }) });
    const a = await createTask(
      server,
      { callback_url: 'https://hooks.example.com/a' },
      { 'x-mock-scenario': 'success' },
    );
    await server.clock.advance(
      ((await server.tasks.get(a.id))?.timeline.endAt as number) - server.clock.now(),
    );
    await server.deliveries.idle();
    await server.reset();
    expect(await server.deliveries.list()).toEqual([]);
    const b = await createTask(
      server,
      { callback_url: 'https://hooks.example.com/b' },
      { 'x-mock-scenario': 'success' },
    );
    const bEnd = (await server.tasks.get(b.id))?.timeline.endAt as number;
    await server.clock.advance(bEnd - server.clock.now());
    await server.deliveries.idle();
    expect(await server.deliveries.list()).toHaveLength(1);
    await server.clock.advance(DAY);
    expect(await server.deliveries.list()).toEqual([]);
  });
});
