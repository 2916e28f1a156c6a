// The Arazzo workflows hold to openapi.yaml where a runner would not notice: every step names a real
// operation and its parameters, and every request body (inputs at their defaults) is one the spec accepts.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { spec } from '../src/index.js';
import { createSpecValidator, deref } from '../src/validator.js';

interface Step {
  stepId: string;
  operationId?: string;
  parameters?: { name?: string; in?: string; reference?: string }[];
  requestBody?: { contentType: string; payload: Record<string, unknown> };
}
interface Workflow {
  workflowId: string;
  inputs: unknown;
  steps: Step[];
}
interface Doc {
  arazzo: string;
  sourceDescriptions: { name: string; url: string }[];
  components: { inputs: Record<string, { properties: Record<string, { default?: unknown }> }> };
  workflows: Workflow[];
}

const doc = parse(
  readFileSync(new URL('../workflows/video-task.arazzo.yaml', import.meta.url), 'utf8'),
) as Doc;
const validator = createSpecValidator({ allErrors: true });

type Operation = { operationId?: string; parameters?: unknown[] };
const operations = new Map(
  Object.values(spec.paths).flatMap((item) =>
    Object.values(item as Record<string, Operation>)
      .filter((op) => op?.operationId)
      .map((op) => [op.operationId as string, op] as const),
  ),
);

/** `$inputs.x` replaced by the shared inputs' default for x (a payload's literal values stay). */
function withDefaults(payload: Record<string, unknown>): Record<string, unknown> {
  const defaults = doc.components.inputs.task?.properties ?? {};
  return Object.fromEntries(
    Object.entries(payload).map(([key, value]) => {
      const input = typeof value === 'string' && /^\$inputs\.(\w+)$/.exec(value)?.[1];
      return [key, input ? defaults[input]?.default : value];
    }),
  );
}

test('the workflows are Arazzo 1.1 over openapi.yaml', () => {
  expect(doc.arazzo).toMatch(/^1\.1\.\d+$/);
  expect(doc.sourceDescriptions).toEqual([{ name: 'videoTaskApi', url: '../openapi.yaml', type: 'openapi' }]);
});

describe.each(doc.workflows.map((w) => [w.workflowId, w] as const))('%s', (_id, workflow) => {
  test.each(workflow.steps.filter((s) => s.operationId).map((s) => [s.stepId, s] as const))(
    'step %s names an operation of the spec and fills exactly its path parameters',
    (_step, step) => {
      const operation = operations.get(step.operationId as string);
      expect(operation, step.operationId).toBeDefined();
      const declared = (operation?.parameters ?? []).map((p) => deref<{ name: string; in: string }>(spec, p));
      for (const parameter of step.parameters ?? []) {
        if (parameter.in === 'path')
          expect(declared).toContainEqual(expect.objectContaining({ name: parameter.name }));
      }
      for (const name of declared.filter((p) => p.in === 'path').map((p) => p.name))
        expect(
          step.parameters?.map((p) => p.name),
          `path parameter ${name}`,
        ).toContain(name);
    },
  );

  test.each(workflow.steps.filter((s) => s.requestBody).map((s) => [s.stepId, s] as const))(
    'step %s sends a body the spec accepts',
    (_step, step) => {
      const body = step.requestBody as NonNullable<Step['requestBody']>;
      expect(body.contentType).toBe('application/json');
      const validate = validator.requestBody(step.operationId as string);
      const payload = withDefaults(body.payload);
      expect(validate(payload), validate.issues.map((i) => i.message).join('; ')).toBe(true);
    },
  );
});
