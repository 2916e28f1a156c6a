import { type HarEntry, harEntry } from '@videotask/mock-server/har';
import { spec } from '@videotask/spec';
import { deref } from '@videotask/spec/validator';
import { describe, expect, test } from 'vitest';
import { driftReport } from './report.js';

const ID = 'task-unified-1757169743-7cvnl5zw';
const example = <T = Record<string, unknown>>(name: string): T =>
  structuredClone(deref<{ value: T }>(spec, spec.components.examples?.[name]).value);

function answer(
  method: string,
  path: string,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): HarEntry {
  return harEntry({
    started: new Date(),
    timeMs: 1,
    method,
    url: `https://api.evolink.ai${path}`,
    requestHeaders: new Headers(),
    requestBody: new Uint8Array(),
    status,
    responseHeaders: new Headers({
      'content-type': 'application/json',
      date: 'x',
      'x-request-id': 'r',
      ...headers,
    }),
    responseBody: new TextEncoder().encode(JSON.stringify(body)),
    info: { kind: 'api', source: 'upstream' },
  });
}

function callback(body: unknown, headers: Record<string, string> = {}): HarEntry {
  return harEntry({
    started: new Date(),
    timeMs: 1,
    method: 'POST',
    url: 'https://hooks.example.com/video',
    requestHeaders: new Headers({ 'content-type': 'application/json', 'user-agent': 'x', ...headers }),
    requestBody: new TextEncoder().encode(JSON.stringify(body)),
    status: 200,
    responseHeaders: new Headers(),
    responseBody: new Uint8Array(),
    info: { kind: 'callback' },
  });
}

describe('driftReport', () => {
  test('answers that keep the spec give no finding (every example of every documented answer)', () => {
    const entries = [
      answer('POST', '/v1/videos/generations', 200, example('PendingTask'), {
        'idempotency-replayed': 'true',
      }),
      ...['PendingTask', 'ProcessingTask', 'CompletedTask', 'FailedTask', 'CancelledTask'].map((name) =>
        answer('GET', `/v1/tasks/${ID}`, 200, example(name)),
      ),
      answer('GET', '/v1/credits', 200, example('Credits')),
      answer('GET', '/v1/models', 200, example('ModelList')),
      answer('GET', '/v1/catalog/models', 200, example('CatalogModels'), { etag: '"a"' }),
      answer('GET', '/v1/catalog/health', 304, undefined, { etag: '"a"' }),
      answer('GET', '/v1/tasks?page=1&page_size=20', 200, example('TaskList')),
      answer('POST', '/v1/tasks/batch', 200, example('TaskBatch')),
      answer('POST', '/v1/videos/generations', 400, example('LegacyBadRequestError')),
      answer('GET', `/v1/tasks/${ID}`, 404, example('TaskNotFoundError')),
      answer('GET', '/v1/credits', 429, example('RateLimitError'), { 'retry-after': '1' }),
      callback(example('CompletedTask'), {
        'webhook-id': 'msg_1',
        'webhook-timestamp': '1',
        'webhook-signature': 'v1,x',
      }),
    ];
    const report = driftReport(entries);
    expect(report.findings).toEqual([]);
    expect(report.exchanges).toEqual({ answers: 15, callbacks: 1, proxyFailures: 0 });
    expect(report.neverSeen.operations).toEqual([]);
    expect(report.neverSeen.failureCodes).not.toContain('content_policy_violation');
    expect(report.neverSeen.failureCodes).not.toContain('request_cancelled');
    expect(report.neverSeen.errorCodes).not.toContain('task_not_found');
    expect(report.neverSeen.errorCodes).toContain('unauthorized');
    expect(report.neverSeen.statuses).toContainEqual({
      operation: 'getCredits',
      statuses: ['401', '500', '503'],
    });
  });

  test('a callback is checked like an answer: a cancelled status, extra fields and headers', () => {
    const body = {
      ...example('CompletedTask'),
      status: 'cancelled',
      usage: { ...example<{ usage: object }>('CompletedTask').usage, cost: { usd: 0.1 } },
    };
    delete (body as { results?: unknown }).results;
    const report = driftReport([callback(body, { 'x-evolink-event': 'task.finished' })]);
    const found = report.findings.map((f) => [f.class, f.kind, f.operation, f.pointer]);
    expect(found).toEqual([
      ['breaking', 'unknown-enum-value', 'taskFinished (callback)', '/status'],
      ['additive', 'extra-field', 'taskFinished (callback)', '/usage/cost'],
      ['additive', 'extra-header', 'taskFinished (callback)', 'header: x-evolink-event'],
    ]);
    expect(report.findings[0]?.suggestion).toMatch(
      /add "cancelled" to TaskStatus\.enum and a branch for it to FinishedTask/,
    );
    expect(report.findings[1]?.suggestion).toBe('add `cost` (object) to TaskUsage.properties');
  });

  test('an integer code in the error envelope is allowed (both forms are documented); in a failed task it is not', () => {
    const envelope = answer('GET', '/v1/credits', 500, {
      error: { code: 500, message: 'x', type: 'api_error' },
    });
    expect(driftReport([envelope]).findings).toEqual([]);
    const failed = example<{ error: { code: unknown } }>('FailedTask');
    failed.error.code = 7;
    const [finding] = driftReport([answer('GET', `/v1/tasks/${ID}`, 200, failed)]).findings;
    expect(finding).toMatchObject({
      class: 'breaking',
      kind: 'wrong-type',
      pointer: '/error/code',
      seen: '7',
    });
    expect(finding?.suggestion).toContain('TaskFailureCode says string');
  });

  test('a failure code the spec does not list is an enum finding, not a wrong type', () => {
    const failed = example<{ error: { code: unknown } }>('FailedTask');
    failed.error.code = 'upstream_timeout';
    const [finding] = driftReport([answer('GET', `/v1/tasks/${ID}`, 200, failed)]).findings;
    expect(finding).toMatchObject({
      kind: 'unknown-enum-value',
      pointer: '/error/code',
      seen: '"upstream_timeout"',
    });
    expect(finding?.suggestion).toBe('add "upstream_timeout" to TaskFailureCode.enum');
  });

  test('answers the proxy made itself (upstream down) are counted, not checked', () => {
    const failure = {
      ...answer('GET', '/v1/credits', 502, example('UpstreamError')),
      _videotask: { kind: 'api' as const, source: 'proxy' as const, error: 'ECONNREFUSED' },
    };
    const report = driftReport([failure]);
    expect(report.exchanges).toEqual({ answers: 0, callbacks: 0, proxyFailures: 1 });
    expect(report.neverSeen.operations).toContain('getCredits');
  });

  test("the caller's task list and the batch are documented operations: a missing total is breaking", () => {
    const { total: _total, ...noTotal } = example('TaskList');
    const findings = driftReport([answer('GET', '/v1/tasks?page=2', 200, noTotal)]).findings;
    expect(findings).toEqual([
      expect.objectContaining({ class: 'breaking', operation: 'listTasks 200', pointer: '/total' }),
    ]);
    const batch = driftReport([answer('POST', '/v1/tasks/batch', 400, example('TooManyTaskIdsError'))]);
    expect(batch.findings).toEqual([]);
  });

  test('an undocumented endpoint is additive; the same finding seen twice is counted once with both values', () => {
    const usage = answer('GET', '/v1/usage?page=1', 200, { data: [] });
    const report = driftReport([usage, usage]);
    expect(report.findings).toEqual([
      expect.objectContaining({
        class: 'additive',
        kind: 'undocumented-operation',
        operation: 'GET /v1/usage',
        count: 2,
      }),
    ]);
    const a = example('ProcessingTask');
    const b = { ...example('ProcessingTask'), seed: 1 };
    const twice = driftReport([
      answer('GET', `/v1/tasks/${ID}`, 200, { ...a, seed: 7 }),
      answer('GET', `/v1/tasks/${ID}`, 200, b),
    ]).findings;
    expect(twice).toEqual([expect.objectContaining({ pointer: '/seed', count: 2, samples: ['7', '1'] })]);
  });
});
