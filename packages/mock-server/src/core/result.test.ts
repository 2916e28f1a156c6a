// The core's answers: a value, or a refusal that carries `param` only when one is named.
import { describe, expect, test } from 'vitest';
import { ok, refuse } from './result.js';

describe('results', () => {
  test('ok wraps the value', () => {
    expect(ok(3)).toStrictEqual({ ok: true, value: 3 });
  });

  test('a refusal without a param has no param key at all (the envelope then leaves it out)', () => {
    const refusal = refuse('conflict', 'no');
    expect(refusal).toStrictEqual({ ok: false, code: 'conflict', message: 'no' });
    expect('param' in refusal).toBe(false);
    expect(refuse('invalid_request', 'bad', 'ms')).toStrictEqual({
      ok: false,
      code: 'invalid_request',
      message: 'bad',
      param: 'ms',
    });
  });
});
