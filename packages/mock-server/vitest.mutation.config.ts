// The test files Stryker runs against each mutant: the mutated modules' own suites. The HTTP-level suites
// cover the same code but cost seconds per mutant, which makes a run take hours on two cores.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/delivery/*.test.ts',
      'src/store/*.test.ts',
      'src/node/redis/*.test.ts',
      // The core's unit suites (MockCore over the memory store and a manual clock) and the domain's.
      'src/core/*.test.ts',
      'src/domain/*.test.ts',
    ],
    pool: 'threads',
    testTimeout: 30_000,
  },
});
