import { modelEntries, spec } from '@videotask/spec';
import { createSpecValidator } from '@videotask/spec/validator';
import { describe, expect, test } from 'vitest';
import { minimalBody, modelViolations, schemaViolations } from './violations.js';

const validate = createSpecValidator().requestBody('createVideoGeneration');

test("a model's starting body is the create operation's example for it, where there is one", () => {
  const sora2 = modelEntries().find((entry) => entry.id === 'sora-2');
  const example = spec.components.examples?.TextToVideoRequest as { value: object } | undefined;
  expect(sora2 && minimalBody(sora2)).toEqual(example?.value);
});

test('the body-wide model rules have rows: required, an unknown id, a wrong type', () => {
  const rules = schemaViolations().map((v) => v.rule);
  expect(rules).toEqual(expect.arrayContaining(['model: required', 'model: enum', 'model: type string']));
});

describe.each(modelEntries().map((entry) => [entry.id, entry] as const))('%s', (_id, entry) => {
  const properties = (entry.schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const rows = modelViolations(entry);

  test('the starting body is valid', () => {
    expect(validate(minimalBody(entry))).toBe(true);
  });

  test('every property but the model and every required field is broken at least once', () => {
    const params = new Set(rows.map((v) => v.param));
    const required = (entry.schema.required as string[]).filter((name) => name !== 'model');
    for (const name of [...Object.keys(properties).filter((n) => n !== 'model'), ...required])
      expect(params).toContain(name);
  });

  test('each limiting keyword of a property has a row', () => {
    const rules = rows.map((v) => v.rule);
    for (const [name, schema] of Object.entries(properties)) {
      for (const keyword of ['enum', 'minimum', 'maximum', 'minLength', 'maxLength', 'maxItems', 'pattern']) {
        if (schema[keyword] !== undefined && !(keyword === 'minLength' && schema[keyword] === 0)) {
          expect(rules.some((r) => r.startsWith(`${name}: ${keyword}`))).toBe(true);
        }
      }
    }
  });

  test('each cross-field rule the schema words has a counterexample row', () => {
    const words = [...JSON.stringify(entry.schema).matchAll(/"x-rule-description":"([^"]+)"/g)].map(
      (m) => m[1],
    );
    const rules = rows.map((v) => v.rule);
    for (const rule of new Set(words)) expect(rules.some((r) => r.endsWith(`: ${rule}`))).toBe(true);
  });

  test('every row names the model it is for', () => {
    for (const row of rows) expect(row.body.model).toBe(entry.id);
  });
});

test("an object's own properties are broken too (Kling's model_params, nested a level deeper)", () => {
  const rules = schemaViolations()
    .filter((v) => v.model === 'kling-o3-text-to-video')
    .map((v) => v.rule);
  expect(rules).toEqual(
    expect.arrayContaining([
      'model_params.multi_prompt: maxItems 6',
      'model_params.element_list: maxItems 7',
      'model_params.shot_type: enum customize',
      'model_params.watermark_info.enabled: type boolean',
    ]),
  );
});

test('the image extension, host-ending-like-a-file and https-only callback rules are among the rows', () => {
  const bodies = schemaViolations().map((v) => JSON.stringify(v.body));
  expect(bodies.some((b) => b.includes('image1.gif'))).toBe(true);
  expect(bodies.some((b) => b.includes('"https://example.jpg"'))).toBe(true);
  expect(bodies.some((b) => b.includes('"callback_url":"http://'))).toBe(true);
});
