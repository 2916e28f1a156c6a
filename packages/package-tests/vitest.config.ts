import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';

export default defineConfig({
  test: {
    ...sharedTestConfig,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Packs every published package once for all test files (see src/global-setup.ts).
    globalSetup: [...sharedTestConfig.globalSetup, 'src/global-setup.ts'],
    // npm installs and child processes: generous limits, never a timing assertion.
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
