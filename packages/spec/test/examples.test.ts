// Every example in the spec validates against the schema it illustrates (ajv, JSON Schema 2020-12).
import { describe, expect, test } from 'vitest';
import { spec } from '../src/index.js';
import { createSpecValidator, deref } from '../src/validator.js';

const validator = createSpecValidator({ allErrors: true });

interface Case {
  where: string;
  schema: unknown;
  value: unknown;
}

/** Collects media-type examples (`examples` maps) and schema-level `examples` arrays. */
function collectExamples(): Case[] {
  const cases: Case[] = [];
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) {
      for (const [i, child] of node.entries()) walk(child, `${where}/${i}`);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    // A media type or parameter: `schema` beside an `examples` map of Example objects.
    if (obj.schema && obj.examples && !Array.isArray(obj.examples) && typeof obj.examples === 'object') {
      for (const [name, example] of Object.entries(obj.examples as Record<string, unknown>)) {
        const { value } = deref<{ value: unknown }>(spec, example);
        cases.push({ where: `${where}/examples/${name}`, schema: obj.schema, value });
      }
    }
    // A schema: its `examples` array holds instances of that very schema.
    if (Array.isArray(obj.examples) && (obj.type || obj.$ref || obj.enum || obj.allOf || obj.oneOf)) {
      obj.examples.forEach((value, i) => {
        cases.push({ where: `${where}/examples/${i}`, schema: obj, value });
      });
    }
    for (const [key, child] of Object.entries(obj)) {
      if (key !== 'examples') walk(child, `${where}/${key}`);
    }
  };
  walk(spec.paths, '#/paths');
  walk(spec.webhooks, '#/webhooks');
  walk(spec.components, '#/components');
  return cases;
}

const cases = collectExamples();

test('the spec has examples for every variant the issue asks for', () => {
  const examples = Object.keys(spec.components.examples ?? {});
  for (const name of [
    'TextToVideoRequest',
    'ImageToVideoRequest',
    'CallbackRequest',
    'PendingTask',
    'ProcessingTask',
    'CompletedTask',
    'FailedTask',
  ]) {
    expect(examples).toContain(name);
  }
  // Each error response carries at least one example.
  for (const [name, response] of Object.entries(spec.components.responses ?? {})) {
    const media = (response as { content?: Record<string, { examples?: object }> }).content?.[
      'application/json'
    ];
    expect(Object.keys(media?.examples ?? {}), `${name} has no example`).not.toHaveLength(0);
  }
  expect(cases.length).toBeGreaterThan(30);
});

describe('each example matches its schema', () => {
  test.each(cases.map((c) => [c.where, c] as const))('%s', (_where, c) => {
    const validate = validator.compile(c.schema);
    const ok = validate(c.value);
    expect(validate.issues).toEqual([]);
    expect(ok).toBe(true);
  });
});

test('every named example is used somewhere in the spec', () => {
  const text = JSON.stringify({ paths: spec.paths, webhooks: spec.webhooks, components: spec.components });
  for (const name of Object.keys(spec.components.examples ?? {})) {
    expect(text).toContain(`#/components/examples/${name}"`);
  }
});
