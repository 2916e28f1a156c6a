// CONTRACT_REQUIRE: parsing, the setup check against a target, and the verdict on an empty run.
import { describe, expect, test } from 'vitest';
import { emptyRunFailure, requirementsFromEnv, unmetRequirements } from './requirements.js';
import type { Target } from './target.js';

const liveWithoutKey: Target = {
  name: 'live',
  available: false,
  baseUrl: 'https://api.example.com',
  strictBaseUrl: 'https://api.example.com',
  apiKey: '',
  rejectedApiKey: 'sk-invalid',
  billable: false,
  waitTimeoutMs: 1000,
  models: { served: {} },
  maxCredits: 10,
};
const liveComplete: Target = {
  ...liveWithoutKey,
  available: true,
  apiKey: 'sk-live',
  billable: true,
  callback: { publicUrl: 'https://hooks.example.com/x', port: 8080 },
};

describe('CONTRACT_REQUIRE', () => {
  test('lists any subset of key, billable, callbacks; unset or empty requires nothing', () => {
    expect(requirementsFromEnv({})).toEqual([]);
    expect(requirementsFromEnv({ CONTRACT_REQUIRE: '' })).toEqual([]);
    expect(requirementsFromEnv({ CONTRACT_REQUIRE: 'key' })).toEqual(['key']);
    expect(requirementsFromEnv({ CONTRACT_REQUIRE: ' Key, callbacks,billable,key ' })).toEqual([
      'key',
      'callbacks',
      'billable',
    ]);
    expect(() => requirementsFromEnv({ CONTRACT_REQUIRE: 'key,paid' })).toThrow(/unknown requirement "paid"/);
  });

  test('each unmet requirement is named with how to meet it', () => {
    expect(unmetRequirements(liveWithoutKey, [])).toEqual([]);
    const unmet = unmetRequirements(liveWithoutKey, ['key', 'billable', 'callbacks']);
    expect(unmet).toHaveLength(3);
    expect(unmet[0]).toMatch(/key: set EVOLINK_API_KEY/);
    expect(unmet[1]).toMatch(/billable: set CONTRACT_ALLOW_BILLABLE=1/);
    expect(unmet[2]).toMatch(/callbacks: set CONTRACT_CALLBACK_URL/);
    expect(unmetRequirements({ ...liveWithoutKey, available: true, apiKey: 'sk' }, ['key'])).toEqual([]);
    expect(unmetRequirements(liveComplete, ['key', 'billable', 'callbacks'])).toEqual([]);
  });

  test('a run that checked nothing fails only when something was required', () => {
    expect(emptyRunFailure([], 0)).toBeNull();
    expect(emptyRunFailure(['key'], 12)).toBeNull();
    expect(emptyRunFailure(['key'], 0)).toMatch(/CONTRACT_REQUIRE=key but no contract point was checked/);
  });
});
