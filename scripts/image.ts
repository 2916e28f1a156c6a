// `pnpm image`: builds the mock's image, localhost/videotask-mock:dev, with podman and no registry:
// builds the mock, deploys its production install into a temp dir (the build context), makes the local
// Node base once (scripts/image/base.ts) and builds packages/mock-server/Containerfile on it.
// BASE_IMAGE=<image> builds on that base instead (e.g. the official Node image, pulled if missing).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localBase } from './image/base.js';
import { IMAGE, podman, podmanEnv } from './image/podman.js';

const root = new URL('..', import.meta.url).pathname;

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

/** Seconds since `start`, one decimal. */
const since = (start: number) => ((performance.now() - start) / 1000).toFixed(1);

async function main(): Promise<void> {
  const start = performance.now();
  const env = await podmanEnv();
  run('pnpm', [
    'exec',
    'turbo',
    'run',
    'build',
    '--filter=@videotask/mock-server...',
    '--output-logs=errors-only',
  ]);
  const context = mkdtempSync(join(tmpdir(), 'videotask-image-'));
  try {
    const app = join(context, 'app');
    // --legacy: this workspace does not inject its packages; --frozen-lockfile: exactly the lock file's versions.
    run('pnpm', [
      '--filter',
      '@videotask/mock-server',
      'deploy',
      '--prod',
      '--legacy',
      '--frozen-lockfile',
      '--prefer-offline',
      app,
    ]);
    const deployed = since(start);
    let base = process.env.BASE_IMAGE;
    let pull = 'missing';
    if (!base) {
      const made = localBase(env);
      console.log(`Base ${made.tag}: ${made.made ? 'made now' : 'made before, reused'}`);
      base = made.tag;
      pull = 'never';
    }
    const buildStart = performance.now();
    podman(
      env,
      [
        'build',
        `--pull=${pull}`,
        '--file',
        join(root, 'packages/mock-server/Containerfile'),
        '--build-arg',
        `BASE_IMAGE=${base}`,
        '--tag',
        IMAGE,
        app,
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    const size = podman(env, ['image', 'inspect', '--format', '{{.Size}}', IMAGE]);
    console.log(
      `Built ${IMAGE} on ${base} in ${since(start)} s (deployed after ${deployed} s, podman build ${since(buildStart)} s); ${(Number(size) / 1e6).toFixed(0)} MB`,
    );
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

await main();
