// `pnpm image:test`: runs the image `pnpm image` built as two containers (the driven mock and the strict
// one, with the contract suite's flags), waits until they answer, runs the contract suite against them
// (CONTRACT_TARGET=mock-url; callbacks reach this machine through the containers' gateway), then stops
// them and checks each exits 0 on SIGTERM within a second. Its report: packages/contract-tests/reports/
// vitest-image.json (summed by scripts/test-summary.ts). Exits 1 when anything failed.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { drivenFlags, strictFlags } from '../packages/contract-tests/src/mock-flags.js';
import { type MockContainer, remove, startContainer, stopAndCheck } from './image/containers.js';
import { IMAGE, podman, podmanEnv } from './image/podman.js';

const root = new URL('..', import.meta.url).pathname;

/** The image's user must not be root (the Containerfile's USER). */
function userProblem(env: NodeJS.ProcessEnv): string | undefined {
  const user = podman(env, ['image', 'inspect', '--format', '{{.Config.User}}', IMAGE]);
  return user === '' || /^(0|root)(:|$)/.test(user) ? `${IMAGE} runs as root (User "${user}")` : undefined;
}

/** The contract suite against the two containers; true when it passed. */
function contractSuite(env: NodeJS.ProcessEnv, driven: MockContainer, strict: MockContainer, secret: string) {
  const gateway = podman(env, [
    'container',
    'inspect',
    '--format',
    '{{.NetworkSettings.Gateway}}',
    driven.name,
  ]);
  const run = spawnSync(
    'pnpm',
    [
      '--filter',
      '@videotask/contract-tests',
      'exec',
      'vitest',
      'run',
      // Beside, not over, the report `pnpm test` wrote for the suite against the processes.
      '--outputFile.json=reports/vitest-image.json',
      '--outputFile.junit=reports/junit-image.xml',
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        CONTRACT_TARGET: 'mock-url',
        CONTRACT_MOCK_URL: driven.url,
        CONTRACT_STRICT_MOCK_URL: strict.url,
        CONTRACT_WEBHOOK_SECRET: secret,
        // The receiver listens where the driven container reaches this machine (without it: no callbacks).
        ...(gateway ? { CONTRACT_CALLBACK_HOST: gateway } : {}),
      },
    },
  );
  return run.status === 0;
}

async function main(): Promise<number> {
  const env = await podmanEnv();
  if (podman(env, ['image', 'ls', '--quiet', '--filter', `reference=${IMAGE}`]) === '') {
    console.error(`No image ${IMAGE}: run \`pnpm image\` first.`);
    return 1;
  }
  const problems: string[] = [];
  const user = userProblem(env);
  if (user) problems.push(user);
  const names = [`videotask-image-test-${process.pid}-driven`, `videotask-image-test-${process.pid}-strict`];
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  const start = performance.now();
  try {
    const [driven, strict] = await Promise.all([
      startContainer(env, IMAGE, names[0] as string, drivenFlags(secret)),
      startContainer(env, IMAGE, names[1] as string, strictFlags()),
    ]);
    console.log(`First answers after ${driven.firstAnswerMs} ms and ${strict.firstAnswerMs} ms`);
    if (!contractSuite(env, driven, strict, secret))
      problems.push('the contract suite failed against the image');
    for (const name of names) {
      const { problem, stopMs } = stopAndCheck(env, name);
      console.log(`${name}: podman stop took ${stopMs} ms${problem ? '' : ', exit 0'}`);
      if (problem) problems.push(problem);
    }
  } finally {
    for (const name of names) remove(env, name);
  }
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  for (const problem of problems) console.error(`image:test: ${problem}`);
  console.log(`image:test: ${problems.length ? 'FAILED' : 'passed'} in ${seconds} s`);
  return problems.length ? 1 : 0;
}

process.exitCode = await main();
