// Test settings every package shares: a readable console report plus machine-readable files
// (reports/vitest.json is summed by .ci/run; reports/junit.xml is for CI systems).
// No import of vitest here: this file sits outside every package, where vitest is not installed.
export const sharedTestConfig = {
  reporters: ['default', 'json', 'junit'] as string[],
  outputFile: {
    json: 'reports/vitest.json',
    junit: 'reports/junit.xml',
  },
};
