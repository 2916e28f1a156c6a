// The schema → arbitrary converter: what it generates is valid, it follows the spec's rules when they
// change, and it refuses keywords it does not understand.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createBodySchema, parameterSchema, specValidator } from './fuzz-support.js';
import { resolveRef, schemaArbitrary } from './schema-arbitrary.js';

const SAMPLES = 300;
const SORA_2 = { $ref: '#/components/schemas/Sora2Request' };

describe('schemaArbitrary', () => {
  test.each([
    ['the create body', createBodySchema],
    ['the Idempotency-Key header', parameterSchema('createVideoGeneration', 'Idempotency-Key')],
    ['the task_id parameter', parameterSchema('getTaskDetail', 'task_id')],
    ['TaskFailureCode', { $ref: '#/components/schemas/TaskFailureCode' }],
    ['ApiError', { $ref: '#/components/schemas/ApiError' }],
  ])('every value generated for %s is valid against it', (_name, schema) => {
    const validate = specValidator.compile(schema);
    for (const value of fc.sample(schemaArbitrary(schema), { numRuns: SAMPLES, seed: 42 })) {
      expect(validate(value), `${JSON.stringify(value)}: ${validate.issues[0]?.message}`).toBe(true);
    }
  });

  test('a rule changed in the schema changes what is generated', () => {
    const body = structuredClone(resolveRef(SORA_2)) as {
      properties: Record<string, Record<string, unknown>>;
      required: string[];
    };
    body.properties.prompt = { ...body.properties.prompt, maxLength: 3 };
    body.properties.aspect_ratio = { ...body.properties.aspect_ratio, enum: ['1:1'], default: '1:1' };
    body.properties.image_urls = { ...body.properties.image_urls, minItems: 1, maxItems: 1 };
    body.required = [...body.required, 'image_urls'];
    const values = fc.sample(schemaArbitrary(body), { numRuns: SAMPLES, seed: 7 }) as Record<
      string,
      unknown
    >[];
    const prompts = values.map((v) => [...(v.prompt as string)].length);
    expect(Math.max(...prompts)).toBe(3);
    expect(Math.min(...prompts)).toBe(1);
    expect(new Set(values.map((v) => v.aspect_ratio ?? 'absent'))).toEqual(new Set(['1:1', 'absent']));
    expect(values.every((v) => (v.image_urls as string[]).length === 1)).toBe(true);
  });

  test('the exact length bounds are generated', () => {
    const lengths = fc
      .sample(schemaArbitrary({ type: 'string', minLength: 2, maxLength: 40 }), { numRuns: SAMPLES, seed: 3 })
      .map((s) => [...(s as string)].length);
    expect(lengths).toContain(2);
    expect(lengths).toContain(40);
  });

  test('`format: uri` with a pattern gives URIs that keep the pattern', () => {
    const schema = { type: 'string', format: 'uri', pattern: '^[Hh][Tt][Tt][Pp][Ss]://[^?#]*\\.mp4$' };
    const validate = specValidator.compile(schema);
    const values = fc.sample(schemaArbitrary(schema), { numRuns: SAMPLES, seed: 11 }) as string[];
    for (const value of values) {
      expect(validate(value), value).toBe(true);
      expect(new URL(value).pathname.toLowerCase().endsWith('.mp4'), value).toBe(true);
    }
  });

  test('optional properties are sometimes left out, so the server fills their default', () => {
    const values = fc.sample(schemaArbitrary(SORA_2), { numRuns: SAMPLES, seed: 5 }) as Record<
      string,
      unknown
    >[];
    for (const field of ['duration', 'remove_watermark', 'aspect_ratio']) {
      expect(
        values.some((v) => !(field in v)),
        field,
      ).toBe(true);
      expect(
        values.some((v) => field in v),
        field,
      ).toBe(true);
    }
  });

  test('a keyword it does not know is an error, not silently ignored', () => {
    expect(() => schemaArbitrary({ type: 'array', uniqueItems: true })).toThrow(/keyword "uniqueItems"/);
    expect(() => schemaArbitrary({ anyOf: [{ type: 'string' }] })).toThrow(/keyword "anyOf"/);
    expect(() => schemaArbitrary({ type: 'string', format: 'email' })).toThrow(/format "email"/);
    expect(() =>
      schemaArbitrary({ type: 'object', properties: { a: { type: 'string', multipleOf: 2 } } }),
    ).toThrow(/keyword "multipleOf" at #\/properties\/a/);
  });
});
