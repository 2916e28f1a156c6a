// The Redis store's key layout (docs/redis-keys.md): exact key names, the prefix's refusals, the tag escape.
import { describe, expect, test } from 'vitest';
import { prefixProblem, RedisKeys } from './keys.js';

describe('the store prefix', () => {
  test('an empty prefix or one holding a brace is refused, saying why', () => {
    expect(prefixProblem('')).toBe('must not be empty');
    for (const prefix of ['a{b:', 'a}b:', '{}'])
      expect(prefixProblem(prefix)).toBe(
        `must not contain { or } (they mark Redis Cluster hash tags), got "${prefix}"`,
      );
    expect(prefixProblem('videotask:')).toBeUndefined();
    expect(prefixProblem('a*[b]?:')).toBeUndefined();
  });

  test('keys are refused for a bad prefix with the same reason', () => {
    expect(() => new RedisKeys('')).toThrow(new Error('The store prefix must not be empty'));
    expect(() => new RedisKeys('v{1}:')).toThrow(
      new Error('The store prefix must not contain { or } (they mark Redis Cluster hash tags), got "v{1}:"'),
    );
  });
});

describe('the key names', () => {
  test("the prefix's own data sits under the tag P{P}:", () => {
    const keys = new RedisKeys('vt:');
    expect({ ...keys, cache: undefined }).toEqual({
      prefix: 'vt:',
      faults: 'vt:{vt:}:faults',
      fault: 'vt:{vt:}:fault',
      faultSeq: 'vt:{vt:}:faults:seq',
      attempt: 'vt:{vt:}:attempt',
      attempts: 'vt:{vt:}:attempts',
      attemptSeq: 'vt:{vt:}:attempts:seq',
      jobs: 'vt:{vt:}:jobs',
      jobsDue: 'vt:{vt:}:jobs:due',
      clockState: 'vt:{vt:}:clock-state',
      webhookSecret: 'vt:{vt:}:webhook-secret',
      modelStates: 'vt:{vt:}:model-states',
      chaos: 'vt:{vt:}:chaos',
      tenants: 'vt:{vt:}:tenants',
      registry: [
        'vt:{vt:}:owners',
        'vt:{vt:}:order',
        'vt:{vt:}:expires',
        'vt:{vt:}:tasks:seq',
        'vt:{vt:}:tenants',
      ],
      cache: undefined,
    });
  });

  test("an API key's data sits under the tag P{P<key>}:, in the scripts' order", () => {
    const keys = new RedisKeys('vt:');
    const tag = 'vt:{vt:sk-a}:';
    expect(keys.tenant('sk-a')).toEqual(
      ['acct', 'task', 'idem', 'list', 'mlist', 'tl', 'expires', 'settle'].map((name) => tag + name),
    );
    expect(keys.rate('sk-a', 2)).toBe(`${tag}rate:2`);
    expect(keys.rate('sk-a', 0.5)).toBe(`${tag}rate:0.5`);
  });

  test('in the tag % and } of an API key are escaped, so no key ends its tag early and two keys never meet', () => {
    const keys = new RedisKeys('p:');
    expect(keys.tenant('a}b%c')[0]).toBe('p:{p:a%7Db%25c}:acct');
    expect(keys.tenant('a%7Db')[0]).toBe('p:{p:a%257Db}:acct');
    expect(keys.rate('}%', 1)).toBe('p:{p:%7D%25}:rate:1');
    expect(keys.tenant('plain{key')[0]).toBe('p:{p:plain{key}:acct');
  });
});

describe("the tenants' key cache", () => {
  test('a recent key gets the same names again, without building them', () => {
    const keys = new RedisKeys('p:');
    const first = keys.tenant('sk-a');
    keys.tenant('sk-b');
    expect(keys.tenant('sk-a')).toBe(first);
  });

  test('it holds at most 1000 keys: the 1001st starts it afresh', () => {
    const keys = new RedisKeys('p:');
    const first = keys.tenant('sk-0');
    for (let i = 1; i < 1000; i++) keys.tenant(`sk-${i}`);
    expect(keys.tenant('sk-0')).toBe(first);
    keys.tenant('sk-1000');
    const again = keys.tenant('sk-0');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
