// The videotask-mock command: flags and MOCK_* variables, the start lines, and a clean shutdown.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { createMockAdminClient } from '../src/admin-client/index.js';
import { CHAOS_PROFILES } from '../src/domain/chaos.js';
import { main } from '../src/node/cli.js';
import { parseCliArgs, usage } from '../src/node/cli-args.js';
import { FLAGS } from '../src/node/cli-flags.js';
import type { RunningMockServer } from '../src/node/index.js';

describe('parseCliArgs', () => {
  test('no flags: defaults left to the server', () => {
    expect(parseCliArgs([])).toEqual({ serve: {}, quiet: false, help: false, version: false });
  });

  test('every flag', () => {
    const config = parseCliArgs([
      '--port',
      '0',
      '--host',
      '0.0.0.0',
      '--seed',
      'abc',
      '--speed',
      '20',
      '--clock',
      'manual',
      '--api-keys',
      'k1, k2,',
      '--webhook-secret',
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      '--allow-local-callbacks',
      '--public-url',
      'https://mock.example.com',
      '--credits',
      '12.5',
      '--rate-limit',
      '5',
      '--failure-rate',
      '0.25',
      '--max-tasks',
      '500',
      '--no-admin',
      '--admin-token',
      'adm',
      '--quiet',
    ]);
    expect(config).toEqual({
      serve: {
        port: 0,
        host: '0.0.0.0',
        seed: 'abc',
        speed: 20,
        clock: 'manual',
        apiKeys: ['k1', 'k2'],
        webhookSecret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        allowLocalCallbacks: true,
        publicUrl: 'https://mock.example.com',
        credits: 12.5,
        rateLimit: 5,
        failureRate: 0.25,
        maxTasks: 500,
        admin: false,
        adminToken: 'adm',
      },
      quiet: true,
      help: false,
      version: false,
    });
  });

  test('every flag has a MOCK_* environment variable; flags win', () => {
    for (const f of FLAGS) expect(f.env).toBe(`MOCK_${f.flag.toUpperCase().replace(/-/g, '_')}`);
    const env = {
      MOCK_PORT: '4999',
      MOCK_CLOCK: 'manual',
      MOCK_ALLOW_LOCAL_CALLBACKS: 'true',
      MOCK_QUIET: '1',
      MOCK_NO_ADMIN: 'yes',
      MOCK_API_KEYS: 'a,b',
      MOCK_SPEED: '3',
    };
    expect(parseCliArgs([], env).serve).toMatchObject({
      port: 4999,
      clock: 'manual',
      allowLocalCallbacks: true,
      admin: false,
      apiKeys: ['a', 'b'],
      speed: 3,
    });
    expect(parseCliArgs([], env).quiet).toBe(true);
    expect(parseCliArgs(['--port=5000', '--clock', 'real'], env).serve).toMatchObject({
      port: 5000,
      clock: 'real',
    });
    expect(parseCliArgs([], { MOCK_ALLOW_LOCAL_CALLBACKS: '0' }).serve.allowLocalCallbacks).toBe(false);
    expect(parseCliArgs([], { MOCK_UNSIGNED_CALLBACKS: '1' }).serve.unsignedCallbacks).toBe(true);
    expect(parseCliArgs(['--unsigned-callbacks'], {}).serve.unsignedCallbacks).toBe(true);
  });

  test.each([
    [['--port', '70000'], /--port must be a port/],
    [['--port', 'x'], /--port must be a port/],
    [['--speed', '0'], /--speed must be a number > 0/],
    [['--clock', 'fast'], /--clock must be real or manual/],
    [['--failure-rate', '2'], /--failure-rate must be a number from 0 to 1/],
    [['--public-url', 'nope'], /--public-url must be a URL/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['extra'], /positional/i],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  test('--store and --store-prefix (MOCK_STORE, MOCK_STORE_PREFIX); a store that is not memory or redis:// is a usage error', () => {
    expect(parseCliArgs(['--store', 'redis://127.0.0.1:6390/2', '--store-prefix', 'ci:']).serve).toEqual({
      storeUrl: 'redis://127.0.0.1:6390/2',
      storePrefix: 'ci:',
    });
    expect(parseCliArgs([], { MOCK_STORE: 'memory', MOCK_STORE_PREFIX: 'x:' }).serve).toEqual({
      storeUrl: 'memory',
      storePrefix: 'x:',
    });
    expect(() => parseCliArgs(['--store', 'mongodb://h'])).toThrow(
      /--store must be memory, redis:\/\/HOST:PORT\[\/DB\] or redis-cluster:\/\//,
    );
    expect(() => parseCliArgs([], { MOCK_STORE: 'redis://h:1/db' })).toThrow(/MOCK_STORE has a database/);
  });

  test('--store redis-cluster://HOST:PORT,… (a Redis Cluster); every host needs a port; a prefix with a brace is refused', () => {
    const url = 'redis-cluster://user:secret@10.0.0.1:7000,10.0.0.2:7001';
    expect(parseCliArgs([], { MOCK_STORE: url }).serve).toEqual({ storeUrl: url });
    expect(() => parseCliArgs(['--store', 'redis-cluster://10.0.0.1:7000,10.0.0.2'])).toThrow(
      /--store names a host without a port/,
    );
    expect(() => parseCliArgs(['--store', 'redis-cluster://'])).toThrow(/--store must be memory/);
    expect(() => parseCliArgs(['--store-prefix', 'ci{1}:'])).toThrow(
      /--store-prefix must not contain \{ or \} \(they mark Redis Cluster hash tags\)/,
    );
  });

  test('--chaos PROFILE (MOCK_CHAOS): a profile of the table; an unknown one is a usage error listing them all', () => {
    expect(parseCliArgs(['--chaos', 'flaky-gateway']).serve.chaos).toBe('flaky-gateway');
    expect(parseCliArgs([], { MOCK_CHAOS: 'late-callback' }).serve.chaos).toBe('late-callback');
    expect(parseCliArgs([], { MOCK_CHAOS: '' }).serve.chaos).toBeUndefined();
    expect(() => parseCliArgs(['--chaos', 'flaky'])).toThrow(
      `--chaos: unknown chaos profile "flaky"; the profiles are: ${CHAOS_PROFILES.join(', ')}`,
    );
    expect(() => parseCliArgs([], { MOCK_CHAOS: 'chaos-monkey' })).toThrow(
      /^MOCK_CHAOS: unknown chaos profile/,
    );
    expect(usage()).toContain(`--chaos PROFILE`);
    expect(usage()).toContain(CHAOS_PROFILES.join(', '));
  });

  test('a bad environment value names the variable', () => {
    expect(() => parseCliArgs([], { MOCK_QUIET: 'maybe' })).toThrow(/MOCK_QUIET must be true or false/);
    expect(() => parseCliArgs([], { MOCK_CREDITS: '-1' })).toThrow(/MOCK_CREDITS must be a number from 0 to/);
    expect(() => parseCliArgs([], { MOCK_CREDITS: '1e306' })).toThrow(
      /MOCK_CREDITS must be a number from 0 to 100000000000/,
    );
    expect(() => parseCliArgs([], { MOCK_MODELS: 'sora-3' })).toThrow(/unknown model "sora-3"/);
  });
});

describe('main (in process)', () => {
  let running: RunningMockServer | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  test('prints where it listens first, then the webhook secret and the mode', async () => {
    const out: string[] = [];
    running = await main(
      ['--port', '0', '--clock', 'manual', '--seed', 's1', '--allow-local-callbacks', '--quiet'],
      {},
      { out: (l) => out.push(l), err: (l) => out.push(`ERR ${l}`) },
      false,
    );
    expect(out[0]).toBe(`Listening on http://127.0.0.1:${running?.port}`);
    expect(out[1]).toBe(`Webhook secret: ${running?.mock.webhookSecret}`);
    expect(out[2]).toMatch(/^Mode: clock manual .*seed s1/);
    expect(out.join('\n')).toMatch(/Local callbacks allowed/);
    expect(out.join('\n')).not.toMatch(/Unsigned callbacks/);
    expect(out.join('\n')).toContain(`API reference: http://127.0.0.1:${running?.port}/docs`);
    // --quiet: no request lines.
    await fetch(`${running?.url}/v1/credits`, { headers: { authorization: 'Bearer k' } });
    expect(out.some((l) => l.startsWith('GET /v1/credits'))).toBe(false);
  });

  test('--unsigned-callbacks: the start lines say callbacks go out unsigned', async () => {
    const out: string[] = [];
    running = await main(
      ['--port', '0', '--unsigned-callbacks', '--quiet'],
      {},
      { out: (l) => out.push(l), err: () => {} },
      false,
    );
    expect(out.join('\n')).toMatch(/Unsigned callbacks: no webhook-timestamp \/ webhook-signature headers/);
    expect(running?.mock.options.unsignedCallbacks).toBe(true);
  });

  test('--metrics (or MOCK_METRICS): a start line names /metrics, which answers', async () => {
    expect(parseCliArgs([], { MOCK_METRICS: '1' }).serve.metrics).toBe(true);
    expect(parseCliArgs([], {}).serve.metrics).toBeUndefined();
    const out: string[] = [];
    running = await main(
      ['--port', '0', '--metrics', '--quiet'],
      {},
      { out: (l) => out.push(l), err: () => {} },
      false,
    );
    expect(out).toContain(`Metrics: ${running?.url}/metrics (Prometheus text format)`);
    const text = await (await fetch(`${running?.url}/metrics`)).text();
    expect(text).toContain('# TYPE videotask_mock_http_requests_total counter');
  });

  test('without --quiet, one line per request', async () => {
    const out: string[] = [];
    running = await main(['--port', '0'], {}, { out: (l) => out.push(l), err: () => {} }, false);
    await fetch(`${running?.url}/v1/credits`, { headers: { authorization: 'Bearer k' } });
    expect(out.some((l) => /^GET \/v1\/credits 200 /.test(l))).toBe(true);
  });

  test('a usage error prints the usage to stderr and sets exit code 2', async () => {
    const err: string[] = [];
    const before = process.exitCode;
    expect(
      await main(['--clock', 'sideways'], {}, { out: () => {}, err: (l) => err.push(l) }, false),
    ).toBeUndefined();
    expect(process.exitCode).toBe(2);
    process.exitCode = before;
    expect(err.join('\n')).toMatch(/--clock must be real or manual[\s\S]*Usage: videotask-mock/);
  });

  test('a Redis that cannot be reached at start: one line on stderr, exit code 1, nothing listening', async () => {
    const err: string[] = [];
    const before = process.exitCode;
    const running = await main(
      ['--port', '0', '--store', 'redis://127.0.0.1:1'],
      {},
      { out: (l) => err.push(`OUT ${l}`), err: (l) => err.push(l) },
      false,
    );
    expect(running).toBeUndefined();
    expect(process.exitCode).toBe(1);
    process.exitCode = before;
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^videotask-mock: Redis at redis:\/\/127\.0\.0\.1:1 cannot be reached \(.+\)$/);
  });

  test('--help lists every flag with its variable', async () => {
    const out: string[] = [];
    await main(['--help'], {}, { out: (l) => out.push(l), err: () => {} }, false);
    for (const f of FLAGS) expect(out.join('\n')).toContain(`--${f.flag}`);
    for (const f of FLAGS) expect(out.join('\n')).toContain(f.env);
  });
});

describe('the command as a process', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    child = undefined;
  });

  const runner = fileURLToPath(new URL('./run-cli.ts', import.meta.url));

  function start(args: string[], env: Record<string, string> = {}) {
    child = spawn(process.execPath, ['--import', 'tsx', runner, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = createInterface({ input: child.stdout as NonNullable<ChildProcess['stdout']> });
    const queue: string[] = [];
    const waiters: ((line: string) => void)[] = [];
    lines.on('line', (line) => {
      const waiter = waiters.shift();
      if (waiter) waiter(line);
      else queue.push(line);
    });
    const nextLine = () =>
      new Promise<string>((resolve) => {
        const line = queue.shift();
        if (line !== undefined) resolve(line);
        else waiters.push(resolve);
      });
    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    return { nextLine, exited, child };
  }

  test.each([['SIGTERM'], ['SIGINT']] as const)(
    'first line "Listening on http://HOST:PORT"; %s shuts it down with exit code 0',
    async (signal) => {
      const run = start(['--port', '0', '--quiet'], { MOCK_CLOCK: 'manual', MOCK_SEED: 'from-env' });
      const first = await run.nextLine();
      const match = /^Listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(first);
      expect(match).not.toBeNull();
      expect(await run.nextLine()).toMatch(/^Webhook secret: whsec_[A-Za-z0-9+/=]+$/);
      expect(await run.nextLine()).toMatch(/^Mode: clock manual .*seed from-env/);
      expect(await run.nextLine()).toBe('Store: memory');
      const clock = await createMockAdminClient({ baseUrl: match?.[1] ?? '' }).clock();
      expect(clock.mode).toBe('manual');
      run.child.kill(signal);
      expect(await run.exited).toBe(0);
    },
    20_000,
  );
});
