// Runs podman with a containers.conf made for this host (named by CONTAINERS_CONF): runc when it is
// installed, and default ulimits equal to the hard limits a podman process gets here. Podman's own
// defaults ask for more open files than a host without CAP_SYS_RESOURCE may grant, and crun fails on
// hybrid cgroups (docs/container-image.md).
import { type SpawnSyncOptions, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The image `pnpm image` builds and `pnpm image:test` runs (VIDEOTASK_IMAGE overrides). */
export const IMAGE = process.env.VIDEOTASK_IMAGE ?? 'localhost/videotask-mock:dev';

const onPath = (program: string) =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, program)));

/** Resolves once `check` is true, polling every 20 ms; rejects after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The hard `open files` and `processes` limits in a /proc/<pid>/limits text. */
export function hardLimits(text: string): { nofile: string; nproc: string } {
  const hard = (name: string) => {
    const match = new RegExp(`^Max ${name}\\s+\\S+\\s+(\\S+)`, 'm').exec(text);
    if (!match?.[1]) throw new Error(`no "Max ${name}" line in the limits`);
    return match[1];
  };
  return { nofile: hard('open files'), nproc: hard('processes') };
}

/**
 * The limits of a podman process, read while it runs (an API service until its socket appears): podman
 * sets its own limits at start, so this shell's are not the ones its containers may have.
 */
async function podmanLimits(): Promise<{ nofile: string; nproc: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'videotask-podman-probe-'));
  const socket = join(dir, 'probe.sock');
  const child = spawn('podman', ['system', 'service', '--time=0', `unix://${socket}`], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    await until(() => existsSync(socket) || child.exitCode !== null, 10_000, 'podman system service');
    if (child.exitCode !== null) throw new Error(`podman system service exited with ${child.exitCode}`);
    return hardLimits(readFileSync(`/proc/${child.pid}/limits`, 'utf8'));
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The environment podman runs with: CONTAINERS_CONF as given, or one written for this host. */
export async function podmanEnv(): Promise<NodeJS.ProcessEnv> {
  // Given, or not Linux (podman on macOS runs its containers in a VM with its own settings).
  if (process.env.CONTAINERS_CONF || !existsSync('/proc/self/limits')) return process.env;
  const { nofile, nproc } = await podmanLimits();
  const dir = join(tmpdir(), `videotask-podman-${process.getuid?.() ?? 'user'}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'containers.conf');
  const lines = [
    '# Written by scripts/image/podman.ts for this host (docs/container-image.md).',
    '[containers]',
    `default_ulimits = ["nofile=${nofile}:${nofile}", "nproc=${nproc}:${nproc}"]`,
    ...(onPath('runc') ? ['[engine]', 'runtime = "runc"'] : []),
  ];
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { ...process.env, CONTAINERS_CONF: file };
}

/** Runs podman to the end; throws with its stderr when it fails. Returns its trimmed stdout. */
export function podman(env: NodeJS.ProcessEnv, args: string[], options: SpawnSyncOptions = {}): string {
  const run = spawnSync('podman', args, { env, encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  if (run.error) throw run.error;
  if (run.status !== 0)
    throw new Error(`podman ${args.join(' ')} exited with ${run.status}\n${run.stderr ?? ''}`);
  return String(run.stdout ?? '').trim();
}
