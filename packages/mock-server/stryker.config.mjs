// Stryker's mutation run over the mock's rule-bearing modules (docs/mutation.md has the scores).
import { createRequire } from 'node:module';

// Under pnpm, Stryker's own default plugin glob cannot see the runner installed at the workspace root.
const vitestRunner = createRequire(import.meta.url).resolve('@stryker-mutator/vitest-runner');
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: [vitestRunner],
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  // Vitest does not type-check, and a test compares a generated file's exact text (no `// @ts-nocheck`).
  disableTypeChecks: false,
  concurrency: 2,
  mutate: [
    'src/delivery/*.ts',
    'src/store/*.ts',
    'src/node/redis/*.ts',
    // The core's command families and the domain rules they use (docs/mutation.md says which are left out).
    'src/core/*.ts',
    '!src/core/context.ts',
    '!src/core/test-core.ts',
    'src/domain/lifecycle.ts',
    'src/domain/prices.ts',
    'src/domain/scenarios.ts',
    'src/domain/create-body.ts',
    'src/domain/clock-state.ts',
    'src/domain/trace-context.ts',
    '!**/*.test.ts',
  ],
  // Local runs retest only what changed since the last run; the file sits in the gitignored reports/.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  // One level down, as Stryker's tsconfig `extends` rewrite expects of a sandbox; gitignored.
  tempDirName: 'reports',
  reporters: ['html', 'clear-text', 'json', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: 90 },
};
