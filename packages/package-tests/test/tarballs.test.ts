// "Installable from tarballs, each alone": every published package, packed with pnpm, installed with npm
// into a temporary project outside the workspace, then used the way a consumer's repository uses it.
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { dependencyClosure, installedPackages, installScripts } from '../src/install.js';
import { importSpecifiers, type Manifest, tarballProblems } from '../src/tarball.js';
import { cleanEnv, publishedPackages, run, workspacePackages } from '../src/workspace.js';

const packed = inject('packed');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const consumerDir = fileURLToPath(new URL('./consumer', import.meta.url));
const mockName = '@videotask/mock-server';

let project = '';
/** What npm printed on stderr while installing (warnings included). */
let npmStderr = '';
/** What tsc printed when it compiled the consumer (empty when it type-checks). */
let tscOutput = '';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

describe('what is published', () => {
  test('every package that is not private is packed, and the test and benchmark packages are private', () => {
    expect(packed.map((p) => p.name).sort()).toEqual(
      publishedPackages()
        .map((p) => p.manifest.name)
        .sort(),
    );
    const privateNames = workspacePackages()
      .filter((p) => p.manifest.private)
      .map((p) => p.manifest.name);
    for (const name of ['@videotask/contract-tests', '@videotask/load-tests', '@videotask/package-tests'])
      expect(privateNames).toContain(name);
  });

  test('this package depends on every published one, so turbo builds them before these tests', () => {
    const own = workspacePackages().find((p) => p.manifest.name === '@videotask/package-tests');
    const deps = Object.keys(own?.manifest.devDependencies ?? {});
    for (const p of packed) expect(deps, `add ${p.name} to this package's devDependencies`).toContain(p.name);
  });

  test.each(packed.map((p) => [p.name, p] as const))('%s: the tarball installs alone', (_name, p) => {
    expect(tarballProblems(p.manifest, p.files)).toEqual([]);
    expect(p.files.filter((f) => /^(src|test|scripts|bench)\//.test(f))).toEqual([]);
  });

  test.each(publishedPackages().map((p) => [p.manifest.name, p] as const))(
    '%s: package.json has what a registry page needs',
    (_name, { dir, manifest }) => {
      const m = manifest as Manifest & Record<string, unknown>;
      expect(m.description).toMatch(/\w/);
      expect(m.license).toBe('MIT');
      expect(m.keywords).toEqual(expect.arrayContaining([expect.any(String)]));
      expect(m.homepage).toMatch(/^https:\/\//);
      expect(m.repository).toMatchObject({ type: 'git', directory: `packages/${basename(dir)}` });
      expect(m.engines).toMatchObject({ node: expect.stringMatching(/^>=\d+/) });
      expect(m.publishConfig).toEqual({ access: 'public', provenance: true });
    },
  );
});

/** Starts the installed `videotask-mock` and resolves with its base URL, from its first stdout line. */
function startInstalledMock(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(join(project, 'node_modules/.bin/videotask-mock'), args, {
    cwd: project,
    env: cleanEnv,
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`videotask-mock exited (${code}): ${stderr}`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      const url = /^Listening on (http:\/\/\S+)$/.exec(line)?.[1];
      if (url) resolve({ child, url });
      else reject(new Error(`unexpected first line: ${line}`));
    });
  });
}

describe('installed with npm in a project outside the workspace', () => {
  beforeAll(async () => {
    project = mkdtempSync(join(tmpdir(), 'videotask-consumer-'));
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'videotask-consumer', private: true, type: 'module' }, null, 2),
    );
    const installed = await run(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        '--no-package-lock',
        ...packed.map((p) => p.tarball),
      ],
      { cwd: project, env: cleanEnv },
    );
    npmStderr = installed.stderr;
    for (const file of ['consumer.mts', 'consumer.cts'])
      copyFileSync(join(consumerDir, file), join(project, file));
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          lib: ['es2022', 'dom'],
          types: [],
          strict: true,
          skipLibCheck: false,
          // Node 20 runs JavaScript: tsc both checks the consumer and writes out/consumer.{mjs,cjs}.
          outDir: 'out',
          noEmitOnError: false,
        },
        files: ['consumer.mts', 'consumer.cts'],
      }),
    );
    tscOutput = await run(process.execPath, [tsc, '-p', '.'], { cwd: project, env: cleanEnv }).then(
      () => '',
      (error: { stdout?: string }) => error.stdout || String(error),
    );
  });

  afterAll(() => {
    if (!project) return;
    const mock = dependencyClosure(project, mockName);
    console.log(
      [
        ...packed.map((p) => `${basename(p.tarball)}: ${kb(p.size)}`),
        `installing ${mockName} pulls in ${mock.packages.length} packages, ${(mock.bytes / 1e6).toFixed(1)} MB: ${mock.packages.join(', ')}`,
      ].join('\n'),
    );
    rmSync(project, { recursive: true, force: true });
  });

  test('nothing installed runs an install script (swagger-ui-dist brought an analytics postinstall)', () => {
    expect(installScripts(installedPackages(project))).toEqual([]);
    expect(npmStderr).not.toMatch(/install-scripts|postinstall/);
  });

  test('every code entry of every package imports with Node (no dependency left as a devDependency)', async () => {
    // An entry may miss only a peer its package marks optional (msw, for @videotask/testing/msw): npm
    // does not install optional peers, and msw's own postinstall would break the test above.
    const entries = packed.flatMap((p) => {
      const meta = (p.manifest as { peerDependenciesMeta?: Record<string, { optional?: boolean }> })
        .peerDependenciesMeta;
      const optional = Object.keys(meta ?? {}).filter((name) => meta?.[name]?.optional);
      return importSpecifiers(p.manifest).map((s) => [s, optional] as const);
    });
    expect(entries.map(([s]) => s)).toContain('@videotask/client');
    const script = `for (const [s, optional] of ${JSON.stringify(entries)}) { try { const m = await import(s); if (!Object.keys(m).length) throw new Error(s + ' exports nothing'); } catch (e) { const missing = /Cannot find package '([^']+)'/.exec(String(e))?.[1]; if (!missing || !optional.includes(missing)) throw e; } }`;
    await run(process.execPath, ['--input-type=module', '-e', script], { cwd: project, env: cleanEnv });
  });

  describe('@videotask/client, as a consumer uses it', () => {
    test('tsc type-checks the consumer against the installed declarations (ESM and CJS)', () => {
      expect(tscOutput).toBe('');
    });

    test('ESM: node imports the installed client and it works', async () => {
      const { stdout } = await run(process.execPath, ['out/consumer.mjs'], { cwd: project, env: cleanEnv });
      expect(JSON.parse(stdout)).toMatchObject({
        url: 'https://files.example.com/v.mp4',
        notFound: true,
        failed: 'TaskFailedError',
        rawStatus: 'completed',
        signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
        verified: 'task-unified-1757169743-7cvnl5zw',
        openapi: '3.1.0',
      });
    });

    test('CJS: node requires the installed client', async () => {
      const { stdout } = await run(process.execPath, ['out/consumer.cjs'], { cwd: project, env: cleanEnv });
      const client = packed.find((p) => p.name === '@videotask/client');
      expect(JSON.parse(stdout)).toMatchObject({
        baseUrl: 'http://127.0.0.1:4010',
        isError: true,
        version: client?.manifest.version,
      });
    });
  });

  test('`videotask-mock mcp` speaks MCP on stdout, its own lines on stderr, and ends with stdin', async () => {
    const child = spawn(join(project, 'node_modules/.bin/videotask-mock'), ['mcp', '--port', '0'], {
      cwd: project,
      env: cleanEnv,
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const lines: string[] = [];
    const listed = new Promise<void>((resolve) =>
      createInterface({ input: child.stdout }).on('line', (line) => {
        lines.push(line);
        if (lines.length === 2) resolve();
      }),
    );
    const initialize = {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: 'npm', version: '1' },
    };
    for (const message of [
      { jsonrpc: '2.0', id: 1, method: 'initialize', params: initialize },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 2, method: 'tools/list' },
    ])
      child.stdin.write(`${JSON.stringify(message)}\n`);
    await listed;
    const [hello, list] = lines.map((line) => JSON.parse(line));
    expect(hello).toMatchObject({ id: 1, result: { serverInfo: { name: 'videotask-mock' } } });
    expect(list.result.tools.map((t: { name: string }) => t.name)).toContain('advanceMockClock');
    child.stdin.end();
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/^Listening on http:\/\/127\.0\.0\.1:\d+$/m);
  });

  describe('@videotask/mock-server, installed', () => {
    let child: ChildProcess | undefined;
    let base = '';
    const auth = { authorization: 'Bearer sk-consumer' };

    beforeAll(async () => {
      ({ child, url: base } = await startInstalledMock(['--port', '0', '--clock', 'manual', '--quiet']));
    });

    afterAll(() => {
      child?.kill();
    });

    test('`npx videotask-mock --version` prints the packed version', async () => {
      const { stdout } = await run('npx', ['--no-install', 'videotask-mock', '--version'], {
        cwd: project,
        env: cleanEnv,
      });
      expect(stdout.trim()).toBe(packed.find((p) => p.name === mockName)?.manifest.version);
    });

    test('serves /v1/credits', async () => {
      const response = await fetch(`${base}/v1/credits`, { headers: auth });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ success: true });
    });

    test('serves /docs with the swagger-ui files shipped in the package', async () => {
      const page = await fetch(`${base}/docs`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('/docs/assets/swagger-ui-bundle.js');
      for (const asset of html.matchAll(/(?:href|src)="(\/docs\/assets\/[^"]+)"/g)) {
        const response = await fetch(`${base}${asset[1]}`);
        expect(response.status, asset[1]).toBe(200);
        expect((await response.arrayBuffer()).byteLength, asset[1]).toBeGreaterThan(1000);
      }
    });

    test('creates a task, completes it on the manual clock and serves its result video', async () => {
      const created = await fetch(`${base}/v1/videos/generations`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', 'x-mock-scenario': 'success' },
        body: JSON.stringify({ model: 'sora-2', prompt: 'A cat playing piano' }),
      });
      expect(created.status).toBe(200);
      const { id } = (await created.json()) as { id: string };
      // Longer than any 10 s task's whole life (pending + processing): the task ends in this advance.
      const advanced = await fetch(`${base}/__mock/clock/advance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ms: 200_000 }),
      });
      expect(advanced.status).toBe(200);
      const task = (await (await fetch(`${base}/v1/tasks/${id}`, { headers: auth })).json()) as {
        status: string;
        results: string[];
      };
      expect(task.status).toBe('completed');
      const video = await fetch(task.results[0] ?? '');
      expect(video.status).toBe(200);
      expect(video.headers.get('content-type')).toBe('video/mp4');
      const bytes = new Uint8Array(await video.arrayBuffer());
      expect(new TextDecoder().decode(bytes.slice(4, 8))).toBe('ftyp');
    });
  });
});
