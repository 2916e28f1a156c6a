// Sums every package's vitest JSON reports into one line: `N passed, N failed`. reports/vitest.json is
// `pnpm test`'s; reports/vitest-<run>.json another run's (vitest-image.json: `pnpm image:test`).
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
  const dir = join(packagesDir, name, 'reports');
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir).sort()) {
    const run = /^vitest(?:-(.+))?\.json$/.exec(file);
    if (!run) continue;
    const report = JSON.parse(readFileSync(join(dir, file), 'utf8')) as VitestJsonReport;
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
    perPackage.push(
      `  ${name}${run[1] ? ` (${run[1]})` : ''}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`,
    );
  }
}
console.log(perPackage.join('\n'));
if (skipped) console.log(`(${skipped} skipped: see each package's report for why)`);
console.log(`${passed} passed, ${failed} failed`);
