// End to end without network: a drifted upstream stand-in, recorded through `videotask-mock --proxy --record`,
// replayed with `--replay`, and the drift report naming each finding with the right class.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main } from '../src/cli.js';
import type { DriftReport } from '../src/report.js';

/** Starting the mock's command is a whole Node process: on a busy CI machine that takes seconds. */
const PROCESS_TIMEOUT_MS = 60_000;
const KEY = 'sk-drift-test-0123456789';
const ID = 'task-unified-1757169743-7cvnl5zw';
const task = {
  created: 1757169743,
  id: ID,
  model: 'sora-2',
  object: 'video.generation.task',
  type: 'video',
  task_info: { can_cancel: false },
  usage: { billing_rule: 'per_call', credits_reserved: 3.737, user_group: 'default', cost_usd: 0.055 },
};

/** Each path answers a list of drifted answers in turn (the last one repeats). */
const SCRIPT: Record<string, { status: number; type?: string; body: unknown }[]> = {
  [`/v1/tasks/${ID}`]: [
    { status: 200, body: { ...task, status: 'processing', progress: 40, task_info: { can_cancel: true } } },
    { status: 200, body: { ...task, status: 'cancelled', progress: 40 } },
  ],
  '/v1/tasks/task-unified-1757169743-aaaaaaaa': [
    {
      status: 200,
      body: {
        ...task,
        id: 'task-unified-1757169743-aaaaaaaa',
        status: 'failed',
        progress: 10,
        error: { code: 1001, message: 'blocked', type: 'task_error' },
      },
    },
  ],
  '/v1/tasks/task-unified-1757169743-bbbbbbbb': [
    {
      status: 200,
      body: {
        ...task,
        id: 'task-unified-1757169743-bbbbbbbb',
        status: 'processing',
        task_info: { can_cancel: true },
      },
    },
  ],
  '/v1/tasks/task-unified-1757169743-cccccccc': [
    { status: 418, body: { error: { code: 'teapot', message: 'no', type: 'invalid_request_error' } } },
  ],
  '/v1/credits': [{ status: 503, type: 'text/html', body: '<html><body>Service down</body></html>' }],
  // The caller's task list and the batch, as the spec has them (no finding).
  '/v1/tasks?page=2&page_size=1': [{ status: 200, body: { data: [], total: 1, page: 2, page_size: 1 } }],
  '/v1/tasks/batch': [{ status: 200, body: { data: [] } }],
};

let upstream: Server;
let upstreamUrl: string;
const dir = mkdtempSync(join(tmpdir(), 'videotask-drift-'));
const served = new Map<string, number>();

beforeAll(async () => {
  upstream = createServer((req, res) => {
    const answers = SCRIPT[req.url ?? ''] ?? [
      {
        status: 404,
        body: { error: { code: 'task_not_found', message: 'no', type: 'invalid_request_error' } },
      },
    ];
    const n = served.get(req.url ?? '') ?? 0;
    served.set(req.url ?? '', n + 1);
    const answer = answers[Math.min(n, answers.length - 1)] as (typeof answers)[number];
    const type = answer.type ?? 'application/json';
    res.writeHead(answer.status, { 'content-type': type, 'x-ratelimit-remaining': '99' });
    res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(() => {
  upstream.close();
  rmSync(dir, { recursive: true, force: true });
});

function mockBin(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@videotask/mock-server/package.json')), 'bin', 'videotask-mock.js');
}

/** Starts the mock's real command and resolves with its base URL and a way to stop it. */
async function startMock(flags: string[]): Promise<{ url: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [mockBin(), '--port', '0', '--quiet', ...flags], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the mock exited with ${code}: ${stderr}`)));
    lines.once('line', (line) => resolve(/^Listening on (\S+)$/.exec(line)?.[1] ?? ''));
  });
  lines.on('line', () => {});
  return {
    url,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The session a user would run: a few reads of drifted tasks, the credits, a task list page and a batch. */
async function session(base: string): Promise<{ status: number; body: string }[]> {
  const paths: (string | [string, string])[] = [
    `/v1/tasks/${ID}`,
    `/v1/tasks/${ID}`,
    `/v1/tasks/${ID}`,
    '/v1/tasks/task-unified-1757169743-aaaaaaaa',
    '/v1/tasks/task-unified-1757169743-bbbbbbbb',
    '/v1/tasks/task-unified-1757169743-cccccccc',
    '/v1/credits',
    '/v1/tasks?page=2&page_size=1',
    ['/v1/tasks/batch', JSON.stringify({ task_ids: [ID] })],
  ];
  const answers = [];
  for (const entry of paths) {
    const [path, body] = typeof entry === 'string' ? [entry, undefined] : entry;
    const response = await fetch(`${base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body,
    });
    answers.push({ status: response.status, body: await response.text() });
  }
  return answers;
}

describe('record through the proxy, replay, report', () => {
  let live: { status: number; body: string }[];
  let report: DriftReport;
  let exitCode: number;
  let table = '';

  beforeAll(async () => {
    const proxy = await startMock(['--proxy', upstreamUrl, '--record', dir]);
    live = await session(proxy.url);
    await proxy.stop();
    exitCode = await main([dir, '--json', join(dir, 'drift.json'), '--markdown', join(dir, 'drift.md')], {
      out: (text) => {
        table += text;
      },
      err: () => {},
    });
    report = JSON.parse(readFileSync(join(dir, 'drift.json'), 'utf8')) as DriftReport;
  }, PROCESS_TIMEOUT_MS);

  test("the caller got the upstream's answers unchanged, and the recording holds no key", () => {
    expect(live.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 418, 503, 200, 200]);
    expect(live[6]?.body).toBe('<html><body>Service down</body></html>');
    expect(report.sources).toHaveLength(1);
    const har = readFileSync(report.sources[0] as string, 'utf8');
    expect(har).toContain('Bearer [redacted]');
    expect(har).not.toContain(KEY);
  });

  test('replay answers the same session offline, in order', { timeout: PROCESS_TIMEOUT_MS }, async () => {
    upstream.close(); // nothing reaches the stand-in any more
    const replay = await startMock(['--replay', dir, '--replay-strict']);
    try {
      expect(await session(replay.url)).toEqual(live);
      const unrecorded = await fetch(`${replay.url}/v1/tasks/task-unified-1757169743-dddddddd`, {
        headers: { authorization: `Bearer ${KEY}` },
      });
      expect(unrecorded.status).toBe(404);
    } finally {
      await replay.stop();
    }
  });

  test.each([
    ['breaking', 'unknown-enum-value', 'getTaskDetail 200', '/status', '"cancelled"'],
    ['breaking', 'wrong-type', 'getTaskDetail 200', '/error/code', '1001'],
    ['breaking', 'missing-field', 'getTaskDetail 200', '/progress', '(absent)'],
    ['breaking', 'undocumented-status', 'getTaskDetail 418', '', '418'],
    ['breaking', 'not-json', 'getCredits 503', '', expect.stringMatching(/^text\/html "<html>/)],
    ['additive', 'extra-field', 'getTaskDetail 200', '/usage/cost_usd', '0.055'],
    ['additive', 'extra-header', 'getTaskDetail 200', 'header: x-ratelimit-remaining', '"99"'],
  ])('the report names a %s %s on %s at %j', (findingClass, kind, operation, pointer, seen) => {
    const finding = report.findings.find(
      (f) => f.kind === kind && f.operation === operation && f.pointer === pointer,
    );
    expect(
      finding,
      JSON.stringify(report.findings.map((f) => [f.kind, f.operation, f.pointer])),
    ).toMatchObject({
      class: findingClass,
      seen,
    });
    expect(finding?.suggestion).not.toBe('');
  });

  test('counts: cost_usd on every task answer, the states of one task read three times', () => {
    const costUsd = report.findings.find((f) => f.pointer === '/usage/cost_usd');
    expect(costUsd?.count).toBe(5);
    expect(report.exchanges).toEqual({ answers: 9, callbacks: 0, proxyFailures: 0 });
  });

  test('the table, the Markdown file and the exit status agree', () => {
    expect(exitCode).toBe(1);
    // The task list and the batch are known operations: only the stand-in's extra header is found on them.
    expect(table).toMatch(/5 breaking, 6 additive/);
    expect(table).toMatch(/listTasks 200 +header: x-ratelimit-remaining/);
    expect(table).toMatch(/getTasksBatch 200 +header: x-ratelimit-remaining/);
    expect(table).toContain('add "cancelled" to TaskStatus.enum');
    const markdown = readFileSync(join(dir, 'drift.md'), 'utf8');
    expect(markdown).toContain('| breaking | enum value not in the spec | getTaskDetail 200 | `/status` |');
    expect(report.neverSeen.operations).toEqual([
      'createVideoGeneration',
      'listModels',
      'getCatalogModels',
      'getCatalogHealth',
      'taskFinished (callback)',
    ]);
  });
});
