// The chaos profiles on MockCore: which one is in force, the gateway's seeded draws, slower processing,
// and what happens to a task's own callback (dropped, sent twice, held late), each from the table.
import { afterEach, describe, expect, test } from 'vitest';
import {
  CHAOS_PROFILES,
  CHAOS_TABLE,
  type ChaosSetting,
  callbackDecision,
  gatewayDecision,
  processingFactor,
} from '../domain/chaos.js';
import { resolveOptions } from '../options.js';
import { closeCores, created, HOOK, input, receiver, testCore } from './test-core.js';

afterEach(closeCores);

const FLAKY: ChaosSetting = { profile: 'flaky-gateway', seed: 'core' };

describe('the profile in force', () => {
  test('an unknown profile is refused at start, naming every profile', () => {
    expect(() => resolveOptions({ chaos: 'flaky' as never })).toThrow(
      `unknown chaos profile "flaky"; the profiles are: ${CHAOS_PROFILES.join(', ')}`,
    );
  });

  test('the start option, then a run-time profile over it, then none; a reset goes back to the start option', async () => {
    const core = testCore({ chaos: 'slow-provider' });
    expect(await core.chaos()).toMatchObject({ profile: 'slow-provider', seed: 'core', draws: 0 });
    const set = await core.setChaos('late-callback', 'other');
    expect(set).toMatchObject({ ok: true, value: { profile: 'late-callback', seed: 'other' } });
    expect((await core.chaos()).parameters).toEqual(CHAOS_TABLE['late-callback'].parameters);
    expect(await core.clearChaos()).toMatchObject({ profile: null, seed: null, parameters: null });
    expect(await core.activeChaos()).toBeNull();
    await core.reset();
    expect((await core.chaos()).profile).toBe('slow-provider');
  });

  test('an unknown run-time profile is refused with the names; the view lists every profile of the table', async () => {
    const core = testCore();
    expect(await core.setChaos('nope')).toEqual({
      ok: false,
      code: 'invalid_request',
      message: `profile must be one of: ${CHAOS_PROFILES.join(', ')}`,
      param: 'profile',
    });
    const view = await core.chaos();
    expect(view.profile).toBeNull();
    expect(view.profiles.map((p) => [p.name, p.parameters])).toEqual(
      CHAOS_PROFILES.map((name) => [name, CHAOS_TABLE[name].parameters]),
    );
  });
});

describe('flaky-gateway', () => {
  test('each request takes the next draw; a faulted one is refused as the table says (Retry-After, before/after)', async () => {
    const core = testCore({ chaos: 'flaky-gateway' });
    const seen = [];
    for (let draw = 1; draw <= 200; draw++) {
      const chaos = await core.gatewayChaos();
      const expected = gatewayDecision(FLAKY, draw);
      seen.push(expected);
      if (!expected) {
        expect(chaos).toBeUndefined();
        continue;
      }
      expect(chaos?.when).toBe(expected.when);
      expect(chaos?.refusal.chaos).toBe('flaky-gateway');
      expect(chaos?.refusal.retryAfter).toBe(expected.retryAfter ?? undefined);
    }
    expect((await core.chaos()).draws).toBe(200);
    // The share and each status occur as the table weighs them (for this seed, over 200 draws).
    const faulted = seen.filter((s) => s !== undefined);
    expect(faulted.length / seen.length).toBeGreaterThan(0.2);
    expect(faulted.length / seen.length).toBeLessThan(0.4);
    expect(new Set(faulted.map((s) => s?.status))).toEqual(new Set([429, 502, 503]));
  });

  test('the same seed gives the same decisions; another seed others; putting it in force again starts over', async () => {
    const sequence = async (core: ReturnType<typeof testCore>) => {
      const out = [];
      for (let i = 0; i < 40; i++) out.push((await core.gatewayChaos())?.refusal.code ?? 'ok');
      return out;
    };
    const a = testCore({ chaos: 'flaky-gateway' });
    const b = testCore({ chaos: 'flaky-gateway' });
    const first = await sequence(a);
    expect(await sequence(b)).toEqual(first);
    await a.setChaos('flaky-gateway', 'core');
    expect(await sequence(a)).toEqual(first);
    await a.setChaos('flaky-gateway', 'another seed');
    expect(await sequence(a)).not.toEqual(first);
  });

  test('other profiles and no profile leave the gateway alone, drawing nothing', async () => {
    const core = testCore({ chaos: 'slow-provider' });
    for (let i = 0; i < 20; i++) expect(await core.gatewayChaos()).toBeUndefined();
    expect((await core.chaos()).draws).toBe(0);
    expect(await testCore().gatewayChaos()).toBeUndefined();
  });
});

describe('slow-provider', () => {
  test("processing takes the task's drawn factor (3–6) longer; pending is left alone", async () => {
    const plainCore = testCore();
    const core = testCore({ chaos: 'slow-provider' });
    const plain = await created(plainCore);
    const slow = await created(core);
    // The chaos draws nothing from the ids' stream: the same seed gives the same task, but slower.
    expect(slow.id).toBe(plain.id);
    const slowTask = await core.store.getTask(slow.id, core.now());
    const plainTask = await plainCore.store.getTask(plain.id, plainCore.now());
    const factor = processingFactor({ profile: 'slow-provider', seed: 'core' }, slow.id);
    expect(factor).toBeGreaterThanOrEqual(3);
    expect(factor).toBeLessThan(6);
    // The plain time is rounded to whole ms before the factor applies: within a millisecond.
    const expected = (plainTask?.processingMs ?? 0) * factor;
    expect(Math.abs((slowTask?.processingMs ?? 0) - expected)).toBeLessThanOrEqual(factor);
    expect(slowTask && slowTask.processingAt - slowTask.createdAt).toBe(
      plainTask && plainTask.processingAt - plainTask.createdAt,
    );
  });
});

describe('callback profiles', () => {
  async function tasksWithCallbacks(profile: ChaosSetting['profile'], count: number) {
    const rx = receiver();
    const core = testCore({ chaos: profile, allowLocalCallbacks: true, fetch: rx.fetch });
    const ids = [];
    for (let i = 0; i < count; i++)
      ids.push((await created(core, input({ callback_url: HOOK }, { allowLocal: true }))).id);
    return { core, rx, ids };
  }
  const setting = (profile: ChaosSetting['profile']): ChaosSetting => ({ profile, seed: 'core' });

  test('missed-callback: the drawn share is never sent, logged as dropped with the profile; the rest arrive', async () => {
    const { core, rx, ids } = await tasksWithCallbacks('missed-callback', 12);
    await core.moveClock(10 * 60_000);
    await core.waitIdle(5000);
    const dropped = ids.filter((id) => callbackDecision(setting('missed-callback'), id).kind === 'drop');
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.length).toBeLessThan(ids.length);
    const log = await core.listDeliveries();
    expect(
      log
        .filter((a) => a.outcome === 'dropped')
        .map((a) => a.taskId)
        .sort(),
    ).toEqual([...dropped].sort());
    expect(log.find((a) => a.outcome === 'dropped')).toMatchObject({
      chaos: 'missed-callback',
      nextRetryAt: null,
    });
    expect(rx.sent).toHaveLength(ids.length - dropped.length);
    expect(rx.sent.map((s) => JSON.parse(s.body).id).sort()).toEqual(
      ids.filter((id) => !dropped.includes(id)).sort(),
    );
  });

  test('duplicate-callback: each callback arrives twice, same webhook-id and body, the second 1 s later', async () => {
    const { core, rx, ids } = await tasksWithCallbacks('duplicate-callback', 3);
    await core.moveClock(10 * 60_000);
    await core.waitIdle(5000);
    expect(rx.sent).toHaveLength(6);
    for (const id of ids) {
      const both = rx.sent.filter((s) => JSON.parse(s.body).id === id);
      expect(both).toHaveLength(2);
      expect(both[1]?.webhookId).toBe(both[0]?.webhookId);
      expect(both[1]?.body).toBe(both[0]?.body);
      const attempts = (await core.listDeliveries({ taskId: id })).filter((a) => a.outcome === 'delivered');
      expect(attempts.map((a) => [a.mutate, a.chaos ?? null])).toEqual([
        [null, null],
        ['duplicate', 'duplicate-callback'],
      ]);
      expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBe(1000);
    }
  });

  test("late-callback: nothing at the task's end; sent 60 s past it, marked with the profile", async () => {
    const { core, rx, ids } = await tasksWithCallbacks('late-callback', 1);
    const task = await core.store.getTask(ids[0] as string, core.now());
    const endAt = task?.endAt as number;
    await core.moveClock(endAt - core.now() + 59_999);
    await core.waitIdle(5000);
    expect(rx.sent).toEqual([]);
    await core.moveClock(1);
    await core.waitIdle(5000);
    expect(rx.sent).toHaveLength(1);
    expect(await core.listDeliveries()).toMatchObject([
      { at: endAt + 60_000, chaos: 'late-callback', outcome: 'delivered' },
    ]);
  });

  test('a profile set at run time applies to callbacks already scheduled, when they fall due', async () => {
    const { core, rx } = await tasksWithCallbacks('slow-provider', 2);
    await core.setChaos('late-callback');
    await core.moveClock(10 * 60_000);
    await core.waitIdle(5000);
    expect((await core.listDeliveries()).every((a) => a.chaos === 'late-callback')).toBe(true);
    expect(rx.sent).toHaveLength(2);
  });
});
