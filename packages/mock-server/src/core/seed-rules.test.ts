// Seeding on MockCore directly: which options are refused (and on which field), and what seeded tasks are.
import { afterEach, describe, expect, test } from 'vitest';
import type { TaskStatus } from '../domain/lifecycle.js';
import { DEFAULT_SEED_API_KEY, MAX_SEED_TASKS, type SeedOptions } from './seed.js';
import { closeCores, HOOK, receiver, START, testCore } from './test-core.js';

afterEach(closeCores);

const refusal = (message: string, param: string) => ({ ok: false, code: 'invalid_request', message, param });
const STATUSES_RULE = 'statuses must be a non-empty list of: pending, processing, completed, failed';

describe('seed refusals', () => {
  test('the constants: at most 1000 tasks, sk-mock by default', () => {
    expect(MAX_SEED_TASKS).toBe(1000);
    expect(DEFAULT_SEED_API_KEY).toBe('sk-mock');
  });

  test.each([
    [{ count: 0 }, refusal('count must be an integer from 1 to 1000', 'count')],
    [{ count: 1001 }, refusal('count must be an integer from 1 to 1000', 'count')],
    [{ count: 1.5 }, refusal('count must be an integer from 1 to 1000', 'count')],
    [{ count: 1, statuses: [] }, refusal(STATUSES_RULE, 'statuses')],
    [{ count: 1, statuses: ['pending', 'done'] }, refusal(STATUSES_RULE, 'statuses')],
    [{ count: 1, apiKey: '' }, refusal('apiKey must be a non-empty string without spaces', 'apiKey')],
    [{ count: 1, apiKey: 'a b' }, refusal('apiKey must be a non-empty string without spaces', 'apiKey')],
    [{ count: 1, apiKey: 7 }, refusal('apiKey must be a non-empty string without spaces', 'apiKey')],
    [
      { count: 1, callbackUrl: 'ftp://x' },
      refusal('callbackUrl is not a callback URL the mock accepts', 'callbackUrl'),
    ],
  ])('%j is refused', async (options, expected) => {
    const core = testCore();
    expect(await core.seed(options as SeedOptions)).toEqual(expected);
    expect(await core.store.listTasks(core.now())).toEqual([]);
  });

  test('a key the mock does not accept is refused; any key when it accepts any', async () => {
    const strict = testCore({ apiKeys: ['k1'] });
    expect(await strict.seed({ count: 1, apiKey: 'k2' })).toEqual(
      refusal('apiKey must be one of the API keys the mock accepts', 'apiKey'),
    );
    expect(await strict.seed({ count: 1, apiKey: 'k1' })).toMatchObject({ ok: true });
    expect(await testCore().seed({ count: 1, apiKey: 'k2' })).toMatchObject({
      ok: true,
      value: [{ apiKey: 'k2' }],
    });
  });

  test('at a speed where no task of a status fits in the retention: 409 conflict', async () => {
    const result = await testCore({ speed: 0.0001 }).seed({ count: 1, statuses: ['failed'] });
    expect(result).toMatchObject({ ok: false, code: 'conflict' });
    expect(result.ok ? '' : result.message).toMatch(/^At speed 0.0001 no task can be failed/);
  });
});

describe('seeded tasks', () => {
  test('1000 may be seeded; by default they belong to sk-mock and are read as their status', async () => {
    const core = testCore();
    const result = await core.seed({ count: 1, statuses: ['processing'] });
    expect(result).toMatchObject({
      ok: true,
      value: [{ apiKey: 'sk-mock', task: { status: 'processing' } }],
    });
    const many = await core.seed({ count: 1000, statuses: ['completed'] });
    expect(many.ok && many.value.length).toBe(1000);
  });

  test('statuses in turn; all created before now, oldest first; no credits taken', async () => {
    const core = testCore();
    const statuses: TaskStatus[] = ['failed', 'pending'];
    const result = await core.seed({ count: 4, statuses, apiKey: 'team' });
    if (!result.ok) throw new Error(result.message);
    const created = result.value.map((v) => v.timeline.createdAt);
    expect(created).toEqual([...created].sort((a, b) => a - b));
    expect(Math.max(...created)).toBeLessThanOrEqual(START);
    expect(result.value.map((v) => v.task.status).sort()).toEqual(['failed', 'failed', 'pending', 'pending']);
    expect((await core.credits('team')).data.token.remaining_credits).toBe(100);
  });

  test('running seeded tasks call back when a callbackUrl is given; ended ones never do', async () => {
    const rx = receiver();
    const core = testCore({ allowLocalCallbacks: true, fetch: rx.fetch });
    const result = await core.seed({ count: 4, statuses: ['pending', 'completed'], callbackUrl: HOOK });
    if (!result.ok) throw new Error(result.message);
    const callbacks = result.value.map((v) => [v.task.status, v.callbackUrl]).sort();
    expect(callbacks).toEqual([
      ['completed', null],
      ['completed', null],
      ['pending', HOOK],
      ['pending', HOOK],
    ]);
    await core.moveClock(30 * 60_000);
    await core.waitIdle(5000);
    expect(rx.sent.map((s) => s.url)).toEqual([HOOK, HOOK]);
  });
});
