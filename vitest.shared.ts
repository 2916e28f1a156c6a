// Test settings every package shares: a readable console report plus machine-readable files
// (reports/vitest.json is summed by .ci/run; reports/junit.xml is for CI systems).
import type { ViteUserConfig } from 'vitest/config';

export const sharedTestConfig = {
  reporters: ['default', 'json', 'junit'],
  outputFile: {
    json: 'reports/vitest.json',
    junit: 'reports/junit.xml',
  },
} satisfies NonNullable<ViteUserConfig['test']>;
