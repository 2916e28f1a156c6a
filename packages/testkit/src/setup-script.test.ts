// The repo's set-up script as a newcomer meets it: a PATH without redis-server, redis-cli, Chromium and promtool, and no
// way to install them (no apt-get, no sudo). It must stop, name each missing program and print the
// command for this OS; it never installs anything here (npm and pnpm are stand-ins that say so).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const PNPM_VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).packageManager.split(
  '@',
)[1];
const which = (program: string) => execFileSync('which', [program], { encoding: 'utf8' }).trim();

const OPTIONAL_PODMAN = (command: string) =>
  `optional: podman (Podman, with Buildah and runc) is missing, used by pnpm image and pnpm image:test (.ci/run runs them when podman is present): ${command}`;

let bin: string;
beforeAll(() => {
  bin = mkdtempSync(join(tmpdir(), 'videotask-setup-bin-'));
  for (const program of ['bash', 'node', 'dirname']) symlinkSync(which(program), join(bin, program));
  // pnpm at the wanted version (so the script does not reinstall it); an npm that must not be run.
  const stub = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!${which('bash')}\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  stub('pnpm', `[ "$1" = "-v" ] && echo ${PNPM_VERSION} && exit 0; echo "pnpm $* must not run" >&2; exit 99`);
  stub('npm', 'echo "npm $* must not run" >&2; exit 99');
});
afterAll(() => rmSync(bin, { recursive: true, force: true }));

function setup(os: string) {
  const env = { PATH: bin, HOME: tmpdir(), VIDEOTASK_SETUP_OS: os };
  return spawnSync(join(bin, 'bash'), [join(ROOT, 'scripts/setup.sh')], { env, encoding: 'utf8' });
}

// Each test runs the script (bash, then node twice) once or twice: about 1 s on a quiet machine, but
// 6 s each was measured in a fresh-clone CI run with every package's tests sharing two busy cores.
describe('scripts/setup.sh without redis-server, redis-cli, Chromium and promtool, and no way to install them', {
  timeout: 30_000,
}, () => {
  test.each([
    [
      'debian',
      'sudo apt-get install -y redis-server',
      'sudo apt-get install -y redis-tools',
      'sudo apt-get install -y chromium',
      'sudo apt-get install -y prometheus',
      'sudo apt-get install -y redis-server redis-tools chromium prometheus',
      'sudo apt-get install -y podman buildah runc',
    ],
    [
      'fedora',
      'sudo dnf install -y redis',
      'sudo dnf install -y redis',
      'sudo dnf install -y chromium',
      'sudo dnf install -y golang-github-prometheus',
      'sudo dnf install -y redis chromium golang-github-prometheus',
      'sudo dnf install -y podman buildah runc',
    ],
    [
      'macos',
      'brew install redis',
      'brew install redis',
      'brew install --cask chromium',
      'brew install prometheus',
      'brew install redis && brew install --cask chromium && brew install prometheus',
      'brew install podman',
    ],
  ])(
    'on %s: exits non-zero with one line per program and the command for all, then the optional podman',
    (os, redis, cli, chromium, promtool, all, podman) => {
      const run = setup(os);
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([
        `missing redis-server (the Redis server), needed by mock-server (Redis store, replicas), contract-tests (the redis target), testkit: ${redis}`,
        `missing redis-cli (the Redis command line client), needed by mock-server (the Redis store on a Redis Cluster), testkit: ${cli}`,
        `missing chromium (the Chromium browser), needed by mock-server (the dashboard in a browser), testing (MSW in a browser): ${chromium}`,
        `missing promtool (Prometheus's promtool), needed by mock-server (the --metrics output): ${promtool}`,
        `Install them, then run this again: ${all}`,
        OPTIONAL_PODMAN(podman),
      ]);
      // It stopped before installing the workspace, and tried no install of its own.
      expect(run.stdout).toBe('');
    },
  );

  test('with every program present it goes on to install the workspace, podman or not', () => {
    for (const program of ['redis-server', 'redis-cli', 'chromium', 'promtool'])
      symlinkSync(which(program), join(bin, program));
    try {
      const run = setup('debian');
      expect(run.stderr.split('\n')).toEqual([
        OPTIONAL_PODMAN('sudo apt-get install -y podman buildah runc'),
        'pnpm install --frozen-lockfile must not run',
        '',
      ]);
      expect(run.status).toBe(99);
      // With a podman (a stand-in: only its presence is looked at) nothing is said about it.
      writeFileSync(join(bin, 'podman'), '#!/bin/false\n');
      chmodSync(join(bin, 'podman'), 0o755);
      const quiet = setup('debian');
      expect(quiet.stderr).toBe('pnpm install --frozen-lockfile must not run\n');
      expect(quiet.status).toBe(99);
    } finally {
      for (const program of ['redis-server', 'redis-cli', 'chromium', 'promtool', 'podman'])
        rmSync(join(bin, program), { force: true });
    }
  });

  test('an old Node is refused before anything else', () => {
    const old = mkdtempSync(join(tmpdir(), 'videotask-setup-old-'));
    try {
      symlinkSync(which('bash'), join(old, 'bash'));
      symlinkSync(which('dirname'), join(old, 'dirname'));
      writeFileSync(
        join(old, 'node'),
        `#!${which('bash')}\n[ "$1" = "-v" ] && echo v18.20.0 && exit 0; exit 1\n`,
      );
      chmodSync(join(old, 'node'), 0o755);
      const run = spawnSync(join(old, 'bash'), [join(ROOT, 'scripts/setup.sh')], {
        env: { PATH: old },
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe('Node v18.20.0 is too old: install Node.js 20.19 or newer');
    } finally {
      rmSync(old, { recursive: true, force: true });
    }
  });
});
