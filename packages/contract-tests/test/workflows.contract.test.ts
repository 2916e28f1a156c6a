// The spec's Arazzo workflows (packages/spec/workflows) run by `redocly respect`, a standard runner:
// every workflow passes, and respect checks every answer of a spec'd operation against the spec. On the
// mock a proxy moves the manual clock at each poll, so a lifecycle takes one retry (respect's retryAfter).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { admin, mockClock, onMock, recorder, target } from '../src/harness.js';
import { type PollClockProxy, startPollClockProxy } from '../src/poll-clock-proxy.js';
import {
  attemptsOf,
  executedWorkflows,
  readWorkflows,
  respectProblems,
  runRespect,
  workflowModels,
} from '../src/respect.js';
import { notServedReason } from '../src/served.js';

const doc = await readWorkflows();
const everyWorkflow = doc.workflows.map((w) => w.workflowId);
/** Asks the mock for a moderated outcome by its scenario header, which the live API ignores. */
const MOCK_ONLY = ['moderatedFailure'];
/** Mock time per answered poll: longer than any model's lifecycle, far shorter than a task is kept. */
const POLL_STEP_MS = 60 * 60_000;
/** Each run starts a Node process and waits out real retry delays (5 s a poll); live tasks take minutes. */
const RUN_TIMEOUT_MS = onMock ? 120_000 : 20 * 60_000;

const inputs = () => ({ apiKey: target.apiKey, idempotencyKey: `arazzo-${randomUUID()}` });

/** Why the workflows do not run on this target (each creates a task: paid on the live API). */
const notRun: string | undefined = !target.available
  ? target.skipReason
  : !onMock && !target.billable
    ? 'each workflow creates a paid task; set CONTRACT_ALLOW_BILLABLE=1'
    : workflowModels(doc)
        .map((model) => notServedReason(target.models, model, target.name))
        .find(Boolean);
if (notRun) console.log(`\nArazzo workflows on ${target.name}: NOT RUN (${notRun})\n`);

/** The workflows that poll a task: the retry action must have repeated their poll. */
const polling = doc.workflows
  .filter((w) => w.steps.some((s) => s.stepId === 'pollTask'))
  .map((w) => w.workflowId);

describe.skipIf(notRun !== undefined || !onMock)(
  `Arazzo workflows with redocly respect (${target.name})`,
  () => {
    let proxy: PollClockProxy;
    let mutate: ((method: string, path: string, body: unknown) => unknown) | undefined;
    beforeAll(async () => {
      proxy = await startPollClockProxy({
        upstream: target.baseUrl,
        // Through the suite's recorder: the mock's answers are also checked by the suite's own validators.
        fetch: recorder.fetch,
        advance: (ms) => mockClock.advance(ms),
        stepMs: POLL_STEP_MS,
        mutate: (method, path, body) => (mutate ? mutate(method, path, body) : body),
      });
    });
    afterAll(() => proxy?.close());

    test(
      'every workflow passes; every answer is checked against the spec; each poll is retried once',
      async () => {
        const started = performance.now();
        const run = await runRespect({ serverUrl: proxy.url, inputs: inputs() });
        console.log(
          `redocly respect ran ${everyWorkflow.length} workflows in ${Math.round(performance.now() - started)} ms`,
        );
        expect(respectProblems(run.report, doc, everyWorkflow), run.output).toEqual([]);
        expect(run.exitCode).toBe(0);
        for (const workflow of executedWorkflows(run.report).filter((w) => polling.includes(w.workflowId))) {
          // Running at the first poll (the clock had not moved), ended at the second.
          expect(
            attemptsOf(workflow, 'pollTask').map((s) => s.status),
            workflow.workflowId,
          ).toEqual(['error', 'success']);
        }
      },
      RUN_TIMEOUT_MS,
    );

    test.skipIf(target.name !== 'mock')(
      'an answer off the spec fails the run: a created task without its required model',
      async () => {
        mutate = (method, path, body) => {
          if (method !== 'POST' || path !== '/v1/videos/generations') return body;
          const { model: _dropped, ...rest } = body as Record<string, unknown>;
          return rest;
        };
        const run = await runRespect({
          serverUrl: proxy.url,
          inputs: inputs(),
          workflows: ['idempotentReplay'],
        });
        mutate = undefined;
        expect(run.exitCode).not.toBe(0);
        const problems = respectProblems(run.report, doc, ['idempotentReplay']);
        expect(problems).toContain('idempotentReplay: error');
        expect(problems).toContainEqual(
          expect.stringMatching(/^idempotentReplay\/createTask: schema check failed/),
        );
      },
      RUN_TIMEOUT_MS,
    );

    test.skipIf(target.name !== 'mock')(
      'a fault on the mock fails the run: the create answers 503',
      async () => {
        await admin.injectFault({ status: 503, path: '/v1/videos/generations', count: 1 });
        const run = await runRespect({
          serverUrl: proxy.url,
          inputs: inputs(),
          workflows: ['idempotentReplay'],
        });
        expect(run.exitCode).not.toBe(0);
        const problems = respectProblems(run.report, doc, ['idempotentReplay']);
        expect(problems).toContainEqual(
          expect.stringMatching(/^idempotentReplay\/createTask: success criteria check failed/),
        );
        // The 503 itself keeps the spec: only the workflow's expectation broke.
        expect(problems.filter((p) => /status code check|content-type check|schema check/.test(p))).toEqual(
          [],
        );
      },
      RUN_TIMEOUT_MS,
    );
  },
);

describe.skipIf(notRun !== undefined || onMock)(
  `Arazzo workflows with redocly respect (${target.name})`,
  () => {
    test(
      `every workflow but ${MOCK_ONLY.join(', ')} passes; every answer is checked against the spec`,
      async () => {
        const run = await runRespect({ serverUrl: target.baseUrl, inputs: inputs(), skip: MOCK_ONLY });
        const expected = everyWorkflow.filter((id) => !MOCK_ONLY.includes(id));
        expect(respectProblems(run.report, doc, expected), run.output).toEqual([]);
        expect(run.exitCode).toBe(0);
      },
      RUN_TIMEOUT_MS,
    );
  },
);
