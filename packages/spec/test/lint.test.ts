// Both documents and the Arazzo workflows pass Redocly's lint (recommended-strict plus redocly.yaml) with no problem at all.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

test.each(['openapi.yaml', 'mock-admin.yaml', 'workflows/video-task.arazzo.yaml'])(
  'redocly lint reports no errors and no warnings in %s',
  (file) => {
    let output: string;
    try {
      output = execFileSync('./node_modules/.bin/redocly', ['lint', file, '--format=json'], {
        cwd: packageDir,
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      // redocly exits non-zero on errors; its JSON report is still on stdout.
      output = String((error as { stdout?: string }).stdout ?? '');
    }
    const report = JSON.parse(output.slice(output.indexOf('{'))) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; message: string; location: { pointer?: string }[] }[];
    };
    const problems = report.problems.map(
      (p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`,
    );
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  },
  // redocly is a separate Node process: on a busy machine it takes seconds to start.
  60_000,
);
