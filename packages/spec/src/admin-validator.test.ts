import { describe, expect, test } from 'vitest';
import { adminRequestValidators } from './admin-validator.js';
import { adminExample } from './index.js';

const { body, query } = adminRequestValidators();

describe('adminRequestValidators', () => {
  test('there is a body validator for each admin operation with a body, a query one for each with a query', () => {
    expect(Object.keys(body).sort()).toEqual([
      'advanceMockClock',
      'injectMockFault',
      'redeliverMockTask',
      'scaleMockClock',
      'seedTasks',
      'setMockChaos',
      'setMockClock',
      'setMockCredits',
      'setMockModelState',
      'waitForMockDeliveries',
    ]);
    expect(Object.keys(query).sort()).toEqual(['listMockDeliveries', 'listMockTasks']);
  });

  test('the examples pass, and defaults are filled in', () => {
    expect(body.seedTasks(adminExample('SeedRequest'))).toBe(true);
    const redeliver = {};
    expect(body.redeliverMockTask(redeliver)).toBe(true);
    expect(redeliver).toEqual({ mutate: 'none' });
    const idle = {};
    expect(body.waitForMockDeliveries(idle)).toBe(true);
    expect(idle).toEqual({ timeoutMs: 5000 });
    const fault = { status: 503 };
    expect(body.injectMockFault(fault)).toBe(true);
    expect(fault).toEqual({ status: 503, count: 1 });
    expect(body.injectMockFault({ delayMs: 5 })).toBe(true);
    expect(body.setMockClock(adminExample('ClockSetRequest'))).toBe(true);
    expect(body.setMockClock({ at: 1_735_732_800_000 })).toBe(true);
    expect(body.setMockClock({ at: 'noon' })).toBe(false);
    expect(body.scaleMockClock(adminExample('ClockScaleRequest'))).toBe(true);
    expect(body.scaleMockClock({ factor: 1001 })).toBe(false);
    expect(body.setMockChaos(adminExample('SetChaosRequest'))).toBe(true);
    expect(body.setMockChaos({ profile: 'no-such-profile' })).toBe(false);
  });

  test.each([
    ['advanceMockClock', {}, 'ms', 'required'],
    ['advanceMockClock', { ms: -1 }, 'ms', 'minimum'],
    ['advanceMockClock', { ms: 1.5 }, 'ms', 'type'],
    ['advanceMockClock', { ms: '10' }, 'ms', 'type'],
    ['advanceMockClock', [], undefined, 'type'],
    ['injectMockFault', {}, 'delayMs', 'required'],
    ['injectMockFault', { delayMs: 0 }, 'delayMs', 'minimum'],
    ['injectMockFault', { status: 404 }, 'status', 'enum'],
    ['injectMockFault', { status: 500, count: 0 }, 'count', 'minimum'],
    ['injectMockFault', { delayMs: 1e9 }, 'delayMs', 'maximum'],
    ['injectMockFault', { status: 500, path: 'v1' }, 'path', 'pattern'],
    ['setMockCredits', { credits: 1 }, 'apiKey', 'required'],
    ['setMockCredits', { apiKey: '', credits: 1 }, 'apiKey', 'minLength'],
    ['setMockCredits', { apiKey: 'k', credits: -1 }, 'credits', 'minimum'],
    ['redeliverMockTask', { mutate: 'sideways' }, 'mutate', 'enum'],
    ['redeliverMockTask', { url: 7 }, 'url', 'type'],
    ['waitForMockDeliveries', { timeoutMs: 60_001 }, 'timeoutMs', 'maximum'],
    ['seedTasks', { count: 0 }, 'count', 'minimum'],
    ['seedTasks', { count: 1001 }, 'count', 'maximum'],
    ['seedTasks', { count: 1, statuses: [] }, 'statuses', 'minItems'],
    ['seedTasks', { count: 1, statuses: ['cancelled'] }, 'statuses', 'enum'],
  ] as const)('%s refuses %j, naming %s (%s)', (operation, value, property, keyword) => {
    const validate = body[operation];
    expect(validate(structuredClone(value))).toBe(false);
    expect(validate.issues[0]).toMatchObject({ property, keyword });
    expect(validate.issues[0]?.message).toMatch(property ?? 'body');
  });

  test('messages say the rule in words', () => {
    body.seedTasks({ count: 1001 });
    expect(body.seedTasks.issues[0]?.message).toBe('count must be at most 1000');
    body.injectMockFault({ status: 500, path: 'v1' });
    expect(body.injectMockFault.issues[0]?.message).toBe('path must be a path prefix starting with /');
  });

  test('query parameters arrive as text and leave typed, with defaults', () => {
    const params: Record<string, unknown> = { status: 'processing', limit: '20', other: 'ignored' };
    expect(query.listMockTasks(params)).toBe(true);
    expect(params).toEqual({ status: 'processing', limit: 20, other: 'ignored' });
    const empty: Record<string, unknown> = {};
    expect(query.listMockTasks(empty)).toBe(true);
    expect(empty).toEqual({ limit: 100 });
    expect(query.listMockDeliveries({ task_id: 'task-unified-1-aaaaaaaa' })).toBe(true);
  });

  test.each([
    [{ status: 'weird' }, 'status', 'enum'],
    [{ status: '' }, 'status', 'enum'],
    [{ limit: '0' }, 'limit', 'minimum'],
    [{ limit: '1001' }, 'limit', 'maximum'],
    [{ limit: '1.5' }, 'limit', 'type'],
    [{ limit: 'ten' }, 'limit', 'type'],
  ])('listMockTasks refuses %j, naming %s (%s)', (value, property, keyword) => {
    expect(query.listMockTasks({ ...value })).toBe(false);
    expect(query.listMockTasks.issues[0]).toMatchObject({ property, keyword });
  });
});
