// "Consumed from other repositories": pack @videotask/spec and @videotask/client with pnpm, install
// the tarballs with npm into a temporary project outside the workspace, then import/require the
// client with Node and type-check a consumer with tsc. Fails when exports, files or types break.
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const clientDir = fileURLToPath(new URL('..', import.meta.url));
const specDir = fileURLToPath(new URL('../../spec', import.meta.url));
const consumerDir = fileURLToPath(new URL('./consumer', import.meta.url));
const tsc = require.resolve('typescript/bin/tsc');
const attw = join(clientDir, 'node_modules/@arethetypeswrong/cli/dist/index.js');

// npm must not inherit pnpm's npm_config_* settings (the test may run under `pnpm test`).
const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(npm|pnpm)_/i.test(key)),
) as NodeJS.ProcessEnv;

let project = '';
let clientTarball = '';
/** What tsc printed when it compiled the consumer (empty when it type-checks). */
let tscOutput = '';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

async function pack(dir: string): Promise<string> {
  const { stdout } = await run('pnpm', ['pack', '--pack-destination', project], { cwd: dir, env: cleanEnv });
  const tarball = stdout.trim().split('\n').pop() ?? '';
  expect(tarball).toMatch(/\.tgz$/);
  return tarball;
}

beforeAll(async () => {
  // Honest about what is packed: the build must be at least as new as the sources.
  const built = statSync(join(clientDir, 'dist/index.js'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built < newestMtime(join(clientDir, 'src'))) {
    throw new Error('dist/ is missing or older than src/: run `pnpm --filter @videotask/client build` first');
  }
  project = mkdtempSync(join(tmpdir(), 'videotask-consumer-'));
  const [specTarball, tarball] = await Promise.all([pack(specDir), pack(clientDir)]);
  clientTarball = tarball;
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'videotask-consumer', private: true, type: 'module' }, null, 2),
  );
  await run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--no-package-lock',
      '--loglevel=error',
      specTarball,
      tarball,
    ],
    { cwd: project, env: cleanEnv },
  );
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
}, 120_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

test('the tarball holds the build and the README, and no workspace protocols', async () => {
  const { stdout } = await run('tar', ['-tzf', clientTarball]);
  const files = stdout.trim().split('\n').sort();
  for (const file of [
    'dist/index.js',
    'dist/index.cjs',
    'dist/index.d.ts',
    'dist/index.d.cts',
    'README.md',
    'package.json',
  ]) {
    expect(files).toContain(`package/${file}`);
  }
  expect(files.filter((f) => /\/(src|test|scripts|bench)\//.test(f))).toEqual([]);
  const installed = readFileSync(join(project, 'node_modules/@videotask/client/package.json'), 'utf8');
  expect(installed).not.toMatch(/catalog:|workspace:/);
  expect(JSON.parse(installed).dependencies['openapi-fetch']).toMatch(/^\^0\.\d+/);
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
  expect(JSON.parse(stdout)).toMatchObject({
    baseUrl: 'http://127.0.0.1:4010',
    isError: true,
    version: '0.1.0',
  });
});

test('tsc type-checks the consumer against the installed declarations (ESM and CJS)', async () => {
  expect(tscOutput).toBe('');
});

test('attw finds no type-resolution problems in the packed tarball', async () => {
  const { stdout } = await run(process.execPath, [attw, clientTarball, '--format', 'json'], {
    cwd: project,
    env: cleanEnv,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  const report = JSON.parse(stdout);
  expect(report.analysis.types.kind).toBe('included');
  expect(Object.keys(report.analysis.entrypoints)).toContain('.');
  expect(report.analysis.problems).toEqual([]);
});
