// Stryker's mutation run over the client's rule-bearing modules (docs/mutation.md has the scores).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  // Stryker looks for its plugins beside its own install, where pnpm keeps only its dependencies; the
  // runner is a root devDependency, which Node's resolution finds from here.
  plugins: [import.meta.resolve('@stryker-mutator/vitest-runner')],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  mutate: [
    'src/errors.ts',
    'src/callbacks.ts',
    'src/retry.ts',
    'src/download.ts',
    'src/env.ts',
    'src/wait.ts',
    'src/receiver.ts',
  ],
  // Local runs retest only what changed since the last run; the file sits in the gitignored reports/.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  // Stryker rewrites the `extends` of tsconfig.json for a sandbox exactly one folder below the package:
  // the default `.stryker-tmp` (gitignored) is the only place where that path holds.
  tempDirName: '.stryker-tmp',
  // Not copied into the sandbox: the tests read src/, never the build or earlier reports.
  ignorePatterns: ['/dist', '/reports', '/.turbo'],
  reporters: ['html', 'clear-text', 'json', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // The goal is 90 % per module; Stryker breaks on the total, docs/mutation.md keeps the per-module table.
  thresholds: { high: 95, low: 90, break: 90 },
};
