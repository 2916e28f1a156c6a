// A report of which contract points held for the target: printed at the end, and written to reports/.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';
import { emptyRunFailure, requirementsFromEnv } from './requirements.js';
import { targetsOfRun } from './target.js';

const MARK = { passed: '✓', failed: '✗', skipped: '–', pending: '…' } as const;

export default class ContractReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    for (const target of targetsOfRun()) {
      this.report(
        target,
        testModules.filter((m) => m.project.name === target),
      );
    }
  }

  private report(target: string, testModules: ReadonlyArray<TestModule>): void {
    const lines: string[] = [`# Contract report: ${target}`, ''];
    const totals = { passed: 0, failed: 0, skipped: 0, pending: 0 };
    const contractModules = testModules.filter((m) => m.moduleId.endsWith('.contract.test.ts'));
    for (const module of contractModules.sort((a, b) => a.moduleId.localeCompare(b.moduleId))) {
      lines.push(`## ${module.moduleId.split('/').at(-1)?.replace('.contract.test.ts', '')}`, '');
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        totals[state]++;
        lines.push(`- ${MARK[state]} ${test.fullName}`);
        if (state === 'failed') {
          for (const error of test.result().errors ?? [])
            lines.push(`  - ${String(error.message).split('\n')[0]}`);
        }
      }
      lines.push('');
    }
    const checked = totals.passed + totals.failed;
    const summary = `${checked} contract points checked: ${totals.passed} held, ${totals.failed} broken; ${totals.skipped + totals.pending} not checked on this target`;
    // With CONTRACT_REQUIRE set, a run that checked nothing is a failure, not a quiet skip.
    const failure = emptyRunFailure(requirementsFromEnv(), checked);
    if (failure) {
      lines.push(`**FAILED: ${failure}**`, '');
      process.exitCode = 1;
    }
    lines.push(summary, '');
    mkdirSync('reports', { recursive: true });
    writeFileSync(`reports/contract-${target}.md`, lines.join('\n'));
    if (failure) console.error(`\nFAILED: ${failure}`);
    console.log(
      `\nContract report (${target}): ${summary} — reports/contract-${target}.md, reports/junit.xml`,
    );
  }
}
