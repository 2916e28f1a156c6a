// Every package's vitest global setup (vitest.shared.ts): stops at once with one line per missing
// program the package's suites need, runs the suites with a temp folder of their own, and fails the
// run when they leave an entry in it or a process that names it (a redis-server, a Chromium).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describeMissing, locate, missingPrerequisites, PREREQUISITES } from './prerequisites.mjs';

/** Processes whose command line names the folder (their own temp files are in it). */
function processesUsing(folder) {
  let listing = '';
  try {
    listing = execFileSync('ps', ['-A', '-o', 'pid=,args='], { encoding: 'utf8' });
  } catch {
    return [];
  }
  return listing
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.includes(folder) && !line.startsWith(`${process.pid} `))
    .map((line) => {
      const [pid, ...args] = line.split(/\s+/);
      return { pid: Number(pid), command: args.join(' ').slice(0, 120) };
    });
}

export default function setup() {
  const pkg = basename(process.cwd());
  const missing = missingPrerequisites([pkg]);
  if (missing.length > 0) {
    for (const line of describeMissing(missing)) console.error(line);
    process.exit(1);
  }
  // The suites find the programs where the check did (testkit's redis-server, the browser tests).
  for (const p of PREREQUISITES) {
    const found = p.packages.includes(pkg) && !process.env[p.env] && locate(p);
    if (found) process.env[p.env] = found;
  }

  // A package with several projects (contract-tests: one per target) runs this once per project: one folder.
  if (process.env.VIDEOTASK_TEST_TMPDIR) return undefined;
  const folder = mkdtempSync(join(tmpdir(), `videotask-run-${pkg}-`));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = folder;
  process.env.VIDEOTASK_TEST_TMPDIR = folder;
  return () => {
    process.env.TMPDIR = previous;
    delete process.env.VIDEOTASK_TEST_TMPDIR;
    // tsx's compile cache (tsx-<uid>) is meant to outlive a run: not a leftover.
    const left = readdirSync(folder).filter((entry) => !/^tsx-\d+$/.test(entry));
    const running = processesUsing(folder);
    for (const { pid } of running) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(folder, { recursive: true, force: true });
    const problems = [
      ...left.map((entry) => `left in the temp folder: ${entry}`),
      ...running.map(({ pid, command }) => `left running: ${pid} ${command}`),
    ];
    if (problems.length === 0) return;
    // vitest reports an error thrown here but still exits 0, so the exit code is set instead.
    console.error(`The suites of ${pkg} did not clean up after themselves:\n${problems.join('\n')}`);
    process.exitCode = 1;
  };
}
