import { describe, expect, test } from 'vitest';
import { FAILURE_CODES, failureMessage, parseScenario, RANDOM_FAILURE_CODES } from './scenarios.js';

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
    expect(parseScenario(header)).toStrictEqual({ ...expected, raw: header });
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

describe('parseScenario, more', () => {
  const HELP =
    'one or more of success, fail:<code>, moderation, slow, stuck (comma-separated); <code> is one of ' +
    FAILURE_CODES.join(', ');

  test('spaces and empty entries are ignored; codes are read case-insensitively', () => {
    expect(parseScenario(' , slow ,, FAIL:Service_Error ')).toEqual({
      outcome: 'failed',
      failureCode: 'service_error',
      slow: true,
      raw: ' , slow ,, FAIL:Service_Error ',
    });
    expect(parseScenario('slow,slow')).toEqual({ slow: true, raw: 'slow,slow' });
  });

  test('the messages say the rule in full', () => {
    expect(parseScenario(' , ')).toBe(`x-mock-scenario must be ${HELP}`);
    expect(parseScenario('boom')).toBe(`x-mock-scenario: unknown scenario "boom"; it must be ${HELP}`);
    expect(parseScenario('fail:x')).toBe(`x-mock-scenario: unknown failure code "x"; ${HELP}`);
    expect(parseScenario('moderation,success')).toBe(
      'x-mock-scenario may name one outcome only, got "moderation,success"',
    );
    expect(parseScenario('stuck,fail:service_error')).toMatch(/one outcome only/);
  });

  test('a refusal after a valid entry still refuses', () => {
    expect(parseScenario('slow,boom')).toMatch(/unknown scenario "boom"/);
  });
});

describe('failure messages and random codes', () => {
  test('each code says what happened; an unknown one a generic line', () => {
    expect(failureMessage('content_policy_violation')).toBe(
      'The prompt or image was blocked by the content policy.',
    );
    expect(failureMessage('request_cancelled')).toBe('The task was cancelled.');
    expect(failureMessage('nope')).toBe('The task failed.');
    for (const code of FAILURE_CODES) {
      expect(failureMessage(code)).not.toBe('The task failed.');
      expect(failureMessage(code)).toMatch(/^[A-Z].{10,}\.$/);
    }
  });

  test('a random failure picks among the codes a real run meets', () => {
    expect(RANDOM_FAILURE_CODES).toEqual([
      'generation_failed_no_content',
      'service_error',
      'generation_timeout',
      'content_policy_violation',
      'resource_exhausted',
      'service_unavailable',
      'unknown_error',
    ]);
  });
});
