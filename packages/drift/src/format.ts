// The drift report as a terminal table, as Markdown (for CI summaries and artifacts), and as JSON.
import type { Finding } from './findings.js';
import type { DriftReport } from './report.js';

const COLUMNS = ['class', 'finding', 'operation', 'where', 'seen', 'count', 'add to the spec'] as const;

function cells(f: Finding): string[] {
  return [
    f.class,
    f.label,
    f.operation,
    f.pointer || '(answer)',
    f.samples.join(', '),
    String(f.count),
    f.suggestion,
  ];
}

export function summaryLine(report: DriftReport): string {
  const { answers, callbacks, proxyFailures } = report.exchanges;
  const failures = proxyFailures ? `, ${proxyFailures} upstream failure(s) not checked` : '';
  return `Drift report: ${answers} answer(s) and ${callbacks} callback(s) checked${failures} — ${report.breaking} breaking, ${report.additive} additive`;
}

function neverSeenLines(report: DriftReport): string[] {
  const n = report.neverSeen;
  const list = (items: string[]) => (items.length ? items.join(', ') : '(none)');
  return [
    `operations: ${list(n.operations)}`,
    `statuses: ${list(n.statuses.map((s) => `${s.operation} ${s.statuses.join('/')}`))}`,
    `error codes: ${list(n.errorCodes)}`,
    `task failure codes: ${list(n.failureCodes)}`,
  ];
}

/** Columns padded to their widest cell; the "seen" column is cut at 40 characters. */
export function formatTable(report: DriftReport): string {
  const rows = report.findings.map((f) =>
    cells(f).map((c, i) => (i === 4 && c.length > 40 ? `${c.slice(0, 39)}…` : c)),
  );
  const lines = [summaryLine(report), ''];
  if (rows.length) {
    const widths = COLUMNS.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
    const line = (r: readonly string[]) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] as number)))
        .join('  ')
        .trimEnd();
    lines.push(line(COLUMNS), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '');
  } else {
    lines.push('No finding: every recorded answer and callback keeps the spec.', '');
  }
  lines.push('Never seen in this recording:', ...neverSeenLines(report).map((l) => `  ${l}`));
  return lines.join('\n');
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function formatMarkdown(report: DriftReport): string {
  const lines = [`## ${summaryLine(report)}`, ''];
  if (report.findings.length) {
    lines.push(`| ${COLUMNS.join(' | ')} |`, `| ${COLUMNS.map(() => '---').join(' | ')} |`);
    for (const f of report.findings) {
      lines.push(
        `| ${cells(f)
          .map((c, i) => (i === 3 || i === 4 ? `\`${escapeCell(c)}\`` : escapeCell(c)))
          .join(' | ')} |`,
      );
    }
  } else {
    lines.push('No finding: every recorded answer and callback keeps the spec.');
  }
  lines.push('', '### Never seen in this recording', '', ...neverSeenLines(report).map((l) => `- ${l}`), '');
  return lines.join('\n');
}

export function formatJson(report: DriftReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
