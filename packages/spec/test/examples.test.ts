// Every example in both documents validates against the schema it illustrates (ajv, JSON Schema
// 2020-12), and `example()` / `adminExample()` hand out copies of the named ones.
import { describe, expect, test } from 'vitest';
import { adminExample, adminSpec, example, type OpenApiDocument, spec } from '../src/index.js';
import { createSpecValidator, deref } from '../src/validator.js';

interface Case {
  where: string;
  schema: unknown;
  value: unknown;
}

/** Collects media-type examples (`examples` maps) and schema-level `examples` arrays. */
function collectExamples(doc: OpenApiDocument): Case[] {
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
      for (const [name, ex] of Object.entries(obj.examples as Record<string, unknown>)) {
        const { value } = deref<{ value: unknown }>(doc, ex);
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
  walk(doc.paths, '#/paths');
  walk(doc.webhooks, '#/webhooks');
  walk(doc.components, '#/components');
  return cases;
}

const documents = [
  ['openapi.yaml', spec, collectExamples(spec)],
  ['mock-admin.yaml', adminSpec, collectExamples(adminSpec)],
] as const;

test('the public spec has examples for every variant the issue asks for', () => {
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
  expect(documents[0][2].length).toBeGreaterThan(30);
});

test.each(documents)('%s: each error response carries at least one example', (_file, doc) => {
  for (const [name, response] of Object.entries(doc.components.responses ?? {})) {
    // A 304 has no body by definition (RFC 9110 §15.4.5).
    if (name === 'NotModified') continue;
    const media = (response as { content?: Record<string, { examples?: object }> }).content?.[
      'application/json'
    ];
    expect(Object.keys(media?.examples ?? {}), `${name} has no example`).not.toHaveLength(0);
  }
});

test('the admin spec has an example for every request body and every answer', () => {
  for (const [path, item] of Object.entries(adminSpec.paths)) {
    for (const [method, op] of Object.entries(item as Record<string, Record<string, unknown>>)) {
      const media = [deref<{ content?: Record<string, unknown> }>(adminSpec, op.requestBody)];
      for (const response of Object.values(op.responses as Record<string, unknown>)) {
        media.push(deref(adminSpec, response));
      }
      for (const m of media) {
        const json = m?.content?.['application/json'] as { examples?: object } | undefined;
        if (m) expect(Object.keys(json?.examples ?? {}), `${method} ${path}`).not.toHaveLength(0);
      }
    }
  }
  expect(documents[1][2].length).toBeGreaterThan(30);
});

describe.each(documents)('%s: each example matches its schema', (_file, doc, cases) => {
  const validator = createSpecValidator({ allErrors: true }, doc);
  test.each(cases.map((c) => [c.where, c] as const))('%s', (_where, c) => {
    const validate = validator.compile(c.schema);
    const ok = validate(c.value);
    expect(validate.issues).toEqual([]);
    expect(ok).toBe(true);
  });
});

test.each(documents)('%s: every named example is used somewhere', (_file, doc) => {
  const text = JSON.stringify({ paths: doc.paths, webhooks: doc.webhooks, components: doc.components });
  for (const name of Object.keys(doc.components.examples ?? {})) {
    expect(text).toContain(`#/components/examples/${name}"`);
  }
});

describe('example() and adminExample()', () => {
  test('hand out a fresh copy of the named example, typed by its schema', () => {
    const task = example('ProcessingTask');
    // Typed as ProcessingTask: `status` is the literal, and a completed-only field is absent.
    const status: 'processing' = task.status;
    expect(status).toBe('processing');
    expect(task).toEqual(
      (spec.components.examples as Record<string, { value: unknown }>).ProcessingTask?.value,
    );
    task.progress = 99;
    expect(example('ProcessingTask').progress).toBe(45);
    const fault = adminExample('FaultSpec');
    expect(fault.status).toBe(503);
    const list = adminExample('AdminTaskList');
    expect(list.data[0]?.task.status).toBe('pending');
  });

  test('the names and types are checked by the compiler', () => {
    /** Never called: lines tsc must reject, so a type that decays to `any` fails the typecheck. */
    const typeOnly = () => {
      // @ts-expect-error FaultSpec is an example of mock-admin.yaml, not of openapi.yaml
      example('FaultSpec');
      // @ts-expect-error a processing task's status is not completed
      const completed: 'completed' = example('ProcessingTask').status;
      // @ts-expect-error a fault's status is a number
      const status: string = adminExample('FaultSpec').status;
      return [completed, status];
    };
    expect(typeof typeOnly).toBe('function');
  });

  test('an unknown name is an error, not undefined', () => {
    expect(() => example('NoSuchExample' as never)).toThrow(/No example NoSuchExample/);
    expect(() => adminExample('ProcessingTask' as never)).toThrow(/No example ProcessingTask/);
  });
});
