// The chaos table's draws: shares, weights and ranges as the table gives them, and stable for a seed.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  CHAOS_PROFILES,
  CHAOS_TABLE,
  type ChaosSetting,
  callbackDecision,
  chaosParametersText,
  chaosUnit,
  gatewayDecision,
  processingFactor,
} from './chaos.js';

const seeded = (profile: ChaosSetting['profile']): ChaosSetting => ({ profile, seed: 'pinned' });
const N = 20_000;

describe('the chaos table', () => {
  test("names exactly the spec's profiles, each with a summary and at least one part", () => {
    expect(Object.keys(CHAOS_TABLE)).toEqual([...CHAOS_PROFILES]);
    for (const name of CHAOS_PROFILES) {
      expect(CHAOS_TABLE[name].summary.length).toBeGreaterThan(10);
      expect(Object.keys(CHAOS_TABLE[name].parameters).length).toBeGreaterThan(0);
    }
  });

  test("the README's table says what the table holds, profile by profile", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Chaos profiles'), readme.indexOf('## Admin API'));
    const rows = [...section.matchAll(/^\| `([\w-]+)` +\| (.+?) +\| (.+?) +\|$/gm)].map((m) => m.slice(1));
    expect(rows).toEqual(
      CHAOS_PROFILES.map((name) => [
        name,
        CHAOS_TABLE[name].summary,
        chaosParametersText(CHAOS_TABLE[name].parameters),
      ]),
    );
  });

  test('a draw depends on the seed, the profile and the subject only', () => {
    const a = chaosUnit(seeded('flaky-gateway'), 'gateway:1');
    expect(chaosUnit(seeded('flaky-gateway'), 'gateway:1')).toBe(a);
    expect(chaosUnit({ profile: 'flaky-gateway', seed: 'other' }, 'gateway:1')).not.toBe(a);
    expect(chaosUnit(seeded('slow-provider'), 'gateway:1')).not.toBe(a);
    expect(chaosUnit(seeded('flaky-gateway'), 'gateway:2')).not.toBe(a);
  });
});

describe('flaky-gateway', () => {
  const gateway = CHAOS_TABLE['flaky-gateway'].parameters.gateway;
  test("faults the table's share of draws, each status by its weight", () => {
    const counts = new Map<number, number>();
    let faulted = 0;
    for (let draw = 1; draw <= N; draw++) {
      const decision = gatewayDecision(seeded('flaky-gateway'), draw);
      if (!decision) continue;
      faulted++;
      counts.set(decision.status, (counts.get(decision.status) ?? 0) + 1);
    }
    expect(Math.abs(faulted / N - (gateway?.share ?? 0))).toBeLessThan(0.015);
    const total = gateway?.statuses.reduce((sum, s) => sum + s.weight, 0) ?? 1;
    for (const status of gateway?.statuses ?? []) {
      expect(Math.abs((counts.get(status.status) ?? 0) / faulted - status.weight / total)).toBeLessThan(0.03);
    }
  });

  test('the first draws of a pinned seed stay as pinned (a change to the draws changes every seeded run)', () => {
    const first = Array.from(
      { length: 10 },
      (_, i) => gatewayDecision(seeded('flaky-gateway'), i + 1)?.status ?? 0,
    );
    expect(first).toMatchInlineSnapshot(`
      [
        429,
        0,
        429,
        0,
        0,
        0,
        429,
        0,
        0,
        0,
      ]
    `);
  });

  test('429 and 503 never reach the API and advise Retry-After; 502 is an answer lost after the API handled it', () => {
    expect(gateway?.statuses.map((s) => [s.status, s.when, s.retryAfter])).toEqual([
      [429, 'before', 1],
      [502, 'after', null],
      [503, 'before', 1],
    ]);
  });
});

describe('slow-provider and the callback profiles', () => {
  test("processing factors spread over the table's range; 1 without the profile", () => {
    const [low, high] = (CHAOS_TABLE['slow-provider'].parameters.processing?.multiplier ?? []) as [
      number,
      number,
    ];
    const factors = Array.from({ length: 2000 }, (_, i) =>
      processingFactor(seeded('slow-provider'), `t${i}`),
    );
    expect(Math.min(...factors)).toBeGreaterThanOrEqual(low);
    expect(Math.max(...factors)).toBeLessThan(high);
    expect(Math.max(...factors) - Math.min(...factors)).toBeGreaterThan((high - low) * 0.9);
    expect(processingFactor(null, 't1')).toBe(1);
    expect(processingFactor(seeded('late-callback'), 't1')).toBe(1);
  });

  test('each callback profile decides its share of tasks, one decision per task', () => {
    const share = (profile: ChaosSetting['profile'], kind: string) =>
      Array.from({ length: N }, (_, i) => callbackDecision(seeded(profile), `task-${i}`)).filter(
        (d) => d.kind === kind,
      ).length / N;
    expect(Math.abs(share('missed-callback', 'drop') - 0.5)).toBeLessThan(0.015);
    expect(share('duplicate-callback', 'duplicate')).toBe(1);
    expect(share('late-callback', 'hold')).toBe(1);
    expect(callbackDecision(seeded('duplicate-callback'), 'x')).toEqual({ kind: 'duplicate', afterMs: 1000 });
    expect(callbackDecision(seeded('late-callback'), 'x')).toEqual({ kind: 'hold', lateMs: 60_000 });
    expect(callbackDecision(seeded('flaky-gateway'), 'x')).toEqual({ kind: 'send' });
    expect(callbackDecision(null, 'x')).toEqual({ kind: 'send' });
  });
});
