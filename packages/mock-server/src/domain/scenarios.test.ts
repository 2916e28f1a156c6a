import { describe, expect, test } from 'vitest';
import { FAILURE_CODES, parseScenario } from './scenarios.js';

describe('parseScenario', () => {
  test.each([
    ['success', { outcome: 'completed', slow: false }],
    ['SUCCESS', { outcome: 'completed', slow: false }],
    ['moderation', { outcome: 'failed', failureCode: 'content_policy_violation', slow: false }],
    ['fail:generation_timeout', { outcome: 'failed', failureCode: 'generation_timeout', slow: false }],
    ['stuck', { outcome: 'stuck', slow: false }],
    ['slow', { slow: true }],
    ['slow, fail:service_error', { outcome: 'failed', failureCode: 'service_error', slow: true }],
  ])('%s', (header, expected) => {
    expect(parseScenario(header)).toEqual({ ...expected, raw: header });
  });

  test('every documented failure code is accepted', () => {
    expect(FAILURE_CODES).toContain('request_cancelled');
    for (const code of FAILURE_CODES)
      expect(parseScenario(`fail:${code}`)).toMatchObject({ failureCode: code });
  });

  test.each([
    ['', /must be one or more of/],
    ['explode', /unknown scenario "explode"/],
    ['fail:', /unknown failure code ""/],
    ['fail:boom', /unknown failure code "boom"/],
    ['success,stuck', /one outcome only/],
  ])('%j is refused', (header, message) => {
    expect(parseScenario(header)).toMatch(message);
  });
});
