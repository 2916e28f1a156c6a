import { spec } from '@videotask/spec';
import { createSpecValidator } from '@videotask/spec/validator';
import { expect, test } from 'vitest';
import { schemaViolations, validBody } from './violations.js';

const request = spec.components.schemas.VideoGenerationRequest as {
  required: string[];
  properties: Record<string, Record<string, unknown>>;
};

test('the starting body is valid', () => {
  expect(createSpecValidator().requestBody('createVideoGeneration')(validBody())).toBe(true);
});

test('every property and every required field of the spec is broken at least once', () => {
  const params = new Set(schemaViolations().map((v) => v.param));
  for (const name of [...Object.keys(request.properties), ...request.required])
    expect(params).toContain(name);
});

test('each limiting keyword of the spec has a row', () => {
  const rules = schemaViolations().map((v) => v.rule);
  for (const [name, schema] of Object.entries(request.properties)) {
    for (const keyword of ['enum', 'minLength', 'maxLength', 'maxItems', 'pattern']) {
      if (schema[keyword] !== undefined && !(keyword === 'minLength' && schema[keyword] === 0)) {
        expect(rules.some((r) => r.startsWith(`${name}: ${keyword}`))).toBe(true);
      }
    }
  }
});

test('the image extension and the https-only callback rules are among the rows', () => {
  const bodies = schemaViolations().map((v) => JSON.stringify(v.body));
  expect(bodies.some((b) => b.includes('image1.gif'))).toBe(true);
  expect(bodies.some((b) => b.includes('"callback_url":"http://'))).toBe(true);
});
