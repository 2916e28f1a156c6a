// Test settings every package shares: a readable console report plus machine-readable files
// (reports/vitest.json is summed by .ci/run; reports/junit.xml is for CI systems).
// No import of vitest here: this file sits outside every package, where vitest is not installed.
// The global setup (scripts/test-setup.mjs) checks the programs a package needs and that its suites
// leave no temp files or processes behind; a package with its own global setup lists it after this one.
export const sharedTestConfig = {
  reporters: ['default', 'json', 'junit'] as string[],
  globalSetup: ['../../scripts/test-setup.mjs'] as string[],
  outputFile: {
    json: 'reports/vitest.json',
    junit: 'reports/junit.xml',
  },
};
