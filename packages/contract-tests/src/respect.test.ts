// respectProblems reads respect's JSON report: a retried poll's miss is expected, any other failed check,
// a workflow that did not succeed or run once, and a spec'd answer left unchecked are problems.
import { modelEntry } from '@videotask/spec';
import { describe, expect, test } from 'vitest';
import {
  type ArazzoDocument,
  type RespectCheck,
  type RespectReport,
  type RespectStep,
  readWorkflows,
  respectProblems,
  SPEC_CHECKS,
  workflowModels,
} from './respect.js';

const doc: ArazzoDocument = {
  arazzo: '1.1.0',
  sourceDescriptions: [{ name: 'api', url: '../openapi.yaml', type: 'openapi' }],
  workflows: [
    {
      workflowId: 'flow',
      steps: [
        { stepId: 'create', operationId: 'createVideoGeneration', requestBody: { payload: { model: 'm1' } } },
        { stepId: 'poll', operationId: 'getTaskDetail' },
        { stepId: 'download' },
      ],
    },
  ],
};

const check = (name: string, passed = true): RespectCheck => ({
  name,
  passed,
  message: `${name} said so`,
  severity: 'error',
});
const specChecks = () => SPEC_CHECKS.map((name) => check(name));
const step = (stepId: string, checks: RespectCheck[], extra: Partial<RespectStep> = {}): RespectStep => ({
  stepId,
  workflowId: 'flow',
  status: checks.every((c) => c.passed) ? 'success' : 'error',
  checks,
  ...extra,
});

function report(steps: RespectStep[], status = 'success'): RespectReport {
  return {
    status,
    totalTime: 1,
    files: {
      'flow.arazzo.yaml': { executedWorkflows: [{ workflowId: 'flow', status, executedSteps: steps }] },
    },
  };
}

const good = () => [
  step('create', [check('success criteria check'), ...specChecks()]),
  step('poll', [check('success criteria check', false), ...specChecks()], { retriesLeft: 3 }),
  step('poll', [check('success criteria check'), ...specChecks()]),
  step('download', [check('success criteria check')]),
];

describe('respectProblems', () => {
  test('a run where only a retried poll missed has no problems', () => {
    expect(respectProblems(report(good()), doc, ['flow'])).toEqual([]);
  });

  test('a miss on the last attempt (no retries left) is a problem, and so is the failed workflow', () => {
    const steps = good();
    steps[2] = step('poll', [check('success criteria check', false), ...specChecks()], { retriesLeft: 0 });
    expect(respectProblems(report(steps, 'error'), doc, ['flow'])).toEqual([
      'flow: error',
      'flow/poll: success criteria check failed: success criteria check said so',
    ]);
  });

  test('a failed spec check is a problem even on a retried attempt', () => {
    const steps = good();
    steps[1] = step(
      'poll',
      [check('success criteria check', false), ...specChecks().slice(0, 2), check('schema check', false)],
      {
        retriesLeft: 3,
      },
    );
    expect(respectProblems(report(steps), doc, ['flow'])).toEqual([
      'flow/poll: schema check failed: schema check said so',
    ]);
  });

  test('an answer of a spec’d operation without the spec checks is a problem; a step outside the spec needs none', () => {
    const steps = good();
    steps[0] = step('create', [check('success criteria check')]);
    expect(respectProblems(report(steps), doc, ['flow'])).toEqual([
      'flow/create: the answer was not checked against the spec (status code check, content-type check, schema check)',
    ]);
  });

  test('an expected workflow that did not run is a problem; so is a failed run with no other sign', () => {
    expect(respectProblems(report(good()), doc, ['flow', 'other'])).toEqual(['other: ran 0 times, not once']);
    const empty: RespectReport = { status: 'error', totalTime: 1, files: {} };
    expect(respectProblems(empty, doc, [])).toEqual(['respect: error']);
  });
});

test('workflowModels names each create step’s model once', () => {
  expect(workflowModels(doc)).toEqual(['m1']);
});

test('the shipped workflows create tasks of a model the spec describes as active (not the shut-down sora-2)', async () => {
  const models = workflowModels(await readWorkflows());
  expect(models.length).toBeGreaterThan(0);
  for (const id of models) expect(modelEntry(id)?.profile.lifecycle, id).toBe('active');
});
