// One container of the mock's image for a test run: started with a published port on loopback, waited
// for until it answers, and stopped with the check that it exits 0 on SIGTERM within a second.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { podman, until } from './podman.js';

export interface MockContainer {
  name: string;
  /** The mock as this machine reaches it (the published port on 127.0.0.1). */
  url: string;
  /** Milliseconds from `podman run` to the first answer of GET /v1/catalog/health. */
  firstAnswerMs: number;
}

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released for the container to take). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

const answers = async (url: string) => {
  try {
    return (await fetch(`${url}/v1/catalog/health`)).ok;
  } catch {
    return false;
  }
};

/** Runs the image detached with `flags` after its name (so they reach the mock as flags). */
export async function startContainer(
  env: NodeJS.ProcessEnv,
  image: string,
  name: string,
  flags: string[],
): Promise<MockContainer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const start = performance.now();
  // No --rm: the exit code must still be there to read after the stop.
  podman(env, [
    'run',
    '--detach',
    '--name',
    name,
    '--publish',
    `127.0.0.1:${port}:4010`,
    image,
    ...flags,
    '--public-url',
    url,
  ]);
  await until(
    async () => (await answers(url)) || containerState(env, name) === 'exited',
    15_000,
    `${name} answering on ${url}`,
  );
  if (containerState(env, name) === 'exited')
    throw new Error(`${name} exited before answering:\n${logs(env, name)}`);
  return { name, url, firstAnswerMs: Math.round(performance.now() - start) };
}

const containerState = (env: NodeJS.ProcessEnv, name: string) =>
  podman(env, ['container', 'inspect', '--format', '{{.State.Status}}', name]);

/** The container's output, stdout then stderr (podman logs writes each to its own). */
export function logs(env: NodeJS.ProcessEnv, name: string): string {
  const run = spawnSync('podman', ['logs', name], { env, encoding: 'utf8' });
  return `${run.stdout}${run.stderr}`;
}

/**
 * `podman stop --time 1`: SIGTERM, then SIGKILL after one second. Exit code 0 therefore means the mock
 * closed and exited by itself within the second (a kill reads 137). Returns a problem, or undefined.
 */
export function stopAndCheck(env: NodeJS.ProcessEnv, name: string): { problem?: string; stopMs: number } {
  const start = performance.now();
  podman(env, ['stop', '--time', '1', name]);
  const stopMs = Math.round(performance.now() - start);
  const code = podman(env, ['container', 'inspect', '--format', '{{.State.ExitCode}}', name]);
  if (code === '0') return { stopMs };
  return {
    stopMs,
    problem: `${name} exited ${code} on SIGTERM (0 expected within 1 s):\n${logs(env, name)}`,
  };
}

/** Removes the container if it is there (also a running one). */
export function remove(env: NodeJS.ProcessEnv, name: string): void {
  podman(env, ['rm', '--force', '--ignore', name]);
}
