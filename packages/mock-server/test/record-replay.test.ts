// videotask-mock --proxy/--record and --replay over real HTTP: an upstream stand-in, a HAR file on disk, replay of it.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { parseHar } from '../src/har.js';
import { main } from '../src/node/cli.js';
import { parseCliArgs } from '../src/node/cli-args.js';
import type { RunningMockServer } from '../src/node/index.js';

const KEY = 'sk-recording-0123456789';
const TASK = 'task-unified-1757169743-7cvnl5zw';
let upstream: Server;
let upstreamUrl: string;
let reads = 0;
const dirs: string[] = [];

/** Stands in for the real API: a create, then a task that is pending, processing, then completed. */
beforeAll(async () => {
  upstream = createServer((req, res) => {
    const json = (status: number, body: unknown) =>
      res
        .writeHead(status, { 'content-type': 'application/json', 'x-request-id': `up-${status}` })
        .end(JSON.stringify(body));
    if (req.method === 'POST')
      return json(200, { id: TASK, status: 'pending', seenKey: req.headers.authorization });
    const states = ['pending', 'processing', 'completed'];
    json(200, { id: TASK, status: states[Math.min(reads++, 2)] });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(() => {
  upstream.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'videotask-har-'));
  dirs.push(dir);
  return dir;
}

let running: RunningMockServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(flags: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  running = await main(
    ['--port', '0', ...flags],
    {},
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    false,
  );
  if (!running) throw new Error(err.join('\n'));
  return { url: running.url, out };
}

const call = async (base: string, path: string, init: RequestInit = {}) => {
  const response = await fetch(`${base}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const createBody = JSON.stringify({ model: 'sora-2', prompt: 'A cat playing piano' });

// Each test starts and stops real servers; on a busy CI machine that takes seconds.
describe('record, then replay', { timeout: 30_000 }, () => {
  test('a recorded session replays offline, task states in order', async () => {
    const dir = tempDir();
    const proxy = await start(['--proxy', upstreamUrl, '--record', dir]);
    expect(proxy.out.join('\n')).toContain(`Proxy: /v1/* goes to ${upstreamUrl}`);
    const created = await call(proxy.url, '/v1/videos/generations', { method: 'POST', body: createBody });
    expect(created.body).toMatchObject({ id: TASK, seenKey: `Bearer ${KEY}` }); // the caller's own key went upstream
    const live: unknown[] = [created.body];
    for (let i = 0; i < 3; i++) live.push((await call(proxy.url, `/v1/tasks/${TASK}`)).body);
    // Not /v1/*: the mock answers, nothing is forwarded or recorded.
    expect((await fetch(`${proxy.url}/openapi.json`)).status).toBe(200);
    await running?.close();

    const files = readdirSync(dir).filter((f) => f.endsWith('.har'));
    expect(files).toHaveLength(1);
    const text = readFileSync(join(dir, files[0] as string), 'utf8');
    expect(text).not.toContain(KEY.slice(3));
    const entries = parseHar(text);
    expect(
      entries.map((e) => `${e.request.method} ${new URL(e.request.url).pathname} ${e.response.status}`),
    ).toEqual(['POST /v1/videos/generations 200', ...Array(3).fill(`GET /v1/tasks/${TASK} 200`)]);

    const replay = await start(['--replay', dir]);
    expect(replay.out.join('\n')).toMatch(
      /Replay: 4 recorded exchange\(s\) from 1 file\(s\).*simulated mock answers/,
    );
    const replayed: unknown[] = [
      (await call(replay.url, '/v1/videos/generations', { method: 'POST', body: createBody })).body,
    ];
    for (let i = 0; i < 3; i++) replayed.push((await call(replay.url, `/v1/tasks/${TASK}`)).body);
    // The same answers, except the key the stand-in echoed, which never reached the recording.
    expect(replayed).toEqual([{ ...created.body, seenKey: '[redacted]' }, ...live.slice(1)]);
    expect((await call(replay.url, `/v1/tasks/${TASK}`)).body).toMatchObject({ status: 'completed' });

    // Not recorded: the simulated mock answers (an unknown task → its 404 task_not_found), and the log says so.
    const other = await call(replay.url, '/v1/tasks/task-unified-1757169743-zzzzzzzz');
    expect(other).toMatchObject({ status: 404, body: { error: { code: 'task_not_found' } } });
    expect(replay.out).toContain(
      'GET /v1/tasks/task-unified-1757169743-zzzzzzzz: no recording, the simulated mock answers',
    );
  });

  test('--replay-strict answers what is not recorded with 404 not_recorded', async () => {
    const dir = tempDir();
    await start(['--proxy', upstreamUrl, '--record', dir]);
    await call(running?.url as string, '/v1/credits');
    await running?.close();
    const strict = await start(['--replay', dir, '--replay-strict']);
    expect((await call(strict.url, '/v1/credits')).status).toBe(200);
    expect(await call(strict.url, `/v1/tasks/${TASK}`)).toMatchObject({
      status: 404,
      body: { error: { code: 'not_recorded' } },
    });
  });

  test('a dead upstream answers 502 upstream_error and the recording says so', async () => {
    const dead = createServer();
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(dead.address() as AddressInfo).port}`;
    await new Promise((resolve) => dead.close(resolve));
    const dir = tempDir();
    const proxy = await start(['--proxy', deadUrl, '--record', dir]);
    const answer = await call(proxy.url, '/v1/credits');
    expect(answer).toMatchObject({
      status: 502,
      body: { error: { code: 'upstream_error', type: 'upstream_error' } },
    });
    expect(String((answer.body.error as { message: string }).message)).toMatch(/ECONNREFUSED/);
    await running?.close();
    const [file] = readdirSync(dir);
    const [entry] = parseHar(readFileSync(join(dir, file as string), 'utf8'));
    expect(entry?._videotask).toMatchObject({
      kind: 'api',
      source: 'proxy',
      error: expect.stringMatching(/ECONNREFUSED/),
    });
  });

  test('an unreadable recording stops the start with a message naming it', async () => {
    const err: string[] = [];
    const before = process.exitCode;
    const missing = join(tempDir(), 'nope.har');
    expect(
      await main(['--port', '0', '--replay', missing], {}, { out: () => {}, err: (l) => err.push(l) }, false),
    ).toBeUndefined();
    expect(process.exitCode).toBe(1);
    process.exitCode = before;
    expect(err.join('\n')).toContain(`${missing}: no such file or directory`);
  });
});

describe('flags', () => {
  test.each([
    [['--record', 'dir'], '--record needs --proxy'],
    [['--proxy', 'http://a.example', '--replay', 'x.har'], 'cannot be used together'],
    [['--replay-strict'], '--replay-strict needs --replay'],
    [['--proxy', 'ftp://a.example'], '--proxy must be an http(s) base URL'],
    [['--proxy-timeout', '5'], '--proxy-timeout needs --proxy'],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  test('MOCK_PROXY, MOCK_RECORD and MOCK_PROXY_TIMEOUT work like the flags', () => {
    expect(
      parseCliArgs([], {
        MOCK_PROXY: 'https://api.example.com',
        MOCK_RECORD: 'rec',
        MOCK_PROXY_TIMEOUT: '5000',
      }).recordReplay,
    ).toEqual({ mode: 'proxy', upstream: 'https://api.example.com', recordDir: 'rec', timeoutMs: 5000 });
  });
});
