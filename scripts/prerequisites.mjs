// The programs the test suites need beside Node and pnpm, and how to install them on each OS: read by
// scripts/setup.sh (`install`), the root `pnpm test` (`check`) and every package's test setup.
// Optional ones (podman, for the container image) are installed by set-up too, but nothing fails without them.
// Plain Node, no dependencies: it runs before `pnpm install`.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Each program: what it is, which packages' suites need it, its package per OS, and the names it goes by. */
export const PREREQUISITES = [
  {
    program: 'redis-server',
    what: 'the Redis server',
    packages: ['mock-server', 'contract-tests', 'testkit'],
    suites: 'mock-server (Redis store, replicas), contract-tests (the redis target), testkit',
    env: 'REDIS_SERVER',
    names: ['redis-server'],
    install: { debian: 'redis-server', fedora: 'redis', macos: 'redis' },
  },
  {
    // Joins the throwaway Redis Clusters (`redis-cli --cluster create`); Debian's redis-server depends on it.
    program: 'redis-cli',
    what: 'the Redis command line client',
    packages: ['mock-server', 'testkit'],
    suites: 'mock-server (the Redis store on a Redis Cluster), testkit',
    env: 'REDIS_CLI',
    names: ['redis-cli'],
    install: { debian: 'redis-tools', fedora: 'redis', macos: 'redis' },
  },
  {
    program: 'chromium',
    what: 'the Chromium browser',
    packages: ['mock-server', 'testing'],
    suites: 'mock-server (the dashboard in a browser), testing (MSW in a browser)',
    env: 'CHROMIUM',
    names: ['chromium', 'chromium-browser'],
    macosPath: '/Applications/Chromium.app/Contents/MacOS/Chromium',
    install: { debian: 'chromium', fedora: 'chromium', macos: '--cask chromium' },
  },
  {
    // Checks the mock's /metrics output (the Prometheus text format). Debian's and Homebrew's prometheus
    // ship it; Fedora's package name is unverified (no Fedora machine to check it on).
    program: 'promtool',
    what: "Prometheus's promtool",
    packages: ['mock-server'],
    suites: 'mock-server (the --metrics output)',
    env: 'PROMTOOL',
    names: ['promtool'],
    install: { debian: 'prometheus', fedora: 'golang-github-prometheus', macos: 'prometheus' },
  },
  {
    program: 'podman',
    what: 'Podman, with Buildah and runc',
    optional: true,
    packages: [],
    suites: 'pnpm image and pnpm image:test (.ci/run runs them when podman is present)',
    env: 'PODMAN',
    names: ['podman'],
    install: { debian: 'podman buildah runc', fedora: 'podman buildah runc', macos: 'podman' },
  },
];

const executable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Where a prerequisite's program is: its env override, the first of its names on PATH, or null. */
export function locate(prerequisite, env = process.env) {
  const override = env[prerequisite.env];
  if (override) return executable(override) ? override : null;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean))
    for (const name of prerequisite.names) if (executable(join(dir, name))) return join(dir, name);
  if (process.platform === 'darwin' && prerequisite.macosPath && executable(prerequisite.macosPath))
    return prerequisite.macosPath;
  return null;
}

/** `debian`, `fedora`, `macos` or null, from the platform and /etc/os-release (VIDEOTASK_SETUP_OS overrides). */
export function detectOs(env = process.env) {
  if (env.VIDEOTASK_SETUP_OS) return env.VIDEOTASK_SETUP_OS;
  if (process.platform === 'darwin') return 'macos';
  let release = '';
  try {
    release = readFileSync('/etc/os-release', 'utf8');
  } catch {
    return null;
  }
  const ids = /^ID(?:_LIKE)?=.*$/gm;
  const words = (release.match(ids) ?? []).join(' ').replace(/["']/g, ' ');
  if (/\b(debian|ubuntu)\b/.test(words)) return 'debian';
  if (/\b(fedora|rhel|centos)\b/.test(words)) return 'fedora';
  return null;
}

/** The command that installs these prerequisites on this OS, or null when the OS is not known. */
export function installCommand(os, missing) {
  // One package may hold several programs (Fedora's and Homebrew's redis: the server and redis-cli).
  const packages = [...new Set(missing.map((p) => p.install[os]).filter(Boolean))];
  if (os === 'debian') return `sudo apt-get install -y ${packages.join(' ')}`;
  if (os === 'fedora') return `sudo dnf install -y ${packages.join(' ')}`;
  if (os === 'macos') return packages.map((name) => `brew install ${name}`).join(' && ');
  return null;
}

/** The required prerequisites that are missing, for these packages (all when not given). */
export function missingPrerequisites(packages, env = process.env) {
  return PREREQUISITES.filter((p) => !p.optional)
    .filter((p) => !packages || p.packages.some((name) => packages.includes(name)))
    .filter((p) => !locate(p, env));
}

/** The optional prerequisites that are missing. */
export function missingOptional(env = process.env) {
  return PREREQUISITES.filter((p) => p.optional && !locate(p, env));
}

/** One line per missing program: what it is, which suites need it, the install command. */
export function describeMissing(missing, os = detectOs()) {
  return missing.map((p) => {
    const command = installCommand(os, [p]) ?? `install ${p.program} with your system's package manager`;
    return p.optional
      ? `optional: ${p.program} (${p.what}) is missing, used by ${p.suites}: ${command}`
      : `missing ${p.program} (${p.what}), needed by ${p.suites}: ${command}`;
  });
}

const commandWorks = (command, args) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

/** Installs with apt-get when this is Debian/Ubuntu and it may (root, or sudo without a password). */
function installWithApt(missing) {
  const root = process.getuid?.() === 0;
  if (!commandWorks('apt-get', ['--version'])) return false;
  if (!root && !commandWorks('sudo', ['-n', 'true'])) return false;
  const packages = missing.flatMap((p) => p.install.debian.split(' '));
  const run = (args) =>
    execFileSync(root ? args[0] : 'sudo', root ? args.slice(1) : args, { stdio: 'inherit' });
  console.log(`Installing ${packages.join(' ')} with apt-get`);
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', ...packages]);
  return true;
}

function main(mode) {
  let missing = missingPrerequisites();
  // `check` asks only for what the tests need; `install` also installs the optional programs.
  let optional = mode === 'install' ? missingOptional() : [];
  const wanted = [...missing, ...optional];
  if (wanted.length > 0 && mode === 'install' && detectOs() === 'debian' && installWithApt(wanted)) {
    missing = missingPrerequisites();
    optional = missingOptional();
  }
  if (missing.length > 0) {
    for (const line of describeMissing(missing)) console.error(line);
    const all = installCommand(detectOs(), missing);
    console.error(all ? `Install them, then run this again: ${all}` : 'Install them, then run this again.');
  }
  for (const line of describeMissing(optional)) console.error(line);
  return missing.length > 0 ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const mode = process.argv[2];
  if (mode !== 'check' && mode !== 'install') {
    console.error('usage: node scripts/prerequisites.mjs check|install');
    process.exit(2);
  }
  process.exit(main(mode));
}
