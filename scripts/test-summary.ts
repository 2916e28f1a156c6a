// Sums every package's vitest JSON report (reports/vitest.json) into one line: `N passed, N failed`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

const packagesDir = new URL('../packages/', import.meta.url).pathname;
let passed = 0;
let failed = 0;
let skipped = 0;
const perPackage: string[] = [];
for (const name of readdirSync(packagesDir).sort()) {
  const file = join(packagesDir, name, 'reports', 'vitest.json');
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8')) as VitestJsonReport;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  perPackage.push(
    `  ${name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`,
  );
}
console.log(perPackage.join('\n'));
if (skipped) console.log(`(${skipped} skipped: see each package's report for why)`);
console.log(`${passed} passed, ${failed} failed`);
